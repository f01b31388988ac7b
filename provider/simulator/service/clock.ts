import { clockChangeRequest } from '../../api/admin-requests';
import type { ClockView } from '../../api/objects';
import {
  advanceClock,
  clockNow,
  freezeClock,
  initialClock,
  parseDuration,
  resumeClock,
  scaleClock,
  setClock,
  type ClockState,
} from '../domain/clock';
import { validation } from '../../api/errors';
import { parseRequest } from '../../api/parse-request';
import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../store/settings';
import { runDueEvents } from './due-events';

export const CLOCK_SETTING = 'clock';

export function clockState(db: Db, realNowMs: number): ClockState {
  return readSetting<ClockState>(db, CLOCK_SETTING) ?? initialClock(realNowMs);
}

export function virtualNow(db: Db, realNowMs: number): number {
  return clockNow(clockState(db, realNowMs), realNowMs);
}

function view(state: ClockState, realNowMs: number): ClockView {
  return {
    now: new Date(clockNow(state, realNowMs)).toISOString(),
    mode: state.mode,
    scale: state.scale,
  };
}

export function initClock(db: Db, realNowMs: number): void {
  if (!readSetting(db, CLOCK_SETTING)) writeSetting(db, CLOCK_SETTING, initialClock(realNowMs));
}

export function describeClock(db: Db, realNowMs: number): ClockView {
  return view(clockState(db, realNowMs), realNowMs);
}

/** Changes the clock, then runs everything that fell due, in order. */
export function changeClock(
  db: Db,
  body: unknown,
  realNowMs: number,
): ClockView & { eventsRun: number } {
  const request = parseRequest(clockChangeRequest, body, 'clock change');
  const state = clockState(db, realNowMs);
  let next: ClockState;
  switch (request.action) {
    case 'advance':
      next = advanceClock(state, parseDuration(request.by), realNowMs);
      break;
    case 'set': {
      const to = Date.parse(request.to);
      if (Number.isNaN(to)) throw validation(`to "${request.to}" is not a time`);
      next = setClock(state, to, realNowMs);
      break;
    }
    case 'freeze':
      next = freezeClock(state, realNowMs);
      break;
    case 'resume':
      next = resumeClock(state, realNowMs);
      break;
    case 'scale':
      next = scaleClock(state, request.scale, realNowMs);
      break;
  }
  writeSetting(db, CLOCK_SETTING, next);
  const ran = runDueEvents(db, clockNow(next, realNowMs));
  return { ...view(next, realNowMs), eventsRun: ran.length };
}
