import {
  AccessDeniedException,
  ConflictException,
  CreateOptOutListCommand,
  DeleteOptedOutNumberCommand,
  DeleteOptOutListCommand,
  DescribeOptedOutNumbersCommand,
  DescribeOptOutListsCommand,
  DescribePhoneNumbersCommand,
  paginateDescribePhoneNumbers,
  PinpointSMSVoiceV2Client,
  PutOptedOutNumberCommand,
  ReleasePhoneNumberCommand,
  RequestPhoneNumberCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  UpdatePhoneNumberCommand,
  ValidationException,
  type RequestPhoneNumberCommandInput,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {
  startAwsHarness,
  startStore,
  STORES,
  type AwsHarness,
  clientConfig,
  failure,
} from './aws-harness';

const SMS: RequestPhoneNumberCommandInput = {
  IsoCountryCode: 'US',
  MessageType: 'TRANSACTIONAL',
  NumberCapabilities: ['SMS'],
  NumberType: 'SIMULATOR',
};

describe.each(STORES)('Pinpoint SMS and Voice v2 through the AWS SDK, on %s', (store) => {
  let harness: AwsHarness;
  let sms: PinpointSMSVoiceV2Client;

  beforeEach(async () => {
    harness = await startStore(store);
    sms = new PinpointSMSVoiceV2Client(clientConfig(harness));
  });
  afterEach(async () => {
    sms.destroy();
    await harness.close();
  });

  it('requests a number with the modelled members, and /v1 sees the same number', async () => {
    const made = await sms.send(
      new RequestPhoneNumberCommand({ ...SMS, Tags: [{ Key: 'team', Value: 'support' }] }),
    );
    expect(made).toMatchObject({
      Status: 'ACTIVE',
      IsoCountryCode: 'US',
      MessageType: 'TRANSACTIONAL',
      NumberCapabilities: ['SMS'],
      NumberType: 'SIMULATOR',
      OptOutListName: 'Default',
      DeletionProtectionEnabled: false,
      TwoWayEnabled: false,
      Tags: [{ Key: 'team', Value: 'support' }],
    });
    expect(made.CreatedTimestamp).toBeInstanceOf(Date);
    expect(made.PhoneNumberArn).toMatch(/^arn:aws:sms-voice:us-east-1:\d{12}:phone-number\//);
    const seen = await harness.v1.call('DescribePhoneNumber', { id: String(made.PhoneNumberId) });
    expect(seen).toMatchObject({
      phoneNumber: made.PhoneNumber,
      arn: made.PhoneNumberArn,
      tags: { team: 'support' },
      createdTimestamp: made.CreatedTimestamp?.toISOString(),
    });
  });

  it('a repeated ClientToken returns the same number and claims no second one', async () => {
    const before = (await harness.v1.call('ListPhoneNumbers')).items.length;
    const first = await sms.send(new RequestPhoneNumberCommand({ ...SMS, ClientToken: 'token-1' }));
    const again = await sms.send(new RequestPhoneNumberCommand({ ...SMS, ClientToken: 'token-1' }));
    expect(again.PhoneNumberId).toBe(first.PhoneNumberId);
    expect((await harness.v1.call('ListPhoneNumbers')).items).toHaveLength(before + 1);
    const other = await failure(
      sms.send(
        new RequestPhoneNumberCommand({ ...SMS, NumberType: 'LONG_CODE', ClientToken: 'token-1' }),
      ),
    );
    expect(other).toBeInstanceOf(ConflictException);
  });

  it('describes numbers by id and by filter, and pages with its own NextToken', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await sms.send(new RequestPhoneNumberCommand(SMS)));
    const ids = made.map((n) => String(n.PhoneNumberId));
    const byId = await sms.send(
      new DescribePhoneNumbersCommand({ PhoneNumberIds: ids.slice(0, 2) }),
    );
    expect(byId.PhoneNumbers?.map((n) => n.PhoneNumberId)).toEqual(ids.slice(0, 2));
    const byArn = await sms.send(
      new DescribePhoneNumbersCommand({ PhoneNumberIds: [String(made[0]?.PhoneNumberArn)] }),
    );
    expect(byArn.PhoneNumbers?.[0]?.PhoneNumberId).toBe(ids[0]);

    const pages = [];
    const seen: string[] = [];
    for await (const page of paginateDescribePhoneNumbers(
      { client: sms, pageSize: 2 },
      {
        Filters: [
          { Name: 'number-capability', Values: ['SMS'] },
          { Name: 'status', Values: ['ACTIVE'] },
        ],
      },
    )) {
      pages.push(page);
      seen.push(...(page.PhoneNumbers ?? []).map((n) => String(n.PhoneNumberId)));
    }
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((p) => p.PhoneNumbers?.length === 2 && p.NextToken)).toBe(true);

    const none = await sms.send(
      new DescribePhoneNumbersCommand({ Filters: [{ Name: 'status', Values: ['ASSOCIATING'] }] }),
    );
    expect(none.PhoneNumbers).toEqual([]);
  });

  it('a released number with a product type reads as DELETED, and the DELETED filter finds it', async () => {
    const voice = await harness.v1.call('CreatePhoneNumber', {
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
      },
    });
    await harness.v1.call('ReleasePhoneNumber', { id: voice.phoneNumberId });
    const deleted = await sms.send(
      new DescribePhoneNumbersCommand({ Filters: [{ Name: 'status', Values: ['DELETED'] }] }),
    );
    expect(deleted.PhoneNumbers?.map((n) => [n.PhoneNumberId, n.Status])).toContainEqual([
      voice.phoneNumberId,
      'DELETED',
    ]);
  });

  it('releasing a protected number fails with ConflictException DELETION_PROTECTION_ENABLED and keeps it', async () => {
    const made = await sms.send(new RequestPhoneNumberCommand(SMS));
    const id = String(made.PhoneNumberId);
    const updated = await sms.send(
      new UpdatePhoneNumberCommand({ PhoneNumberId: id, DeletionProtectionEnabled: true }),
    );
    expect(updated.DeletionProtectionEnabled).toBe(true);
    const refused = await failure(sms.send(new ReleasePhoneNumberCommand({ PhoneNumberId: id })));
    expect(refused).toBeInstanceOf(ConflictException);
    expect(refused).toMatchObject({
      name: 'ConflictException',
      Reason: 'DELETION_PROTECTION_ENABLED',
      ResourceType: 'phone-number',
      ResourceId: id,
    });
    expect(refused.message).toMatch(/deletion protection/);
    expect(refused.$metadata).toMatchObject({ httpStatusCode: 400 });
    expect(await harness.v1.call('DescribePhoneNumber', { id })).toMatchObject({
      status: 'ACTIVE',
      deletionProtectionEnabled: true,
    });
    await sms.send(
      new UpdatePhoneNumberCommand({ PhoneNumberId: id, DeletionProtectionEnabled: false }),
    );
    const released = await sms.send(new ReleasePhoneNumberCommand({ PhoneNumberId: id }));
    expect(released.Status).toBe('DELETED');
    const gone = await failure(sms.send(new DescribePhoneNumbersCommand({ PhoneNumberIds: [id] })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone).toMatchObject({ ResourceType: 'phone-number', ResourceId: id });
  });

  it('a number past the account quota fails with ServiceQuotaExceededException PHONE_NUMBERS_PER_ACCOUNT', async () => {
    const held = (
      await harness.v1.call('ListPhoneNumbers', { filters: { status: ['PENDING', 'ACTIVE'] } })
    ).items.length;
    await harness.v1.admin('UpdateAccount', { id: 'default', body: { numberQuota: held + 1 } });
    await sms.send(new RequestPhoneNumberCommand(SMS));
    const refused = await failure(sms.send(new RequestPhoneNumberCommand(SMS)));
    expect(refused).toBeInstanceOf(ServiceQuotaExceededException);
    expect(refused).toMatchObject({ Reason: 'PHONE_NUMBERS_PER_ACCOUNT' });
    expect(
      (await harness.v1.call('ListPhoneNumbers', { filters: { status: ['PENDING', 'ACTIVE'] } }))
        .items,
    ).toHaveLength(held + 1);
  });

  it('bad input fails with ValidationException naming the field, and claims nothing', async () => {
    const before = (await harness.v1.call('ListPhoneNumbers')).items.length;
    const refused = await failure(
      sms.send(new RequestPhoneNumberCommand({ ...SMS, IsoCountryCode: 'USA' })),
    );
    expect(refused).toBeInstanceOf(ValidationException);
    expect(refused).toMatchObject({ Reason: 'FIELD_VALIDATION_FAILED' });
    expect(refused.message).toMatch(/isoCountryCode/);
    const unmodelled = await failure(
      sms.send(new RequestPhoneNumberCommand({ ...SMS, PoolId: 'pool-1' })),
    );
    expect(unmodelled).toBeInstanceOf(ValidationException);
    expect(unmodelled.message).toMatch(/unknown field "PoolId"/);
    expect((await harness.v1.call('ListPhoneNumbers')).items).toHaveLength(before);
  });

  it('opt-out lists: create, describe, put, describe and delete numbers, refuse deleting a list in use', async () => {
    const list = await sms.send(new CreateOptOutListCommand({ OptOutListName: 'marketing' }));
    expect(list.OptOutListArn).toMatch(/:opt-out-list\/marketing$/);
    const twice = await failure(
      sms.send(new CreateOptOutListCommand({ OptOutListName: 'marketing' })),
    );
    expect(twice).toBeInstanceOf(ConflictException);
    expect(twice).toMatchObject({ Reason: 'RESOURCE_ALREADY_EXISTS' });

    const named = await sms.send(
      new DescribeOptOutListsCommand({ OptOutListNames: ['marketing'] }),
    );
    expect(named.OptOutLists?.map((l) => l.OptOutListName)).toEqual(['marketing']);
    const all = await sms.send(new DescribeOptOutListsCommand({}));
    expect(all.OptOutLists?.map((l) => l.OptOutListName)).toEqual(
      expect.arrayContaining(['Default', 'marketing']),
    );

    const put = await sms.send(
      new PutOptedOutNumberCommand({ OptOutListName: 'marketing', OptedOutNumber: '+12065550100' }),
    );
    expect(put).toMatchObject({
      OptOutListName: 'marketing',
      OptedOutNumber: '+12065550100',
      EndUserOptedOut: false,
    });
    expect(put.OptedOutTimestamp).toBeInstanceOf(Date);
    await sms.send(
      new PutOptedOutNumberCommand({ OptOutListName: 'marketing', OptedOutNumber: '+12065550101' }),
    );
    const numbers = await sms.send(
      new DescribeOptedOutNumbersCommand({ OptOutListName: 'marketing' }),
    );
    expect(numbers.OptedOutNumbers?.map((n) => n.OptedOutNumber)).toEqual([
      '+12065550100',
      '+12065550101',
    ]);
    const picked = await sms.send(
      new DescribeOptedOutNumbersCommand({
        OptOutListName: 'marketing',
        OptedOutNumbers: ['+12065550101'],
      }),
    );
    expect(picked.OptedOutNumbers?.map((n) => n.OptedOutNumber)).toEqual(['+12065550101']);
    await sms.send(
      new DeleteOptedOutNumberCommand({
        OptOutListName: 'marketing',
        OptedOutNumber: '+12065550100',
      }),
    );
    expect((await harness.v1.call('DescribeOptOutList', { id: 'marketing' })).optedOutCount).toBe(
      1,
    );

    const number = await sms.send(
      new RequestPhoneNumberCommand({ ...SMS, OptOutListName: 'marketing' }),
    );
    const inUse = await failure(
      sms.send(new DeleteOptOutListCommand({ OptOutListName: 'marketing' })),
    );
    expect(inUse).toBeInstanceOf(ConflictException);
    expect(inUse).toMatchObject({
      Reason: 'RESOURCE_DELETION_NOT_ALLOWED',
      ResourceType: 'opt-out-list',
      ResourceId: 'marketing',
    });
    await sms.send(
      new UpdatePhoneNumberCommand({
        PhoneNumberId: String(number.PhoneNumberId),
        OptOutListName: 'Default',
      }),
    );
    const deleted = await sms.send(
      new DeleteOptOutListCommand({ OptOutListName: String(list.OptOutListArn) }),
    );
    expect(deleted.OptOutListName).toBe('marketing');
    const gone = await failure(
      sms.send(new DescribeOptOutListsCommand({ OptOutListNames: ['marketing'] })),
    );
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });

  it('a pending number becomes ACTIVE when the clock passes its provisioning delay', async () => {
    const made = await sms.send(new RequestPhoneNumberCommand({ ...SMS, NumberType: 'LONG_CODE' }));
    expect(made.Status).toBe('PENDING');
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    const now = await sms.send(
      new DescribePhoneNumbersCommand({ PhoneNumberIds: [String(made.PhoneNumberId)] }),
    );
    expect(now.PhoneNumbers?.[0]?.Status).toBe('ACTIVE');
  });

  it('an injected throttle fails the call once with ThrottlingException; the SDK’s retry then succeeds', async () => {
    await harness.v1.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'throttle', nth: 1 },
    });
    expect(await failure(sms.send(new RequestPhoneNumberCommand(SMS)))).toBeInstanceOf(
      ThrottlingException,
    );
    await harness.v1.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'throttle', nth: 1 },
    });
    const retrying = new PinpointSMSVoiceV2Client(clientConfig(harness, undefined, 3));
    try {
      const made = await retrying.send(new RequestPhoneNumberCommand(SMS));
      expect(made.$metadata.attempts).toBe(2);
    } finally {
      retrying.destroy();
    }
    const line = harness.log.find((entry) => entry.awsOperation === 'RequestPhoneNumber');
    expect(line).toMatchObject({
      method: 'POST',
      path: '/',
      dialect: 'pinpoint-sms-voice-v2',
      operation: 'CreatePhoneNumber',
      account: 'default',
      status: 400,
      code: 'ThrottlingException',
    });
  });

  it('a key of no account, or no signature at all, gets AccessDeniedException and changes nothing', async () => {
    const stranger = new PinpointSMSVoiceV2Client(clientConfig(harness, 'np_not_a_key_of_anyone'));
    try {
      const denied = await failure(stranger.send(new RequestPhoneNumberCommand(SMS)));
      expect(denied).toBeInstanceOf(AccessDeniedException);
      expect(denied.message).toMatch(/access key id is not the API key of any account/);
    } finally {
      stranger.destroy();
    }
    const unsigned = await fetch(harness.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'PinpointSMSVoiceV2.DescribePhoneNumbers',
      },
      body: '{}',
    });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ __type: 'AccessDeniedException' });
  });
});

describe('Pinpoint SMS and Voice v2 on a server other machines can reach', () => {
  it('refuses the well-known default key as an access key id', async () => {
    const harness = await startAwsHarness({
      exposed: true,
      bootstrapApiKey: 'np_exposed_account_key_0001',
      adminApiKey: 'np_exposed_admin_key_0001',
    });
    const withDefault = new PinpointSMSVoiceV2Client(clientConfig(harness, 'np_local_default_key'));
    const withOwn = new PinpointSMSVoiceV2Client(clientConfig(harness));
    try {
      expect(await failure(withDefault.send(new DescribePhoneNumbersCommand({})))).toBeInstanceOf(
        AccessDeniedException,
      );
      expect((await withOwn.send(new DescribePhoneNumbersCommand({}))).PhoneNumbers).toEqual([]);
    } finally {
      withDefault.destroy();
      withOwn.destroy();
      await harness.close();
    }
  });
});
