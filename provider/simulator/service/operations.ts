import type {
  AccountOperationName,
  AccountOperationResult,
  OperationInput,
} from '../../api/operations';
import { searchAvailableNumbers } from './available-numbers';
import {
  createPhoneNumberOrder,
  getPhoneNumberOrder,
  listPhoneNumberOrders,
} from './phone-number-orders';
import { optOutListNameOf, phoneNumberIdOf } from './identifiers';
import { validation } from '../../api/errors';
import { routeInboundCall } from './call-routing';
import { claimOwnership, describeOwnership, releaseOwnership } from './ownership';
import type { ClockView } from '../../api/objects';
import { clockState } from './clock';
import type { OperationContext } from './context';
import {
  createOptOutList,
  deleteOptOutList,
  describeOptOutList,
  listOptedOutNumbers,
  listOptOutLists,
  putOptedOutNumber,
  deleteOptedOutNumber,
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

function id(input: OperationInput, what: string): string {
  if (typeof input.id !== 'string' || input.id.length === 0) {
    throw validation(`${what} is required; pass it as the id of the object`);
  }
  return input.id;
}

/** How the service runs each operation of the contract: its result type is the contract's. */
type AccountHandlers = {
  [N in AccountOperationName]: (
    ctx: OperationContext,
    input: OperationInput,
  ) => AccountOperationResult<N>;
};
const op = <T>(handler: (ctx: OperationContext, input: OperationInput) => T) => handler;

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
  DeleteOptedOutNumber: op((ctx, input) =>
    deleteOptedOutNumber(ctx, optOutListNameOf(ctx, id(input, 'optOutListName')), input.body),
  ),
  ListOptedOutNumbers: op((ctx, input) =>
    listOptedOutNumbers(ctx, optOutListNameOf(ctx, id(input, 'optOutListName')), input.page),
  ),
  CreatePhoneNumberOrder: op((ctx, input) => createPhoneNumberOrder(ctx, input.body)),
  GetPhoneNumberOrder: op((ctx, input) =>
    getPhoneNumberOrder(ctx, id(input, 'phoneNumberOrderId')),
  ),
  ListPhoneNumberOrders: op((ctx, input) => listPhoneNumberOrders(ctx, input.page)),
  SearchAvailablePhoneNumbers: op((ctx, input) => searchAvailableNumbers(ctx, input.body)),
  RouteCall: op((ctx, input) => routeInboundCall(ctx, input.body)),
  ClaimOwnership: op((ctx, input) => claimOwnership(ctx, input.body)),
  DescribeOwnership: op((ctx, input) => describeOwnership(ctx, input.body)),
  ReleaseOwnership: op((ctx, input) => releaseOwnership(ctx, input.body)),
  /** The virtual clock, read-only (admin GetClock's view at this operation's own `now`). */
  DescribeClock: op((ctx): ClockView => {
    const { mode, scale } = clockState(ctx.db, ctx.now);
    return { now: new Date(ctx.now).toISOString(), mode, scale };
  }),
} satisfies AccountHandlers;
