import { describeEachTransport, failureOf } from '../harness';
import {
  advance,
  claimSimulatorNumber,
  claimVoiceNumber,
  expectRefused,
  updateNumber,
} from './support';

describeEachTransport('opt-out lists', (harness) => {
  it('every account has a built-in Default list that numbers use unless they name another', async () => {
    const { client } = harness();
    const lists = await client.call('ListOptOutLists');
    expect(lists.items.map((l) => l.optOutListName)).toEqual(['Default']);
    expect((await claimSimulatorNumber(client)).optOutListName).toBe('Default');
  });

  it('fails when the Default list is deleted; it stays', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => client.call('DeleteOptOutList', { id: 'Default' }),
      'ValidationException',
      'the Default opt-out list is built in and cannot be deleted',
    );
  });

  it('fails when a list in use by a number is deleted; the list and the number keep it', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const number = await claimSimulatorNumber(client, { optOutListName: 'marketing' });
    await expectRefused(
      client,
      () => client.call('DeleteOptOutList', { id: 'marketing' }),
      'ConflictException',
      `opt-out list "marketing" is in use by phone number ${number.phoneNumber}`,
    );
  });

  it('fails when a list used only by a number in the deletion queue is deleted: the number may be restored', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const number = await claimVoiceNumber(client, { optOutListName: 'marketing' });
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await expectRefused(
      client,
      () => client.call('DeleteOptOutList', { id: 'marketing' }),
      'ConflictException',
      'is in use by phone number',
    );
  });

  it('a list is deleted once no number uses it', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const number = await claimSimulatorNumber(client, { optOutListName: 'marketing' });
    await updateNumber(client, number.phoneNumberId, { optOutListName: 'Default' });
    const deleted = await client.call('DeleteOptOutList', { id: 'marketing' });
    expect(deleted.optOutListName).toBe('marketing');
    const lists = await client.call('ListOptOutLists');
    expect(lists.items.map((l) => l.optOutListName)).toEqual(['Default']);
  });

  it('a list is deleted once its last number has left the deletion queue', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'marketing' } });
    const number = await claimVoiceNumber(client, { optOutListName: 'marketing' });
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    await advance(client, '7d');
    await client.call('DeleteOptOutList', { id: 'marketing' });
    const failure = await failureOf(client.call('DescribeOptOutList', { id: 'marketing' }));
    expect(failure.code).toBe('ResourceNotFoundException');
  });

  it('fails when a number names a list that does not exist; nothing is claimed', async () => {
    const { client } = harness();
    await expectRefused(
      client,
      () => claimSimulatorNumber(client, { optOutListName: 'nope' }),
      'ResourceNotFoundException',
      'opt-out list "nope" does not exist in this account',
    );
  });

  it('fails when a number is moved to a list that does not exist; it keeps its list', async () => {
    const { client } = harness();
    const number = await claimSimulatorNumber(client);
    await expectRefused(
      client,
      () => updateNumber(client, number.phoneNumberId, { optOutListName: 'nope' }),
      'ResourceNotFoundException',
      'opt-out list "nope" does not exist in this account',
    );
  });

  it('a number taken off a list is gone from it; taking off one that is not there fails and changes nothing', async () => {
    const { client } = harness();
    await client.call('CreateOptOutList', { body: { optOutListName: 'quiet' } });
    const put = await client.call('PutOptedOutNumber', {
      id: 'quiet',
      body: { phoneNumber: '+12065550100' },
    });
    await client.call('PutOptedOutNumber', { id: 'quiet', body: { phoneNumber: '+12065550101' } });
    const removed = await client.call('DeleteOptedOutNumber', {
      id: 'quiet',
      body: { phoneNumber: '+12065550100' },
    });
    expect(removed).toEqual(put);
    const left = await client.call('ListOptedOutNumbers', { id: 'quiet' });
    expect(left.items.map((n) => n.phoneNumber)).toEqual(['+12065550101']);
    expect(
      await failureOf(
        client.call('DeleteOptedOutNumber', { id: 'quiet', body: { phoneNumber: '+12065550100' } }),
      ),
    ).toEqual({
      code: 'ResourceNotFoundException',
      message: '+12065550100 is not on opt-out list "quiet"; list its numbers to see which are',
    });
    expect((await client.call('DescribeOptOutList', { id: 'quiet' })).optedOutCount).toBe(1);
  });
});
