import { z } from 'zod';
import {
  clockChangeRequest,
  createAccountRequest,
  faultRuleRequest,
  outageRequest,
  settingsRequest,
  updateAccountRequest,
} from './admin-requests';
import {
  createOptOutListRequest,
  createPhoneNumberRequest,
  createVoiceConnectorGroupRequest,
  createVoiceConnectorRequest,
  claimOwnershipRequest,
  optedOutNumberRequest,
  ownedObjectRequest,
  routeCallRequest,
  searchAvailableNumbersRequest,
  updatePhoneNumberRequest,
  updateVoiceConnectorGroupRequest,
  updateVoiceConnectorRequest,
} from './requests';
import {
  accountObject,
  availableNumbersObject,
  callRouteObject,
  clockChangeResult,
  clockObject,
  createdAccountObject,
  faultRuleObject,
  optedOutNumberObject,
  optedOutNumberOnListObject,
  optOutListObject,
  outageObject,
  ownershipObject,
  pageOf,
  phoneNumberObject,
  settingsObject,
  stateDocumentObject,
  voiceConnectorGroupObject,
  voiceConnectorObject,
} from './objects';
import type { AccountOperationName, AdminOperationName } from './operations';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One HTTP route: which operation it runs and how its input arrives. */
export interface Route<N extends string> {
  operation: N;
  method: HttpMethod;
  /** Path template; `:id` is the object's id. */
  path: string;
  /** Shape of the JSON body, when the route takes one. */
  body?: z.ZodType;
  /** The route takes list filters and paging from the query string. */
  list?: 'filters' | 'paging';
  /** Shape of a success answer's JSON body. */
  response: z.ZodType;
  /** Status of a success answer. */
  status: number;
  summary: string;
}

const clearedFaults = z.object({ cleared: z.number() });
const importedState = z.object({ tables: z.number(), rows: z.number() });
const resetState = z.object({ reset: z.literal(true) });

type AccountRoute = Route<AccountOperationName>;
type AdminRoute = Route<AdminOperationName>;

/**
 * The HTTP API under /v1: the server registers these routes, the HTTP client calls them
 * and the OpenAPI document is generated from them. One declaration each.
 */
export const ACCOUNT_ROUTES: AccountRoute[] = [
  {
    operation: 'CreatePhoneNumber',
    response: phoneNumberObject,
    method: 'POST',
    path: '/v1/phone-numbers',
    body: createPhoneNumberRequest,
    status: 201,
    summary: 'Choose and claim a phone number in one step.',
  },
  {
    operation: 'ListPhoneNumbers',
    response: pageOf(phoneNumberObject),
    method: 'GET',
    path: '/v1/phone-numbers',
    list: 'filters',
    status: 200,
    summary: 'List phone numbers; filters are query parameters, values comma-separated.',
  },
  {
    operation: 'DescribePhoneNumber',
    response: phoneNumberObject,
    method: 'GET',
    path: '/v1/phone-numbers/:id',
    status: 200,
    summary: 'Describe one phone number.',
  },
  {
    operation: 'UpdatePhoneNumber',
    response: phoneNumberObject,
    method: 'PATCH',
    path: '/v1/phone-numbers/:id',
    body: updatePhoneNumberRequest,
    status: 200,
    summary: 'Change settings in place; assign or unassign (null).',
  },
  {
    operation: 'ReleasePhoneNumber',
    response: phoneNumberObject,
    method: 'DELETE',
    path: '/v1/phone-numbers/:id',
    status: 200,
    summary: 'Release into the 7-day deletion queue.',
  },
  {
    operation: 'RestorePhoneNumber',
    response: phoneNumberObject,
    method: 'POST',
    path: '/v1/phone-numbers/:id/restore',
    status: 200,
    summary: 'Take a number back out of the deletion queue.',
  },
  {
    operation: 'RetryClaimPhoneNumber',
    response: phoneNumberObject,
    method: 'POST',
    path: '/v1/phone-numbers/:id/retry-claim',
    status: 200,
    summary: 'Retry a FAILED claim within its one-day hold.',
  },
  {
    operation: 'SearchAvailablePhoneNumbers',
    response: availableNumbersObject,
    method: 'POST',
    path: '/v1/available-phone-numbers/search',
    body: searchAvailableNumbersRequest,
    status: 200,
    summary: 'Numbers nobody holds, to claim one by phoneNumber (a search reserves nothing).',
  },
  {
    operation: 'CreateVoiceConnector',
    response: voiceConnectorObject,
    method: 'POST',
    path: '/v1/voice-connectors',
    body: createVoiceConnectorRequest,
    status: 201,
    summary: 'Create a voice connector.',
  },
  {
    operation: 'ListVoiceConnectors',
    response: pageOf(voiceConnectorObject),
    method: 'GET',
    path: '/v1/voice-connectors',
    list: 'paging',
    status: 200,
    summary: 'List voice connectors.',
  },
  {
    operation: 'GetVoiceConnector',
    response: voiceConnectorObject,
    method: 'GET',
    path: '/v1/voice-connectors/:id',
    status: 200,
    summary: 'Get one voice connector.',
  },
  {
    operation: 'UpdateVoiceConnector',
    response: voiceConnectorObject,
    method: 'PATCH',
    path: '/v1/voice-connectors/:id',
    body: updateVoiceConnectorRequest,
    status: 200,
    summary: 'Rename, change encryption or tags.',
  },
  {
    operation: 'DeleteVoiceConnector',
    response: voiceConnectorObject,
    method: 'DELETE',
    path: '/v1/voice-connectors/:id',
    status: 200,
    summary: 'Delete a voice connector with no numbers and no group.',
  },
  {
    operation: 'CreateVoiceConnectorGroup',
    response: voiceConnectorGroupObject,
    method: 'POST',
    path: '/v1/voice-connector-groups',
    body: createVoiceConnectorGroupRequest,
    status: 201,
    summary: 'Create a voice connector group.',
  },
  {
    operation: 'ListVoiceConnectorGroups',
    response: pageOf(voiceConnectorGroupObject),
    method: 'GET',
    path: '/v1/voice-connector-groups',
    list: 'paging',
    status: 200,
    summary: 'List voice connector groups.',
  },
  {
    operation: 'GetVoiceConnectorGroup',
    response: voiceConnectorGroupObject,
    method: 'GET',
    path: '/v1/voice-connector-groups/:id',
    status: 200,
    summary: 'Get one group with its connectors in priority order.',
  },
  {
    operation: 'UpdateVoiceConnectorGroup',
    response: voiceConnectorGroupObject,
    method: 'PATCH',
    path: '/v1/voice-connector-groups/:id',
    body: updateVoiceConnectorGroupRequest,
    status: 200,
    summary: 'Rename a group or replace its connectors.',
  },
  {
    operation: 'DeleteVoiceConnectorGroup',
    response: voiceConnectorGroupObject,
    method: 'DELETE',
    path: '/v1/voice-connector-groups/:id',
    status: 200,
    summary: 'Delete a group with no connectors and no numbers.',
  },
  {
    operation: 'CreateOptOutList',
    response: optOutListObject,
    method: 'POST',
    path: '/v1/opt-out-lists',
    body: createOptOutListRequest,
    status: 201,
    summary: 'Create an opt-out list.',
  },
  {
    operation: 'ListOptOutLists',
    response: pageOf(optOutListObject),
    method: 'GET',
    path: '/v1/opt-out-lists',
    list: 'paging',
    status: 200,
    summary: 'List opt-out lists.',
  },
  {
    operation: 'DescribeOptOutList',
    response: optOutListObject,
    method: 'GET',
    path: '/v1/opt-out-lists/:id',
    status: 200,
    summary: 'Describe one opt-out list.',
  },
  {
    operation: 'DeleteOptOutList',
    response: optOutListObject,
    method: 'DELETE',
    path: '/v1/opt-out-lists/:id',
    status: 200,
    summary: 'Delete an opt-out list no number uses.',
  },
  {
    operation: 'PutOptedOutNumber',
    response: optedOutNumberOnListObject,
    method: 'POST',
    path: '/v1/opt-out-lists/:id/opted-out-numbers',
    body: optedOutNumberRequest,
    status: 200,
    summary: 'Add a destination number to an opt-out list.',
  },
  {
    operation: 'DeleteOptedOutNumber',
    response: optedOutNumberOnListObject,
    method: 'POST',
    path: '/v1/opt-out-lists/:id/opted-out-numbers/delete',
    body: optedOutNumberRequest,
    status: 200,
    summary: 'Take a destination number off an opt-out list.',
  },
  {
    operation: 'ListOptedOutNumbers',
    response: pageOf(optedOutNumberObject),
    method: 'GET',
    path: '/v1/opt-out-lists/:id/opted-out-numbers',
    list: 'paging',
    status: 200,
    summary: 'List the numbers in an opt-out list.',
  },
  {
    operation: 'RouteCall',
    response: callRouteObject,
    method: 'POST',
    path: '/v1/route-call',
    body: routeCallRequest,
    status: 200,
    summary: 'Which voice connector an inbound call to a number reaches.',
  },
  {
    operation: 'ClaimOwnership',
    response: ownershipObject,
    method: 'POST',
    path: '/v1/ownership/claim',
    body: claimOwnershipRequest,
    status: 200,
    summary: 'Record the stack that holds an object; refused while another stack holds it.',
  },
  {
    operation: 'DescribeOwnership',
    response: ownershipObject,
    method: 'POST',
    path: '/v1/ownership/describe',
    body: ownedObjectRequest,
    status: 200,
    summary: 'Which stack holds an object, if any.',
  },
  {
    operation: 'ReleaseOwnership',
    response: ownershipObject,
    method: 'POST',
    path: '/v1/ownership/release',
    body: ownedObjectRequest,
    status: 200,
    summary: 'Forget which stack holds an object (the object stays), so another may take it.',
  },
  {
    operation: 'DescribeClock',
    response: clockObject,
    method: 'GET',
    path: '/v1/clock',
    status: 200,
    summary: 'Read the virtual clock ({ now, mode, scale }); moving it is the admin’s.',
  },
];

export const ADMIN_ROUTES: AdminRoute[] = [
  {
    operation: 'ListAccounts',
    response: z.array(accountObject),
    method: 'GET',
    path: '/v1/admin/accounts',
    status: 200,
    summary: 'List accounts.',
  },
  {
    operation: 'CreateAccount',
    response: createdAccountObject,
    method: 'POST',
    path: '/v1/admin/accounts',
    body: createAccountRequest,
    status: 201,
    summary: 'Create an account; its API key is shown once.',
  },
  {
    operation: 'UpdateAccount',
    response: accountObject,
    method: 'PATCH',
    path: '/v1/admin/accounts/:id',
    body: updateAccountRequest,
    status: 200,
    summary: 'Change an account’s number quota.',
  },
  {
    operation: 'InvokeAs',
    response: z.unknown(),
    method: 'POST',
    path: '/v1/admin/accounts/:id/invoke',
    status: 200,
    summary: 'Out-of-band edit: run an account operation as that account ({ operation, input }).',
  },
  {
    operation: 'GetClock',
    response: clockObject,
    method: 'GET',
    path: '/v1/admin/clock',
    status: 200,
    summary: 'Read the virtual clock.',
  },
  {
    operation: 'ChangeClock',
    response: clockChangeResult,
    method: 'POST',
    path: '/v1/admin/clock',
    body: clockChangeRequest,
    status: 200,
    summary: 'Advance, set, freeze, resume or scale the clock; runs what falls due.',
  },
  {
    operation: 'GetSettings',
    response: settingsObject,
    method: 'GET',
    path: '/v1/admin/settings',
    status: 200,
    summary: 'Read provisioning delays.',
  },
  {
    operation: 'UpdateSettings',
    response: settingsObject,
    method: 'PATCH',
    path: '/v1/admin/settings',
    body: settingsRequest,
    status: 200,
    summary: 'Change provisioning delays per number type.',
  },
  {
    operation: 'ListFaults',
    response: z.array(faultRuleObject),
    method: 'GET',
    path: '/v1/admin/faults',
    status: 200,
    summary: 'List fault rules.',
  },
  {
    operation: 'AddFault',
    response: faultRuleObject,
    method: 'POST',
    path: '/v1/admin/faults',
    body: faultRuleRequest,
    status: 201,
    summary: 'Inject a fault rule.',
  },
  {
    operation: 'ClearFaults',
    response: clearedFaults,
    method: 'DELETE',
    path: '/v1/admin/faults',
    status: 200,
    summary: 'Remove every fault rule.',
  },
  {
    operation: 'ClearFaults',
    response: clearedFaults,
    method: 'DELETE',
    path: '/v1/admin/faults/:id',
    status: 200,
    summary: 'Remove one fault rule.',
  },
  {
    operation: 'ListOutages',
    response: z.array(outageObject),
    method: 'GET',
    path: '/v1/admin/outages',
    status: 200,
    summary: 'List regions in outage.',
  },
  {
    operation: 'StartOutage',
    response: z.array(outageObject),
    method: 'POST',
    path: '/v1/admin/outages',
    body: outageRequest,
    status: 201,
    summary: 'Start a region outage.',
  },
  {
    operation: 'EndOutage',
    response: z.array(outageObject),
    method: 'DELETE',
    path: '/v1/admin/outages/:id',
    status: 200,
    summary: 'End a region outage.',
  },
  {
    operation: 'ExportState',
    response: stateDocumentObject,
    method: 'GET',
    path: '/v1/admin/state',
    status: 200,
    summary: 'Export the whole state as JSON.',
  },
  {
    operation: 'ImportState',
    response: importedState,
    method: 'PUT',
    path: '/v1/admin/state',
    status: 200,
    summary: 'Replace the whole state with an export.',
  },
  {
    operation: 'ResetState',
    response: resetState,
    method: 'DELETE',
    path: '/v1/admin/state',
    status: 200,
    summary: 'Empty the store and bootstrap it again.',
  },
];

export const PAGING_QUERY = ['maxResults', 'nextToken'] as const;

/** Fills `:id` in a path template. */
export function routePath(route: Pick<Route<string>, 'path'>, id?: string): string {
  return route.path.replace(':id', encodeURIComponent(id ?? ''));
}
