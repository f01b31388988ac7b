import { COOL_DOWN_MS, DELETION_QUEUE_MS } from '../../model/limits';
import type { Db } from '../store/database';
import { nextDueEvent, removeEvent, type DueEvent } from '../store/due-events';
import { deleteNumberRow, findNumberRowById, updateNumberRow } from '../store/phone-numbers';
import { recordRelease } from '../store/number-releases';

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
        // The cool-down counts from the release call, which the churn window already holds.
        const releasedAt = event.due_at - DELETION_QUEUE_MS;
        recordRelease(db, row.phone_number, row.account_id, releasedAt, COOL_DOWN_MS);
      }
      return;
    case 'expire-failed-claim':
      if (row.status === 'FAILED') deleteNumberRow(db, row.phone_number_id);
      return;
  }
}
