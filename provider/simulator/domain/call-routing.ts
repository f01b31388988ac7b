import type { AwsRegion, GroupConnector, PhoneNumber } from './types';

export interface RouteAttempt {
  voiceConnectorId: string;
  awsRegion: AwsRegion;
  /** Rank in the group (absent for a number assigned to one connector). */
  priority?: number;
  outcome: 'answered' | 'region-outage';
}

export interface CallRoute {
  phoneNumber: string;
  routed: boolean;
  /** The connector that answers, when routed. */
  voiceConnectorId?: string;
  awsRegion?: AwsRegion;
  /** Connectors tried, in order. */
  attempts: RouteAttempt[];
  /** Why the call was not routed. */
  reason?: string;
}

/**
 * Chime groups: an inbound call tries the group's connectors by priority (1 first) and
 * fails over past connectors whose region is in outage.
 */
export function routeCall(
  number: PhoneNumber,
  targets: { connectors: (GroupConnector & { awsRegion: AwsRegion })[] },
  regionsDown: ReadonlySet<string>,
): CallRoute {
  const base = { phoneNumber: number.phoneNumber, attempts: [] as RouteAttempt[] };
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
  const ordered = [...targets.connectors].sort((a, b) => a.priority - b.priority);
  for (const connector of ordered) {
    const attempt = {
      voiceConnectorId: connector.voiceConnectorId,
      awsRegion: connector.awsRegion,
      ...(number.voiceConnectorGroupId ? { priority: connector.priority } : {}),
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
