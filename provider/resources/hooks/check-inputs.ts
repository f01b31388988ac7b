import { z } from 'zod';
import { SimulatorError } from '../../simulator/domain/errors';
import { parseRequest } from '../../simulator/domain/requests';
import { UNKNOWN, containsUnknown } from './unknowns';
import type { Props } from './property-diff';

export interface CheckFailure {
  property: string;
  reason: string;
}

/**
 * Validates each declared property on its own, skipping values the engine does not know
 * yet, so that every bad property gets its own failure with the value and the fix.
 */
export function checkProperties(
  inputs: Props,
  fields: Record<string, z.ZodType>,
  resourceKind: string,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(inputs)) {
    if (key === '__provider') continue;
    if (!(key in fields)) {
      failures.push({
        property: key,
        reason: `${resourceKind} has no property "${key}"; remove it (properties: ${Object.keys(fields).join(', ')})`,
      });
    }
  }
  for (const [key, schema] of Object.entries(fields)) {
    const value = inputs[key];
    if (containsUnknown(value)) continue;
    try {
      parseRequest(z.object({ [key]: schema }), { [key]: value }, resourceKind);
    } catch (error) {
      if (!SimulatorError.isInstance(error)) throw error;
      failures.push({ property: key, reason: error.message });
    }
  }
  return failures;
}

export const isKnown = (value: unknown): boolean => value !== undefined && value !== UNKNOWN;
