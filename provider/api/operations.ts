import type { z } from 'zod';
import type {
  clockChangeRequest,
  createAccountRequest,
  faultRuleRequest,
  outageRequest,
  settingsRequest,
  updateAccountRequest,
} from './admin-requests';
import type {
  Account,
  CallRoute,
  ClockView,
  FaultRule,
  OptedOutNumber,
  OptedOutNumberOnList,
  OptOutList,
  Outage,
  Ownership,
  Page,
  PhoneNumber,
  PhoneNumberOrder,
  SettingsView,
  StateDocument,
  VoiceConnector,
  VoiceConnectorGroup,
} from './objects';
import type {
  claimOwnershipRequest,
  createOptOutListRequest,
  createPhoneNumberRequest,
  createVoiceConnectorGroupRequest,
  createVoiceConnectorRequest,
  ListRequest,
  optedOutNumberRequest,
  ownedObjectRequest,
  PhoneNumberFilters,
  routeCallRequest,
  createPhoneNumberOrderRequest,
  searchAvailableNumbersRequest,
  updatePhoneNumberRequest,
  updateVoiceConnectorGroupRequest,
  updateVoiceConnectorRequest,
} from './requests';

/**
 * The input of one operation as it travels (path id, JSON body, list filters and paging):
 * the service validates each part against the operation's shape.
 */
export interface OperationInput {
  readonly id?: string;
  readonly body?: unknown;
  readonly filters?: unknown;
  readonly page?: unknown;
}

/** The input of an admin operation: an id (account, fault, region) and a JSON body. */
export interface AdminInput {
  readonly id?: string;
  readonly body?: unknown;
}

/** One operation of the contract: what a caller sends and what it gets back. */
interface Operation<I, R> {
  readonly input: I;
  readonly result: R;
}
type Body<S extends z.ZodType> = { readonly body: z.input<S> };
type ById = { readonly id: string };
type Paged = { readonly page?: ListRequest };

/** Every operation an account's API key may call, by its AWS-style name. */
export interface AccountOperations {
  CreatePhoneNumber: Operation<Body<typeof createPhoneNumberRequest>, PhoneNumber>;
  DescribePhoneNumber: Operation<ById, PhoneNumber>;
  ListPhoneNumbers: Operation<Paged & { readonly filters?: PhoneNumberFilters }, Page<PhoneNumber>>;
  UpdatePhoneNumber: Operation<ById & Body<typeof updatePhoneNumberRequest>, PhoneNumber>;
  ReleasePhoneNumber: Operation<ById, PhoneNumber>;
  RestorePhoneNumber: Operation<ById, PhoneNumber>;
  RetryClaimPhoneNumber: Operation<ById, PhoneNumber>;
  CreateVoiceConnector: Operation<Body<typeof createVoiceConnectorRequest>, VoiceConnector>;
  GetVoiceConnector: Operation<ById, VoiceConnector>;
  ListVoiceConnectors: Operation<Paged, Page<VoiceConnector>>;
  UpdateVoiceConnector: Operation<ById & Body<typeof updateVoiceConnectorRequest>, VoiceConnector>;
  DeleteVoiceConnector: Operation<ById, VoiceConnector>;
  CreateVoiceConnectorGroup: Operation<
    Body<typeof createVoiceConnectorGroupRequest>,
    VoiceConnectorGroup
  >;
  GetVoiceConnectorGroup: Operation<ById, VoiceConnectorGroup>;
  ListVoiceConnectorGroups: Operation<Paged, Page<VoiceConnectorGroup>>;
  UpdateVoiceConnectorGroup: Operation<
    ById & Body<typeof updateVoiceConnectorGroupRequest>,
    VoiceConnectorGroup
  >;
  DeleteVoiceConnectorGroup: Operation<ById, VoiceConnectorGroup>;
  CreateOptOutList: Operation<Body<typeof createOptOutListRequest>, OptOutList>;
  DescribeOptOutList: Operation<ById, OptOutList>;
  ListOptOutLists: Operation<Paged, Page<OptOutList>>;
  DeleteOptOutList: Operation<ById, OptOutList>;
  PutOptedOutNumber: Operation<ById & Body<typeof optedOutNumberRequest>, OptedOutNumberOnList>;
  DeleteOptedOutNumber: Operation<ById & Body<typeof optedOutNumberRequest>, OptedOutNumberOnList>;
  ListOptedOutNumbers: Operation<ById & Paged, Page<OptedOutNumber>>;
  CreatePhoneNumberOrder: Operation<Body<typeof createPhoneNumberOrderRequest>, PhoneNumberOrder>;
  GetPhoneNumberOrder: Operation<ById, PhoneNumberOrder>;
  ListPhoneNumberOrders: Operation<Paged, Page<PhoneNumberOrder>>;
  SearchAvailablePhoneNumbers: Operation<
    Body<typeof searchAvailableNumbersRequest>,
    { phoneNumbers: string[] }
  >;
  RouteCall: Operation<Body<typeof routeCallRequest>, CallRoute>;
  ClaimOwnership: Operation<Body<typeof claimOwnershipRequest>, Ownership>;
  DescribeOwnership: Operation<Body<typeof ownedObjectRequest>, Ownership>;
  ReleaseOwnership: Operation<Body<typeof ownedObjectRequest>, Ownership>;
  /** The virtual clock, read-only. */
  DescribeClock: Operation<Record<string, never>, ClockView>;
}

/** Everything the admin key may do, by name. */
export interface AdminOperations {
  ListAccounts: Operation<Record<string, never>, Account[]>;
  CreateAccount: Operation<Body<typeof createAccountRequest>, { account: Account; apiKey: string }>;
  UpdateAccount: Operation<ById & Body<typeof updateAccountRequest>, Account>;
  GetClock: Operation<Record<string, never>, ClockView>;
  ChangeClock: Operation<Body<typeof clockChangeRequest>, ClockView & { eventsRun: number }>;
  GetSettings: Operation<Record<string, never>, SettingsView>;
  UpdateSettings: Operation<Body<typeof settingsRequest>, SettingsView>;
  ListFaults: Operation<Record<string, never>, FaultRule[]>;
  AddFault: Operation<Body<typeof faultRuleRequest>, FaultRule>;
  /** Every rule, or the one whose faultId is the id. */
  ClearFaults: Operation<{ readonly id?: string }, { cleared: number }>;
  ListOutages: Operation<Record<string, never>, Outage[]>;
  StartOutage: Operation<Body<typeof outageRequest>, Outage[]>;
  /** The id is the region. */
  EndOutage: Operation<ById, Outage[]>;
  ExportState: Operation<Record<string, never>, StateDocument>;
  ImportState: Operation<{ readonly body: StateDocument }, { tables: number; rows: number }>;
  ResetState: Operation<Record<string, never>, { reset: true }>;
  /** An out-of-band edit: an account operation run as that account, as in a console. */
  InvokeAs: Operation<
    ById & { readonly body: { operation: AccountOperationName; input: OperationInput } },
    unknown
  >;
}

export type AccountOperationName = keyof AccountOperations;
export type AccountOperationInput<N extends AccountOperationName> = AccountOperations[N]['input'];
export type AccountOperationResult<N extends AccountOperationName> = AccountOperations[N]['result'];

export type AdminOperationName = keyof AdminOperations;
export type AdminOperationInput<N extends AdminOperationName> = AdminOperations[N]['input'];
export type AdminOperationResult<N extends AdminOperationName> = AdminOperations[N]['result'];

const ACCOUNT_OPERATION_SET: Record<AccountOperationName, true> = {
  CreatePhoneNumber: true,
  DescribePhoneNumber: true,
  ListPhoneNumbers: true,
  UpdatePhoneNumber: true,
  ReleasePhoneNumber: true,
  RestorePhoneNumber: true,
  RetryClaimPhoneNumber: true,
  CreateVoiceConnector: true,
  GetVoiceConnector: true,
  ListVoiceConnectors: true,
  UpdateVoiceConnector: true,
  DeleteVoiceConnector: true,
  CreateVoiceConnectorGroup: true,
  GetVoiceConnectorGroup: true,
  ListVoiceConnectorGroups: true,
  UpdateVoiceConnectorGroup: true,
  DeleteVoiceConnectorGroup: true,
  CreateOptOutList: true,
  DescribeOptOutList: true,
  ListOptOutLists: true,
  DeleteOptOutList: true,
  PutOptedOutNumber: true,
  DeleteOptedOutNumber: true,
  ListOptedOutNumbers: true,
  SearchAvailablePhoneNumbers: true,
  CreatePhoneNumberOrder: true,
  GetPhoneNumberOrder: true,
  ListPhoneNumberOrders: true,
  RouteCall: true,
  ClaimOwnership: true,
  DescribeOwnership: true,
  ReleaseOwnership: true,
  DescribeClock: true,
};

const ADMIN_OPERATION_SET: Record<AdminOperationName, true> = {
  ListAccounts: true,
  CreateAccount: true,
  UpdateAccount: true,
  GetClock: true,
  ChangeClock: true,
  GetSettings: true,
  UpdateSettings: true,
  ListFaults: true,
  AddFault: true,
  ClearFaults: true,
  ListOutages: true,
  StartOutage: true,
  EndOutage: true,
  ExportState: true,
  ImportState: true,
  ResetState: true,
  InvokeAs: true,
};

export const ACCOUNT_OPERATION_NAMES = Object.keys(ACCOUNT_OPERATION_SET) as AccountOperationName[];
export const ADMIN_OPERATION_NAMES = Object.keys(ADMIN_OPERATION_SET) as AdminOperationName[];

export function isAccountOperation(name: string): name is AccountOperationName {
  return Object.hasOwn(ACCOUNT_OPERATION_SET, name);
}

export function isAdminOperation(name: string): name is AdminOperationName {
  return Object.hasOwn(ADMIN_OPERATION_SET, name);
}
