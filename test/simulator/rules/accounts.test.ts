import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type {
  PhoneNumber,
  VoiceConnector,
  VoiceConnectorGroup,
} from '../../../provider/api/objects';
import { describeEachTransport, failureOf } from '../harness';
import {
  claimVoiceNumber,
  createConnector,
  createGroup,
  expectRefused,
  stateOf,
  updateNumber,
} from './support';

interface Holdings {
  number: PhoneNumber;
  connector: VoiceConnector;
  group: VoiceConnectorGroup;
}

/** One of everything, owned by `client`'s account. */
async function holdings(client: SimulatorClient): Promise<Holdings> {
  const connector = await createConnector(client, 'east');
  const group = await createGroup(client, 'main', [
    { voiceConnectorId: connector.voiceConnectorId, priority: 1 },
  ]);
  await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
  const number = await claimVoiceNumber(client, {
    voiceConnectorGroupId: group.voiceConnectorGroupId,
    optOutListName: 'marketing',
  });
  return { number, connector, group };
}

describeEachTransport('accounts', (harness) => {
  describe('one account never sees or changes another account’s objects', () => {
    it("an account lists none of another account's numbers, connectors, groups or lists", async () => {
      const owner = harness().client;
      await holdings(owner);
      const other = await harness().newAccount('other');
      const seen = await stateOf(other);
      expect(seen.numbers).toEqual([]);
      expect(seen.connectors).toEqual([]);
      expect(seen.groups).toEqual([]);
      expect(seen.optOutLists.map((l) => l.optOutListName)).toEqual(['Default']);
    });

    it("fails when an account reads another account's objects by id", async () => {
      const owner = harness().client;
      const { number, connector, group } = await holdings(owner);
      const other = await harness().newAccount('other');
      const reads: [() => Promise<unknown>, string][] = [
        [
          () => other.call('DescribePhoneNumber', { id: number.phoneNumberId }),
          `phone number ${number.phoneNumberId} does not exist in this account`,
        ],
        [
          () => other.call('GetVoiceConnector', { id: connector.voiceConnectorId }),
          `voice connector ${connector.voiceConnectorId} does not exist in this account`,
        ],
        [
          () => other.call('GetVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
          `voice connector group ${group.voiceConnectorGroupId} does not exist in this account`,
        ],
        [
          () => other.call('DescribeOptOutList', { id: 'marketing' }),
          'opt-out list "marketing" does not exist in this account',
        ],
        [
          () => other.call('RouteCall', { body: { phoneNumber: number.phoneNumber } }),
          `phone number ${number.phoneNumber} is not in this account's inventory`,
        ],
      ];
      for (const [read, message] of reads) {
        await expectRefused([owner, other], read, 'ResourceNotFoundException', message);
      }
    });

    it("fails when an account updates, releases or restores another account's number; it is unchanged", async () => {
      const owner = harness().client;
      const { number } = await holdings(owner);
      const other = await harness().newAccount('other');
      const missing = `phone number ${number.phoneNumberId} does not exist in this account`;
      await expectRefused(
        [owner, other],
        () => updateNumber(other, number.phoneNumberId, { voiceConnectorGroupId: null }),
        'ResourceNotFoundException',
        missing,
      );
      await expectRefused(
        [owner, other],
        () => other.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
        'ResourceNotFoundException',
        missing,
      );
      await expectRefused(
        [owner, other],
        () => other.call('RestorePhoneNumber', { id: number.phoneNumberId }),
        'ResourceNotFoundException',
        missing,
      );
    });

    it("fails when an account deletes another account's connector, group or opt-out list", async () => {
      const owner = harness().client;
      const { connector, group } = await holdings(owner);
      const other = await harness().newAccount('other');
      await expectRefused(
        [owner, other],
        () => other.call('DeleteVoiceConnectorGroup', { id: group.voiceConnectorGroupId }),
        'ResourceNotFoundException',
        'does not exist in this account',
      );
      await expectRefused(
        [owner, other],
        () => other.call('DeleteVoiceConnector', { id: connector.voiceConnectorId }),
        'ResourceNotFoundException',
        'does not exist in this account',
      );
      await expectRefused(
        [owner, other],
        () => other.call('DeleteOptOutList', { id: 'marketing' }),
        'ResourceNotFoundException',
        'does not exist in this account',
      );
    });

    it("fails when an account uses another account's connector, group or list for its own objects", async () => {
      const owner = harness().client;
      const { connector, group } = await holdings(owner);
      const other = await harness().newAccount('other');
      const mine = await claimVoiceNumber(other);
      await expectRefused(
        [owner, other],
        () =>
          updateNumber(other, mine.phoneNumberId, { voiceConnectorId: connector.voiceConnectorId }),
        'ResourceNotFoundException',
        `voice connector ${connector.voiceConnectorId} does not exist in this account`,
      );
      await expectRefused(
        [owner, other],
        () =>
          updateNumber(other, mine.phoneNumberId, {
            voiceConnectorGroupId: group.voiceConnectorGroupId,
          }),
        'ResourceNotFoundException',
        `voice connector group ${group.voiceConnectorGroupId} does not exist in this account`,
      );
      await expectRefused(
        [owner, other],
        () => updateNumber(other, mine.phoneNumberId, { optOutListName: 'marketing' }),
        'ResourceNotFoundException',
        'opt-out list "marketing" does not exist in this account',
      );
      await expectRefused(
        [owner, other],
        () =>
          createGroup(other, 'mine', [
            { voiceConnectorId: connector.voiceConnectorId, priority: 1 },
          ]),
        'ResourceNotFoundException',
        `voice connector ${connector.voiceConnectorId} does not exist in this account`,
      );
    });

    it('two accounts may give their objects the same names', async () => {
      const owner = harness().client;
      await holdings(owner);
      const other = await harness().newAccount('other');
      await holdings(other);
      const [mine, theirs] = [await stateOf(owner), await stateOf(other)];
      expect(theirs.numbers[0]?.phoneNumber).not.toBe(mine.numbers[0]?.phoneNumber);
      expect(theirs.optOutLists.map((l) => l.optOutListName)).toEqual(['Default', 'marketing']);
    });

    it('an out-of-band edit made as one account leaves the other untouched', async () => {
      const owner = harness().client;
      const { number } = await holdings(owner);
      const other = await harness().newAccount('other');
      const before = await stateOf(owner);
      const failure = await failureOf(
        owner.admin('InvokeAs', {
          id: 'other',
          body: {
            operation: 'UpdatePhoneNumber',
            input: { id: number.phoneNumberId, body: { deletionProtectionEnabled: true } },
          },
        }),
      );
      expect(failure.code).toBe('ResourceNotFoundException');
      expect(failure.message).toContain('does not exist in this account');
      expect(await stateOf(owner)).toEqual(before);
      expect((await stateOf(other)).numbers).toEqual([]);
    });
  });

  describe('keys', () => {
    it('fails when the API key is wrong; nothing is made', async () => {
      const wrong = harness().clientWith({ apiKey: 'np_not_a_real_key_at_all' });
      await expectRefused(
        harness().client,
        () => claimVoiceNumber(wrong),
        'AccessDeniedException',
        'the API key is not valid for any account',
      );
    });

    it('fails when no API key is sent; nothing is made', async () => {
      const anonymous = harness().clientWith({});
      await expectRefused(
        harness().client,
        () => claimVoiceNumber(anonymous),
        'AccessDeniedException',
        'no API key was sent',
      );
    });

    it('fails when an admin operation is called without the admin key; the quota stays', async () => {
      const { client } = harness();
      const made = await client.admin('CreateAccount', { body: { name: 'other' } });
      const accountOnly = harness().clientWith({ apiKey: made.apiKey });
      const before = await client.admin('ListAccounts');
      const failure = await failureOf(
        accountOnly.admin('UpdateAccount', { id: 'other', body: { numberQuota: 1000 } }),
      );
      expect(failure.code).toBe('AccessDeniedException');
      expect(failure.message).toContain('the admin surface needs the admin key');
      expect(await client.admin('ListAccounts')).toEqual(before);
    });

    it('fails when an account API key is sent as the admin key', async () => {
      const { client } = harness();
      const made = await client.admin('CreateAccount', { body: { name: 'other' } });
      const impostor = harness().clientWith({ apiKey: made.apiKey, adminKey: made.apiKey });
      const before = await client.admin('GetClock');
      const failure = await failureOf(
        impostor.admin('ChangeClock', { body: { action: 'advance', by: '7d' } }),
      );
      expect(failure.code).toBe('AccessDeniedException');
      expect(failure.message).toContain('the admin surface needs the admin key');
      expect(await client.admin('GetClock')).toEqual(before);
    });

    it('fails when the admin key is wrong, even for reading', async () => {
      const wrong = harness().clientWith({ adminKey: 'np_wrong_admin_key_123' });
      const failure = await failureOf(wrong.admin('ListAccounts'));
      expect(failure.code).toBe('AccessDeniedException');
      expect(failure.message).toContain('the admin surface needs the admin key');
    });

    it('fails when an out-of-band edit is attempted without the admin key; the number is unchanged', async () => {
      const { client } = harness();
      const number = await claimVoiceNumber(client);
      const made = await client.admin('CreateAccount', { body: { name: 'other' } });
      const accountOnly = harness().clientWith({ apiKey: made.apiKey });
      const before = await stateOf(client);
      const failure = await failureOf(
        accountOnly.admin('InvokeAs', {
          id: 'default',
          body: { operation: 'ReleasePhoneNumber', input: { id: number.phoneNumberId } },
        }),
      );
      expect(failure.code).toBe('AccessDeniedException');
      expect(failure.message).toContain('the admin surface needs the admin key');
      expect(await stateOf(client)).toEqual(before);
    });
  });
});
