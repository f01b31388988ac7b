import { COOL_DOWN_MS } from '../../model/limits';
import type { Db } from '../store/database';
import { nextDueEvent, removeEvent, type DueEvent } from '../store/due-events';
import {
  deleteNumberRow,
  findNumberRowById,
  recordChurn,
  recordRelease,
  updateNumberRow,
} from '../store/phone-numbers';

/**
 * Runs everything that has fallen due by `nowMs`, one event at a time in due order, each
 * at its own due time (so a number that activates and is then purged does both, in order).
 */
export function runDueEvents(db: Db, nowMs: number): DueEvent[] {
  const ran: DueEvent[] = [];
  for (let event = nextDueEvent(db, nowMs); event; event = nextDueEvent(db, nowMs)) {
    apply(db, event);
    removeEvent(db, event.event_id);
    ran.push(event);
  }
  return ran;
}

function apply(db: Db, event: DueEvent): void {
  const row = findNumberRowById(db, event.subject);
  if (!row) return;
  switch (event.kind) {
    case 'activate-number':
      if (row.status === 'PENDING') {
        updateNumberRow(db, { ...row, status: 'ACTIVE', claim_status: 'CLAIMED' });
      }
      return;
    case 'purge-deletion-queue':
      if (row.status === 'DELETION_QUEUED') {
        deleteNumberRow(db, row.phone_number_id);
        recordRelease(db, row.phone_number, row.account_id, event.due_at, COOL_DOWN_MS);
        recordChurn(db, row.account_id, 'release', event.due_at);
      }
      return;
    case 'expire-failed-claim':
      if (row.status === 'FAILED') deleteNumberRow(db, row.phone_number_id);
      return;
  }
}
