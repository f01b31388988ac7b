import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const spec = (protect: boolean): TelephonySpec => ({
  connectors: { east: { awsRegion: 'us-east-1' } },
  numbers: {
    hotline: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      productType: 'VoiceConnector',
      connector: 'east',
      deletionProtectionEnabled: protect,
    },
  },
});

describe('destroying a stack with a protected number', () => {
  let env: TelephonyStack;

  beforeAll(async () => {
    env = await startTelephonyStack();
  });

  afterAll(async () => {
    await env.close();
  });

  it('fails, names the number, and leaves it and its connector intact; unprotected in code, destroy succeeds', async () => {
    const up = await env.up(spec(true));
    expect(up.error).toBeUndefined();
    const outputs = up.outputs as {
      numbers: Record<string, string>;
      numberIds: Record<string, string>;
    };
    const phoneNumber = outputs.numbers.hotline ?? '';
    const phoneNumberId = outputs.numberIds.hotline ?? '';

    const blocked = await env.destroy();
    expect(blocked.ok).toBe(false);
    expect(blocked.error).toContain(
      `phone number ${phoneNumber} (${phoneNumberId}) has deletion protection enabled and was not released. To release it, set deletionProtectionEnabled: false on this resource and apply that alone with pulumi up --target URN (pulumi stack --show-urns lists them; a plain pulumi up would re-create what this destroy already released), then destroy again. To have destroy refuse before it releases anything, give the resource protect: true too`,
    );
    const kept = await env.client.call('DescribePhoneNumber', { id: phoneNumberId });
    expect(kept).toMatchObject({ status: 'ACTIVE', deletionProtectionEnabled: true });
    expect((await env.client.call('ListVoiceConnectors', {})).items).toHaveLength(1);
    const state = await env.stack.exportDeployment();
    const types = ((state.deployment as { resources: { type: string }[] }).resources ?? []).map(
      (r) => r.type,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'pulumi-nodejs:dynamic/numberplane:PhoneNumber',
        'pulumi-nodejs:dynamic/numberplane:VoiceConnector',
      ]),
    );

    const unprotected = await env.up(spec(false));
    expect(unprotected.error).toBeUndefined();
    expect(unprotected.changes).toMatchObject({ update: 1 });
    const destroyed = await env.destroy();
    expect(destroyed.error).toBeUndefined();
    expect((await env.client.call('ListVoiceConnectors', {})).items).toEqual([]);
    const released = await env.client.call('DescribePhoneNumber', { id: phoneNumberId });
    expect(released.status).toBe('DELETION_QUEUED');
  });
});
