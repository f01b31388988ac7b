import { MAX_GROUPS_PER_ACCOUNT } from './limits';
import type { Problem } from './problem';

/** One connector of a group as declared: its id (or, in an inventory, its key) and priority. */
export interface GroupMember {
  readonly connector: unknown;
  readonly priority: unknown;
}

/**
 * Chime groups: each connector appears once, and each has its own priority. `members`
 * are the group's connectors in declared order; `field` names the member's connector
 * field in paths (`voiceConnectorId`, or the inventory's `voiceConnector`).
 */
export function groupProblems(
  members: readonly GroupMember[],
  field = 'voiceConnectorId',
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<unknown>();
  const priorities = new Map<unknown, unknown>();
  members.forEach(({ connector, priority }, index) => {
    if (connector === undefined || connector === null) return;
    if (seen.has(connector)) {
      problems.push({
        code: 'connector-listed-twice',
        path: ['connectors', index, field],
        message: `voice connector ${String(connector)} is listed twice`,
        fix: 'list each voice connector once: a connector appears once in a group',
        kind: 'validation',
      });
    }
    seen.add(connector);
    const holder = priorities.get(priority);
    if (typeof priority === 'number' && holder !== undefined) {
      problems.push({
        code: 'priority-taken',
        path: ['connectors', index, 'priority'],
        message: `priority ${priority} is given to both ${String(holder)} and ${String(connector)}`,
        fix: 'give each connector its own priority from 1 (tried first) to 99',
        kind: 'validation',
      });
    }
    if (typeof priority === 'number') priorities.set(priority, connector);
  });
  return problems;
}

/** An account holds at most three voice connector groups: `total` would be too many. */
export function groupCountProblem(total: number): Problem | undefined {
  if (total <= MAX_GROUPS_PER_ACCOUNT) return undefined;
  return {
    code: 'too-many-groups',
    path: [],
    message: `an account holds at most ${MAX_GROUPS_PER_ACCOUNT} voice connector groups, and this makes ${total}`,
    fix: `keep at most ${MAX_GROUPS_PER_ACCOUNT}: delete (or leave out) ${total - MAX_GROUPS_PER_ACCOUNT} first`,
    kind: 'quota',
  };
}
