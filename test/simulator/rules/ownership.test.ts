import { describeEachTransport, failureOf } from '../harness';
import { advance, claimSimulatorNumber, claimVoiceNumber, expectRefused } from './support';

describeEachTransport('which stack holds an object (ownership)', (harness) => {
  it('a second stack claiming a number another stack holds is refused, naming the holder; nothing changes', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    const first = await client.call('ClaimOwnership', {
      body: { kind: 'PhoneNumber', id: number.phoneNumberId, owner: 'telephony/dev' },
    });
    expect(first).toMatchObject({
      kind: 'PhoneNumber',
      id: number.phoneNumberId,
      owner: 'telephony/dev',
    });
    await expectRefused(
      client,
      () =>
        client.call('ClaimOwnership', {
          body: { kind: 'PhoneNumber', id: number.arn, owner: 'telephony/prod' },
        }),
      'ConflictException',
      `phone number ${number.phoneNumber} (${number.phoneNumberId}) is held by stack telephony/dev (since ${String(first.claimedTimestamp)}); stack telephony/prod cannot take it too`,
    );
    // The holder claiming again is fine and keeps the first claim's time.
    expect(
      await client.call('ClaimOwnership', {
        body: { kind: 'PhoneNumber', id: number.phoneNumberId, owner: 'telephony/dev' },
      }),
    ).toEqual(first);
  });

  it('released ownership lets another stack claim; the object is untouched', async () => {
    const { client } = harness();
    const connector = await client.call('CreateVoiceConnector', {
      body: { name: 'east', awsRegion: 'us-east-1' },
    });
    const object = { kind: 'VoiceConnector', id: connector.voiceConnectorId } as const;
    await client.call('ClaimOwnership', { body: { ...object, owner: 'a/dev' } });
    expect(await client.call('DescribeOwnership', { body: object })).toMatchObject({
      owner: 'a/dev',
    });
    expect(await client.call('ReleaseOwnership', { body: object })).toEqual({
      ...object,
      owner: null,
      claimedTimestamp: null,
    });
    expect(await client.call('GetVoiceConnector', { id: connector.voiceConnectorId })).toEqual(
      connector,
    );
    expect(
      await client.call('ClaimOwnership', { body: { ...object, owner: 'b/dev' } }),
    ).toMatchObject({ owner: 'b/dev' });
  });

  it('a claim goes with its object: a list deleted and made again under its name is free', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const list = { kind: 'OptOutList', id: 'marketing' } as const;
    await client.call('ClaimOwnership', { body: { ...list, owner: 'a/dev' } });
    await client.call('DeleteOptOutList', { id: 'marketing' });
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    expect(await client.call('DescribeOwnership', { body: list })).toMatchObject({ owner: null });
  });

  it('a number in the deletion queue stays held by its stack, and is free once purged', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    const object = { kind: 'PhoneNumber', id: number.phoneNumberId } as const;
    await client.call('ClaimOwnership', { body: { ...object, owner: 'a/dev' } });
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(await client.call('DescribeOwnership', { body: object })).toMatchObject({
      owner: 'a/dev',
    });
    await advance(client, '8d');
    const gone = await failureOf(client.call('DescribeOwnership', { body: object }));
    expect(gone.code).toBe('ResourceNotFoundException');
  });

  it('another account cannot see or claim an object', async () => {
    const { client, newAccount } = harness();
    const number = await claimSimulatorNumber(client);
    const other = await newAccount('other');
    const failure = await failureOf(
      other.call('ClaimOwnership', {
        body: { kind: 'PhoneNumber', id: number.phoneNumberId, owner: 'x/dev' },
      }),
    );
    expect(failure.code).toBe('ResourceNotFoundException');
  });
});
