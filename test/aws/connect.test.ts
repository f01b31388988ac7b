import {
  AccessDeniedException,
  ClaimPhoneNumberCommand,
  ConnectClient,
  DescribePhoneNumberCommand,
  IdempotencyException,
  ListPhoneNumbersV2Command,
  ReleasePhoneNumberCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  SearchAvailablePhoneNumbersCommand,
  ServiceQuotaExceededException,
  UpdatePhoneNumberCommand,
} from '@aws-sdk/client-connect';
import { startStore, STORES, type AwsHarness, clientConfig, failure } from './aws-harness';

const INSTANCE =
  'arn:aws:connect:us-east-1:111122223333:instance/4a5b6c7d-0000-4000-8000-000000000001';
const OTHER_INSTANCE =
  'arn:aws:connect:us-east-1:111122223333:instance/4a5b6c7d-0000-4000-8000-000000000002';

describe.each(STORES)('Amazon Connect phone numbers through the AWS SDK, on %s', (store) => {
  let harness: AwsHarness;
  let connect: ConnectClient;

  beforeEach(async () => {
    harness = await startStore(store);
    connect = new ConnectClient(clientConfig(harness));
  });
  afterEach(async () => {
    connect.destroy();
    await harness.close();
  });

  /** A DID the carrier offers now, as Connect's search gives it. */
  const availableDid = async (prefix = '+1425'): Promise<string> => {
    const found = await connect.send(
      new SearchAvailablePhoneNumbersCommand({
        TargetArn: INSTANCE,
        PhoneNumberCountryCode: 'US',
        PhoneNumberType: 'DID',
        PhoneNumberPrefix: prefix,
        MaxResults: 3,
      }),
    );
    expect(found.AvailableNumbersList).toHaveLength(3);
    for (const n of found.AvailableNumbersList ?? []) {
      expect(n).toMatchObject({ PhoneNumberCountryCode: 'US', PhoneNumberType: 'DID' });
      expect(n.PhoneNumber?.startsWith(prefix)).toBe(true);
    }
    return String(found.AvailableNumbersList?.[0]?.PhoneNumber);
  };

  it('a searched number is claimed into an instance: IN_PROGRESS, then CLAIMED; /v1 sees its target', async () => {
    const wanted = await availableDid();
    const made = await connect.send(
      new ClaimPhoneNumberCommand({
        TargetArn: INSTANCE,
        PhoneNumber: wanted,
        Tags: { team: 'support' },
      }),
    );
    expect(made.PhoneNumberArn).toBe(
      `arn:aws:connect:us-east-1:${made.PhoneNumberArn?.split(':')[4]}:phone-number/${made.PhoneNumberId}`,
    );
    const id = String(made.PhoneNumberId);
    const pending = await connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: id }));
    expect(pending.ClaimedPhoneNumberSummary).toMatchObject({
      PhoneNumber: wanted,
      PhoneNumberCountryCode: 'US',
      PhoneNumberType: 'DID',
      TargetArn: INSTANCE,
      Tags: { team: 'support' },
      PhoneNumberStatus: { Status: 'IN_PROGRESS' },
    });
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    const done = await connect.send(
      new DescribePhoneNumberCommand({ PhoneNumberId: String(made.PhoneNumberArn) }),
    );
    expect(done.ClaimedPhoneNumberSummary?.PhoneNumberStatus).toEqual({ Status: 'CLAIMED' });
    expect(await harness.v1.call('DescribePhoneNumber', { id })).toMatchObject({
      phoneNumber: wanted,
      targetArn: INSTANCE,
      status: 'ACTIVE',
      claimStatus: 'CLAIMED',
    });
  });

  it('a repeated ClientToken returns the same number; the same token for another claim is an IdempotencyException', async () => {
    const [first, second] = [await availableDid('+1503'), await availableDid('+1971')];
    const a = await connect.send(
      new ClaimPhoneNumberCommand({
        TargetArn: INSTANCE,
        PhoneNumber: first,
        ClientToken: 'claim-1',
      }),
    );
    const b = await connect.send(
      new ClaimPhoneNumberCommand({
        TargetArn: INSTANCE,
        PhoneNumber: first,
        ClientToken: 'claim-1',
      }),
    );
    expect(b.PhoneNumberId).toBe(a.PhoneNumberId);
    const reused = await failure(
      connect.send(
        new ClaimPhoneNumberCommand({
          TargetArn: INSTANCE,
          PhoneNumber: second,
          ClientToken: 'claim-1',
        }),
      ),
    );
    expect(reused).toBeInstanceOf(IdempotencyException);
  });

  it('a claim that fails is FAILED with its reason, and the number is held for a retry', async () => {
    await harness.v1.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
    });
    const wanted = await availableDid();
    const made = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: wanted }),
    );
    const failed = await connect.send(
      new DescribePhoneNumberCommand({ PhoneNumberId: String(made.PhoneNumberId) }),
    );
    expect(failed.ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Status).toBe('FAILED');
    expect(failed.ClaimedPhoneNumberSummary?.PhoneNumberStatus?.Message).toEqual(
      expect.any(String),
    );
  });

  it('numbers are listed by target, country and type, and move to another target', async () => {
    const one = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: await availableDid() }),
    );
    const two = await connect.send(
      new ClaimPhoneNumberCommand({
        TargetArn: OTHER_INSTANCE,
        PhoneNumber: await availableDid('+1206'),
      }),
    );
    const onFirst = await connect.send(new ListPhoneNumbersV2Command({ TargetArn: INSTANCE }));
    expect(onFirst.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumberId)).toEqual([
      one.PhoneNumberId,
    ]);
    const dids = await connect.send(
      new ListPhoneNumbersV2Command({ PhoneNumberTypes: ['DID'], PhoneNumberCountryCodes: ['US'] }),
    );
    expect(dids.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumberId).sort()).toEqual(
      [one.PhoneNumberId, two.PhoneNumberId].sort(),
    );
    await connect.send(
      new UpdatePhoneNumberCommand({
        PhoneNumberId: String(two.PhoneNumberId),
        TargetArn: INSTANCE,
      }),
    );
    const moved = await connect.send(new ListPhoneNumbersV2Command({ TargetArn: INSTANCE }));
    expect(moved.ListPhoneNumbersSummaryList).toHaveLength(2);
  });

  it('a released number is gone, cools down for everyone, and is never claimed back by its releaser', async () => {
    const wanted = await availableDid();
    const made = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: wanted }),
    );
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    await connect.send(
      new ReleasePhoneNumberCommand({ PhoneNumberId: String(made.PhoneNumberId) }),
    );
    expect(
      await failure(
        connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: String(made.PhoneNumberId) })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
    const again = await failure(
      connect.send(new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: wanted })),
    );
    expect(again).toBeInstanceOf(ResourceInUseException);
    expect(again.message).toMatch(/is not available/);
    const other = await harness.v1.admin('CreateAccount', { body: { name: 'other' } });
    const theirs = new ConnectClient(clientConfig(harness, other.apiKey));
    try {
      expect(
        await failure(
          theirs.send(new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: wanted })),
        ),
      ).toBeInstanceOf(ResourceInUseException);
      await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '181d' } });
      const claimed = await theirs.send(
        new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: wanted }),
      );
      expect(claimed.PhoneNumberId).toEqual(expect.any(String));
    } finally {
      theirs.destroy();
    }
  });

  it('releasing a protected number fails with ResourceInUseException and keeps it', async () => {
    const made = await connect.send(
      new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: await availableDid() }),
    );
    const id = String(made.PhoneNumberId);
    await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
    await harness.v1.call('UpdatePhoneNumber', { id, body: { deletionProtectionEnabled: true } });
    const refused = await failure(
      connect.send(new ReleasePhoneNumberCommand({ PhoneNumberId: id })),
    );
    expect(refused).toBeInstanceOf(ResourceInUseException);
    expect(refused).toMatchObject({
      ResourceType: 'PHONE_NUMBER',
      ResourceId: id,
      $metadata: { httpStatusCode: 409 },
    });
    expect((await harness.v1.call('DescribePhoneNumber', { id })).status).toBe('ACTIVE');
  });

  it('claims and releases past the churn cap fail with ServiceQuotaExceededException', async () => {
    const held = (
      await harness.v1.call('ListPhoneNumbers', { filters: { status: ['PENDING', 'ACTIVE'] } })
    ).items.length;
    await harness.v1.admin('UpdateAccount', { id: 'default', body: { numberQuota: held + 1 } });
    // The churn cap: claims and releases in 180 days at most 200% of the quota.
    const cap = 2 * (held + 1);
    const churn = (await harness.v1.call('ListPhoneNumbers')).items.length; // claims so far
    let refused: (Error & Record<string, unknown>) | undefined;
    for (let i = churn; i <= cap && !refused; i++) {
      try {
        const made = await connect.send(
          new ClaimPhoneNumberCommand({ TargetArn: INSTANCE, PhoneNumber: await availableDid() }),
        );
        await harness.v1.admin('ChangeClock', { body: { action: 'advance', by: '1h' } });
        await connect.send(
          new ReleasePhoneNumberCommand({ PhoneNumberId: String(made.PhoneNumberId) }),
        );
      } catch (error) {
        refused = error as Error & Record<string, unknown>;
      }
    }
    expect(refused).toBeInstanceOf(ServiceQuotaExceededException);
    expect(refused?.$metadata).toMatchObject({ httpStatusCode: 402 });
    expect(refused?.message).toMatch(/claimed and released \d+ numbers in the last 180 days/);
  });

  it('numbers not claimed to a target are not Connect’s, and a key of no account is denied', async () => {
    const sms = await harness.v1.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    expect(
      await failure(
        connect.send(new DescribePhoneNumberCommand({ PhoneNumberId: sms.phoneNumberId })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
    const stranger = new ConnectClient(clientConfig(harness, 'np_not_a_key_of_anyone'));
    try {
      expect(await failure(stranger.send(new ListPhoneNumbersV2Command({})))).toBeInstanceOf(
        AccessDeniedException,
      );
    } finally {
      stranger.destroy();
    }
    expect(
      harness.log.some((l) => l.dialect === 'connect' && l.awsOperation === 'DescribePhoneNumber'),
    ).toBe(true);
  });
});
