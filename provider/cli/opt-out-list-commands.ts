import {
  ACCOUNT_FLAG,
  CREATE_FLAGS,
  PAGE_FLAGS,
  body,
  call,
  listCall,
  listed,
  one,
  positional,
  simple,
  str,
  tags,
  type Command,
} from './command';

const LIST_COLUMNS = ['optOutListName', 'optedOutCount', 'createdTimestamp'];

/** `opt-out-lists …`. */
export const OPT_OUT_LIST_COMMANDS: Command[] = [
  simple(
    ['opt-out-lists', 'list'],
    'opt-out-lists list [--max-results N] [--next-token T | --all]',
    'List opt-out lists.',
    (ctx) => listCall(ctx, 'ListOptOutLists'),
    listed(LIST_COLUMNS),
    { ...PAGE_FLAGS, ...ACCOUNT_FLAG },
  ),
  simple(
    ['opt-out-lists', 'get'],
    'opt-out-lists get NAME',
    'Describe an opt-out list.',
    (ctx) => call(ctx, 'DescribeOptOutList', { id: positional(ctx, 0, 'NAME') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['opt-out-lists', 'create'],
    'opt-out-lists create NAME',
    'Create an opt-out list.',
    (ctx) =>
      call(ctx, 'CreateOptOutList', {
        body: body(ctx.flags, {
          optOutListName: positional(ctx, 0, 'NAME'),
          tags: tags(ctx.flags),
          clientToken: str(ctx.flags, 'client-token'),
        }),
      }),
    one,
    {
      tag: { type: 'string', multiple: true },
      ...CREATE_FLAGS,
    },
  ),
  simple(
    ['opt-out-lists', 'delete'],
    'opt-out-lists delete NAME',
    'Delete an opt-out list.',
    (ctx) => call(ctx, 'DeleteOptOutList', { id: positional(ctx, 0, 'NAME') }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['opt-out-lists', 'opt-out'],
    'opt-out-lists opt-out NAME +E164',
    'Add a destination number to a list.',
    (ctx) =>
      call(ctx, 'PutOptedOutNumber', {
        id: positional(ctx, 0, 'NAME'),
        body: { phoneNumber: positional(ctx, 1, 'PHONE_NUMBER') },
      }),
    one,
    ACCOUNT_FLAG,
  ),
];
