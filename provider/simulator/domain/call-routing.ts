import type { AwsRegion, CallRoute, PhoneNumber, RouteAttempt } from '../../api/objects';

/** A connector a call may try, in the order the caller gives; `priority` is its rank in a group. */
export interface RouteTarget {
  voiceConnectorId: string;
  awsRegion: AwsRegion;
  priority?: number;
}

/**
 * What a caller of a released number hears (Connect 002 L28: "they will get a message that
 * it is not a working phone number").
 */
export const NOT_WORKING = 'not a working phone number';

/** A call to a number this account released: it reaches nobody. */
export function releasedNumberCall(phoneNumber: string): CallRoute {
  return { phoneNumber, routed: false, attempts: [], reason: `${NOT_WORKING}: it was released` };
}

/**
 * Chime groups: an inbound call tries its targets in order (a group's connectors by
 * priority, 1 first; or a number's own connector, then the other connectors of its group by
 * priority) and fails over past connectors whose region is in outage.
 */
export function routeCall(
  number: PhoneNumber,
  targets: { connectors: readonly RouteTarget[] },
  regionsDown: ReadonlySet<string>,
): CallRoute {
  const base = { phoneNumber: number.phoneNumber, attempts: [] as RouteAttempt[] };
  if (number.status === 'DELETION_QUEUED') {
    return {
      ...base,
      routed: false,
      reason: `${NOT_WORKING}: it was released and waits in the deletion queue until ${String(number.releaseAt)}`,
    };
  }
  if (number.status !== 'ACTIVE') {
    return { ...base, routed: false, reason: `the number is ${number.status}, not ACTIVE` };
  }
  if (targets.connectors.length === 0) {
    return {
      ...base,
      routed: false,
      reason: number.voiceConnectorGroupId
        ? `voice connector group ${number.voiceConnectorGroupId} has no voice connectors`
        : 'the number is not assigned to a voice connector or voice connector group',
    };
  }
  for (const connector of targets.connectors) {
    const attempt = {
      voiceConnectorId: connector.voiceConnectorId,
      awsRegion: connector.awsRegion,
      ...(connector.priority === undefined ? {} : { priority: connector.priority }),
    };
    if (regionsDown.has(connector.awsRegion)) {
      base.attempts.push({ ...attempt, outcome: 'region-outage' });
      continue;
    }
    base.attempts.push({ ...attempt, outcome: 'answered' });
    return {
      ...base,
      routed: true,
      voiceConnectorId: connector.voiceConnectorId,
      awsRegion: connector.awsRegion,
    };
  }
  return { ...base, routed: false, reason: 'every voice connector is in a region with an outage' };
}
