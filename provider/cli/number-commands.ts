import {
  ACCOUNT_FLAG,
  CREATE_FLAGS,
  PAGE_FLAGS,
  body,
  bool,
  call,
  idOrNone,
  listCall,
  listed,
  one,
  positional,
  simple,
  str,
  tags,
  type Command,
  type Flags,
} from './command';
import { table, type Row } from './output';

const NUMBER_COLUMNS = [
  'phoneNumberId',
  'phoneNumber',
  'status',
  'numberType',
  'numberCapabilities',
  'voiceConnectorId',
  'voiceConnectorGroupId',
  'deletionProtectionEnabled',
];
const NUMBER_FLAGS = {
  country: { type: 'string' },
  type: { type: 'string' },
  capabilities: { type: 'string' },
  'message-type': { type: 'string' },
  'product-type': { type: 'string' },
  'area-code': { type: 'string' },
  'deletion-protection': { type: 'string' },
  'opt-out-list': { type: 'string' },
  'two-way': { type: 'string' },
  'channel-arn': { type: 'string' },
  'registration-id': { type: 'string' },
  'voice-connector': { type: 'string' },
  group: { type: 'string' },
  tag: { type: 'string', multiple: true },
  ...CREATE_FLAGS,
} as const;

function numberFields(flags: Flags): Record<string, unknown> {
  return {
    deletionProtectionEnabled: bool(flags, 'deletion-protection'),
    optOutListName: str(flags, 'opt-out-list'),
    twoWayEnabled: bool(flags, 'two-way'),
    twoWayChannelArn: str(flags, 'channel-arn'),
    registrationId: str(flags, 'registration-id'),
    messageType: str(flags, 'message-type'),
    productType: str(flags, 'product-type'),
    tags: tags(flags),
  };
}

const FILTER_FLAGS = {
  status: { type: 'string' },
  'iso-country-code': { type: 'string' },
  'message-type': { type: 'string' },
  'number-capability': { type: 'string' },
  'number-type': { type: 'string' },
  'two-way-enabled': { type: 'string' },
  'self-managed-opt-outs-enabled': { type: 'string' },
  'opt-out-list-name': { type: 'string' },
  'deletion-protection-enabled': { type: 'string' },
} as const;

/** `numbers …` and `route-call`. */
export const NUMBER_COMMANDS: Command[] = [
  simple(
    ['numbers', 'list'],
    'numbers list [--status ACTIVE,PENDING] [--number-type ...] [...nine filters] [--max-results N] [--next-token T | --all]',
    'List phone numbers, filtered.',
    (ctx) => {
      const filters: Record<string, string[]> = {};
      for (const name of Object.keys(FILTER_FLAGS)) {
        const value = str(ctx.flags, name);
        if (value !== undefined) filters[name] = value.split(',');
      }
      return listCall(ctx, 'ListPhoneNumbers', { filters });
    },
    listed(NUMBER_COLUMNS),
    { ...FILTER_FLAGS, ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['numbers', 'get'],
    'numbers get PHONE_NUMBER_ID',
    'Describe one phone number.',
    (ctx) => call(ctx, 'DescribePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'create'],
    'numbers create --country US --type SIMULATOR --capabilities SMS,VOICE [...]',
    'Choose and claim a number.',
    (ctx) =>
      call(ctx, 'CreatePhoneNumber', {
        body: body(ctx.flags, {
          isoCountryCode: str(ctx.flags, 'country'),
          numberType: str(ctx.flags, 'type'),
          numberCapabilities: str(ctx.flags, 'capabilities')?.split(','),
          areaCode: str(ctx.flags, 'area-code'),
          voiceConnectorId: str(ctx.flags, 'voice-connector'),
          voiceConnectorGroupId: str(ctx.flags, 'group'),
          clientToken: str(ctx.flags, 'client-token'),
          ...numberFields(ctx.flags),
        }),
      }),
    one,
    NUMBER_FLAGS,
  ),
  simple(
    ['numbers', 'update'],
    'numbers update PHONE_NUMBER_ID [--deletion-protection false] [--voice-connector ID|none] [--group ID|none] [...]',
    'Change a number in place.',
    (ctx) =>
      call(ctx, 'UpdatePhoneNumber', {
        id: positional(ctx, 0, 'PHONE_NUMBER_ID'),
        body: body(ctx.flags, {
          voiceConnectorId: idOrNone(ctx.flags, 'voice-connector'),
          voiceConnectorGroupId: idOrNone(ctx.flags, 'group'),
          ...numberFields(ctx.flags),
        }),
      }),
    one,
    NUMBER_FLAGS,
  ),
  simple(
    ['numbers', 'release'],
    'numbers release PHONE_NUMBER_ID',
    'Release a number into the 7-day deletion queue.',
    (ctx) => call(ctx, 'ReleasePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'restore'],
    'numbers restore PHONE_NUMBER_ID',
    'Take a number back out of the deletion queue.',
    (ctx) => call(ctx, 'RestorePhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['numbers', 'retry-claim'],
    'numbers retry-claim PHONE_NUMBER_ID',
    'Retry a FAILED claim.',
    (ctx) => call(ctx, 'RetryClaimPhoneNumber', { id: positional(ctx, 0, 'PHONE_NUMBER_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['route-call'],
    'route-call +E164',
    'Which voice connector an inbound call reaches (fails over past regions in outage).',
    (ctx) => call(ctx, 'RouteCall', { body: { phoneNumber: positional(ctx, 0, 'PHONE_NUMBER') } }),
    (value) => {
      const route = value as {
        routed: boolean;
        attempts: Row[];
        voiceConnectorId?: string;
        awsRegion?: string;
        reason?: string;
      };
      const head = route.routed
        ? `routed to ${route.voiceConnectorId} (${route.awsRegion})\n`
        : `not routed: ${route.reason}\n`;
      return head + table(route.attempts, ['priority', 'voiceConnectorId', 'awsRegion', 'outcome']);
    },
    ACCOUNT_FLAG,
  ),
];
