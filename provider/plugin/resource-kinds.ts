import type { z } from 'zod';
import {
  optOutListObject,
  phoneNumberObject,
  voiceConnectorGroupObject,
  voiceConnectorObject,
} from '../api/objects';
import {
  optOutListInputs,
  phoneNumberInputs,
  voiceConnectorGroupInputs,
  voiceConnectorInputs,
} from '../resources/input-schemas';
import type { Hooks } from '../resources/hooks/hooks';
import * as optOutListHooks from '../resources/hooks/opt-out-list-hooks';
import * as phoneNumberHooks from '../resources/hooks/phone-number-hooks';
import * as groupHooks from '../resources/hooks/voice-connector-group-hooks';
import * as connectorHooks from '../resources/hooks/voice-connector-hooks';
import type { PropertySpec } from '../resources/hooks/property-diff';

/**
 * One resource kind as the plugin serves it: its inputs (the zod shape `check` validates
 * and the JSON Schema is made from), the outputs only the backend knows (picked from the
 * API's answer shape, each described as the TypeScript class describes it), the hooks the
 * dynamic resource runs, and their property specs (which properties replace).
 */
export interface ResourceKind {
  readonly name: 'PhoneNumber' | 'VoiceConnector' | 'VoiceConnectorGroup' | 'OptOutList';
  readonly description: string;
  readonly inputs: z.ZodObject;
  readonly answer: z.ZodObject;
  /** Output property → its description; its type is the answer's field of that name. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly hooks: Hooks & { readonly SPECS: readonly PropertySpec[] };
}

export const PACKAGE = 'numberplane';
export const tokenOf = (kind: ResourceKind): string => `${PACKAGE}:index:${kind.name}`;

const ARN = 'The object’s ARN.';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  {
    name: 'PhoneNumber',
    description:
      'A phone number: chosen and claimed in one atomic step, released into the deletion queue (or for good, without a productType). A protected number is never released.',
    inputs: phoneNumberInputs,
    answer: phoneNumberObject,
    outputs: {
      phoneNumberId:
        'The backend’s id of the number (`phone-` and 32 hex digits); the resource id.',
      phoneNumber: 'The number in E.164 (short codes: their digits).',
      arn: ARN,
      status: 'PENDING until provisioned, then ACTIVE.',
      monthlyLeasingPrice: 'What the number costs a month, in USD, as the backend prices its type.',
      createdTimestamp: 'When the number was claimed (ISO-8601, on the backend’s clock).',
    },
    hooks: phoneNumberHooks,
  },
  {
    name: 'VoiceConnector',
    description: 'An Amazon Chime Voice Connector in one AWS Region.',
    inputs: voiceConnectorInputs,
    answer: voiceConnectorObject,
    outputs: {
      voiceConnectorId: 'The backend’s id of the connector; the resource id.',
      arn: ARN,
      outboundHostName: 'The host name outbound calls go to.',
    },
    hooks: connectorHooks,
  },
  {
    name: 'VoiceConnectorGroup',
    description:
      'Voice connectors across Regions; inbound calls fail over by priority. At most 3 connectors.',
    inputs: voiceConnectorGroupInputs,
    answer: voiceConnectorGroupObject,
    outputs: {
      voiceConnectorGroupId: 'The backend’s id of the group; the resource id.',
      arn: ARN,
    },
    hooks: groupHooks,
  },
  {
    name: 'OptOutList',
    description: 'An SMS opt-out list; a list in use by a number cannot be deleted.',
    inputs: optOutListInputs,
    answer: optOutListObject,
    outputs: {
      optOutListName: 'The list’s name as the backend holds it; the resource id.',
      arn: ARN,
      optedOutCount: 'How many numbers have opted out on the list.',
    },
    hooks: optOutListHooks,
  },
];

/** The kind a resource's type token (`numberplane:index:PhoneNumber`) names. */
export function kindOfToken(token: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find((kind) => tokenOf(kind) === token);
}
