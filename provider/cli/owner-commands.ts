import { OWNED_KINDS } from '../api/objects';
import {
  ACCOUNT_FLAG,
  call,
  one,
  positional,
  simple,
  type Command,
  type CommandContext,
} from './command';

const KINDS = OWNED_KINDS.join('|');

const object = (ctx: CommandContext): { kind: string; id: string } => ({
  kind: positional(ctx, 0, KINDS),
  id: positional(ctx, 1, 'ID'),
});

/** `owners …`: which stack holds an object, and letting it go so another stack may adopt it. */
export const OWNER_COMMANDS: Command[] = [
  simple(
    ['owners', 'get'],
    `owners get ${KINDS} ID`,
    'Which stack holds an object (the numberplane provider records it at create and adoption).',
    (ctx) => call(ctx, 'DescribeOwnership', { body: object(ctx) }),
    one,
    ACCOUNT_FLAG,
  ),
  simple(
    ['owners', 'release'],
    `owners release ${KINDS} ID`,
    'Forget which stack holds an object (the object stays), so another stack may adopt it.',
    (ctx) => call(ctx, 'ReleaseOwnership', { body: object(ctx) }),
    one,
    ACCOUNT_FLAG,
  ),
];
