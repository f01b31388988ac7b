/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- each class takes its outputs from the dynamic class of its kind, by an interface of the class's name */
import * as pulumi from '@pulumi/pulumi';
import type { OptOutList as DynamicOptOutList, OptOutListArgs } from './opt-out-list';
import type { PhoneNumber as DynamicPhoneNumber, PhoneNumberArgs } from './phone-number';
import type {
  VoiceConnectorGroup as DynamicVoiceConnectorGroup,
  VoiceConnectorGroupArgs,
} from './voice-connector-group';
import type {
  VoiceConnector as DynamicVoiceConnector,
  VoiceConnectorArgs,
} from './voice-connector';
import * as schema from '../../schema/pulumi-package.json';

/**
 * The same four resources for TypeScript programs, served by the `numberplane` provider
 * plugin instead of the dynamic provider (`import { plugin } from 'numberplane'`): what a
 * stack moving to the plugin declares (docs/plugin.md). Same arguments and outputs as
 * the dynamic classes; the outputs are the package schema's (schema/pulumi-package.json).
 */

type Kind = 'PhoneNumber' | 'VoiceConnector' | 'VoiceConnectorGroup' | 'OptOutList';
/** The outputs of a dynamic class: its own members, not a resource's. */
type OutputsOf<T> = Omit<T, keyof pulumi.CustomResource>;

const token = (kind: Kind): string => `numberplane:index:${kind}`;

/** The arguments, with every output the schema lists asked for (unset inputs stay unset). */
function propsOf(kind: Kind, args: object): pulumi.Inputs {
  const outputs = Object.keys(
    schema.resources[token(kind) as keyof typeof schema.resources].properties,
  );
  return { ...Object.fromEntries(outputs.map((key) => [key, undefined])), ...args };
}

export interface PhoneNumber extends OutputsOf<DynamicPhoneNumber> {}
export class PhoneNumber extends pulumi.CustomResource {
  constructor(name: string, args: PhoneNumberArgs, opts?: pulumi.CustomResourceOptions) {
    super(token('PhoneNumber'), name, propsOf('PhoneNumber', args), opts);
  }
}

export interface VoiceConnector extends OutputsOf<DynamicVoiceConnector> {}
export class VoiceConnector extends pulumi.CustomResource {
  constructor(name: string, args: VoiceConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    super(token('VoiceConnector'), name, propsOf('VoiceConnector', args), opts);
  }
}

export interface VoiceConnectorGroup extends OutputsOf<DynamicVoiceConnectorGroup> {}
export class VoiceConnectorGroup extends pulumi.CustomResource {
  constructor(name: string, args: VoiceConnectorGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(token('VoiceConnectorGroup'), name, propsOf('VoiceConnectorGroup', args), opts);
  }
}

export interface OptOutList extends OutputsOf<DynamicOptOutList> {}
export class OptOutList extends pulumi.CustomResource {
  constructor(name: string, args: OptOutListArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(token('OptOutList'), name, propsOf('OptOutList', args), opts);
  }
}
