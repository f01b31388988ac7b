import { renderPath, type PathSegment } from './inventory-problems';

/** A rule broken across entries: where, what, and the fix. Positions are found by the loader. */
export interface RuleProblem {
  path: PathSegment[];
  /** Point at the key of the last path segment instead of its value. */
  atKey?: boolean;
  message: string;
  fix: string;
}

export interface RuleOptions {
  /** The account's number quota (25 unless an admin raised it). */
  numberQuota: number;
  /** Names of numbers that had deletion protection in the last deployment. */
  previouslyProtected: readonly string[];
}

type Json = Record<string, unknown>;

const asMap = (value: unknown): Record<string, Json> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, Json>)
    : {};

export const MAX_GROUPS = 3;

/**
 * The checks a schema cannot express: references between entries, group priorities,
 * limits of the whole file, cross-field number rules, protected numbers removed. Works
 * on the raw document, skipping parts the schema already reports as malformed.
 */
export function checkInventoryRules(document: unknown, options: RuleOptions): RuleProblem[] {
  const root = asMap(document);
  const problems: RuleProblem[] = [];
  const connectors = asMap(root.voiceConnectors);
  const groups = asMap(root.voiceConnectorGroups);
  const lists = asMap(root.optOutLists);
  const numbers = asMap(root.phoneNumbers);

  const reference = (
    path: PathSegment[],
    value: unknown,
    section: string,
    known: Json,
    what: string,
  ): void => {
    if (typeof value !== 'string' || value in known) return;
    const keys = Object.keys(known);
    problems.push({
      path,
      message: `${renderPath(path)}: "${value}" is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in this file`,
      fix:
        keys.length > 0
          ? `use one of ${keys.join(', ')} (keys under ${section})`
          : `declare it under ${section} first`,
    });
  };

  const groupKeys = Object.keys(groups);
  groupKeys.slice(MAX_GROUPS).forEach((key) =>
    problems.push({
      path: ['voiceConnectorGroups', key],
      atKey: true,
      message: `voiceConnectorGroups: ${groupKeys.length} groups declared`,
      fix: `an account holds at most ${MAX_GROUPS} voice connector groups; remove ${groupKeys.length - MAX_GROUPS}`,
    }),
  );
  for (const [key, group] of Object.entries(groups)) {
    if (!Array.isArray(group.connectors)) continue;
    const priorities = new Map<unknown, string>();
    const members = new Set<unknown>();
    group.connectors.forEach((member: Json, index: number) => {
      const base: PathSegment[] = ['voiceConnectorGroups', key, 'connectors', index];
      reference(
        [...base, 'voiceConnector'],
        member?.voiceConnector,
        'voiceConnectors',
        connectors,
        'voice connector',
      );
      if (members.has(member?.voiceConnector)) {
        problems.push({
          path: [...base, 'voiceConnector'],
          message: `${renderPath([...base, 'voiceConnector'])}: ${String(member.voiceConnector)} is listed twice in this group`,
          fix: 'list each voice connector once',
        });
      }
      members.add(member?.voiceConnector);
      const holder = priorities.get(member?.priority);
      if (typeof member?.priority === 'number' && holder !== undefined) {
        problems.push({
          path: [...base, 'priority'],
          message: `${renderPath([...base, 'priority'])}: ${member.priority} is also the priority of ${holder}`,
          fix: 'give each connector its own priority from 1 (tried first) to 99',
        });
      }
      if (typeof member?.priority === 'number')
        priorities.set(member.priority, String(member.voiceConnector));
    });
  }

  const listNames = new Map<string, string>();
  for (const [key, list] of Object.entries(lists)) {
    const name = typeof list.name === 'string' ? list.name : key;
    if (name === 'Default') {
      problems.push({
        path: ['optOutLists', key, ...(typeof list.name === 'string' ? ['name'] : [])],
        atKey: typeof list.name !== 'string',
        message: `optOutLists.${key}: Default is every account’s built-in opt-out list`,
        fix: 'choose another name; numbers without optOutList use Default already',
      });
    }
    const other = listNames.get(name);
    if (other !== undefined) {
      problems.push({
        path: ['optOutLists', key],
        atKey: true,
        message: `optOutLists.${key}: its name "${name}" is also the name of optOutLists.${other}`,
        fix: 'give each opt-out list its own name',
      });
    }
    listNames.set(name, key);
  }

  const made = new Map<string, string>();
  let total = 0;
  for (const [key, number] of Object.entries(numbers)) {
    const base: PathSegment[] = ['phoneNumbers', key];
    const count =
      typeof number.count === 'number' && number.count >= 1 ? Math.floor(number.count) : undefined;
    total += count ?? 1;
    const names =
      count === undefined ? [key] : Array.from({ length: count }, (_, i) => `${key}-${i + 1}`);
    for (const name of names) {
      const other = made.get(name);
      if (other !== undefined && other !== key) {
        problems.push({
          path: base,
          atKey: true,
          message: `phoneNumbers.${key}: makes a number named ${name}, and so does phoneNumbers.${other}`,
          fix: 'rename one key: a count names its numbers KEY-1 … KEY-N',
        });
      }
      made.set(name, key);
    }
    reference(
      [...base, 'voiceConnector'],
      number.voiceConnector,
      'voiceConnectors',
      connectors,
      'voice connector',
    );
    reference(
      [...base, 'voiceConnectorGroup'],
      number.voiceConnectorGroup,
      'voiceConnectorGroups',
      groups,
      'voice connector group',
    );
    reference([...base, 'optOutList'], number.optOutList, 'optOutLists', lists, 'opt-out list');
    const assigned =
      number.voiceConnector !== undefined || number.voiceConnectorGroup !== undefined;
    if (number.voiceConnector !== undefined && number.voiceConnectorGroup !== undefined) {
      problems.push({
        path: [...base, 'voiceConnectorGroup'],
        message: `phoneNumbers.${key}: assigned to a voice connector and a voice connector group`,
        fix: 'keep voiceConnector or voiceConnectorGroup, not both',
      });
    }
    if (assigned && number.productType !== 'VoiceConnector') {
      problems.push({
        path: number.productType === undefined ? base : [...base, 'productType'],
        atKey: number.productType === undefined,
        message: `phoneNumbers.${key}: only VoiceConnector numbers can be assigned to a voice connector or group`,
        fix: 'set productType: VoiceConnector',
      });
    }
    const capabilities = Array.isArray(number.numberCapabilities) ? number.numberCapabilities : [];
    if (assigned && Array.isArray(number.numberCapabilities) && !capabilities.includes('VOICE')) {
      problems.push({
        path: [...base, 'numberCapabilities'],
        message: `phoneNumbers.${key}: a number assigned to a voice connector or group takes calls`,
        fix: 'add VOICE to numberCapabilities',
      });
    }
    if (number.twoWayEnabled === true && number.twoWayChannelArn === undefined) {
      problems.push({
        path: [...base, 'twoWayEnabled'],
        message: `phoneNumbers.${key}: two-way messaging needs a channel for replies`,
        fix: 'add twoWayChannelArn (e.g. an SNS topic ARN), or set twoWayEnabled: false',
      });
    }
    if (number.numberType === 'TEN_DLC' && number.registrationId === undefined) {
      problems.push({
        path: [...base, 'numberType'],
        message: `phoneNumbers.${key}: TEN_DLC numbers need a 10DLC campaign registration`,
        fix: 'add registrationId: the id of your registered campaign',
      });
    }
    if (number.numberType === 'TOLL_FREE' && number.productType === 'BusinessCalling') {
      problems.push({
        path: [...base, 'productType'],
        message: `phoneNumbers.${key}: Business Calling does not offer TOLL_FREE numbers`,
        fix: 'use productType: VoiceConnector, or another numberType',
      });
    }
    if (number.numberType === 'SHORT_CODE' && capabilities.includes('VOICE')) {
      problems.push({
        path: [...base, 'numberCapabilities'],
        message: `phoneNumbers.${key}: SHORT_CODE numbers carry SMS and MMS only`,
        fix: 'remove VOICE from numberCapabilities',
      });
    }
  }
  if (total > options.numberQuota) {
    problems.push({
      path: ['phoneNumbers'],
      atKey: true,
      message: `phoneNumbers: ${total} numbers declared (counts included)`,
      fix: `an account holds at most ${options.numberQuota} numbers; lower a count or remove numbers (or have an admin raise the quota and set numberplane:numberQuota)`,
    });
  }
  for (const name of options.previouslyProtected) {
    if (made.has(name)) continue;
    problems.push({
      path: Object.keys(root).includes('phoneNumbers') ? ['phoneNumbers'] : [],
      atKey: true,
      message: `phoneNumbers: protected number ${name} was removed from the file`,
      fix: 'deletion protection keeps it: put it back, or first set deletionProtectionEnabled: false and run up, then remove it',
    });
  }
  return problems;
}
