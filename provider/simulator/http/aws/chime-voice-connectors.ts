import { z } from 'zod';
import { conflict, SimulatorError, validation, type ErrorCode } from '../../../api/errors';
import type { PhoneNumber } from '../../../api/objects';
import { defined, tagMap, type Invoke } from './aws-dialect';
import {
  chimeNumber,
  connectorsOf,
  items,
  page,
  pageMembers,
  paging,
  voiceConnector,
  voiceConnectorGroup,
} from './chime-shapes';
import { restOperation, type RestOperation } from './rest-operation';

/**
 * Chime SDK Voice's voice connectors and voice connector groups (the update replaces the whole
 * list), and the association of numbers with either.
 */

interface AssociationError {
  PhoneNumberId: string;
  ErrorCode: string;
  ErrorMessage: string;
}

const ERROR_CODE_OF: Partial<Record<ErrorCode, string>> = {
  ValidationException: 'BadRequest',
  ResourceNotFoundException: 'NotFound',
  ConflictException: 'Conflict',
  ServiceQuotaExceededException: 'ResourceLimitExceeded',
};

/**
 * Associates or disassociates each number in turn, as Chime does: a number that cannot be
 * changed is reported in `PhoneNumberErrors` and the others still are.
 */
async function eachNumber(
  e164Numbers: readonly string[],
  change: (number: PhoneNumber) => Promise<void>,
  invoke: Invoke,
): Promise<{ PhoneNumberErrors: AssociationError[] }> {
  const errors: AssociationError[] = [];
  for (const e164 of e164Numbers) {
    try {
      await change(await chimeNumber(invoke, e164));
    } catch (error) {
      const code = SimulatorError.isInstance(error) ? ERROR_CODE_OF[error.code] : undefined;
      if (code === undefined) throw error;
      errors.push({ PhoneNumberId: e164, ErrorCode: code, ErrorMessage: (error as Error).message });
    }
  }
  return { PhoneNumberErrors: errors };
}

type Target = 'voiceConnectorId' | 'voiceConnectorGroupId';
const OTHER: Record<Target, Target> = {
  voiceConnectorId: 'voiceConnectorGroupId',
  voiceConnectorGroupId: 'voiceConnectorId',
};

function associate(invoke: Invoke, target: Target, id: string, force: boolean) {
  return async (number: PhoneNumber): Promise<void> => {
    if (number[target] === id) return;
    const elsewhere = number.voiceConnectorId ?? number.voiceConnectorGroupId;
    if (elsewhere !== null && !force) {
      throw conflict(
        `${number.phoneNumber} is associated with ${elsewhere}; disassociate it first, or pass ForceAssociate`,
      );
    }
    await invoke('UpdatePhoneNumber', {
      id: number.phoneNumberId,
      body: { [target]: id, [OTHER[target]]: null },
    });
  };
}

function disassociate(invoke: Invoke, target: Target, id: string) {
  return async (number: PhoneNumber): Promise<void> => {
    if (number[target] !== id) {
      throw validation(
        `${number.phoneNumber} is not associated with ${id}; nothing to disassociate`,
      );
    }
    await invoke('UpdatePhoneNumber', { id: number.phoneNumberId, body: { [target]: null } });
  };
}

/** Where numbers are associated: Chime's name for it, its path, how it is read. */
const TARGETS = {
  voiceConnectorId: {
    noun: 'VoiceConnector',
    path: '/voice-connectors/:voiceConnectorId',
    get: 'GetVoiceConnector',
  },
  voiceConnectorGroupId: {
    noun: 'VoiceConnectorGroup',
    path: '/voice-connector-groups/:voiceConnectorGroupId',
    get: 'GetVoiceConnectorGroup',
  },
} as const;

/** Associate and disassociate numbers with a connector or a group: the same two operations. */
function associationOperations(target: Target): RestOperation[] {
  const { noun, path, get } = TARGETS[target];
  // The target's id arrives in the path only, so its member's name is the dialect's own.
  const route = { method: 'POST', path, labels: { [target]: 'TargetId' }, status: 200 } as const;
  const members = z.strictObject({ TargetId: z.string(), E164PhoneNumbers: z.array(z.string()) });
  return [
    restOperation(
      {
        ...route,
        name: `AssociatePhoneNumbersWith${noun}`,
        literal: { operation: 'associate-phone-numbers' },
      },
      members.extend({ ForceAssociate: z.boolean().optional() }),
      async (invoke, request) => {
        await invoke(get, { id: request.TargetId });
        return eachNumber(
          request.E164PhoneNumbers,
          associate(invoke, target, request.TargetId, request.ForceAssociate === true),
          invoke,
        );
      },
    ),
    restOperation(
      {
        ...route,
        name: `DisassociatePhoneNumbersFrom${noun}`,
        literal: { operation: 'disassociate-phone-numbers' },
      },
      members,
      async (invoke, request) => {
        await invoke(get, { id: request.TargetId });
        return eachNumber(
          request.E164PhoneNumbers,
          disassociate(invoke, target, request.TargetId),
          invoke,
        );
      },
    ),
  ];
}

export const CHIME_CONNECTOR_OPERATIONS: readonly RestOperation[] = [
  restOperation(
    { name: 'CreateVoiceConnector', method: 'POST', path: '/voice-connectors', status: 201 },
    z.strictObject({
      Name: z.string(),
      AwsRegion: z.string().optional(),
      RequireEncryption: z.boolean(),
      Tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
    }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('CreateVoiceConnector', {
          body: defined({
            name: request.Name,
            // Chime's default Region.
            awsRegion: request.AwsRegion ?? 'us-east-1',
            requireEncryption: request.RequireEncryption,
            tags: request.Tags === undefined ? undefined : tagMap(request.Tags),
          }),
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'ListVoiceConnectors',
      method: 'GET',
      path: '/voice-connectors',
      status: 200,
      ...paging,
    },
    z.strictObject(pageMembers),
    async (invoke, request) => {
      const found = await invoke('ListVoiceConnectors', { page: page(request) });
      return defined({
        VoiceConnectors: found.items.map(voiceConnector),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'GetVoiceConnector',
      method: 'GET',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    z.strictObject({ VoiceConnectorId: z.string() }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('GetVoiceConnector', { id: request.VoiceConnectorId }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'UpdateVoiceConnector',
      method: 'PUT',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 200,
    },
    z.strictObject({
      VoiceConnectorId: z.string(),
      Name: z.string(),
      RequireEncryption: z.boolean(),
    }),
    async (invoke, request) => ({
      VoiceConnector: voiceConnector(
        await invoke('UpdateVoiceConnector', {
          id: request.VoiceConnectorId,
          body: { name: request.Name, requireEncryption: request.RequireEncryption },
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'DeleteVoiceConnector',
      method: 'DELETE',
      path: '/voice-connectors/:voiceConnectorId',
      labels: { voiceConnectorId: 'VoiceConnectorId' },
      status: 204,
    },
    z.strictObject({ VoiceConnectorId: z.string() }),
    async (invoke, request) => {
      await invoke('DeleteVoiceConnector', { id: request.VoiceConnectorId });
      return undefined;
    },
  ),
  restOperation(
    {
      name: 'CreateVoiceConnectorGroup',
      method: 'POST',
      path: '/voice-connector-groups',
      status: 201,
    },
    z.strictObject({ Name: z.string(), VoiceConnectorItems: items.optional() }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('CreateVoiceConnectorGroup', {
          body: defined({
            name: request.Name,
            connectors:
              request.VoiceConnectorItems === undefined
                ? undefined
                : connectorsOf(request.VoiceConnectorItems),
          }),
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'ListVoiceConnectorGroups',
      method: 'GET',
      path: '/voice-connector-groups',
      status: 200,
      ...paging,
    },
    z.strictObject(pageMembers),
    async (invoke, request) => {
      const found = await invoke('ListVoiceConnectorGroups', { page: page(request) });
      return defined({
        VoiceConnectorGroups: found.items.map(voiceConnectorGroup),
        NextToken: found.nextToken,
      });
    },
  ),
  restOperation(
    {
      name: 'GetVoiceConnectorGroup',
      method: 'GET',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 200,
    },
    z.strictObject({ VoiceConnectorGroupId: z.string() }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('GetVoiceConnectorGroup', { id: request.VoiceConnectorGroupId }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'UpdateVoiceConnectorGroup',
      method: 'PUT',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 202,
    },
    // Chime replaces the whole list: both members are required.
    z.strictObject({
      VoiceConnectorGroupId: z.string(),
      Name: z.string(),
      VoiceConnectorItems: items,
    }),
    async (invoke, request) => ({
      VoiceConnectorGroup: voiceConnectorGroup(
        await invoke('UpdateVoiceConnectorGroup', {
          id: request.VoiceConnectorGroupId,
          body: { name: request.Name, connectors: connectorsOf(request.VoiceConnectorItems) },
        }),
      ),
    }),
  ),
  restOperation(
    {
      name: 'DeleteVoiceConnectorGroup',
      method: 'DELETE',
      path: '/voice-connector-groups/:voiceConnectorGroupId',
      labels: { voiceConnectorGroupId: 'VoiceConnectorGroupId' },
      status: 204,
    },
    z.strictObject({ VoiceConnectorGroupId: z.string() }),
    async (invoke, request) => {
      await invoke('DeleteVoiceConnectorGroup', { id: request.VoiceConnectorGroupId });
      return undefined;
    },
  ),
  ...associationOperations('voiceConnectorId'),
  ...associationOperations('voiceConnectorGroupId'),
];
