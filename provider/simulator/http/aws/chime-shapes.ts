import { z } from 'zod';
import { notFound } from '../../../api/errors';
import type {
  NumberStatus,
  PhoneNumber,
  PhoneNumberOrder,
  VoiceConnector,
  VoiceConnectorGroup,
} from '../../../api/objects';
import { defined, type Invoke } from './aws-dialect';

/** Chime SDK Voice's shapes of the simulator's objects, and what its operations share. */

export const voiceConnector = (connector: VoiceConnector): Record<string, unknown> => ({
  VoiceConnectorId: connector.voiceConnectorId,
  AwsRegion: connector.awsRegion,
  Name: connector.name,
  OutboundHostName: connector.outboundHostName,
  RequireEncryption: connector.requireEncryption,
  CreatedTimestamp: connector.createdTimestamp,
  UpdatedTimestamp: connector.updatedTimestamp,
  VoiceConnectorArn: connector.arn,
});

export const voiceConnectorGroup = (group: VoiceConnectorGroup): Record<string, unknown> => ({
  VoiceConnectorGroupId: group.voiceConnectorGroupId,
  Name: group.name,
  VoiceConnectorItems: group.connectors.map((c) => ({
    VoiceConnectorId: c.voiceConnectorId,
    Priority: c.priority,
  })),
  CreatedTimestamp: group.createdTimestamp,
  UpdatedTimestamp: group.updatedTimestamp,
  VoiceConnectorGroupArn: group.arn,
});

/** Chime's inventory statuses for the simulator's. */
export function chimeStatus(number: PhoneNumber): string {
  const statuses: Record<NumberStatus, string> = {
    PENDING: 'AcquireInProgress',
    ACTIVE:
      number.voiceConnectorId !== null || number.voiceConnectorGroupId !== null
        ? 'Assigned'
        : 'Unassigned',
    DELETION_QUEUED: 'DeleteInProgress',
    FAILED: 'AcquireFailed',
    DELETED: 'ReleaseInProgress',
  };
  return statuses[number.status];
}

export function phoneNumber(number: PhoneNumber): Record<string, unknown> {
  const can = (capability: 'SMS' | 'VOICE' | 'MMS'): boolean =>
    number.numberCapabilities.includes(capability);
  const association =
    number.voiceConnectorId !== null
      ? { Name: 'VoiceConnectorId', Value: number.voiceConnectorId }
      : number.voiceConnectorGroupId !== null
        ? { Name: 'VoiceConnectorGroupId', Value: number.voiceConnectorGroupId }
        : undefined;
  return defined({
    PhoneNumberId: number.phoneNumberId,
    E164PhoneNumber: number.phoneNumber,
    Country: number.isoCountryCode,
    Type: number.numberType === 'TOLL_FREE' ? 'TollFree' : 'Local',
    ProductType: number.productType,
    Status: chimeStatus(number),
    Capabilities: {
      InboundCall: can('VOICE'),
      OutboundCall: can('VOICE'),
      InboundSMS: can('SMS'),
      OutboundSMS: can('SMS'),
      InboundMMS: can('MMS'),
      OutboundMMS: can('MMS'),
    },
    Associations: association ? [association] : [],
    CreatedTimestamp: number.createdTimestamp,
  });
}

export const phoneNumberOrder = (order: PhoneNumberOrder): Record<string, unknown> => ({
  PhoneNumberOrderId: order.phoneNumberOrderId,
  ProductType: order.productType,
  Status: order.status,
  OrderType: 'New',
  OrderedPhoneNumbers: order.orderedPhoneNumbers.map((n) => ({
    E164PhoneNumber: n.phoneNumber,
    Status: n.status,
  })),
  CreatedTimestamp: order.createdTimestamp,
  UpdatedTimestamp: order.createdTimestamp,
});

export const paging = {
  query: {
    'max-results': { member: 'MaxResults', type: 'integer' },
    'next-token': { member: 'NextToken', type: 'string' },
  },
} as const;
export const pageMembers = { MaxResults: z.number().optional(), NextToken: z.string().optional() };
export const page = (request: {
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}): Record<string, unknown> =>
  defined({ maxResults: request.MaxResults, nextToken: request.NextToken });

export const items = z.array(
  z.strictObject({ VoiceConnectorId: z.string(), Priority: z.number() }),
);
export const connectorsOf = (
  list: z.infer<typeof items>,
): { voiceConnectorId: string; priority: number }[] =>
  list.map((item) => ({ voiceConnectorId: item.VoiceConnectorId, priority: item.Priority }));

/** A number of the Chime inventory: one with a product type; the others are not Chime's. */
export async function chimeNumber(invoke: Invoke, id: string): Promise<PhoneNumber> {
  const number = await invoke('DescribePhoneNumber', { id });
  if (number.productType === null) {
    throw notFound(
      `phone number ${id} is not in the Chime inventory (it has no product type); use Pinpoint's API for it`,
    );
  }
  return number;
}
