import { describeEachTransport } from '../harness';
import {
  CHANNEL_ARN,
  claimSimulatorNumber,
  describeNumber,
  expectRefused,
  updateNumber,
} from './support';

const TEN_DLC = { isoCountryCode: 'US', numberType: 'TEN_DLC', numberCapabilities: ['SMS'] };
const TOLL_FREE = { isoCountryCode: 'US', numberType: 'TOLL_FREE', numberCapabilities: ['VOICE'] };

describeEachTransport('number requirements: two-way, 10DLC, toll-free', (harness) => {
  describe('two-way messaging needs SMS and an SNS topic ARN', () => {
    it('a number with two-way messaging and a channel ARN is claimed', async () => {
      const number = await claimSimulatorNumber(harness().client, {
        twoWayEnabled: true,
        twoWayChannelArn: CHANNEL_ARN,
      });
      expect(number).toMatchObject({ twoWayEnabled: true, twoWayChannelArn: CHANNEL_ARN });
    });

    it('fails when two-way messaging is requested without a channel ARN; nothing is claimed', async () => {
      const { client } = harness();
      await expectRefused(
        client,
        () => claimSimulatorNumber(client, { twoWayEnabled: true }),
        'ValidationException',
        'twoWayChannelArn is required when twoWayEnabled is true',
      );
    });

    it('fails when the channel is not an ARN, or the ARN of an SQS queue or an S3 bucket: Pinpoint takes an SNS topic', async () => {
      const { client } = harness();
      for (const channel of [
        'replies',
        'arn:aws:sqs:us-east-1:111122223333:replies',
        'arn:aws:s3:::replies-bucket',
      ]) {
        await expectRefused(
          client,
          () => claimSimulatorNumber(client, { twoWayEnabled: true, twoWayChannelArn: channel }),
          'ValidationException',
          'twoWayChannelArn is not the ARN of an Amazon SNS topic',
        );
      }
    });

    it('fails when two-way messaging is asked of a number without SMS; nothing is claimed, and an update cannot turn it on', async () => {
      const { client } = harness();
      await expectRefused(
        client,
        () =>
          claimSimulatorNumber(client, {
            numberCapabilities: ['VOICE'],
            twoWayEnabled: true,
            twoWayChannelArn: CHANNEL_ARN,
          }),
        'ValidationException',
        'a number with twoWayEnabled true needs the SMS capability',
      );
      const voice = await claimSimulatorNumber(client, { numberCapabilities: ['VOICE'] });
      await expectRefused(
        client,
        () =>
          updateNumber(client, voice.phoneNumberId, {
            twoWayEnabled: true,
            twoWayChannelArn: CHANNEL_ARN,
          }),
        'ValidationException',
        'two-way messaging is SMS',
      );
    });

    it('fails when two-way messaging is turned on without a channel ARN; it stays off', async () => {
      const { client } = harness();
      const number = await claimSimulatorNumber(client);
      await expectRefused(
        client,
        () => updateNumber(client, number.phoneNumberId, { twoWayEnabled: true }),
        'ValidationException',
        'twoWayChannelArn is required when twoWayEnabled is true',
      );
      expect((await describeNumber(client, number.phoneNumberId)).twoWayEnabled).toBe(false);
    });

    it('two-way messaging is turned on by an update that gives the channel ARN', async () => {
      const { client } = harness();
      const number = await claimSimulatorNumber(client);
      const updated = await updateNumber(client, number.phoneNumberId, {
        twoWayEnabled: true,
        twoWayChannelArn: CHANNEL_ARN,
      });
      expect(updated).toMatchObject({ twoWayEnabled: true, twoWayChannelArn: CHANNEL_ARN });
    });

    it('fails when the channel ARN is removed while two-way messaging is on', async () => {
      const { client } = harness();
      const number = await claimSimulatorNumber(client, {
        twoWayEnabled: true,
        twoWayChannelArn: CHANNEL_ARN,
      });
      await expectRefused(
        client,
        () => updateNumber(client, number.phoneNumberId, { twoWayChannelArn: null }),
        'ValidationException',
        'twoWayChannelArn is required when twoWayEnabled is true',
      );
    });

    it('two-way messaging and its channel ARN are turned off together', async () => {
      const { client } = harness();
      const number = await claimSimulatorNumber(client, {
        twoWayEnabled: true,
        twoWayChannelArn: CHANNEL_ARN,
      });
      const updated = await updateNumber(client, number.phoneNumberId, {
        twoWayEnabled: false,
        twoWayChannelArn: null,
      });
      expect(updated).toMatchObject({ twoWayEnabled: false, twoWayChannelArn: null });
    });
  });

  describe('10DLC needs a registration id', () => {
    it('a TEN_DLC number with a registration id is ordered', async () => {
      const number = await harness().client.call('CreatePhoneNumber', {
        body: { ...TEN_DLC, registrationId: 'reg-0001' },
      });
      expect(number).toMatchObject({
        numberType: 'TEN_DLC',
        registrationId: 'reg-0001',
        status: 'PENDING',
      });
    });

    it('fails when a TEN_DLC number is requested without a registration id; nothing is claimed', async () => {
      const { client } = harness();
      await expectRefused(
        client,
        () => client.call('CreatePhoneNumber', { body: TEN_DLC }),
        'ValidationException',
        'registrationId is required for TEN_DLC numbers',
      );
    });

    it('fails when the registration id of a TEN_DLC number is removed', async () => {
      const { client } = harness();
      const number = await client.call('CreatePhoneNumber', {
        body: { ...TEN_DLC, registrationId: 'reg-0001' },
      });
      await expectRefused(
        client,
        () => updateNumber(client, number.phoneNumberId, { registrationId: null }),
        'ValidationException',
        'registrationId is required for TEN_DLC numbers',
      );
    });

    it('other number types need no registration id', async () => {
      const number = await claimSimulatorNumber(harness().client);
      expect(number.registrationId).toBeNull();
    });

    it("a LONG_CODE number is requested with a registration id, as Pinpoint's own example does (001 L24-32), and may take one by update", async () => {
      const { client } = harness();
      const requested = await client.call('CreatePhoneNumber', {
        body: {
          isoCountryCode: 'US',
          numberType: 'LONG_CODE',
          numberCapabilities: ['VOICE'],
          messageType: 'TRANSACTIONAL',
          deletionProtectionEnabled: true,
          registrationId: 'CO123EX',
        },
      });
      expect(requested).toMatchObject({ numberType: 'LONG_CODE', registrationId: 'CO123EX' });
      const number = await claimSimulatorNumber(client);
      const updated = await updateNumber(client, number.phoneNumberId, { registrationId: 'reg-1' });
      expect(updated.registrationId).toBe('reg-1');
      const cleared = await updateNumber(client, number.phoneNumberId, { registrationId: null });
      expect(cleared.registrationId).toBeNull();
    });
  });

  describe('message type', () => {
    it('a number requested without a message type is TRANSACTIONAL (001 L69 "Otherwise, use TRANSACTIONAL"), and clearing it makes it TRANSACTIONAL again', async () => {
      const { client } = harness();
      const number = await claimSimulatorNumber(client);
      expect(number.messageType).toBe('TRANSACTIONAL');
      const promotional = await updateNumber(client, number.phoneNumberId, {
        messageType: 'PROMOTIONAL',
      });
      expect(promotional.messageType).toBe('PROMOTIONAL');
      const cleared = await updateNumber(client, number.phoneNumberId, { messageType: null });
      expect(cleared.messageType).toBe('TRANSACTIONAL');
    });
  });

  describe('toll-free is not offered for Business Calling', () => {
    it('a toll-free number is ordered for Voice Connector', async () => {
      const number = await harness().client.call('CreatePhoneNumber', {
        body: { ...TOLL_FREE, productType: 'VoiceConnector' },
      });
      expect(number).toMatchObject({ numberType: 'TOLL_FREE', productType: 'VoiceConnector' });
    });

    it('fails when a toll-free number is requested for Business Calling; nothing is claimed', async () => {
      const { client } = harness();
      await expectRefused(
        client,
        () =>
          client.call('CreatePhoneNumber', {
            body: { ...TOLL_FREE, productType: 'BusinessCalling' },
          }),
        'ValidationException',
        'productType BusinessCalling does not offer TOLL_FREE numbers',
      );
    });

    it('fails when an unassigned toll-free number switches to Business Calling; it keeps its type', async () => {
      const { client } = harness();
      const number = await client.call('CreatePhoneNumber', {
        body: { ...TOLL_FREE, productType: 'VoiceConnector' },
      });
      await expectRefused(
        client,
        () => updateNumber(client, number.phoneNumberId, { productType: 'BusinessCalling' }),
        'ValidationException',
        'productType BusinessCalling does not offer TOLL_FREE numbers',
      );
      expect((await describeNumber(client, number.phoneNumberId)).productType).toBe(
        'VoiceConnector',
      );
    });
  });
});
