import { startTelephonyStack, type TelephonyStack } from './support/telephony-stack';

describe('adopting objects made out of band (adoptExistingId)', () => {
  let env: TelephonyStack;

  beforeAll(async () => {
    env = await startTelephonyStack();
  });

  afterAll(async () => {
    await env.close();
  });

  it('a number created out of band is adopted by id, claims nothing new, and plans no changes afterwards', async () => {
    const existing = await env.client.call('CreatePhoneNumber', {
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['SMS', 'VOICE'],
        tags: { team: 'ops' },
      },
    });
    const spec = {
      numbers: {
        legacy: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['VOICE', 'SMS'],
          tags: { team: 'ops' },
          adoptExistingId: existing.phoneNumberId,
        },
      },
    };
    const up = await env.up(spec);
    expect(up.error).toBeUndefined();
    expect((up.outputs as { numbers: Record<string, string> }).numbers.legacy).toBe(
      existing.phoneNumber,
    );
    expect(
      (await env.client.call('ListPhoneNumbers', {})).items.map((n) => n.phoneNumberId),
    ).toEqual([existing.phoneNumberId]);
    const preview = await env.preview(spec, { refresh: true, expectNoChanges: true });
    expect(preview.error).toBeUndefined();
    expect(preview.steps?.filter((s) => s.op !== 'refresh')).toEqual([]);
  });
});
