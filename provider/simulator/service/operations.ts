import { optOutListNameOf, phoneNumberIdOf } from './identifiers';
import { validation } from '../domain/errors';
import { routeInboundCall } from './call-routing';
import { claimOwnership, describeOwnership, releaseOwnership } from './ownership';
import { clockState, type ClockView } from './clock';
import type { OperationContext } from './context';
import {
  createOptOutList,
  deleteOptOutList,
  describeOptOutList,
  listOptedOutNumbers,
  listOptOutLists,
  putOptedOutNumber,
} from './opt-out-lists';
import {
  createPhoneNumber,
  describePhoneNumber,
  listPhoneNumbers,
  releasePhoneNumber,
  restorePhoneNumber,
  retryClaim,
  updatePhoneNumber,
} from './phone-numbers';
import {
  createVoiceConnectorGroup,
  deleteVoiceConnectorGroup,
  getVoiceConnectorGroup,
  listVoiceConnectorGroups,
  updateVoiceConnectorGroup,
} from './voice-connector-groups';
import {
  createVoiceConnector,
  deleteVoiceConnector,
  getVoiceConnector,
  listVoiceConnectors,
  updateVoiceConnector,
} from './voice-connectors';

/** The input of one operation: path ids, a JSON body, list filters and paging. */
export interface OperationInput {
  readonly id?: string;
  readonly body?: unknown;
  readonly filters?: unknown;
  readonly page?: unknown;
}

function id(input: OperationInput, what: string): string {
  if (typeof input.id !== 'string' || input.id.length === 0) {
    throw validation(`${what} is required; pass it as the id of the object`);
  }
  return input.id;
}

type Handler<T> = (ctx: OperationContext, input: OperationInput) => T;
const op = <T>(handler: Handler<T>): Handler<T> => handler;

/** Every operation an account's API key may call, by its AWS-style name. */
export const ACCOUNT_OPERATIONS = {
  CreatePhoneNumber: op((ctx, input) => createPhoneNumber(ctx, input.body)),
  DescribePhoneNumber: op((ctx, input) =>
    describePhoneNumber(ctx, phoneNumberIdOf(ctx, id(input, 'phoneNumberId'))),
  ),
  ListPhoneNumbers: op((ctx, input) => listPhoneNumbers(ctx, input.filters, input.page)),
  UpdatePhoneNumber: op((ctx, input) =>
    updatePhoneNumber(ctx, phoneNumberIdOf(ctx, id(input, 'phoneNumberId')), input.body),
  ),
  ReleasePhoneNumber: op((ctx, input) =>
    releasePhoneNumber(ctx, phoneNumberIdOf(ctx, id(input, 'phoneNumberId'))),
  ),
  RestorePhoneNumber: op((ctx, input) =>
    restorePhoneNumber(ctx, phoneNumberIdOf(ctx, id(input, 'phoneNumberId'))),
  ),
  RetryClaimPhoneNumber: op((ctx, input) =>
    retryClaim(ctx, phoneNumberIdOf(ctx, id(input, 'phoneNumberId'))),
  ),
  CreateVoiceConnector: op((ctx, input) => createVoiceConnector(ctx, input.body)),
  GetVoiceConnector: op((ctx, input) => getVoiceConnector(ctx, id(input, 'voiceConnectorId'))),
  ListVoiceConnectors: op((ctx, input) => listVoiceConnectors(ctx, input.page)),
  UpdateVoiceConnector: op((ctx, input) =>
    updateVoiceConnector(ctx, id(input, 'voiceConnectorId'), input.body),
  ),
  DeleteVoiceConnector: op((ctx, input) =>
    deleteVoiceConnector(ctx, id(input, 'voiceConnectorId')),
  ),
  CreateVoiceConnectorGroup: op((ctx, input) => createVoiceConnectorGroup(ctx, input.body)),
  GetVoiceConnectorGroup: op((ctx, input) =>
    getVoiceConnectorGroup(ctx, id(input, 'voiceConnectorGroupId')),
  ),
  ListVoiceConnectorGroups: op((ctx, input) => listVoiceConnectorGroups(ctx, input.page)),
  UpdateVoiceConnectorGroup: op((ctx, input) =>
    updateVoiceConnectorGroup(ctx, id(input, 'voiceConnectorGroupId'), input.body),
  ),
  DeleteVoiceConnectorGroup: op((ctx, input) =>
    deleteVoiceConnectorGroup(ctx, id(input, 'voiceConnectorGroupId')),
  ),
  CreateOptOutList: op((ctx, input) => createOptOutList(ctx, input.body)),
  DescribeOptOutList: op((ctx, input) =>
    describeOptOutList(ctx, optOutListNameOf(ctx, id(input, 'optOutListName'))),
  ),
  ListOptOutLists: op((ctx, input) => listOptOutLists(ctx, input.page)),
  DeleteOptOutList: op((ctx, input) =>
    deleteOptOutList(ctx, optOutListNameOf(ctx, id(input, 'optOutListName'))),
  ),
  PutOptedOutNumber: op((ctx, input) =>
    putOptedOutNumber(ctx, optOutListNameOf(ctx, id(input, 'optOutListName')), input.body),
  ),
  ListOptedOutNumbers: op((ctx, input) =>
    listOptedOutNumbers(ctx, optOutListNameOf(ctx, id(input, 'optOutListName')), input.page),
  ),
  RouteCall: op((ctx, input) => routeInboundCall(ctx, input.body)),
  ClaimOwnership: op((ctx, input) => claimOwnership(ctx, input.body)),
  DescribeOwnership: op((ctx, input) => describeOwnership(ctx, input.body)),
  ReleaseOwnership: op((ctx, input) => releaseOwnership(ctx, input.body)),
  /** The virtual clock, read-only (admin GetClock's view at this operation's own `now`). */
  DescribeClock: op((ctx): ClockView => {
    const { mode, scale } = clockState(ctx.db, ctx.now);
    return { now: new Date(ctx.now).toISOString(), mode, scale };
  }),
};

export type AccountOperationName = keyof typeof ACCOUNT_OPERATIONS;
export type AccountOperationResult<N extends AccountOperationName> = ReturnType<
  (typeof ACCOUNT_OPERATIONS)[N]
>;

export const ACCOUNT_OPERATION_NAMES = Object.keys(ACCOUNT_OPERATIONS) as AccountOperationName[];

export function isAccountOperation(name: string): name is AccountOperationName {
  return Object.prototype.hasOwnProperty.call(ACCOUNT_OPERATIONS, name);
}
