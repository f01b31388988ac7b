import type { SimulatorClient } from '../../../provider/client/simulator-client';
import type {
  AwsRegion,
  OptOutList,
  PhoneNumber,
  VoiceConnector,
  VoiceConnectorGroup,
} from '../../../provider/api/objects';
import { failureOf } from '../harness';

/** Shared steps of the rules suite; everything goes through the SimulatorClient interface. */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const SECOND = 1000;

export const CHANNEL_ARN = 'arn:aws:sns:us-east-1:111122223333:replies';

/** Claims a US SIMULATOR number (active at once) with `extra` request fields. */
export function claimSimulatorNumber(
  client: SimulatorClient,
  extra: Record<string, unknown> = {},
): Promise<PhoneNumber> {
  return client.call('CreatePhoneNumber', {
    body: {
      isoCountryCode: 'US',
      numberType: 'SIMULATOR',
      numberCapabilities: ['SMS', 'VOICE'],
      ...extra,
    },
  });
}

/** Claims a US SIMULATOR number of the Voice Connector product type, assignable to connectors. */
export function claimVoiceNumber(
  client: SimulatorClient,
  extra: Record<string, unknown> = {},
): Promise<PhoneNumber> {
  return claimSimulatorNumber(client, {
    numberCapabilities: ['VOICE'],
    productType: 'VoiceConnector',
    ...extra,
  });
}

export function createConnector(
  client: SimulatorClient,
  name: string,
  awsRegion: AwsRegion = 'us-east-1',
): Promise<VoiceConnector> {
  return client.call('CreateVoiceConnector', { body: { name, awsRegion } });
}

export function createGroup(
  client: SimulatorClient,
  name: string,
  connectors: { voiceConnectorId: string; priority: number }[] = [],
): Promise<VoiceConnectorGroup> {
  return client.call('CreateVoiceConnectorGroup', { body: { name, connectors } });
}

export function updateNumber(
  client: SimulatorClient,
  phoneNumberId: string,
  body: Record<string, unknown>,
): Promise<PhoneNumber> {
  return client.call('UpdatePhoneNumber', { id: phoneNumberId, body });
}

export function describeNumber(
  client: SimulatorClient,
  phoneNumberId: string,
): Promise<PhoneNumber> {
  return client.call('DescribePhoneNumber', { id: phoneNumberId });
}

/** Moves the virtual clock forward (the harness keeps it frozen otherwise). */
export async function advance(client: SimulatorClient, by: string | number): Promise<void> {
  await client.admin('ChangeClock', {
    body: { action: 'advance', by: typeof by === 'number' ? `${by}ms` : by },
  });
}

/** Virtual time now, ms since epoch. */
export async function clockNow(client: SimulatorClient): Promise<number> {
  return Date.parse((await client.admin('GetClock')).now);
}

/** Every number of the account, following nextToken. */
export async function allNumbers(
  client: SimulatorClient,
  filters?: Record<string, string[]>,
): Promise<PhoneNumber[]> {
  const numbers: PhoneNumber[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.call('ListPhoneNumbers', {
      ...(filters ? { filters } : {}),
      page: nextToken ? { maxResults: 100, nextToken } : { maxResults: 100 },
    });
    numbers.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return numbers;
}

export async function numberIds(
  client: SimulatorClient,
  filters?: Record<string, string[]>,
): Promise<string[]> {
  return (await allNumbers(client, filters)).map((n) => n.phoneNumberId).sort();
}

/** Everything an account can see, to prove a failed call changed nothing. */
export interface AccountState {
  numbers: PhoneNumber[];
  connectors: VoiceConnector[];
  groups: VoiceConnectorGroup[];
  optOutLists: OptOutList[];
}

export async function stateOf(client: SimulatorClient): Promise<AccountState> {
  return {
    numbers: await allNumbers(client),
    connectors: (await client.call('ListVoiceConnectors', { page: { maxResults: 100 } })).items,
    groups: (await client.call('ListVoiceConnectorGroups', { page: { maxResults: 100 } })).items,
    optOutLists: (await client.call('ListOptOutLists', { page: { maxResults: 100 } })).items,
  };
}

/**
 * Runs `call`, expects it to fail with `code` and a message containing `message`, and
 * expects every account in `observed` to look exactly as it did before the call.
 */
export async function expectRefused(
  observed: SimulatorClient | SimulatorClient[],
  call: () => Promise<unknown>,
  code: string,
  message: string | RegExp,
): Promise<{ code: string; message: string; reason?: string }> {
  const clients = Array.isArray(observed) ? observed : [observed];
  const before = await Promise.all(clients.map((client) => stateOf(client)));
  const failure = await failureOf(call());
  expect(failure.code).toBe(code);
  if (typeof message === 'string') expect(failure.message).toContain(message);
  else expect(failure.message).toMatch(message);
  const after = await Promise.all(clients.map((client) => stateOf(client)));
  expect(after).toEqual(before);
  return failure;
}
