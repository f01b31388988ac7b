import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const ONE_NUMBER: TelephonySpec = {
  numbers: { line: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] } },
};

describe('creates that meet transient failures', () => {
  let env: TelephonyStack;

  beforeEach(async () => {
    env = await startTelephonyStack();
  });

  afterEach(async () => {
    await env.close();
  });

  it('a connection reset after the backend commits a create leaves exactly one number for the resource', async () => {
    await env.admin.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'reset', nth: 1 },
    });
    const first = await env.up(ONE_NUMBER);
    const again = await env.up(ONE_NUMBER);
    expect(again.error).toBeUndefined();
    const numbers = (await env.client.call('ListPhoneNumbers', {})).items;
    expect(numbers).toHaveLength(1);
    expect((again.outputs as { numberIds: Record<string, string> }).numberIds.line).toBe(
      numbers[0]?.phoneNumberId,
    );
    expect(first.error).toBeUndefined();
    expect((await env.admin.admin('ListFaults')).length).toBe(0);
  });

  it('throttling and server errors are retried until the create succeeds', async () => {
    await env.admin.admin('AddFault', {
      body: {
        operation: 'CreatePhoneNumber',
        kind: 'throttle',
        rate: 1,
        count: 2,
        retryAfterSeconds: 1,
      },
    });
    await env.admin.admin('AddFault', {
      body: { operation: 'DescribePhoneNumber', kind: 'server-error', nth: 1 },
    });
    const up = await env.up(ONE_NUMBER);
    expect(up.error).toBeUndefined();
    expect((await env.client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
  });

  it('a validation error is not retried and fails the update with the backend’s message', async () => {
    const up = await env.up({
      numbers: {
        line: { isoCountryCode: 'ZZ', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
      },
    });
    expect(up.ok).toBe(false);
    expect(up.error).toContain(
      'isoCountryCode "ZZ" is not offered; use one of US, CA, GB, DE, FR, AU, JP',
    );
    expect((await env.client.call('ListPhoneNumbers', {})).items).toEqual([]);
  });
});
