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

  it('adopting a number whose replacing properties differ fails at up, listing each difference, and changes nothing', async () => {
    const existing = await env.client.call('CreatePhoneNumber', {
      body: {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['SMS'],
        tags: { team: 'ops' },
      },
    });
    const up = await env.up({
      numbers: {
        mismatched: {
          isoCountryCode: 'US',
          numberType: 'SIMULATOR',
          numberCapabilities: ['VOICE', 'SMS'],
          tags: { team: 'sales' },
          adoptExistingId: existing.phoneNumberId,
        },
      },
    });
    expect(up.ok).toBe(false);
    expect(up.error).toContain(
      `cannot adopt phone number ${existing.phoneNumber} (${existing.phoneNumberId}): numberCapabilities is ["SMS"], declared ["SMS","VOICE"]`,
    );
    const after = await env.client.call('DescribePhoneNumber', { id: existing.phoneNumberId });
    expect(after).toMatchObject({ status: existing.status, tags: { team: 'ops' } });
    const state = (await env.stack.exportDeployment()).deployment as {
      resources?: { urn: string }[];
    };
    expect((state.resources ?? []).some((r) => r.urn.endsWith('::mismatched'))).toBe(false);
  });
});
