/** A resource of the stack's state, as `pulumi stack export` gives it. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  protect?: boolean;
  outputs?: Record<string, unknown>;
}

/** Resources other values refer to by id (a number's connector or group, a group's members). */
const REFERRED = [':VoiceConnector', ':VoiceConnectorGroup'];

/** The stack's connectors and groups by id: id → resource name (last part of the URN). */
export function resourceNames(resources: readonly StateResource[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const resource of resources) {
    if (!resource.id || !REFERRED.some((suffix) => resource.type.endsWith(suffix))) continue;
    names[resource.id] = resource.urn.split('::').pop() ?? resource.id;
  }
  return names;
}

/** The ids of `names` that `value` holds anywhere inside it, with their names. */
export function namedIn(value: unknown, names: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      const name = names[item];
      if (name !== undefined) found[item] = name;
    } else if (Array.isArray(item)) item.forEach(visit);
    else if (item && typeof item === 'object') Object.values(item).forEach(visit);
  };
  visit(value);
  return found;
}

/** ` (vc-1 is east, vc-2 is west)`, or nothing when `value` names none of them. */
export function namesOf(value: unknown, names: Record<string, string> | undefined): string {
  const found = Object.entries(namedIn(value, names ?? {}));
  return found.length === 0 ? '' : ` (${found.map(([id, name]) => `${id} is ${name}`).join(', ')})`;
}
