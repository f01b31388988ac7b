import { outageRequest, settingsRequest } from '../../api/admin-requests';
import { parseDuration } from '../domain/clock';
import { validation } from '../../api/errors';
import { DEFAULT_PROVISIONING_DELAYS, type ProvisioningDelays } from '../domain/phone-number';
import { parseRequest } from '../../api/parse-request';
import { AWS_REGIONS, type AwsRegion, type Outage, type SettingsView } from '../../api/objects';
import { sql, type Db } from '../store/database';
import { readSetting, writeSetting } from '../store/settings';

export const PROVISIONING_DELAYS_SETTING = 'provisioning-delays';

/** The delay from claim to ACTIVE per number type: the defaults, as an admin changed them. */
export function provisioningDelays(ctx: { db: Db }): ProvisioningDelays {
  return {
    ...DEFAULT_PROVISIONING_DELAYS,
    ...(readSetting<Partial<ProvisioningDelays>>(ctx.db, PROVISIONING_DELAYS_SETTING) ?? {}),
  };
}

/** Longest delay from claim to ACTIVE: ten years. */
export const MAX_PROVISIONING_DELAY_MS = 10 * 365 * 86_400_000;

export function describeSettings(db: Db): SettingsView {
  return { provisioningDelays: provisioningDelays({ db }) };
}

export function updateSettings(db: Db, body: unknown): SettingsView {
  const request = parseRequest(settingsRequest, body, 'settings');
  const next = { ...provisioningDelays({ db }) };
  for (const [type, value] of Object.entries(request.provisioningDelays)) {
    if (value === undefined) continue;
    const ms = typeof value === 'number' ? value : parseDuration(value);
    // A claim's ACTIVE time is now + delay: beyond what a date holds, every claim would fail.
    if (ms > MAX_PROVISIONING_DELAY_MS) {
      throw validation(
        `provisioningDelays.${type} of ${ms}ms is more than 10 years (${MAX_PROVISIONING_DELAY_MS}ms); use a shorter delay`,
      );
    }
    next[type as keyof ProvisioningDelays] = ms;
  }
  writeSetting(db, PROVISIONING_DELAYS_SETTING, next);
  return describeSettings(db);
}

export function listOutages(db: Db): Outage[] {
  return (
    sql(db, 'SELECT aws_region, since FROM region_outages ORDER BY aws_region').all() as {
      aws_region: AwsRegion;
      since: number;
    }[]
  ).map((row) => ({ awsRegion: row.aws_region, since: new Date(row.since).toISOString() }));
}

export function startOutage(db: Db, body: unknown, nowMs: number): Outage[] {
  const { awsRegion } = parseRequest(outageRequest, body, 'outage');
  sql(db, 'INSERT OR IGNORE INTO region_outages (aws_region, since) VALUES (?, ?)').run(
    awsRegion,
    nowMs,
  );
  return listOutages(db);
}

export function endOutage(db: Db, region: string): Outage[] {
  if (!(AWS_REGIONS as readonly string[]).includes(region)) {
    throw validation(`awsRegion "${region}" is not a region; use one of ${AWS_REGIONS.join(', ')}`);
  }
  sql(db, 'DELETE FROM region_outages WHERE aws_region = ?').run(region);
  return listOutages(db);
}
