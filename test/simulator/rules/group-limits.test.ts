import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type { VoiceConnector } from '../../../provider/api/objects';
import { describeEachTransport } from '../harness';
import { createConnector, createGroup, expectRefused } from './support';

/** Four connectors in four regions. */
async function fourConnectors(
  client: SimulatorClient,
): Promise<[VoiceConnector, VoiceConnector, VoiceConnector, VoiceConnector]> {
  return [
    await createConnector(client, 'east', 'us-east-1'),
    await createConnector(client, 'west', 'us-west-2'),
    await createConnector(client, 'frankfurt', 'eu-central-1'),
    await createConnector(client, 'tokyo', 'ap-northeast-1'),
  ];
}

const member = (connector: VoiceConnector, priority: number) => ({
  voiceConnectorId: connector.voiceConnectorId,
  priority,
});

describeEachTransport('voice connector group limits', (harness) => {
  it('an account holds 3 voice connector groups', async () => {
    const { client } = harness();
    for (const name of ['one', 'two', 'three']) await createGroup(client, name);
    const groups = await client.call('ListVoiceConnectorGroups');
    expect(groups.items.map((g) => g.name).sort()).toEqual(['one', 'three', 'two']);
  });

  it('fails when a 4th voice connector group is created', async () => {
    const { client } = harness();
    for (const name of ['one', 'two', 'three']) await createGroup(client, name);
    await expectRefused(
      client,
      () => createGroup(client, 'four'),
      'ServiceQuotaExceededException',
      'an account holds at most 3 voice connector groups, and this makes 4',
    );
  });

  it('a group is created again once one of three is deleted', async () => {
    const { client } = harness();
    const first = await createGroup(client, 'one');
    await createGroup(client, 'two');
    await createGroup(client, 'three');
    await client.call('DeleteVoiceConnectorGroup', { id: first.voiceConnectorGroupId });
    expect((await createGroup(client, 'four')).name).toBe('four');
  });

  it('a group holds 3 connectors in different regions', async () => {
    const { client } = harness();
    const [east, west, frankfurt] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [
      member(east, 1),
      member(west, 2),
      member(frankfurt, 3),
    ]);
    expect(group.connectors).toEqual([member(east, 1), member(west, 2), member(frankfurt, 3)]);
  });

  it('fails when a group is created with 4 connectors', async () => {
    const { client } = harness();
    const [a, b, c, d] = await fourConnectors(client);
    await expectRefused(
      client,
      () => createGroup(client, 'main', [member(a, 1), member(b, 2), member(c, 3), member(d, 4)]),
      'ValidationException',
      'a group holds at most 3 voice connectors',
    );
  });

  it('fails when a group is updated to 4 connectors; it keeps its 3', async () => {
    const { client } = harness();
    const [a, b, c, d] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [member(a, 1), member(b, 2), member(c, 3)]);
    await expectRefused(
      client,
      () =>
        client.call('UpdateVoiceConnectorGroup', {
          id: group.voiceConnectorGroupId,
          body: { connectors: [member(a, 1), member(b, 2), member(c, 3), member(d, 4)] },
        }),
      'ValidationException',
      'a group holds at most 3 voice connectors',
    );
  });

  it('priorities 1 and 99 are both valid, and 1 is listed first', async () => {
    const { client } = harness();
    const [east, west] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [member(west, 99), member(east, 1)]);
    expect(group.connectors).toEqual([member(east, 1), member(west, 99)]);
  });

  it.each([0, 100, 1.5])('fails when a connector is given priority %p', async (priority) => {
    const { client } = harness();
    const [east] = await fourConnectors(client);
    await expectRefused(
      client,
      () => createGroup(client, 'main', [member(east, priority)]),
      'ValidationException',
      /connectors\.0\.priority must be (from 1 \(tried first\) to 99|a whole number from 1 to 99)/,
    );
  });

  it('fails when two connectors share a priority', async () => {
    const { client } = harness();
    const [east, west] = await fourConnectors(client);
    await expectRefused(
      client,
      () => createGroup(client, 'main', [member(east, 1), member(west, 1)]),
      'ValidationException',
      `priority 1 is given to both ${east.voiceConnectorId} and ${west.voiceConnectorId}; give each connector its own priority`,
    );
  });

  it('fails when an update makes two connectors share a priority; the group keeps its ranks', async () => {
    const { client } = harness();
    const [east, west] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [member(east, 1), member(west, 2)]);
    await expectRefused(
      client,
      () =>
        client.call('UpdateVoiceConnectorGroup', {
          id: group.voiceConnectorGroupId,
          body: { connectors: [member(east, 2), member(west, 2)] },
        }),
      'ValidationException',
      'give each connector its own priority',
    );
  });

  it('fails when a connector appears twice in a group', async () => {
    const { client } = harness();
    const [east] = await fourConnectors(client);
    await expectRefused(
      client,
      () => createGroup(client, 'main', [member(east, 1), member(east, 2)]),
      'ValidationException',
      `voice connector ${east.voiceConnectorId} is listed twice; list each voice connector once`,
    );
  });

  it('fails when a group names a voice connector that does not exist', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () =>
        createGroup(client, 'main', [{ voiceConnectorId: 'abcdefghij0123456789ab', priority: 1 }]),
      'ResourceNotFoundException',
      'voice connector abcdefghij0123456789ab does not exist in this account',
    );
  });

  it('renaming a group keeps its connectors and their ranks', async () => {
    const { client } = harness();
    const [east, west] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [member(east, 1), member(west, 2)]);
    const renamed = await client.call('UpdateVoiceConnectorGroup', {
      id: group.voiceConnectorGroupId,
      body: { name: 'primary' },
    });
    expect(renamed).toMatchObject({ name: 'primary', connectors: group.connectors });
  });

  it('re-ranking connectors changes their order', async () => {
    const { client } = harness();
    const [east, west] = await fourConnectors(client);
    const group = await createGroup(client, 'main', [member(east, 1), member(west, 2)]);
    const updated = await client.call('UpdateVoiceConnectorGroup', {
      id: group.voiceConnectorGroupId,
      body: { connectors: [member(east, 2), member(west, 1)] },
    });
    expect(updated.connectors).toEqual([member(west, 1), member(east, 2)]);
  });
});
