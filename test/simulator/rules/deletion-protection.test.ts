import { describeEachTransport } from '../harness';
import { claimSimulatorNumber, describeNumber, expectRefused, updateNumber } from './support';

describeEachTransport('deletion protection', (harness) => {
  it('releasing a protected number fails and keeps it', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client, { deletionProtectionEnabled: true });
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      `phone number ${number.phoneNumber} (${number.phoneNumberId}) has deletion protection enabled; set deletionProtectionEnabled to false first`,
    );
    expect(await describeNumber(client, number.phoneNumberId)).toMatchObject({
      status: 'ACTIVE',
      deletionProtectionEnabled: true,
    });
  });

  it('a number is released once its protection is turned off', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client, { deletionProtectionEnabled: true });
    await updateNumber(client, number.phoneNumberId, { deletionProtectionEnabled: false });
    const released = await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(released.status).toBe('DELETED');
  });

  it('protection turned on after the claim also blocks release', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await updateNumber(client, number.phoneNumberId, { deletionProtectionEnabled: true });
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'has deletion protection enabled',
    );
  });

  it('protection set out of band in the console blocks release through the API', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await client.admin('InvokeAs', {
      id: 'default',
      body: {
        operation: 'UpdatePhoneNumber',
        input: { id: number.phoneNumberId, body: { deletionProtectionEnabled: true } },
      },
    });
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: number.phoneNumberId }),
      'ConflictException',
      'has deletion protection enabled',
    );
  });

  it('fails when a protected number is released out of band in the console too', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client, { deletionProtectionEnabled: true });
    await expectRefused(
      client,
      () =>
        client.admin('InvokeAs', {
          id: 'default',
          body: { operation: 'ReleasePhoneNumber', input: { id: number.phoneNumberId } },
        }),
      'ConflictException',
      'has deletion protection enabled',
    );
  });

  it('numbers are unprotected unless asked', async () => {
    const number = await claimSimulatorNumber(harness().client);
    expect(number.deletionProtectionEnabled).toBe(false);
  });
});
