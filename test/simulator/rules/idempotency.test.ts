import { describeEachTransport } from '../harness';
import {
  claimSimulatorNumber,
  createConnector,
  expectRefused,
  numberIds,
  stateOf,
} from './support';

const TOKEN = 'create-support-line-0001';
const REUSED = 'was already used for a different';

describeEachTransport('idempotent creates (clientToken)', (harness) => {
  it('repeating a number create with the same clientToken returns the first number and claims no second', async () => {
    const { client } = harness();
    const first = await claimSimulatorNumber(client, { clientToken: TOKEN });
    const again = await claimSimulatorNumber(client, { clientToken: TOKEN });
    expect(again).toEqual(first);
    expect(await numberIds(client)).toEqual([first.phoneNumberId]);
  });

  it('a clientToken whose object is gone makes a new object', async () => {
    const { client } = harness();
    const body = { name: 'east', awsRegion: 'us-east-1', clientToken: TOKEN };
    const first = await client.call('CreateVoiceConnector', { body });
    await client.call('DeleteVoiceConnector', { id: first.voiceConnectorId });
    const again = await client.call('CreateVoiceConnector', { body });
    expect(again.voiceConnectorId).not.toBe(first.voiceConnectorId);
    expect(
      (await client.call('ListVoiceConnectors', {})).items.map((c) => c.voiceConnectorId),
    ).toEqual([again.voiceConnectorId]);
  });

  it('creates without a clientToken are not deduplicated', async () => {
    const { client } = harness();
    await claimSimulatorNumber(client);
    await claimSimulatorNumber(client);
    expect(await numberIds(client)).toHaveLength(2);
  });

  it('fails when a clientToken is reused for a different number request; nothing new is claimed', async () => {
    const { client } = harness();
    await claimSimulatorNumber(client, { clientToken: TOKEN });
    await expectRefused(
      client,
      () => claimSimulatorNumber(client, { clientToken: TOKEN, numberCapabilities: ['SMS'] }),
      'ConflictException',
      `clientToken "${TOKEN}" ${REUSED} CreatePhoneNumber request`,
    );
  });

  it('a repeated create returns the first number even when the inventory is now full', async () => {
    const small = await harness().newAccount('small', 1);
    const first = await claimSimulatorNumber(small, { clientToken: TOKEN });
    const again = await claimSimulatorNumber(small, { clientToken: TOKEN });
    expect(again.phoneNumberId).toBe(first.phoneNumberId);
  });

  it('a repeated create returns the first number as it is now', async () => {
    const { client } = harness();
    const body = {
      isoCountryCode: 'US',
      numberType: 'LONG_CODE',
      numberCapabilities: ['SMS'],
      clientToken: TOKEN,
    };
    const first = await client.call('CreatePhoneNumber', { body });
    await client.admin('ChangeClock', { body: { action: 'advance', by: '1m' } });
    const again = await client.call('CreatePhoneNumber', { body });
    expect(again).toMatchObject({ phoneNumberId: first.phoneNumberId, status: 'ACTIVE' });
    expect(await numberIds(client)).toEqual([first.phoneNumberId]);
  });

  it('the same clientToken in another account makes that account its own number', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const mine = await claimSimulatorNumber(client, { clientToken: TOKEN });
    const theirs = await claimSimulatorNumber(other, { clientToken: TOKEN });
    expect(theirs.phoneNumberId).not.toBe(mine.phoneNumberId);
    expect(await numberIds(other)).toEqual([theirs.phoneNumberId]);
    expect(await numberIds(client)).toEqual([mine.phoneNumberId]);
  });

  it('repeating a voice connector create with the same clientToken returns the first connector', async () => {
    const { client } = harness();
    const body = { name: 'east', awsRegion: 'us-east-1', clientToken: TOKEN };
    const first = await client.call('CreateVoiceConnector', { body });
    const again = await client.call('CreateVoiceConnector', { body });
    expect(again).toEqual(first);
    expect((await stateOf(client)).connectors).toEqual([first]);
  });

  it('fails when a clientToken is reused for a different voice connector', async () => {
    const { client } = harness();
    await client.call('CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1', clientToken: TOKEN },
    });
    await expectRefused(
      client,
      () =>
        client.call('CreateVoiceConnector', {
          body: { name: 'west', awsRegion: 'us-west-2', clientToken: TOKEN },
        }),
      'ConflictException',
      `${REUSED} CreateVoiceConnector request`,
    );
  });

  it('repeating a group create with the same clientToken returns the first group, even at the 3-group limit', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const body = {
      name: 'main',
      connectors: [{ voiceConnectorId: east.voiceConnectorId, priority: 1 }],
      clientToken: TOKEN,
    };
    const first = await client.call('CreateVoiceConnectorGroup', { body });
    await client.call('CreateVoiceConnectorGroup', { body: { name: 'two' } });
    await client.call('CreateVoiceConnectorGroup', { body: { name: 'three' } });
    const again = await client.call('CreateVoiceConnectorGroup', { body });
    expect(again).toEqual(first);
    expect((await stateOf(client)).groups).toHaveLength(3);
  });

  it('a retry that means the same (capabilities in another order, a default said aloud, connectors in another order) gets the first object, not a conflict', async () => {
    const { client } = harness();
    const number = { isoCountryCode: 'US', numberType: 'SIMULATOR', clientToken: TOKEN };
    const first = await client.call('CreatePhoneNumber', {
      body: { ...number, numberCapabilities: ['SMS', 'VOICE'] },
    });
    const again = await client.call('CreatePhoneNumber', {
      body: {
        ...number,
        numberCapabilities: ['VOICE', 'SMS'],
        deletionProtectionEnabled: false,
        optOutListName: 'Default',
        tags: {},
      },
    });
    expect(again.phoneNumberId).toBe(first.phoneNumberId);
    expect(await numberIds(client)).toEqual([first.phoneNumberId]);

    const connector = { name: 'east', awsRegion: 'us-east-1', clientToken: TOKEN };
    const east = await client.call('CreateVoiceConnector', { body: connector });
    expect(
      await client.call('CreateVoiceConnector', {
        body: { ...connector, requireEncryption: true },
      }),
    ).toEqual(east);
    const west = await createConnector(client, 'west');
    const members = [
      { voiceConnectorId: east.voiceConnectorId, priority: 1 },
      { voiceConnectorId: west.voiceConnectorId, priority: 2 },
    ];
    const group = await client.call('CreateVoiceConnectorGroup', {
      body: { name: 'main', connectors: members, clientToken: TOKEN },
    });
    expect(
      await client.call('CreateVoiceConnectorGroup', {
        body: { name: 'main', connectors: [...members].reverse(), clientToken: TOKEN },
      }),
    ).toEqual(group);
    expect((await stateOf(client)).groups).toHaveLength(1);
  });

  it('fails when a clientToken is reused for a different group', async () => {
    const { client } = harness();
    await client.call('CreateVoiceConnectorGroup', { body: { name: 'main', clientToken: TOKEN } });
    await expectRefused(
      client,
      () =>
        client.call('CreateVoiceConnectorGroup', { body: { name: 'backup', clientToken: TOKEN } }),
      'ConflictException',
      `${REUSED} CreateVoiceConnectorGroup request`,
    );
  });

  it('repeating an opt-out list create with the same clientToken returns the first list', async () => {
    const { client } = harness();
    const body = { optOutListName: 'marketing', clientToken: TOKEN };
    const first = await client.call('CreateOptOutList', { body });
    const again = await client.call('CreateOptOutList', { body });
    expect(again).toEqual(first);
    expect((await stateOf(client)).optOutLists.map((l) => l.optOutListName)).toEqual([
      'Default',
      'marketing',
    ]);
  });

  it('fails when a clientToken is reused for a different opt-out list', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', {
      body: { optOutListName: 'marketing', clientToken: TOKEN },
    });
    await expectRefused(
      client,
      () =>
        client.call('CreateOptOutList', { body: { optOutListName: 'alerts', clientToken: TOKEN } }),
      'ConflictException',
      `${REUSED} CreateOptOutList request`,
    );
  });

  it('fails when an opt-out list name is created twice without a clientToken', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    await expectRefused(
      client,
      () => client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } }),
      'ConflictException',
      'opt-out list "marketing" already exists',
    );
  });
});
