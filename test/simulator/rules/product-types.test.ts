import { describeEachTransport } from '../harness';
import {
  claimSimulatorNumber,
  claimVoiceNumber,
  createConnector,
  createGroup,
  describeNumber,
  expectRefused,
  updateNumber,
} from './support';

describeEachTransport('product types', (harness) => {
  it('a number is created as a Voice Connector or a Business Calling number', async () => {
    const { client } = harness();
    const voice = await claimVoiceNumber(client);
    const business = await claimSimulatorNumber(client, { productType: 'BusinessCalling' });
    expect(voice.productType).toBe('VoiceConnector');
    expect(business.productType).toBe('BusinessCalling');
  });

  it('fails when the product type is neither VoiceConnector nor BusinessCalling', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => claimSimulatorNumber(client, { productType: 'SipMediaApplicationDialIn' }),
      'ValidationException',
      'productType must be one of VoiceConnector, BusinessCalling',
    );
  });

  it('an unassigned number switches product type, both ways', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    const business = await updateNumber(client, number.phoneNumberId, {
      productType: 'BusinessCalling',
    });
    expect(business.productType).toBe('BusinessCalling');
    const voice = await updateNumber(client, number.phoneNumberId, {
      productType: 'VoiceConnector',
    });
    expect(voice.productType).toBe('VoiceConnector');
  });

  it('fails when a number assigned to a voice connector switches product type; it keeps type and assignment', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: connector.voiceConnectorId });
    await expectRefused(
      client,
      () => updateNumber(client, number.phoneNumberId, { productType: 'BusinessCalling' }),
      'ConflictException',
      `is assigned to voice connector ${connector.voiceConnectorId}; unassign it before changing productType`,
    );
    expect(await describeNumber(client, number.phoneNumberId)).toMatchObject({
      productType: 'VoiceConnector',
      voiceConnectorId: connector.voiceConnectorId,
    });
  });

  it('fails when a number assigned to a voice connector group switches product type', async () => {
    const { client } = harness();
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, {
      voiceConnectorGroupId: group.voiceConnectorGroupId,
    });
    await expectRefused(
      client,
      () => updateNumber(client, number.phoneNumberId, { productType: 'BusinessCalling' }),
      'ConflictException',
      `is assigned to voice connector group ${group.voiceConnectorGroupId}; unassign it before changing productType`,
    );
  });

  it('a number unassigned in the same update may switch product type', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimVoiceNumber(client, { voiceConnectorId: connector.voiceConnectorId });
    const switched = await updateNumber(client, number.phoneNumberId, {
      voiceConnectorId: null,
      productType: 'BusinessCalling',
    });
    expect(switched).toMatchObject({ productType: 'BusinessCalling', voiceConnectorId: null });
  });

  it('an unassigned number may switch to VoiceConnector and be assigned in the same update', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimSimulatorNumber(client, {
      numberCapabilities: ['VOICE'],
      productType: 'BusinessCalling',
    });
    const assigned = await updateNumber(client, number.phoneNumberId, {
      productType: 'VoiceConnector',
      voiceConnectorId: connector.voiceConnectorId,
    });
    expect(assigned).toMatchObject({
      productType: 'VoiceConnector',
      voiceConnectorId: connector.voiceConnectorId,
    });
  });

  it('fails when a reassignment also switches product type: the number is assigned throughout', async () => {
    const { client } = harness();
    const east = await createConnector(client, 'east');
    const group = await createGroup(client, 'main');
    const number = await claimVoiceNumber(client, { voiceConnectorId: east.voiceConnectorId });
    await expectRefused(
      client,
      () =>
        updateNumber(client, number.phoneNumberId, {
          voiceConnectorGroupId: group.voiceConnectorGroupId,
          productType: 'BusinessCalling',
        }),
      'ConflictException',
      'unassign it before changing productType',
    );
  });

  it('fails when a Business Calling number is assigned to a voice connector', async () => {
    const { client } = harness();
    const connector = await createConnector(client, 'east');
    const number = await claimSimulatorNumber(client, {
      numberCapabilities: ['VOICE'],
      productType: 'BusinessCalling',
    });
    await expectRefused(
      client,
      () =>
        updateNumber(client, number.phoneNumberId, {
          voiceConnectorId: connector.voiceConnectorId,
        }),
      'ValidationException',
      'only VoiceConnector numbers can be assigned to a voice connector or group; productType is BusinessCalling',
    );
  });
});
