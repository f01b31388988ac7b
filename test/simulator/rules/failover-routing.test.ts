import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type {
  PhoneNumber,
  VoiceConnector,
  VoiceConnectorGroup,
} from '../../../provider/api/objects';
import { describeEachTransport } from '../harness';
import {
  advance,
  claimSimulatorNumber,
  claimVoiceNumber,
  createConnector,
  createGroup,
  expectRefused,
} from './support';

interface Setup {
  east: VoiceConnector;
  west: VoiceConnector;
  frankfurt: VoiceConnector;
  group: VoiceConnectorGroup;
  number: PhoneNumber;
}

/**
 * A group ranking us-east-1 first (priority 5), us-west-2 second (20) and eu-central-1
 * last (90), declared out of order, and a number assigned to it.
 */
async function threeRegionGroup(client: SimulatorClient): Promise<Setup> {
  const east = await createConnector(client, 'east', 'us-east-1');
  const west = await createConnector(client, 'west', 'us-west-2');
  const frankfurt = await createConnector(client, 'frankfurt', 'eu-central-1');
  const group = await createGroup(client, 'main', [
    { voiceConnectorId: frankfurt.voiceConnectorId, priority: 90 },
    { voiceConnectorId: east.voiceConnectorId, priority: 5 },
    { voiceConnectorId: west.voiceConnectorId, priority: 20 },
  ]);
  const number = await claimVoiceNumber(client, {
    voiceConnectorGroupId: group.voiceConnectorGroupId,
  });
  return { east, west, frankfurt, group, number };
}

const routeCall = (client: SimulatorClient, number: PhoneNumber) =>
  client.call('RouteCall', { body: { phoneNumber: number.phoneNumber } });

const outage = (client: SimulatorClient, awsRegion: string) =>
  client.admin('StartOutage', { body: { awsRegion } });

describeEachTransport('failover routing of inbound calls', (harness) => {
  it("a call reaches the group's highest-priority connector first", async () => {
    const { client } = harness();
    const { east, number } = await threeRegionGroup(client);
    const route = await routeCall(client, number);
    expect(route).toEqual({
      phoneNumber: number.phoneNumber,
      routed: true,
      voiceConnectorId: east.voiceConnectorId,
      awsRegion: 'us-east-1',
      attempts: [
        {
          voiceConnectorId: east.voiceConnectorId,
          awsRegion: 'us-east-1',
          priority: 5,
          outcome: 'answered',
        },
      ],
    });
  });

  it('a call fails over to the next connector by priority when the first region is in outage', async () => {
    const { client } = harness();
    const { east, west, number } = await threeRegionGroup(client);
    await outage(client, 'us-east-1');
    const route = await routeCall(client, number);
    expect(route).toMatchObject({ routed: true, voiceConnectorId: west.voiceConnectorId });
    expect(route.attempts).toEqual([
      {
        voiceConnectorId: east.voiceConnectorId,
        awsRegion: 'us-east-1',
        priority: 5,
        outcome: 'region-outage',
      },
      {
        voiceConnectorId: west.voiceConnectorId,
        awsRegion: 'us-west-2',
        priority: 20,
        outcome: 'answered',
      },
    ]);
  });

  it('a call skips every region in outage and reaches the first available connector', async () => {
    const { client } = harness();
    const { frankfurt, number } = await threeRegionGroup(client);
    await outage(client, 'us-west-2');
    await outage(client, 'us-east-1');
    const route = await routeCall(client, number);
    expect(route).toMatchObject({ routed: true, voiceConnectorId: frankfurt.voiceConnectorId });
    expect(route.attempts.map((a) => [a.awsRegion, a.outcome])).toEqual([
      ['us-east-1', 'region-outage'],
      ['us-west-2', 'region-outage'],
      ['eu-central-1', 'answered'],
    ]);
  });

  it('a call is not routed when every connector of the group is in a region in outage', async () => {
    const { client } = harness();
    const { number } = await threeRegionGroup(client);
    for (const region of ['us-east-1', 'us-west-2', 'eu-central-1']) await outage(client, region);
    const route = await routeCall(client, number);
    expect(route).toMatchObject({
      routed: false,
      reason: 'every voice connector is in a region with an outage',
    });
    expect(route.attempts).toHaveLength(3);
  });

  it('an outage in a region outside the group changes nothing', async () => {
    const { client } = harness();
    const { east, number } = await threeRegionGroup(client);
    await outage(client, 'ap-southeast-2');
    expect(await routeCall(client, number)).toMatchObject({
      voiceConnectorId: east.voiceConnectorId,
    });
  });

  it('calls return to the highest-priority connector when its outage ends', async () => {
    const { client } = harness();
    const { east, west, number } = await threeRegionGroup(client);
    await outage(client, 'us-east-1');
    expect(await routeCall(client, number)).toMatchObject({
      voiceConnectorId: west.voiceConnectorId,
    });
    await client.admin('EndOutage', { id: 'us-east-1' });
    expect(await routeCall(client, number)).toMatchObject({
      voiceConnectorId: east.voiceConnectorId,
    });
  });

  it('re-ranking the group changes which connector answers first', async () => {
    const { client } = harness();
    const { east, west, frankfurt, group, number } = await threeRegionGroup(client);
    await client.call('UpdateVoiceConnectorGroup', {
      id: group.voiceConnectorGroupId,
      body: {
        connectors: [
          { voiceConnectorId: east.voiceConnectorId, priority: 3 },
          { voiceConnectorId: west.voiceConnectorId, priority: 2 },
          { voiceConnectorId: frankfurt.voiceConnectorId, priority: 1 },
        ],
      },
    });
    const route = await routeCall(client, number);
    expect(route).toMatchObject({ voiceConnectorId: frankfurt.voiceConnectorId });
  });

  it('a call to a number on a single connector in a region in outage is not routed', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east', 'us-east-1');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    expect(await routeCall(client, number)).toMatchObject({ routed: true });
    await outage(client, 'us-east-1');
    expect(await routeCall(client, number)).toMatchObject({ routed: false });
  });

  it("a number on a connector of a group fails over through the group's other connectors by priority when its Region is out", async () => {
    // The groups document: a call to a number associated with the N. Virginia connector is
    // routed through Oregon when N. Virginia has a connectivity issue.
    const { client } = harness();
    const { east, west, frankfurt } = await threeRegionGroup(client);
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    expect(await routeCall(client, number)).toMatchObject({
      routed: true,
      voiceConnectorId: east.voiceConnectorId,
      attempts: [{ voiceConnectorId: east.voiceConnectorId, outcome: 'answered' }],
    });
    await outage(client, 'us-east-1');
    expect(await routeCall(client, number)).toEqual({
      phoneNumber: number.phoneNumber,
      routed: true,
      voiceConnectorId: west.voiceConnectorId,
      awsRegion: 'us-west-2',
      attempts: [
        {
          voiceConnectorId: east.voiceConnectorId,
          awsRegion: 'us-east-1',
          outcome: 'region-outage',
        },
        {
          voiceConnectorId: west.voiceConnectorId,
          awsRegion: 'us-west-2',
          priority: 20,
          outcome: 'answered',
        },
      ],
    });
    await outage(client, 'us-west-2');
    expect(await routeCall(client, number)).toMatchObject({
      routed: true,
      voiceConnectorId: frankfurt.voiceConnectorId,
    });
  });

  it('a number on a lower-ranked connector of a group is answered by its own connector first', async () => {
    const { client } = harness();
    const { frankfurt, east } = await threeRegionGroup(client);
    const number = await claimVoiceNumber(client, {
      voiceConnectorId: frankfurt.voiceConnectorId,
    });
    expect(await routeCall(client, number)).toMatchObject({
      voiceConnectorId: frankfurt.voiceConnectorId,
    });
    await outage(client, 'eu-central-1');
    expect(await routeCall(client, number)).toMatchObject({
      voiceConnectorId: east.voiceConnectorId,
    });
  });

  it("a number on a connector in two groups fails over through the older group's connectors first, each connector once", async () => {
    const { client } = harness();
    const { east, west, frankfurt } = await threeRegionGroup(client);
    const tokyo = await createConnector(client, 'tokyo', 'ap-northeast-1');
    await createGroup(client, 'asia', [
      { voiceConnectorId: east.voiceConnectorId, priority: 1 },
      { voiceConnectorId: tokyo.voiceConnectorId, priority: 2 },
      { voiceConnectorId: west.voiceConnectorId, priority: 3 },
    ]);
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await outage(client, 'us-east-1');
    await outage(client, 'us-west-2');
    await outage(client, 'eu-central-1');
    const route = await routeCall(client, number);
    expect(route.attempts.map((a) => [a.voiceConnectorId, a.outcome])).toEqual([
      [east.voiceConnectorId, 'region-outage'],
      [west.voiceConnectorId, 'region-outage'],
      [frankfurt.voiceConnectorId, 'region-outage'],
      [tokyo.voiceConnectorId, 'answered'],
    ]);
  });

  it('fails when the called number is not in the inventory', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => client.call('RouteCall', { body: { phoneNumber: '+12065550100' } }),
      'ResourceNotFoundException',
      "phone number +12065550100 is not in this account's inventory",
    );
  });

  // Connect 002 L28: "When customers call the phone number you have released, they will get
  // a message that it is not a working phone number."
  it('a call to a released number reaches nobody: callers hear it is not a working phone number, queued, purged or released for good', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const queued = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await client.call('UpdatePhoneNumber', {
      id: queued.phoneNumberId,
      body: { voiceConnectorId: null },
    });
    const released = await client.call('ReleasePhoneNumber', { id: queued.phoneNumberId });
    const call = (phoneNumber: string) => client.call('RouteCall', { body: { phoneNumber } });
    expect(await call(queued.phoneNumber)).toEqual({
      phoneNumber: queued.phoneNumber,
      routed: false,
      attempts: [],
      reason: `not a working phone number: it was released and waits in the deletion queue until ${String(released.releaseAt)}`,
    });
    await advance(client, '7d');
    const notWorking = {
      routed: false,
      attempts: [],
      reason: 'not a working phone number: it was released',
    };
    expect(await call(queued.phoneNumber)).toEqual({
      phoneNumber: queued.phoneNumber,
      ...notWorking,
    });
    const sms = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: sms.phoneNumberId });
    expect(await call(sms.phoneNumber)).toEqual({ phoneNumber: sms.phoneNumber, ...notWorking });
  });
});
