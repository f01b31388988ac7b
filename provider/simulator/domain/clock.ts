import { validation } from '../../api/errors';

/**
 * The virtual clock. It follows real time (optionally scaled) until frozen; it can be
 * advanced or set. Its state is stored, so every process sharing a store shares one clock.
 */
export interface ClockState {
  mode: 'running' | 'frozen';
  /** Virtual milliseconds per real millisecond while running. */
  scale: number;
  /** Real time (ms since epoch) at the last rebase. */
  anchorRealMs: number;
  /** Virtual time (ms since epoch) at the last rebase. */
  anchorVirtualMs: number;
}

/**
 * The clock stays at or before 9000-01-01T00:00:00Z, far from the latest time a Date holds
 * (+275760): every deadline the rules compute from it (at most 10 years of provisioning
 * delay, a 90-day window) is then a date ISO-8601 writes with four digits, as exports need.
 * A running clock that reaches it stops there.
 */
export const LATEST_CLOCK_MS = Date.UTC(9000, 0, 1);
const LATEST = new Date(LATEST_CLOCK_MS).toISOString();

export function initialClock(realNowMs: number): ClockState {
  return { mode: 'running', scale: 1, anchorRealMs: realNowMs, anchorVirtualMs: realNowMs };
}

export function clockNow(state: ClockState, realNowMs: number): number {
  if (state.mode === 'frozen') return Math.min(state.anchorVirtualMs, LATEST_CLOCK_MS);
  const now = Math.floor(state.anchorVirtualMs + (realNowMs - state.anchorRealMs) * state.scale);
  return Math.min(now, LATEST_CLOCK_MS);
}

function rebase(state: ClockState, realNowMs: number): ClockState {
  return { ...state, anchorRealMs: realNowMs, anchorVirtualMs: clockNow(state, realNowMs) };
}

export function advanceClock(state: ClockState, byMs: number, realNowMs: number): ClockState {
  if (!Number.isFinite(byMs) || byMs < 0) {
    throw validation(
      `clock advance must be a positive duration, got ${byMs}ms; use e.g. 7d or 36h`,
    );
  }
  const based = rebase(state, realNowMs);
  if (based.anchorVirtualMs + byMs > LATEST_CLOCK_MS) {
    throw validation(
      `clock advance of ${byMs}ms would take the clock past ${LATEST}, the latest time it keeps (it is ${new Date(based.anchorVirtualMs).toISOString()}); advance by at most ${LATEST_CLOCK_MS - based.anchorVirtualMs}ms`,
    );
  }
  return { ...based, anchorVirtualMs: based.anchorVirtualMs + byMs };
}

export function setClock(state: ClockState, toMs: number, realNowMs: number): ClockState {
  const current = clockNow(state, realNowMs);
  if (toMs < current) {
    throw validation(
      `the clock never runs backwards: ${new Date(toMs).toISOString()} is before now (${new Date(current).toISOString()}); pick a later time`,
    );
  }
  if (toMs > LATEST_CLOCK_MS) {
    throw validation(
      `clock set to ${new Date(toMs).toISOString()} is past ${LATEST}, the latest time the clock keeps; pick a time from now to ${LATEST}`,
    );
  }
  return { ...rebase(state, realNowMs), anchorVirtualMs: toMs };
}

export function freezeClock(state: ClockState, realNowMs: number): ClockState {
  return { ...rebase(state, realNowMs), mode: 'frozen' };
}

export function resumeClock(state: ClockState, realNowMs: number): ClockState {
  return { ...rebase(state, realNowMs), mode: 'running' };
}

export function scaleClock(state: ClockState, scale: number, realNowMs: number): ClockState {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1_000_000) {
    throw validation(`clock scale must be a number in (0, 1000000], got ${scale}; 1 is real time`);
  }
  return { ...rebase(state, realNowMs), scale };
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parses `7d`, `36h`, `1d12h`, `90m`, `30s`, `500ms` into milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const pattern = /(\d+)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(pattern)) {
    if (match.index !== consumed) break;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
    consumed += match[0].length;
  }
  if (trimmed.length === 0 || consumed !== trimmed.length) {
    throw validation(
      `duration "${text}" is not valid; use a number and a unit (ms, s, m, h, d, w), e.g. 7d or 1d12h`,
    );
  }
  return total;
}
