import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupProblems } from '../../provider/model/group-rules';
import { numberProblems } from '../../provider/model/number-rules';
import { describeProblem, type Problem, type ProblemCode } from '../../provider/model/problem';
import { parseInventory } from '../../provider/inventory/load-inventory';
import { formatProblem } from '../../provider/inventory/inventory-problems';
import { inventoryField } from '../../provider/inventory/inventory-rules';
import * as groupHooks from '../../provider/resources/hooks/voice-connector-group-hooks';
import * as listHooks from '../../provider/resources/hooks/opt-out-list-hooks';
import * as numberHooks from '../../provider/resources/hooks/phone-number-hooks';
import { SimulatorError } from '../../provider/api/errors';
import { Simulator } from '../../provider/simulator/service/simulator';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../provider/api/default-keys';

/**
 * Every rule of the rule book (provider/model/) through its three adapters: the
 * simulator's API, the provider's `check`, and the YAML inventory. Each case is one
 * declaration that breaks one rule; every adapter must refuse it, and where the rule has a
 * code, with that rule's own message and fix.
 */

type Declaration = Record<string, unknown>;

const number: Declaration = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR',
  numberCapabilities: ['SMS', 'VOICE'],
};
const assigned: Declaration = {
  ...number,
  productType: 'VoiceConnector',
  voiceConnectorId: 'vc-1',
};

const NUMBER_RULES: { code: ProblemCode; declaration: Declaration }[] = [
  { code: 'two-way-needs-channel', declaration: { ...number, twoWayEnabled: true } },
  {
    code: 'two-way-needs-sms',
    declaration: {
      ...number,
      numberCapabilities: ['VOICE'],
      twoWayEnabled: true,
      twoWayChannelArn: 'arn:aws:sns:us-east-1:111122223333:replies',
    },
  },
  {
    code: 'ten-dlc-needs-registration',
    declaration: { ...number, numberType: 'TEN_DLC', numberCapabilities: ['SMS'] },
  },
  {
    code: 'toll-free-not-business-calling',
    declaration: { ...number, numberType: 'TOLL_FREE', productType: 'BusinessCalling' },
  },
  {
    code: 'short-code-no-voice',
    declaration: { ...number, numberType: 'SHORT_CODE', numberCapabilities: ['SMS', 'VOICE'] },
  },
  { code: 'one-assignment', declaration: { ...assigned, voiceConnectorGroupId: 'group-1' } },
  {
    code: 'assignment-needs-voice-connector-product',
    declaration: { ...number, voiceConnectorId: 'vc-1' },
  },
  { code: 'assignment-needs-voice', declaration: { ...assigned, numberCapabilities: ['SMS'] } },
  { code: 'country-not-offered', declaration: { ...number, isoCountryCode: 'ZZ' } },
  {
    code: 'type-not-offered',
    declaration: { ...number, isoCountryCode: 'GB', numberType: 'TEN_DLC', registrationId: 'r-1' },
  },
  {
    code: 'area-code-not-supported',
    declaration: { ...number, isoCountryCode: 'GB', numberType: 'LONG_CODE', areaCode: '206' },
  },
  {
    code: 'area-code-not-for-short-code',
    declaration: {
      ...number,
      numberType: 'SHORT_CODE',
      numberCapabilities: ['SMS'],
      areaCode: '206',
    },
  },
  {
    code: 'not-toll-free-prefix',
    declaration: { ...number, numberType: 'TOLL_FREE', areaCode: '206' },
  },
  { code: 'not-geographic-area-code', declaration: { ...number, areaCode: '833' } },
];

const GROUP_RULES: { code: ProblemCode; connectors: { id: string; priority: number }[] }[] = [
  {
    code: 'connector-listed-twice',
    connectors: [
      { id: 'vc-1', priority: 1 },
      { id: 'vc-1', priority: 2 },
    ],
  },
  {
    code: 'priority-taken',
    connectors: [
      { id: 'vc-1', priority: 1 },
      { id: 'vc-2', priority: 1 },
    ],
  },
];

/** Field rules: each adapter refuses the value on the field, whatever its words. */
const FIELD_RULES: { name: string; field: string; declaration: Declaration }[] = [
  {
    name: 'more than 50 tags',
    field: 'tags',
    declaration: {
      ...number,
      tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])),
    },
  },
  {
    name: 'a channel ARN over 2048 characters',
    field: 'twoWayChannelArn',
    declaration: {
      ...number,
      twoWayEnabled: true,
      twoWayChannelArn: `arn:aws:sns:us-east-1:111122223333:${'t'.repeat(2048)}`,
    },
  },
  {
    name: 'a capability listed twice',
    field: 'numberCapabilities',
    declaration: { ...number, numberCapabilities: ['SMS', 'SMS'] },
  },
  {
    name: 'a lowercase country',
    field: 'isoCountryCode',
    declaration: { ...number, isoCountryCode: 'us' },
  },
];

/** The inventory's form of a number declaration: references by key, in a file that declares them. */
function inventoryOf(numbers: Record<string, Declaration>, groups: Declaration = {}): string {
  const phoneNumbers = Object.fromEntries(
    Object.entries(numbers).map(([key, { voiceConnectorId, voiceConnectorGroupId, ...rest }]) => [
      key,
      {
        ...rest,
        ...(voiceConnectorId ? { voiceConnector: voiceConnectorId } : {}),
        ...(voiceConnectorGroupId ? { voiceConnectorGroup: voiceConnectorGroupId } : {}),
      },
    ]),
  );
  return JSON.stringify({
    voiceConnectors: { 'vc-1': { awsRegion: 'us-east-1' }, 'vc-2': { awsRegion: 'us-west-2' } },
    voiceConnectorGroups: {
      'group-1': { connectors: [{ voiceConnector: 'vc-1', priority: 1 }] },
      ...groups,
    },
    phoneNumbers,
  });
}

const inventoryProblems = (text: string): string[] =>
  parseInventory(text, 'inventory.yaml').problems.map(formatProblem);

describe('the rule book through its three adapters', () => {
  let dir: string;
  let simulator: Simulator;
  /** What the simulator answers a create, as an error (or undefined when it accepts it). */
  const refusal = async (
    operation: 'CreatePhoneNumber' | 'CreateVoiceConnectorGroup' | 'CreateOptOutList',
    body: Declaration,
  ) =>
    simulator.invoke(DEFAULT_API_KEY, operation, { body }).then(
      () => undefined,
      (error: unknown) => (SimulatorError.isInstance(error) ? error : Promise.reject(error)),
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-rule-book-'));
    simulator = Simulator.open({ path: join(dir, 'simulator.db') });
  });
  afterAll(() => {
    simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(NUMBER_RULES)(
    '$code: every adapter refuses it with the same message and fix',
    async ({ code, declaration }) => {
      const problem = numberProblems(declaration).find((p) => p.code === code) as Problem;
      expect(problem).toBeDefined();

      const answer = await refusal('CreatePhoneNumber', declaration);
      expect(answer).toMatchObject({ code: 'ValidationException', reason: code });
      expect(answer?.message).toBe(describeProblem(problem));

      const { failures } = await numberHooks.check({}, { ...declaration, resourceKey: 'p/s/line' });
      expect(failures).toContainEqual({
        property: String(problem.path[0]),
        reason: describeProblem(problem),
      });

      // The inventory names the fields that refer to other entries its own way.
      const named = numberProblems(declaration, { fieldName: inventoryField }).find(
        (p) => p.code === code,
      ) as Problem;
      expect(named.message).toBe(problem.message);
      expect(inventoryProblems(inventoryOf({ line: declaration })).join('\n')).toContain(
        `phoneNumbers.line: ${named.message} — ${named.fix}`,
      );
    },
  );

  it.each(GROUP_RULES)(
    '$code: every adapter refuses it with the same message and fix',
    async ({ code, connectors }) => {
      const problem = groupProblems(
        connectors.map(({ id, priority }) => ({ connector: id, priority })),
      ).find((p) => p.code === code) as Problem;
      expect(problem).toBeDefined();
      const members = connectors.map(({ id, priority }) => ({ voiceConnectorId: id, priority }));

      const answer = await refusal('CreateVoiceConnectorGroup', { name: 'g', connectors: members });
      expect(answer).toMatchObject({ code: 'ValidationException', reason: code });
      expect(answer?.message).toBe(describeProblem(problem));

      const { failures } = await groupHooks.check({}, { name: 'g', connectors: members });
      expect(failures).toContainEqual({ property: 'connectors', reason: describeProblem(problem) });

      const group = {
        connectors: connectors.map(({ id, priority }) => ({ voiceConnector: id, priority })),
      };
      expect(inventoryProblems(inventoryOf({}, { g: group })).join('\n')).toContain(
        `voiceConnectorGroups.g: ${problem.message} — ${problem.fix}`,
      );
    },
  );

  it.each(FIELD_RULES)('$name: every adapter refuses the field', async ({ field, declaration }) => {
    const answer = await refusal('CreatePhoneNumber', declaration);
    expect(answer?.code).toBe('ValidationException');
    expect(answer?.message).toContain(field);

    const { failures } = await numberHooks.check({}, { ...declaration, resourceKey: 'p/s/line' });
    expect(failures.map((f) => f.property)).toContain(field);

    expect(inventoryProblems(inventoryOf({ line: declaration })).join('\n')).toContain(
      `phoneNumbers.line.${field}`,
    );
  });

  it('a group name outside the allowed characters is refused by every adapter', async () => {
    const connectors = [{ voiceConnectorId: 'vc-1', priority: 1 }];
    expect((await refusal('CreateVoiceConnectorGroup', { name: 'main#1', connectors }))?.code).toBe(
      'ValidationException',
    );
    const { failures } = await groupHooks.check({}, { name: 'main#1', connectors });
    expect(failures.map((f) => f.property)).toEqual(['name']);
    const group = { name: 'main#1', connectors: [{ voiceConnector: 'vc-1', priority: 1 }] };
    expect(inventoryProblems(inventoryOf({}, { g: group })).join('\n')).toContain(
      'voiceConnectorGroups.g.name: "main#1" is not valid',
    );
  });

  it('the built-in Default opt-out list is refused by every adapter', async () => {
    expect((await refusal('CreateOptOutList', { optOutListName: 'Default' }))?.code).toBe(
      'ConflictException',
    );
    const { failures } = await listHooks.check({}, { name: 'Default' });
    expect(failures).toHaveLength(1);
    const file = JSON.stringify({ optOutLists: { main: { name: 'Default' } } });
    expect(inventoryProblems(file).join('\n')).toContain(
      'optOutLists.main: Default is every account’s built-in opt-out list and is not managed',
    );
  });

  // The limits of an account need its state: the provider's check sees one resource and
  // cannot know them; the simulator counts what the account holds, the inventory the file.
  it('the number quota: the simulator refuses the 26th number, the inventory a file of 26', async () => {
    simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'UpdateAccount', {
      id: 'default',
      body: { numberQuota: 1 },
    });
    try {
      expect(
        await refusal('CreatePhoneNumber', { ...number, numberCapabilities: ['SMS'] }),
      ).toBeUndefined();
      expect(
        await refusal('CreatePhoneNumber', { ...number, numberCapabilities: ['SMS'] }),
      ).toMatchObject({
        code: 'ServiceQuotaExceededException',
        reason: 'number-quota',
      });
    } finally {
      simulator.invokeAdmin(DEFAULT_ADMIN_KEY, 'UpdateAccount', {
        id: 'default',
        body: { numberQuota: 25 },
      });
    }
    const file = inventoryOf({ line: { ...number, count: 26 } });
    expect(inventoryProblems(file).join('\n')).toContain(
      'phoneNumbers: an account holds at most 25 numbers, and this makes 26',
    );
  });

  it('the group limit: the simulator refuses a 4th group, the inventory a file of 4', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await refusal('CreateVoiceConnectorGroup', { name: `g${i}` })).toBeUndefined();
    }
    expect(await refusal('CreateVoiceConnectorGroup', { name: 'g3' })).toMatchObject({
      code: 'ServiceQuotaExceededException',
      reason: 'too-many-groups',
    });
    const connectors = [{ voiceConnector: 'vc-1', priority: 1 }];
    const file = inventoryOf({}, { a: { connectors }, b: { connectors }, c: { connectors } });
    expect(inventoryProblems(file).join('\n')).toContain(
      'voiceConnectorGroups: an account holds at most 3 voice connector groups, and this makes 4',
    );
  });
});
