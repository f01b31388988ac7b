import {
  AccessDeniedException,
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  BadRequestException,
  ChimeSDKVoiceClient,
  ConflictException,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  DeletePhoneNumberCommand,
  DeleteVoiceConnectorCommand,
  DeleteVoiceConnectorGroupCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  GetPhoneNumberCommand,
  GetVoiceConnectorCommand,
  GetVoiceConnectorGroupCommand,
  ListPhoneNumbersCommand,
  ListVoiceConnectorGroupsCommand,
  NotFoundException,
  paginateListVoiceConnectors,
  ResourceLimitExceededException,
  RestorePhoneNumberCommand,
  ThrottledClientException,
  UpdatePhoneNumberCommand,
  UpdateVoiceConnectorCommand,
  UpdateVoiceConnectorGroupCommand,
  ListVoiceConnectorsCommand,
  GetVoiceConnectorTerminationCommand,
  SearchAvailablePhoneNumbersCommand,
  CreatePhoneNumberOrderCommand,
  GetPhoneNumberOrderCommand,
  ListPhoneNumberOrdersCommand,
  type VoiceConnectorAwsRegion,
} from '@aws-sdk/client-chime-sdk-voice';
import type { PhoneNumber } from '../../provider/api/objects';
import { startStore, STORES, type AwsHarness, clientConfig, failure } from './aws-harness';

describe.each(STORES)('Chime SDK Voice through the AWS SDK, on %s', (store) => {
  let harness: AwsHarness;
  let chime: ChimeSDKVoiceClient;

  beforeEach(async () => {
    harness = await startStore(store);
    chime = new ChimeSDKVoiceClient(clientConfig(harness));
  });
  afterEach(async () => {
    chime.destroy();
    await harness.close();
  });

  /** A Chime number: a Voice Connector number made through /v1 (Chime's orders come next). */
  const voiceNumber = (): Promise<PhoneNumber> =>
    harness.v1.call('CreatePhoneNumber', {
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
      },
    });

  const connector = async (
    name: string,
    region: VoiceConnectorAwsRegion = 'us-east-1',
  ): Promise<string> =>
    String(
      (
        await chime.send(
          new CreateVoiceConnectorCommand({
            Name: name,
            AwsRegion: region,
            RequireEncryption: true,
          }),
        )
      ).VoiceConnector?.VoiceConnectorId,
    );

  it('numbers are searched, ordered, Processing until provisioned, then in the inventory', async () => {
    const offered = await chime.send(
      new SearchAvailablePhoneNumbersCommand({ Country: 'US', AreaCode: '425', MaxResults: 2 }),
    );
    expect(offered.E164PhoneNumbers).toHaveLength(2);
    const wanted = (offered.E164PhoneNumbers ?? []).map(String);
    const ordered = await chime.send(
      new CreatePhoneNumberOrderCommand({
        ProductType: 'VoiceConnector',
        E164PhoneNumbers: wanted,
      }),
    );
    expect(ordered.PhoneNumberOrder).toMatchObject({
      ProductType: 'VoiceConnector',
      Status: 'Processing',
      OrderType: 'New',
      OrderedPhoneNumbers: wanted.map((n) => ({ E164PhoneNumber: n, Status: 'Processing' })),
    });
    const id = String(ordered.PhoneNumberOrder?.PhoneNumberOrderId);
    expect(
      (await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: String(wanted[0]) })))
        .PhoneNumber?.Status,
    ).toBe('AcquireInProgress');
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    const done = await chime.send(new GetPhoneNumberOrderCommand({ PhoneNumberOrderId: id }));
    expect(done.PhoneNumberOrder?.Status).toBe('Successful');
    expect(
      (await chime.send(new ListPhoneNumberOrdersCommand({}))).PhoneNumberOrders?.map(
        (o) => o.PhoneNumberOrderId,
      ),
    ).toEqual([id]);
    const inventory = await chime.send(new ListPhoneNumbersCommand({ Status: 'Unassigned' }));
    expect(inventory.PhoneNumbers?.map((n) => n.E164PhoneNumber)).toEqual(
      expect.arrayContaining(wanted),
    );
    const again = await chime.send(
      new CreatePhoneNumberOrderCommand({
        ProductType: 'VoiceConnector',
        E164PhoneNumbers: [String(wanted[0])],
      }),
    );
    expect(again.PhoneNumberOrder?.Status).toBe('Failed');
    const tollFree = await chime.send(
      new SearchAvailablePhoneNumbersCommand({ TollFreePrefix: '888', MaxResults: 1 }),
    );
    expect(tollFree.E164PhoneNumbers?.[0]).toMatch(/^\+1888555\d{4}$/);
  });

  it('an order past the inventory quota fails its numbers, and the inventory keeps what it held', async () => {
    const held = (
      await harness.v1.call('ListPhoneNumbers', { filters: { status: ['PENDING', 'ACTIVE'] } })
    ).items.length;
    await harness.v1.admin('UpdateAccount', { id: 'default', body: { numberQuota: held + 1 } });
    const offered = await chime.send(
      new SearchAvailablePhoneNumbersCommand({ AreaCode: '360', MaxResults: 2 }),
    );
    const ordered = await chime.send(
      new CreatePhoneNumberOrderCommand({
        ProductType: 'VoiceConnector',
        E164PhoneNumbers: offered.E164PhoneNumbers,
      }),
    );
    // An order lists its numbers as they were asked for.
    expect(
      ordered.PhoneNumberOrder?.OrderedPhoneNumbers?.map((n) => [n.E164PhoneNumber, n.Status]),
    ).toEqual([
      [offered.E164PhoneNumbers?.[0], 'Processing'],
      [offered.E164PhoneNumbers?.[1], 'Failed'],
    ]);
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    const done = await chime.send(
      new GetPhoneNumberOrderCommand({
        PhoneNumberOrderId: String(ordered.PhoneNumberOrder?.PhoneNumberOrderId),
      }),
    );
    expect(done.PhoneNumberOrder?.Status).toBe('Partial');
    const order = await harness.v1.call('GetPhoneNumberOrder', {
      id: String(ordered.PhoneNumberOrder?.PhoneNumberOrderId),
    });
    expect(order.orderedPhoneNumbers.find((n) => n.status === 'Failed')?.failureReason).toMatch(
      /quota/,
    );
    expect(
      (await harness.v1.call('ListPhoneNumbers', { filters: { status: ['PENDING', 'ACTIVE'] } }))
        .items,
    ).toHaveLength(held + 1);
  });

  it('voice connectors are created, read, renamed, paged and deleted; /v1 sees the same ones', async () => {
    const made = await chime.send(
      new CreateVoiceConnectorCommand({
        Name: 'east',
        AwsRegion: 'us-east-1',
        RequireEncryption: true,
      }),
    );
    expect(made.VoiceConnector).toMatchObject({
      Name: 'east',
      AwsRegion: 'us-east-1',
      RequireEncryption: true,
    });
    expect(made.VoiceConnector?.CreatedTimestamp).toBeInstanceOf(Date);
    const id = String(made.VoiceConnector?.VoiceConnectorId);
    expect((await harness.v1.call('GetVoiceConnector', { id })).name).toBe('east');
    const renamed = await chime.send(
      new UpdateVoiceConnectorCommand({
        VoiceConnectorId: id,
        Name: 'east-1',
        RequireEncryption: false,
      }),
    );
    expect(renamed.VoiceConnector).toMatchObject({ Name: 'east-1', RequireEncryption: false });
    await connector('west', 'us-west-2');
    const seen: string[] = [];
    for await (const page of paginateListVoiceConnectors({ client: chime, pageSize: 1 }, {})) {
      seen.push(...(page.VoiceConnectors ?? []).map((c) => String(c.Name)));
    }
    expect(seen).toEqual(expect.arrayContaining(['east-1', 'west']));
    await chime.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: id }));
    expect(
      await failure(chime.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('groups keep their connectors in priority order, and an update replaces the whole list', async () => {
    const east = await connector('east');
    const west = await connector('west', 'us-west-2');
    const group = await chime.send(
      new CreateVoiceConnectorGroupCommand({
        Name: 'main',
        VoiceConnectorItems: [
          { VoiceConnectorId: west, Priority: 2 },
          { VoiceConnectorId: east, Priority: 1 },
        ],
      }),
    );
    const id = String(group.VoiceConnectorGroup?.VoiceConnectorGroupId);
    expect(group.VoiceConnectorGroup?.VoiceConnectorItems).toEqual([
      { VoiceConnectorId: east, Priority: 1 },
      { VoiceConnectorId: west, Priority: 2 },
    ]);
    const replaced = await chime.send(
      new UpdateVoiceConnectorGroupCommand({
        VoiceConnectorGroupId: id,
        Name: 'main',
        VoiceConnectorItems: [{ VoiceConnectorId: west, Priority: 1 }],
      }),
    );
    expect(replaced.$metadata.httpStatusCode).toBe(202);
    expect(
      (await chime.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id })))
        .VoiceConnectorGroup?.VoiceConnectorItems,
    ).toEqual([{ VoiceConnectorId: west, Priority: 1 }]);
    const shared = await failure(
      chime.send(
        new UpdateVoiceConnectorGroupCommand({
          VoiceConnectorGroupId: id,
          Name: 'main',
          VoiceConnectorItems: [
            { VoiceConnectorId: west, Priority: 1 },
            { VoiceConnectorId: east, Priority: 1 },
          ],
        }),
      ),
    );
    expect(shared).toBeInstanceOf(BadRequestException);
    expect(shared.message).toMatch(/priority/);
    const inUse = await failure(
      chime.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id })),
    );
    expect(inUse).toBeInstanceOf(ConflictException);
    await chime.send(
      new UpdateVoiceConnectorGroupCommand({
        VoiceConnectorGroupId: id,
        Name: 'main',
        VoiceConnectorItems: [],
      }),
    );
    const deleted = await chime.send(
      new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
  });

  it('a fourth connector in a group is refused, and a fourth group fails with ResourceLimitExceededException', async () => {
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push(await connector(name));
    const four = await failure(
      chime.send(
        new CreateVoiceConnectorGroupCommand({
          Name: 'big',
          VoiceConnectorItems: ids.map((id, i) => ({ VoiceConnectorId: id, Priority: i + 1 })),
        }),
      ),
    );
    expect(four).toBeInstanceOf(BadRequestException);
    expect(four.message).toMatch(/at most 3 voice connectors/);
    const have =
      (await chime.send(new ListVoiceConnectorGroupsCommand({}))).VoiceConnectorGroups?.length ?? 0;
    for (let i = have; i < 3; i++)
      await chime.send(new CreateVoiceConnectorGroupCommand({ Name: `g${i}` }));
    const fourth = await failure(
      chime.send(new CreateVoiceConnectorGroupCommand({ Name: 'one-too-many' })),
    );
    expect(fourth).toBeInstanceOf(ResourceLimitExceededException);
    expect(fourth).toMatchObject({ Code: 'ResourceLimitExceeded' });
    expect((await harness.v1.call('ListVoiceConnectorGroups')).items).toHaveLength(3);
  });

  it('a number is read by id and by E.164, associated, refused deletion while assigned, then queued and restored', async () => {
    const number = await voiceNumber();
    const byE164 = await chime.send(
      new GetPhoneNumberCommand({ PhoneNumberId: number.phoneNumber }),
    );
    expect(byE164.PhoneNumber).toMatchObject({
      PhoneNumberId: number.phoneNumberId,
      E164PhoneNumber: number.phoneNumber,
      ProductType: 'VoiceConnector',
      Status: 'Unassigned',
      Type: 'Local',
      Capabilities: { InboundCall: true, OutboundCall: true, InboundSMS: false },
    });
    const east = await connector('east');
    const associated = await chime.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: east,
        E164PhoneNumbers: [number.phoneNumber],
      }),
    );
    expect(associated.PhoneNumberErrors).toEqual([]);
    const assigned = await chime.send(
      new GetPhoneNumberCommand({ PhoneNumberId: number.phoneNumberId }),
    );
    expect(assigned.PhoneNumber).toMatchObject({
      Status: 'Assigned',
      Associations: [{ Name: 'VoiceConnectorId', Value: east }],
    });
    const listed = await chime.send(
      new ListPhoneNumbersCommand({ FilterName: 'VoiceConnectorId', FilterValue: east }),
    );
    expect(listed.PhoneNumbers?.map((n) => n.PhoneNumberId)).toEqual([number.phoneNumberId]);

    const refused = await failure(
      chime.send(new DeletePhoneNumberCommand({ PhoneNumberId: number.phoneNumberId })),
    );
    expect(refused).toBeInstanceOf(ConflictException);
    expect(
      (await harness.v1.call('DescribePhoneNumber', { id: number.phoneNumberId })).status,
    ).toBe('ACTIVE');

    await chime.send(
      new DisassociatePhoneNumbersFromVoiceConnectorCommand({
        VoiceConnectorId: east,
        E164PhoneNumbers: [number.phoneNumber],
      }),
    );
    const deleted = await chime.send(
      new DeletePhoneNumberCommand({ PhoneNumberId: number.phoneNumberId }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(
      (await chime.send(new GetPhoneNumberCommand({ PhoneNumberId: number.phoneNumberId })))
        .PhoneNumber?.Status,
    ).toBe('DeleteInProgress');
    const restored = await chime.send(
      new RestorePhoneNumberCommand({ PhoneNumberId: number.phoneNumberId }),
    );
    expect(restored.PhoneNumber).toMatchObject({
      Status: 'Unassigned',
      E164PhoneNumber: number.phoneNumber,
    });
  });

  it('associating with a group reports numbers it cannot take, and ForceAssociate moves an assigned one', async () => {
    const east = await connector('east');
    const group = String(
      (
        await chime.send(
          new CreateVoiceConnectorGroupCommand({
            Name: 'main',
            VoiceConnectorItems: [{ VoiceConnectorId: east, Priority: 1 }],
          }),
        )
      ).VoiceConnectorGroup?.VoiceConnectorGroupId,
    );
    const number = await voiceNumber();
    await chime.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: east,
        E164PhoneNumbers: [number.phoneNumber],
      }),
    );
    const held = await chime.send(
      new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({
        VoiceConnectorGroupId: group,
        E164PhoneNumbers: [number.phoneNumber, '+19999999999'],
      }),
    );
    expect(held.PhoneNumberErrors?.map((e) => [e.PhoneNumberId, e.ErrorCode])).toEqual([
      [number.phoneNumber, 'Conflict'],
      ['+19999999999', 'NotFound'],
    ]);
    const forced = await chime.send(
      new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({
        VoiceConnectorGroupId: group,
        E164PhoneNumbers: [number.phoneNumber],
        ForceAssociate: true,
      }),
    );
    expect(forced.PhoneNumberErrors).toEqual([]);
    expect(
      await harness.v1.call('DescribePhoneNumber', { id: number.phoneNumberId }),
    ).toMatchObject({
      voiceConnectorId: null,
      voiceConnectorGroupId: group,
    });
    const routed = await harness.v1.call('RouteCall', {
      body: { phoneNumber: number.phoneNumber },
    });
    expect(routed).toMatchObject({ routed: true, voiceConnectorId: east });
  });

  it('a Pinpoint number is not in the Chime inventory, and a product-type change applies', async () => {
    const sms = await harness.v1.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    const missing = await failure(
      chime.send(new GetPhoneNumberCommand({ PhoneNumberId: sms.phoneNumberId })),
    );
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(missing).toMatchObject({ Code: 'NotFound', $metadata: { httpStatusCode: 404 } });
    const listed = await chime.send(new ListPhoneNumbersCommand({}));
    expect(listed.PhoneNumbers?.map((n) => n.PhoneNumberId)).not.toContain(sms.phoneNumberId);
    const voice = await voiceNumber();
    const changed = await chime.send(
      new UpdatePhoneNumberCommand({
        PhoneNumberId: voice.phoneNumberId,
        ProductType: 'BusinessCalling' as 'VoiceConnector',
      }),
    );
    expect(changed.PhoneNumber?.ProductType).toBe('BusinessCalling');
  });

  it('errors come in Chime’s shapes: a throttle, an unknown key', async () => {
    await harness.v1.admin('AddFault', {
      body: { operation: 'ListVoiceConnectors', kind: 'throttle', nth: 1 },
    });
    const throttled = await failure(chime.send(new ListVoiceConnectorsCommand({})));
    expect(throttled).toBeInstanceOf(ThrottledClientException);
    const stranger = new ChimeSDKVoiceClient(clientConfig(harness, 'np_not_a_key_of_anyone'));
    try {
      expect(await failure(stranger.send(new ListVoiceConnectorGroupsCommand({})))).toBeInstanceOf(
        AccessDeniedException,
      );
    } finally {
      stranger.destroy();
    }
    const unserved = await failure(
      chime.send(new GetVoiceConnectorTerminationCommand({ VoiceConnectorId: 'abc' })),
    );
    expect(unserved).toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 404 },
    });
    expect(unserved.message).toMatch(/does not serve GET \/voice-connectors\/abc\/termination/);
    const line = harness.log.find((entry) => entry.code === 'ThrottlingException');
    expect(line).toMatchObject({
      dialect: 'chime-sdk-voice',
      awsOperation: 'ListVoiceConnectors',
      operation: 'ListVoiceConnectors',
      status: 429,
    });
  });
});
