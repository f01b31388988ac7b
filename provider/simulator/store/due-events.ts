import { sql, type Db } from './database';

/** What falls due on the virtual clock. */
export type DueEventKind = 'activate-number' | 'purge-deletion-queue' | 'expire-failed-claim';

export interface DueEvent {
  event_id: number;
  due_at: number;
  kind: DueEventKind;
  subject: string;
}

export function scheduleEvent(db: Db, dueAtMs: number, kind: DueEventKind, subject: string): void {
  sql(db, 'INSERT INTO due_events (due_at, kind, subject) VALUES (?, ?, ?)').run(
    dueAtMs,
    kind,
    subject,
  );
}

export function cancelEvents(db: Db, subject: string): void {
  sql(db, 'DELETE FROM due_events WHERE subject = ?').run(subject);
}

/** The earliest event due at or before `nowMs`, in due order then scheduling order. */
export function nextDueEvent(db: Db, nowMs: number): DueEvent | undefined {
  return sql(
    db,
    'SELECT * FROM due_events WHERE due_at <= ? ORDER BY due_at, event_id LIMIT 1',
  ).get(nowMs) as DueEvent | undefined;
}

export function removeEvent(db: Db, eventId: number): void {
  sql(db, 'DELETE FROM due_events WHERE event_id = ?').run(eventId);
}
