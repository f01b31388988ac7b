import { describeEachTransport, failureOf } from '../harness';
import { advance, claimSimulatorNumber, DAY, numberIds } from './support';

const search = { isoCountryCode: 'US', numberType: 'SIMULATOR', maxResults: 5 };

/**
 * Chime's and Connect's flow: search the carrier's free numbers, then order or claim one by
 * its E.164 form. A search reserves nothing; the claim is where the number is taken.
 */
describeEachTransport('searching and claiming a chosen number', (harness) => {
  it('a search offers free numbers of the country, type and area code, and claiming one gets that number', async () => {
    const { client } = harness();
    const offered = await client.call('SearchAvailablePhoneNumbers', {
      body: { ...search, areaCode: '425' },
    });
    expect(offered.phoneNumbers).toHaveLength(5);
    for (const n of offered.phoneNumbers) expect(n).toMatch(/^\+1425555\d{4}$/);
    const wanted = String(offered.phoneNumbers[2]);
    const claimed = await claimSimulatorNumber(client, { phoneNumber: wanted });
    expect(claimed).toMatchObject({ phoneNumber: wanted, areaCode: '425', status: 'ACTIVE' });
  });

  it('fails when a held number is claimed by another account, and nothing is claimed', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const mine = await claimSimulatorNumber(client);
    expect(await failureOf(claimSimulatorNumber(other, { phoneNumber: mine.phoneNumber }))).toEqual(
      {
        code: 'ConflictException',
        message: `phoneNumber ${mine.phoneNumber} is not available: it is held, cooling down after a release, or this account released it; search for available numbers and pick another`,
      },
    );
    expect(await numberIds(other)).toEqual([]);
    const offered = await other.call('SearchAvailablePhoneNumbers', {
      body: { ...search, maxResults: 100, areaCode: mine.areaCode },
    });
    expect(offered.phoneNumbers).not.toContain(mine.phoneNumber);
  });

  it('a released number is offered to nobody during its cool-down, and never again to its releaser', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const number = await claimSimulatorNumber(client);
    await client.call('ReleasePhoneNumber', { id: number.phoneNumberId });
    expect(
      (await failureOf(claimSimulatorNumber(other, { phoneNumber: number.phoneNumber }))).code,
    ).toBe('ConflictException');
    await advance(client, 181 * DAY);
    expect(
      (await failureOf(claimSimulatorNumber(client, { phoneNumber: number.phoneNumber }))).code,
    ).toBe('ConflictException');
    const claimed = await claimSimulatorNumber(other, { phoneNumber: number.phoneNumber });
    expect(claimed.phoneNumber).toBe(number.phoneNumber);
  });

  it('fails when the chosen number is not one the carrier offers for that type; nothing is claimed', async () => {
    const { client } = harness();
    expect(
      await failureOf(
        claimSimulatorNumber(client, { phoneNumber: '+12065550000', numberType: 'TOLL_FREE' }),
      ),
    ).toEqual({
      code: 'ValidationException',
      message: 'areaCode "206" is not a toll-free prefix; use one of 833, 844, 855, 866, 877, 888',
      reason: 'not-toll-free-prefix',
    });
    expect(
      (await failureOf(claimSimulatorNumber(client, { phoneNumber: '+12065550' }))).message,
    ).toMatch(/^phoneNumber \+12065550 is not a SIMULATOR number the carrier offers here/);
    expect(await numberIds(client)).toEqual([]);
  });

  it('an order claims each chosen number on its own: Processing while pending, then Partial when one was taken', async () => {
    const { client } = harness();
    const other = await harness().newAccount('other');
    const offered = await client.call('SearchAvailablePhoneNumbers', {
      body: { isoCountryCode: 'US', numberType: 'LONG_CODE', areaCode: '503', maxResults: 3 },
    });
    const [first, second, third] = offered.phoneNumbers.map(String);
    await claimSimulatorNumber(other, { phoneNumber: third, numberType: 'LONG_CODE' });
    const order = await client.call('CreatePhoneNumberOrder', {
      body: { productType: 'VoiceConnector', phoneNumbers: [third, first, second] },
    });
    expect(order.status).toBe('Processing');
    expect(order.orderedPhoneNumbers.map((n) => [n.phoneNumber, n.status])).toEqual([
      [third, 'Failed'],
      [first, 'Processing'],
      [second, 'Processing'],
    ]);
    expect(order.orderedPhoneNumbers[0]?.failureReason).toMatch(/is not available/);
    await advance(client, DAY);
    const done = await client.call('GetPhoneNumberOrder', { id: order.phoneNumberOrderId });
    expect(done.status).toBe('Partial');
    const mine = await client.call('ListPhoneNumbers');
    expect(mine.items.map((n) => [n.phoneNumber, n.productType, n.status]).sort()).toEqual([
      [first, 'VoiceConnector', 'ACTIVE'],
      [second, 'VoiceConnector', 'ACTIVE'],
    ]);
    const orders = await client.call('ListPhoneNumberOrders');
    expect(orders.items.map((o) => o.phoneNumberOrderId)).toEqual([order.phoneNumberOrderId]);
    expect(
      await failureOf(other.call('GetPhoneNumberOrder', { id: order.phoneNumberOrderId })),
    ).toMatchObject({
      code: 'ResourceNotFoundException',
    });
  });
});
