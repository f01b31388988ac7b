import type { AwsRegion, CallRoute, GroupConnector } from '../../api/objects';
import { releasedNumberCall, routeCall } from '../domain/call-routing';
import { notFound } from '../../api/errors';
import { routeCallRequest } from '../../api/requests';
import { parseRequest } from '../../api/parse-request';
import { sql } from '../store/database';
import { findNumberRowByNumber, numberFromRow } from '../store/phone-numbers';
import { wasReleasedBy } from '../store/number-releases';
import { groupConnectors, groupsOfConnector } from '../store/voice-connector-groups';
import { findConnectorRowById } from '../store/voice-connectors';
import type { OperationContext } from './context';

export function regionsInOutage(ctx: Pick<OperationContext, 'db'>): Set<string> {
  const rows = sql(ctx.db, 'SELECT aws_region FROM region_outages').all() as {
    aws_region: string;
  }[];
  return new Set(rows.map((row) => row.aws_region));
}

/** Which voice connector an inbound call to one of this account's numbers reaches. */
export function routeInboundCall(ctx: OperationContext, body: unknown): CallRoute {
  const request = parseRequest(routeCallRequest, body, 'RouteCall request');
  const row = findNumberRowByNumber(ctx.db, request.phoneNumber);
  if (!row && wasReleasedBy(ctx.db, request.phoneNumber, ctx.account.account_id)) {
    return releasedNumberCall(request.phoneNumber);
  }
  if (!row || row.account_id !== ctx.account.account_id) {
    throw notFound(`phone number ${request.phoneNumber} is not in this account's inventory`);
  }
  const number = numberFromRow(row, ctx.account.account_id);
  const members: { voiceConnectorId: string; priority?: number }[] = number.voiceConnectorGroupId
    ? groupConnectors(ctx.db, number.voiceConnectorGroupId)
    : number.voiceConnectorId
      ? [{ voiceConnectorId: number.voiceConnectorId }, ...failoverOf(ctx, number.voiceConnectorId)]
      : [];
  const connectors = members.flatMap((member) => {
    const connector = findConnectorRowById(ctx.db, member.voiceConnectorId);
    return connector ? [{ ...member, awsRegion: connector.aws_region as AwsRegion }] : [];
  });
  return routeCall(number, { connectors }, regionsInOutage(ctx));
}

/**
 * Where a call to a number on a connector fails over (the groups document: a number
 * associated with the N. Virginia connector is routed through Oregon): the other connectors
 * of each group the connector belongs to, groups in the order they were made, each group's
 * by priority, each connector once.
 */
function failoverOf(ctx: OperationContext, voiceConnectorId: string): GroupConnector[] {
  const seen = new Set([voiceConnectorId]);
  return groupsOfConnector(ctx.db, voiceConnectorId)
    .flatMap((groupId) => groupConnectors(ctx.db, groupId))
    .filter((member) => !seen.has(member.voiceConnectorId) && seen.add(member.voiceConnectorId));
}
