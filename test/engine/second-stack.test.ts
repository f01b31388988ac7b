import {
  startTelephonyStack,
  type TelephonySpec,
  type TelephonyStack,
} from './support/telephony-stack';

const spec = (tags?: Record<string, string>): TelephonySpec => ({
  optOutLists: { marketing: tags ? { tags } : {} },
  numbers: {
    alerts: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS'],
      optOutList: 'marketing',
    },
  },
});

const withLegacy = (base: TelephonySpec, legacy: Record<string, unknown>): TelephonySpec => ({
  ...base,
  numbers: { ...base.numbers, legacy },
});

const listNameOf = (outputs: unknown): string =>
  (outputs as { listNames: Record<string, string> }).listNames.marketing ?? '';

/**
 * A team's dev and prod stacks of one program on one account: an opt-out list declared
 * without a name is auto-named per stack (opt-out list names are unique in an account).
 */
describe('two stacks of one program on one account', () => {
  let dev: TelephonyStack;
  let prod: TelephonyStack;

  beforeAll(async () => {
    dev = await startTelephonyStack();
    prod = dev.another('prod');
  });

  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  it('each gets an opt-out list of its own, a tags change replaces one under a new name, and a number one stack adopted is refused to the other', async () => {
    const existing = await dev.client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['VOICE'] },
    });
    const legacy = {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['VOICE'],
      adoptExistingId: existing.phoneNumberId,
    };
    const first = await dev.up(withLegacy(spec(), legacy));
    expect(first.error).toBeUndefined();
    const second = await prod.up(spec());
    expect(second.error).toBeUndefined();
    const devList = listNameOf(first.outputs);
    const prodList = listNameOf(second.outputs);
    expect(devList).toMatch(/^marketing-[0-9a-f]{7}$/);
    expect(prodList).toMatch(/^marketing-[0-9a-f]{7}$/);
    expect(prodList).not.toBe(devList);
    const numbers = (await dev.client.call('ListPhoneNumbers', {})).items;
    const smsNumbers = numbers.filter((n) => n.phoneNumberId !== existing.phoneNumberId);
    expect(smsNumbers.map((n) => n.optOutListName).sort()).toEqual([devList, prodList].sort());

    // The number dev adopted is refused to prod, naming the holder; prod's state gains nothing.
    const refused = await prod.up(withLegacy(spec(), legacy));
    expect(refused.error).toContain(
      `phone number ${existing.phoneNumber} (${existing.phoneNumberId}) is held by stack telephony/${dev.stack.stackName}`,
    );
    expect(refused.error).toContain(`stack telephony/prod cannot take it too`);
    const prodState = (await prod.stack.exportDeployment()).deployment as {
      resources?: { urn: string }[];
    };
    expect(prodState.resources?.filter((r) => r.urn.endsWith('::legacy'))).toEqual([]);

    // The name is kept: the next run plans nothing.
    expect(
      (await dev.preview(withLegacy(spec(), legacy), { expectNoChanges: true })).error,
    ).toBeUndefined();

    // Tags replace a list: the new one is made (under its own name) before the old one goes.
    const retagged = await dev.up(withLegacy(spec({ team: 'growth' }), legacy));
    expect(retagged.error).toBeUndefined();
    const renamed = listNameOf(retagged.outputs);
    expect(renamed).toMatch(/^marketing-[0-9a-f]{7}$/);
    expect(renamed).not.toBe(devList);
    const lists = (await dev.client.call('ListOptOutLists', {})).items;
    expect(lists.map((l) => l.optOutListName).sort()).toEqual(
      ['Default', prodList, renamed].sort(),
    );

    // prod's destroy releases only its own: the adopted number stays with dev.
    expect((await prod.destroy()).error).toBeUndefined();
    expect(
      await dev.client.call('DescribePhoneNumber', { id: existing.phoneNumberId }),
    ).toMatchObject({ status: 'ACTIVE' });
    expect((await dev.destroy()).error).toBeUndefined();
    // Without a productType it was Pinpoint's kind: dev's destroy released it for good.
    await expect(
      dev.client.call('DescribePhoneNumber', { id: existing.phoneNumberId }),
    ).rejects.toMatchObject({ code: 'ResourceNotFoundException' });
    expect(
      (await dev.client.call('ListOptOutLists', {})).items.map((l) => l.optOutListName),
    ).toEqual(['Default']);
  });
});
