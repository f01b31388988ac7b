import { DEFAULT_LIST_NOT_MANAGED, numberQuotaProblem } from '../model/account-rules';
import { groupCountProblem, groupProblems } from '../model/group-rules';
import { DEFAULT_OPT_OUT_LIST, MAX_GROUPS_PER_ACCOUNT } from '../model/limits';
import { numberProblems } from '../model/number-rules';
import type { Problem } from '../model/problem';
import { numberNames } from './expand-inventory';
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

/** What the inventory calls the fields that refer to other entries by key. */
const INVENTORY_FIELDS: Record<string, string> = {
  voiceConnectorId: 'voiceConnector',
  voiceConnectorGroupId: 'voiceConnectorGroup',
  optOutListName: 'optOutList',
};
export const inventoryField = (field: string): string => INVENTORY_FIELDS[field] ?? field;

/**
 * A rule book problem of the entry at `base`, said as `base: message — fix`, pointing at
 * the field it names, or at the field that made the rule apply when that one is missing.
 */
function fromRuleBook(base: PathSegment[], problem: Problem, entry: Json = {}): RuleProblem {
  const [field] = problem.path;
  const missing = typeof field === 'string' && problem.path.length === 1 && !(field in entry);
  return {
    path: [...base, ...(missing && problem.cause ? [problem.cause] : problem.path)],
    message: `${renderPath(base)}: ${problem.message}`,
    fix: problem.fix,
  };
}

/** The entries of the file, by section. */
interface Sections {
  connectors: Record<string, Json>;
  groups: Record<string, Json>;
  lists: Record<string, Json>;
  numbers: Record<string, Json>;
}

/** `value` must be the key of an entry under `section`. */
function referenceProblem(
  path: PathSegment[],
  value: unknown,
  section: string,
  known: Json,
  what: string,
): RuleProblem[] {
  if (typeof value !== 'string' || value in known) return [];
  const keys = Object.keys(known);
  return [
    {
      path,
      message: `${renderPath(path)}: "${value}" is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in this file`,
      fix:
        keys.length > 0
          ? `use one of ${keys.join(', ')} (keys under ${section})`
          : `declare it under ${section} first`,
    },
  ];
}

function groupRules({ connectors, groups }: Sections): RuleProblem[] {
  const keys = Object.keys(groups);
  const tooMany = groupCountProblem(keys.length);
  const problems: RuleProblem[] = tooMany
    ? keys.slice(MAX_GROUPS_PER_ACCOUNT).map((key) => ({
        path: ['voiceConnectorGroups', key],
        atKey: true,
        message: `voiceConnectorGroups: ${tooMany.message}`,
        fix: tooMany.fix,
      }))
    : [];
  for (const [key, group] of Object.entries(groups)) {
    if (!Array.isArray(group.connectors)) continue;
    const members = group.connectors as (Json | null)[];
    members.forEach((member, index) =>
      problems.push(
        ...referenceProblem(
          ['voiceConnectorGroups', key, 'connectors', index, 'voiceConnector'],
          member?.voiceConnector,
          'voiceConnectors',
          connectors,
          'voice connector',
        ),
      ),
    );
    const declared = members.map((m) => ({ connector: m?.voiceConnector, priority: m?.priority }));
    for (const problem of groupProblems(declared, 'voiceConnector')) {
      problems.push(fromRuleBook(['voiceConnectorGroups', key], problem));
    }
  }
  return problems;
}

function optOutListRules({ lists }: Sections): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const names = new Map<string, string>();
  for (const [key, list] of Object.entries(lists)) {
    const named = typeof list.name === 'string';
    const name = named ? String(list.name) : key;
    if (name === DEFAULT_OPT_OUT_LIST) {
      problems.push({
        ...fromRuleBook(['optOutLists', key], {
          ...DEFAULT_LIST_NOT_MANAGED,
          path: named ? ['name'] : [],
        }),
        atKey: !named,
      });
    }
    const other = names.get(name);
    if (other !== undefined) {
      problems.push({
        path: ['optOutLists', key],
        atKey: true,
        message: `optOutLists.${key}: its name "${name}" is also the name of optOutLists.${other}`,
        fix: 'give each opt-out list its own name',
      });
    }
    names.set(name, key);
  }
  return problems;
}

/** The names a number entry makes, counting only a usable count (the schema reports the rest). */
const namesOf = (key: string, entry: Json): string[] =>
  numberNames(
    key,
    typeof entry.count === 'number' && entry.count >= 1 ? Math.floor(entry.count) : undefined,
  );

function numberRules(sections: Sections): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const made = new Map<string, string>();
  for (const [key, number] of Object.entries(sections.numbers)) {
    const base: PathSegment[] = ['phoneNumbers', key];
    for (const name of namesOf(key, number)) {
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
    problems.push(
      ...referenceProblem(
        [...base, 'voiceConnector'],
        number.voiceConnector,
        'voiceConnectors',
        sections.connectors,
        'voice connector',
      ),
      ...referenceProblem(
        [...base, 'voiceConnectorGroup'],
        number.voiceConnectorGroup,
        'voiceConnectorGroups',
        sections.groups,
        'voice connector group',
      ),
      ...referenceProblem(
        [...base, 'optOutList'],
        number.optOutList,
        'optOutLists',
        sections.lists,
        'opt-out list',
      ),
    );
    const declared = {
      ...number,
      voiceConnectorId: number.voiceConnector,
      voiceConnectorGroupId: number.voiceConnectorGroup,
    };
    for (const problem of numberProblems(declared, { fieldName: inventoryField })) {
      problems.push(fromRuleBook(base, problem, number));
    }
  }
  return problems;
}

/** The number quota of the account, and the protected numbers the file must still declare. */
function wholeFileRules({ numbers }: Sections, root: Json, options: RuleOptions): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const names = new Set(Object.entries(numbers).flatMap(([key, entry]) => namesOf(key, entry)));
  const quota = numberQuotaProblem(names.size, options.numberQuota);
  if (quota) {
    problems.push({
      path: ['phoneNumbers'],
      atKey: true,
      message: `phoneNumbers: ${quota.message} (counts included)`,
      fix: 'lower a count or remove numbers (or have an admin raise the quota and set numberplane:numberQuota)',
    });
  }
  for (const name of options.previouslyProtected) {
    if (names.has(name)) continue;
    problems.push({
      path: Object.keys(root).includes('phoneNumbers') ? ['phoneNumbers'] : [],
      atKey: true,
      message: `phoneNumbers: protected number ${name} was removed from the file`,
      fix: 'deletion protection keeps it: put it back, or first set deletionProtectionEnabled: false and run up, then remove it',
    });
  }
  return problems;
}

/**
 * The checks a schema cannot express: references between entries, the rule book's rules
 * across fields (the same the provider's check and the simulator enforce), limits of the
 * whole file, protected numbers removed. Works on the raw document, skipping parts the
 * schema already reports as malformed.
 */
export function checkInventoryRules(document: unknown, options: RuleOptions): RuleProblem[] {
  const root = asMap(document);
  const sections: Sections = {
    connectors: asMap(root.voiceConnectors),
    groups: asMap(root.voiceConnectorGroups),
    lists: asMap(root.optOutLists),
    numbers: asMap(root.phoneNumbers),
  };
  return [
    ...groupRules(sections),
    ...optOutListRules(sections),
    ...numberRules(sections),
    ...wholeFileRules(sections, root, options),
  ];
}
