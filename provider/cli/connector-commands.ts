import {
  ACCOUNT_FLAG,
  CREATE_FLAGS,
  PAGE_FLAGS,
  body,
  bool,
  call,
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
import { usage } from './cli-errors';

const CONNECTOR_COLUMNS = [
  'voiceConnectorId',
  'name',
  'awsRegion',
  'requireEncryption',
  'outboundHostName',
];
const GROUP_COLUMNS = ['voiceConnectorGroupId', 'name', 'connectors'];
/** `connectors …` and `groups …`. */
export const CONNECTOR_COMMANDS: Command[] = [
  simple(
    ['connectors', 'list'],
    'connectors list [--max-results N] [--next-token T | --all]',
    'List voice connectors.',
    (ctx) => listCall(ctx, 'ListVoiceConnectors'),
    listed(CONNECTOR_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['connectors', 'get'],
    'connectors get VOICE_CONNECTOR_ID',
    'Get one voice connector.',
    (ctx) => call(ctx, 'GetVoiceConnector', { id: positional(ctx, 0, 'VOICE_CONNECTOR_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['connectors', 'create'],
    'connectors create NAME --region us-east-1 [--require-encryption false]',
    'Create a voice connector.',
    (ctx) =>
      call(ctx, 'CreateVoiceConnector', {
        body: body(ctx.flags, {
          name: positional(ctx, 0, 'NAME'),
          awsRegion: str(ctx.flags, 'region'),
          requireEncryption: bool(ctx.flags, 'require-encryption'),
          tags: tags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      region: { type: 'string' },
      'require-encryption': { type: 'string' },
      tag: { type: 'string', multiple: true },
      ...CREATE_FLAGS,
    },
  ),
  simple(
    ['connectors', 'update'],
    'connectors update VOICE_CONNECTOR_ID [--name N] [--require-encryption false]',
    'Change a voice connector.',
    (ctx) =>
      call(ctx, 'UpdateVoiceConnector', {
        id: positional(ctx, 0, 'VOICE_CONNECTOR_ID'),
        body: body(ctx.flags, {
          name: str(ctx.flags, 'name'),
          requireEncryption: bool(ctx.flags, 'require-encryption'),
          tags: tags(ctx.flags),
        }),
      }),
    one,
    {
      name: { type: 'string' },
      'require-encryption': { type: 'string' },
      tag: { type: 'string', multiple: true },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['connectors', 'delete'],
    'connectors delete VOICE_CONNECTOR_ID',
    'Delete a voice connector.',
    (ctx) => call(ctx, 'DeleteVoiceConnector', { id: positional(ctx, 0, 'VOICE_CONNECTOR_ID') }),
    one,
    ACCOUNT_FLAG,
  ),

  simple(
    ['groups', 'list'],
    'groups list [--max-results N] [--next-token T | --all]',
    'List voice connector groups.',
    (ctx) => listCall(ctx, 'ListVoiceConnectorGroups'),
    listed(GROUP_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['groups', 'get'],
    'groups get GROUP_ID',
    'Get one group, connectors in priority order.',
    (ctx) => call(ctx, 'GetVoiceConnectorGroup', { id: positional(ctx, 0, 'GROUP_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['groups', 'create'],
    'groups create NAME [--connector VC_ID:PRIORITY ...]',
    'Create a group.',
    (ctx) =>
      call(ctx, 'CreateVoiceConnectorGroup', {
        body: body(ctx.flags, {
          name: positional(ctx, 0, 'NAME'),
          connectors: connectorFlags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      connector: { type: 'string', multiple: true },
      ...CREATE_FLAGS,
    },
  ),
  simple(
    ['groups', 'update'],
    'groups update GROUP_ID [--name N] [--connector VC_ID:PRIORITY ...]',
    'Rename a group or replace its connectors.',
    (ctx) =>
      call(ctx, 'UpdateVoiceConnectorGroup', {
        id: positional(ctx, 0, 'GROUP_ID'),
        body: body(ctx.flags, {
          name: str(ctx.flags, 'name'),
          connectors: connectorFlags(ctx.flags),
        }),
      }),
    one,
    {
      name: { type: 'string' },
      connector: { type: 'string', multiple: true },
      body: { type: 'string' },
      ...ACCOUNT_FLAG,
    },
  ),
  simple(
    ['groups', 'delete'],
    'groups delete GROUP_ID',
    'Delete a group.',
    (ctx) => call(ctx, 'DeleteVoiceConnectorGroup', { id: positional(ctx, 0, 'GROUP_ID') }),
    one,
    ACCOUNT_FLAG,
  ),
];

function connectorFlags(
  flags: Flags,
): { voiceConnectorId: string; priority: number }[] | undefined {
  const list = flags.connector;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((item) => {
    const [id, priority] = item.split(':');
    if (!id || !priority || !/^\d+$/.test(priority)) {
      throw usage(`--connector must be VOICE_CONNECTOR_ID:PRIORITY; got "${item}"`);
    }
    return { voiceConnectorId: id, priority: Number(priority) };
  });
}
