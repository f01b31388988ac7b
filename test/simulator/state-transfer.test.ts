import { MIGRATIONS } from '../../provider/simulator/store/migrations';
import { describeEachTransport, failureOf } from './harness';

const claim = { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };

describeEachTransport('state export, import and reset', (harness) => {
  it('an export imported after a reset brings every object back', async () => {
    const { client } = harness();
    const connector = await client.call('CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1' },
    });
    const number = await client.call('CreatePhoneNumber', { body: claim });
    const exported = await client.admin('ExportState');

    await client.admin('ResetState');
    expect((await client.call('ListPhoneNumbers', {})).items).toEqual([]);

    const imported = await client.admin('ImportState', { body: exported });
    expect(imported.rows).toBeGreaterThan(0);
    expect(await client.call('DescribePhoneNumber', { id: number.phoneNumberId })).toEqual(number);
    expect(await client.call('GetVoiceConnector', { id: connector.voiceConnectorId })).toEqual(
      connector,
    );
  });

  it('reset keeps the default keys working and empties the inventory', async () => {
    const { client } = harness();
    await client.call('CreatePhoneNumber', { body: claim });
    await client.admin('ResetState');
    expect((await client.call('ListPhoneNumbers', {})).items).toEqual([]);
    expect((await client.admin('ListAccounts')).map((a) => a.name)).toEqual(['default']);
  });

  it('fails when the document is from another schema version, and changes nothing', async () => {
    const { client } = harness();
    await client.call('CreatePhoneNumber', { body: claim });
    const exported = await client.admin('ExportState');
    const failure = await failureOf(
      client.admin('ImportState', { body: { ...exported, schemaVersion: 99 } }),
    );
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toContain(`schemaVersion 99 but this store is at ${MIGRATIONS.length}`);
    expect((await client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
  });

  it('fails when a row does not fit its table, and changes nothing', async () => {
    const { client } = harness();
    await client.call('CreatePhoneNumber', { body: claim });
    const exported = await client.admin('ExportState');
    const broken = {
      ...exported,
      tables: { ...exported.tables, phone_numbers: [{ phone_number_id: 'x' }] },
    };
    const failure = await failureOf(client.admin('ImportState', { body: broken }));
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toMatch(/table phone_numbers row \d+ cannot be loaded/);
    expect((await client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
  });
});
