import { describeEachTransport } from '../harness';
import { claimSimulatorNumber, claimVoiceNumber, expectRefused, numberIds } from './support';

/**
 * Pinpoint v2: "the PhoneNumberID or the Amazon Resource Name (ARN) of the phone number"
 * (update, describe, release) and "the name or ARN of the opt-out list". The ARN the
 * simulator returns can be passed back wherever the id or name goes.
 */
describeEachTransport('ARNs as identifiers', (harness) => {
  it('a phone number is described, updated, released and restored by its ARN as by its id', async () => {
    const { client } = harness();
    const number = await claimVoiceNumber(client);
    expect(await client.call('DescribePhoneNumber', { id: number.arn })).toEqual(number);
    const updated = await client.call('UpdatePhoneNumber', {
      id: number.arn,
      body: { deletionProtectionEnabled: true },
    });
    expect(updated).toMatchObject({
      phoneNumberId: number.phoneNumberId,
      deletionProtectionEnabled: true,
    });
    await client.call('UpdatePhoneNumber', {
      id: number.arn,
      body: { deletionProtectionEnabled: false },
    });
    const released = await client.call('ReleasePhoneNumber', { id: number.arn });
    expect(released).toMatchObject({
      phoneNumberId: number.phoneNumberId,
      status: 'DELETION_QUEUED',
    });
    const restored = await client.call('RestorePhoneNumber', { id: number.arn });
    expect(restored.status).toBe('ACTIVE');
  });

  it("fails when a phone number ARN of another account is used; neither account's number changes", async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const theirs = await claimSimulatorNumber(other);
    const mine = await claimSimulatorNumber(client);
    // The same id under this account's number is not that number either.
    const forged = theirs.arn.replace(theirs.phoneNumberId, mine.phoneNumberId);
    for (const arn of [theirs.arn, forged.replace(/:\d{12}:/, ':000000000000:')]) {
      await expectRefused(
        client,
        () => client.call('ReleasePhoneNumber', { id: arn }),
        'ResourceNotFoundException',
        `phone number ${arn} does not exist in this account`,
      );
    }
    expect(await numberIds(client)).toEqual([mine.phoneNumberId]);
    expect(await numberIds(other)).toEqual([theirs.phoneNumberId]);
  });

  it('a phone number is named by its E.164 form too; another account’s number is not', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const mine = await claimVoiceNumber(client);
    const theirs = await claimSimulatorNumber(other);
    expect(await client.call('DescribePhoneNumber', { id: mine.phoneNumber })).toEqual(mine);
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: theirs.phoneNumber }),
      'ResourceNotFoundException',
      `phone number ${theirs.phoneNumber} is not in this account's inventory`,
    );
    expect(await numberIds(other)).toEqual([theirs.phoneNumberId]);
  });

  it('an opt-out list is described, given to numbers and deleted by its ARN; numbers hold its name', async () => {
    const { client } = harness();
    const list = await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    expect(await client.call('DescribeOptOutList', { id: list.arn })).toEqual(list);
    const number = await claimSimulatorNumber(client, { optOutListName: list.arn });
    expect(number.optOutListName).toBe('marketing');
    const moved = await client.call('UpdatePhoneNumber', {
      id: number.phoneNumberId,
      body: { optOutListName: 'Default' },
    });
    expect(moved.optOutListName).toBe('Default');
    const back = await client.call('UpdatePhoneNumber', {
      id: number.phoneNumberId,
      body: { optOutListName: list.arn },
    });
    expect(back.optOutListName).toBe('marketing');
    await client.call('UpdatePhoneNumber', {
      id: number.phoneNumberId,
      body: { optOutListName: 'Default' },
    });
    expect(await client.call('DeleteOptOutList', { id: list.arn })).toMatchObject({
      optOutListName: 'marketing',
    });
    expect((await client.call('ListOptOutLists')).items.map((l) => l.optOutListName)).toEqual([
      'Default',
    ]);
  });

  it('a failed claim is retried by its ARN', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'claim-failure', nth: 1 },
    });
    const failed = await claimSimulatorNumber(client);
    expect(failed.status).toBe('FAILED');
    const retried = await client.call('RetryClaimPhoneNumber', { id: failed.arn });
    expect(retried).toMatchObject({ phoneNumberId: failed.phoneNumberId, status: 'ACTIVE' });
  });

  it('fails when an ARN names another Region, or another kind of object; nothing changes', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    const list = await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const elsewhere = number.arn.replace(':us-east-1:', ':eu-west-2:');
    await expectRefused(
      client,
      () => client.call('ReleasePhoneNumber', { id: elsewhere }),
      'ResourceNotFoundException',
      `phone number ${elsewhere} does not exist in this account`,
    );
    await expectRefused(
      client,
      () => client.call('DeleteOptOutList', { id: number.arn }),
      'ResourceNotFoundException',
      `opt-out list ${number.arn} does not exist in this account`,
    );
    expect(await client.call('DescribeOptOutList', { id: list.arn })).toEqual(list);
  });

  it('an opt-out list with a 64-character name is named by its ARN too', async () => {
    const { client } = harness();
    const name = `l${'x'.repeat(63)}`;
    const list = await client.call('CreateOptOutList', { body: { optOutListName: name } });
    expect(list.arn.length).toBe(118);
    expect(await client.call('DescribeOptOutList', { id: list.arn })).toEqual(list);
  });

  it('opted-out numbers are put and listed by the list ARN', async () => {
    const { client } = harness();
    const list = await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    await client.call('PutOptedOutNumber', { id: list.arn, body: { phoneNumber: '+12065550123' } });
    const listed = await client.call('ListOptedOutNumbers', { id: list.arn });
    expect(listed.items.map((item) => item.phoneNumber)).toEqual(['+12065550123']);
    expect((await client.call('DescribeOptOutList', { id: 'marketing' })).optedOutCount).toBe(1);
  });

  it('fails when a number names an opt-out list by an ARN of another account; nothing is claimed', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const theirs = await other.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    await expectRefused(
      client,
      () => claimSimulatorNumber(client, { optOutListName: theirs.arn }),
      'ResourceNotFoundException',
      `opt-out list ${theirs.arn} does not exist in this account`,
    );
    expect(await numberIds(client)).toEqual([]);
  });
});
