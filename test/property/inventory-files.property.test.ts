import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { formatProblem } from '../../provider/inventory/inventory-problems';
import { InventoryError, loadInventory } from '../../provider/inventory/load-inventory';
import {
  CASES,
  closingLine,
  jsonValue,
  objectOf,
  printClosingLine,
  propertySeed,
} from './generators';

/**
 * Generated broken inventory files, each a mutation of the sample inventory that makes it
 * invalid by construction: a bad value where the schema or the rules refuse it, an unknown
 * or misspelt key, a duplicated key, broken YAML. Each file must load to problems (never a
 * throw), every line of the error `FILE:LINE:COL message — fix` inside the file, and the
 * directory must hold only the file written, unchanged.
 */

const VALID = readFileSync(
  join(__dirname, '..', '..', 'examples', 'sample-inventory.yaml'),
  'utf8',
);

type Path = (string | number)[];

/** Places in the sample and values each refuses. */
const BAD_VALUES: { path: Path; bad: fc.Arbitrary<unknown> }[] = [
  {
    path: ['voiceConnectors', 'east', 'awsRegion'],
    bad: fc.oneof(
      fc.constantFrom('mars-north-1', 'US-EAST-1', '', 7, null),
      fc.stringMatching(/^[A-Z ]{1,8}$/),
    ),
  },
  {
    path: ['voiceConnectors', 'west', 'requireEncryption'],
    bad: fc.constantFrom('maybe', 1, 0, 'yes please', [true], {}),
  },
  {
    path: ['voiceConnectorGroups', 'main', 'connectors', 0, 'priority'],
    bad: fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 100 }),
      fc.constantFrom(1.5, '1', null),
    ),
  },
  {
    path: ['voiceConnectorGroups', 'main', 'connectors', 1, 'voiceConnector'],
    bad: fc.constantFrom('north', 'East', 'no such', 3),
  },
  {
    path: ['voiceConnectorGroups', 'main', 'connectors'],
    bad: fc.constantFrom('east', 7, null, {}),
  },
  {
    path: ['phoneNumbers', 'support', 'isoCountryCode'],
    bad: fc.oneof(
      fc.stringMatching(/^[a-z]{2}$/),
      fc.stringMatching(/^[A-Z]{3,5}$/),
      fc.constantFrom(1, 'U S', ''),
    ),
  },
  {
    path: ['phoneNumbers', 'support', 'numberType'],
    bad: fc.constantFrom('VANITY', 'toll_free', 5, true, []),
  },
  {
    path: ['phoneNumbers', 'support', 'numberCapabilities'],
    bad: fc.constantFrom([], 'VOICE', ['FAX'], ['VOICE', 'VOICE'], [1], null),
  },
  {
    path: ['phoneNumbers', 'alerts', 'count'],
    bad: fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 101, max: 100000 }),
      fc.constantFrom(1.5, '3', null, [3]),
    ),
  },
  {
    path: ['phoneNumbers', 'alerts', 'optOutList'],
    bad: fc.constantFrom('nosuch', 'Marketing', 'Default', ''),
  },
  { path: ['phoneNumbers', 'alerts', 'registrationId'], bad: fc.constantFrom(null, 5, [], {}) },
  {
    path: ['phoneNumbers', 'support', 'areaCode'],
    bad: fc.oneof(fc.stringMatching(/^\d{4,6}$/), fc.constantFrom('20a', 206, '')),
  },
  {
    path: ['phoneNumbers', 'alerts', 'tags'],
    bad: fc.oneof(
      fc.constantFrom('team', 7, ['a'], { team: 7 }, { '': 'x' }),
      fc.constantFrom('x', 'team', 7).map((value) =>
        objectOf([
          ['team', 'sms'],
          ['__proto__', value],
        ]),
      ),
    ),
  },
];

interface Broken {
  kind: string;
  text: string;
}

/** A value the schema refuses at one place of the sample. */
const badValue: fc.Arbitrary<Broken> = fc
  .constantFrom(...BAD_VALUES)
  .chain(({ path, bad }) => bad.map((value) => ({ path, value })))
  .map(({ path, value }) => {
    const document = parseDocument(VALID);
    document.setIn(path, value);
    return { kind: `${path.join('.')} = ${JSON.stringify(value)}`, text: String(document) };
  });

/** An unknown key (any value) in a mapping of the sample, or a key that is not a valid name. */
const badKey: fc.Arbitrary<Broken> = fc
  .tuple(
    fc.constantFrom<Path>(
      [],
      ['voiceConnectors', 'east'],
      ['phoneNumbers', 'support'],
      ['optOutLists', 'marketing'],
      ['voiceConnectorGroups', 'main'],
    ),
    fc.oneof(
      fc.constantFrom('colour', 'isoCountrycode', 'awsregion', 'prority', '__proto__', 'toString'),
      fc.stringMatching(/^[A-Za-z_]{1,12}$/),
    ),
    jsonValue,
  )
  .filter(([path, key]) => {
    const document = parseDocument(VALID);
    const known =
      path.length === 0
        ? ['voiceConnectors', 'voiceConnectorGroups', 'optOutLists', 'phoneNumbers']
        : (KNOWN_PROPERTIES[String(path[0])] ?? []);
    return !known.includes(key) && !document.hasIn([...path, key]);
  })
  .map(([path, key, value]) => {
    const document = parseDocument(VALID);
    document.setIn([...path, key], value);
    return { kind: `unknown key ${[...path, key].join('.')}`, text: String(document) };
  })
  .filter(({ text }) => text !== VALID);

const KNOWN_PROPERTIES: Record<string, string[]> = {
  voiceConnectors: ['name', 'awsRegion', 'requireEncryption', 'tags', 'adoptExistingId'],
  phoneNumbers: [
    'isoCountryCode',
    'numberType',
    'numberCapabilities',
    'messageType',
    'productType',
    'areaCode',
    'deletionProtectionEnabled',
    'selfManagedOptOutsEnabled',
    'twoWayEnabled',
    'twoWayChannelArn',
    'registrationId',
    'waitForActive',
    'tags',
    'adoptExistingId',
    'count',
    'voiceConnector',
    'voiceConnectorGroup',
    'optOutList',
  ],
  optOutLists: ['name', 'tags', 'adoptExistingId'],
  voiceConnectorGroups: ['name', 'connectors', 'adoptExistingId'],
};

/** An entry key that is not a name: capitals, digits first, spaces, too long. */
const badEntryKey: fc.Arbitrary<Broken> = fc
  .tuple(
    fc.constantFrom('voiceConnectors', 'optOutLists', 'phoneNumbers'),
    fc.oneof(
      fc.stringMatching(/^[A-Z][a-z]{0,8}$/),
      fc.stringMatching(/^\d[a-z]{0,5}$/),
      fc.constantFrom('my list', 'a_b', 'x'.repeat(57), '-a'),
    ),
  )
  .map(([section, key]) => ({
    kind: `entry key ${section}.${key}`,
    text: VALID.replace(`${section}:\n`, `${section}:\n  ${JSON.stringify(key)}: {}\n`),
  }));

/** A line of the sample repeated right after itself: the same key twice in one mapping. */
const duplicateKey: fc.Arbitrary<Broken> = fc
  .constantFrom(
    ...VALID.split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /^\s*[A-Za-z]+:/.test(line) && !/^\s*-/.test(line)),
  )
  .map(({ line, index }) => {
    const lines = VALID.split('\n');
    lines.splice(index + 1, 0, line.replace(/:.*$/, ': 1'));
    return { kind: `duplicate key at line ${index + 1}`, text: lines.join('\n') };
  });

/** YAML that does not parse: a value opening a flow collection or quote it never closes, a tab for indentation. */
const KEY_LINES = VALID.split('\n')
  .map((line, index) => ({ line, index }))
  .filter(({ line }) => /^\s*[A-Za-z-]+:/.test(line));
const brokenSyntax: fc.Arbitrary<Broken> = fc
  .tuple(
    fc.constantFrom(...KEY_LINES),
    fc.constantFrom('{', '[', '"abc', "'abc", '{ a: 1', '[a, b', '\t'),
  )
  .map(([{ line, index }, breaker]) => {
    const lines = VALID.split('\n');
    lines[index] =
      breaker === '\t' ? `\t${line.trimStart()}` : `${line.replace(/:.*$/, ':')} ${breaker}`;
    return {
      kind: `syntax ${JSON.stringify(breaker)} at line ${index + 1}`,
      text: lines.join('\n'),
    };
  });

describe('inventory files, generated broken', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-property-inventory-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the sample they are made from loads without problems', () => {
    expect(
      loadInventory(join(__dirname, '..', '..', 'examples', 'sample-inventory.yaml')).problems,
    ).toEqual([]);
  });

  it(`${CASES} generated broken inventories each load to FILE:LINE:COL problems, without a throw or another file`, () => {
    const seed = propertySeed();
    const started = Date.now();
    let cases = 0;
    const broken = fc.oneof(badValue, badKey, badEntryKey, duplicateKey, brokenSyntax);
    fc.assert(
      fc.property(broken, ({ text }) => {
        cases++;
        const file = join(dir, `inventory-${cases}.yaml`);
        writeFileSync(file, text);
        let outcome: unknown;
        try {
          const loaded = loadInventory(file);
          const message = new InventoryError(loaded.problems).message;
          const lineCount = text.split('\n').length;
          outcome = {
            inventory: loaded.inventory === undefined ? 'none' : 'loaded',
            problems: loaded.problems.length > 0 ? 'some' : 'none',
            lines: message.split('\n').every((line) => {
              const match = /^(.+):(\d+):(\d+) .+ — .+$/.exec(line);
              return (
                match !== null &&
                match[1] === file &&
                Number(match[2]) >= 1 &&
                Number(match[2]) <= lineCount &&
                Number(match[3]) >= 1
              );
            })
              ? 'FILE:LINE:COL message — fix'
              : loaded.problems.map(formatProblem),
          };
        } catch (error) {
          outcome = { threw: error instanceof Error ? `${error.name}: ${error.message}` : error };
        }
        const listed = readdirSync(dir);
        const kept = readFileSync(file, 'utf8');
        rmSync(file);
        expect(outcome).toEqual({
          inventory: 'none',
          problems: 'some',
          lines: 'FILE:LINE:COL message — fix',
        });
        expect(listed).toEqual([`inventory-${cases}.yaml`]);
        expect(kept).toBe(text);
      }),
      { numRuns: CASES, seed },
    );
    printClosingLine(closingLine('inventory files', cases, seed, Date.now() - started));
    expect(cases).toBeGreaterThanOrEqual(CASES);
  });
});
