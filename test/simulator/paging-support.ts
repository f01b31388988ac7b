import type { SimulatorClient } from '../../provider/client/simulator-client';
import type { PhoneNumber } from '../../provider/api/objects';

/** Shared steps of the paging tests. */

/** Raises the default account's quota so that `count` numbers fit (and their churn). */
export async function allowNumbers(client: SimulatorClient, count: number): Promise<void> {
  await client.admin('UpdateAccount', { id: 'default', body: { numberQuota: count } });
}

/**
 * Claims `count` US SIMULATOR numbers (active at once), ten at a time, spread over a few
 * area codes; `extra(i)` adds request fields to the i-th claim.
 */
export async function claimNumbers(
  client: SimulatorClient,
  count: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): Promise<PhoneNumber[]> {
  const areaCodes = ['206', '212', '312', '415'];
  const made: PhoneNumber[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, j) => start + j);
    made.push(
      ...(await Promise.all(
        batch.map((i) =>
          client.call('CreatePhoneNumber', {
            body: {
              isoCountryCode: 'US',
              numberType: 'SIMULATOR',
              numberCapabilities: ['SMS', 'VOICE'],
              areaCode: areaCodes[i % areaCodes.length],
              ...extra(i),
            },
          }),
        ),
      )),
    );
  }
  return made;
}

/** The ids of a list of numbers, sorted, to compare as sets. */
export const idsOf = (numbers: readonly PhoneNumber[]): string[] =>
  numbers.map((n) => n.phoneNumberId).sort();
