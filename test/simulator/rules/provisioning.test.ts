import { describeEachTransport, failureOf } from '../harness';
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  advance,
  claimSimulatorNumber,
  clockNow,
  describeNumber,
  expectRefused,
  numberIds,
  updateNumber,
} from './support';

/** A request each number type accepts, and its default delay from claim to ACTIVE. */
const DELAYED_TYPES = [
  {
    numberType: 'LONG_CODE',
    delay: MINUTE,
    label: '1 minute',
    body: { isoCountryCode: 'US', numberType: 'LONG_CODE', numberCapabilities: ['SMS', 'VOICE'] },
  },
  {
    numberType: 'TEN_DLC',
    delay: 2 * DAY,
    label: '2 days',
    body: {
      isoCountryCode: 'US',
      numberType: 'TEN_DLC',
      numberCapabilities: ['SMS'],
      registrationId: 'reg-0001',
    },
  },
  {
    numberType: 'TOLL_FREE',
    delay: 3 * DAY,
    label: '3 days',
    body: { isoCountryCode: 'US', numberType: 'TOLL_FREE', numberCapabilities: ['VOICE'] },
  },
  {
    numberType: 'SHORT_CODE',
    delay: 56 * DAY,
    label: '56 days',
    body: { isoCountryCode: 'US', numberType: 'SHORT_CODE', numberCapabilities: ['SMS'] },
  },
] as const;

describeEachTransport('provisioning: order, pending, inventory', (harness) => {
  it('a SIMULATOR number is ACTIVE as soon as it is claimed', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    expect(number.status).toBe('ACTIVE');
    expect(number.claimStatus).toBe('CLAIMED');
    expect(await numberIds(client, { status: ['ACTIVE'] })).toEqual([number.phoneNumberId]);
  });

  it.each(DELAYED_TYPES)(
    'a $numberType number is PENDING for $label, then ACTIVE',
    async ({ body, delay }) => {
      const { client } = harness();
      const claimedAt = await clockNow(client);
      const number = await client.call('CreatePhoneNumber', { body });
      expect(number.status).toBe('PENDING');
      expect(number.claimStatus).toBe('IN_PROGRESS');
      expect(number.activeAt).toBe(new Date(claimedAt + delay).toISOString());
      await advance(client, delay - SECOND);
      expect((await describeNumber(client, number.phoneNumberId)).status).toBe('PENDING');
      await advance(client, SECOND);
      const active = await describeNumber(client, number.phoneNumberId);
      expect(active.status).toBe('ACTIVE');
      expect(active.claimStatus).toBe('CLAIMED');
      expect(active.phoneNumber).toBe(number.phoneNumber);
    },
  );

  it('the default provisioning delays are the documented ones', async () => {
    const settings = await harness().client.admin('GetSettings');
    expect(settings.provisioningDelays).toEqual({
      SIMULATOR: 0,
      LONG_CODE: MINUTE,
      TEN_DLC: 2 * DAY,
      TOLL_FREE: 3 * DAY,
      SHORT_CODE: 56 * DAY,
    });
  });

  it('an admin can change a provisioning delay, and new claims wait that long', async () => {
    const { client } = harness();
    const settings = await client.admin('UpdateSettings', {
      body: { provisioningDelays: { LONG_CODE: '2h', SIMULATOR: '30m' } },
    });
    expect(settings.provisioningDelays.LONG_CODE).toBe(2 * HOUR);
    expect(settings.provisioningDelays.TEN_DLC).toBe(2 * DAY);
    const longCode = await client.call('CreatePhoneNumber', { body: DELAYED_TYPES[0].body });
    const simulator = await claimSimulatorNumber(client);
    expect(simulator.status).toBe('PENDING');
    await advance(client, '30m');
    expect((await describeNumber(client, simulator.phoneNumberId)).status).toBe('ACTIVE');
    expect((await describeNumber(client, longCode.phoneNumberId)).status).toBe('PENDING');
    await advance(client, '90m');
    expect((await describeNumber(client, longCode.phoneNumberId)).status).toBe('ACTIVE');
  });

  it('fails when an admin gives a provisioning delay that is not a duration, and the delays stay', async () => {
    const { client } = harness();
    const before = await client.admin('GetSettings');
    const failure = await failureOf(
      client.admin('UpdateSettings', { body: { provisioningDelays: { LONG_CODE: 'soon' } } }),
    );
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain('duration "soon" is not valid');
    expect(await client.admin('GetSettings')).toEqual(before);
  });

  // Chime 000 L29: ordered numbers are in Orders and Pending; "when provisioning is complete,
  // the phone numbers appear in your Inventory and can be assigned" (also 004 L11).
  it('a PENDING number is neither assigned nor routed until it is ACTIVE, and the refusal says when it will be', async () => {
    const { client } = harness();
    const connector = await client.call('CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1' },
    });
    const group = await client.call('CreateVoiceConnectorGroup', {
      body: { name: 'main', connectors: [] },
    });
    const orderedAt = await clockNow(client);
    const activeAt = new Date(orderedAt + 3 * DAY).toISOString();
    const tollFree = { ...DELAYED_TYPES[2].body, productType: 'VoiceConnector' };
    for (const target of [
      { voiceConnectorId: connector.voiceConnectorId },
      { voiceConnectorGroupId: group.voiceConnectorGroupId },
    ]) {
      const refused = await expectRefused(
        client,
        () => client.call('CreatePhoneNumber', { body: { ...tollFree, ...target } }),
        'ConflictException',
        `a TOLL_FREE number is PENDING until ${activeAt}: only ACTIVE numbers are assigned`,
      );
      expect(refused.reason).toBe('not-active');
    }
    const number = await client.call('CreatePhoneNumber', { body: tollFree });
    const pending = await expectRefused(
      client,
      () =>
        updateNumber(client, number.phoneNumberId, {
          voiceConnectorId: connector.voiceConnectorId,
        }),
      'ConflictException',
      `phone number ${number.phoneNumber} is PENDING until ${activeAt}: only ACTIVE numbers are assigned`,
    );
    expect(pending.message).toContain(`assign it once it is ACTIVE (expected at ${activeAt})`);
    const before = await client.call('RouteCall', { body: { phoneNumber: number.phoneNumber } });
    expect(before).toMatchObject({ routed: false, reason: 'the number is PENDING, not ACTIVE' });
    // Its other settings change while it is PENDING.
    expect(
      (await updateNumber(client, number.phoneNumberId, { tags: { team: 'support' } })).tags,
    ).toEqual({ team: 'support' });
    await advance(client, '3d');
    await updateNumber(client, number.phoneNumberId, {
      voiceConnectorId: connector.voiceConnectorId,
    });
    const after = await client.call('RouteCall', { body: { phoneNumber: number.phoneNumber } });
    expect(after).toMatchObject({ routed: true, voiceConnectorId: connector.voiceConnectorId });
  });
});
