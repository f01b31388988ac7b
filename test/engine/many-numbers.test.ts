import { startTelephonyStack, type TelephonyStack } from './support/telephony-stack';

describe('many numbers in one up', () => {
  let env: TelephonyStack;

  beforeAll(async () => {
    env = await startTelephonyStack();
  });

  afterAll(async () => {
    await env.close();
  });

  it('20 numbers created in one up all succeed with distinct numbers', async () => {
    const numbers = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `line-${i}`,
        { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
      ]),
    );
    const up = await env.up({ numbers });
    expect(up.error).toBeUndefined();
    expect(up.changes).toEqual({ create: 21 });
    const made = Object.values((up.outputs as { numbers: Record<string, string> }).numbers);
    expect(made).toHaveLength(20);
    expect(new Set(made).size).toBe(20);
    const listed = (await env.client.call('ListPhoneNumbers', {})).items.map((n) => n.phoneNumber);
    expect(listed.sort()).toEqual([...made].sort());
  });
});
