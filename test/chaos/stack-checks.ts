import { listAll } from '../../provider/client/list-all';
import type { HttpClient } from '../../provider/client/http-client';
import { runPulumi } from '../../provider/engine/pulumi-cli';
import type { StateDocument } from '../../provider/api/objects';
import type { StackResource } from '../scale/leak-check';

export interface StackPlace {
  readonly project: string;
  readonly stack: string;
  /** The engine's environment: state backend, PULUMI_HOME, passphrase, endpoint, spec. */
  readonly env: Record<string, string>;
}

const nameOf = (urn: string): string => urn.split('::').pop() ?? urn;

/** The stack's numberplane resources, as `pulumi stack export` shows them. */
export async function stateResources(place: StackPlace): Promise<StackResource[]> {
  const exported = await runPulumi(['stack', 'export', '--stack', place.stack], {
    cwd: place.project,
    env: place.env,
  });
  if (exported.code !== 0) throw new Error(`stack export failed:\n${exported.stderr}`);
  const { deployment } = JSON.parse(exported.stdout) as {
    deployment: { resources?: StackResource[] };
  };
  return (deployment.resources ?? []).filter((r) => r.type.includes('/numberplane:'));
}

/** Resource names the state holds, sorted; a name held twice shows twice. */
export const heldNames = (resources: readonly StackResource[]): string[] =>
  resources.map((r) => nameOf(r.urn)).sort();

/** Protected resource name → phoneNumberId, from the state. */
export function protectedIds(
  resources: readonly StackResource[],
  names: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(
    names.map((name) => [name, resources.find((r) => nameOf(r.urn) === name)?.id]),
  );
}

/**
 * Anything that says a protected number was let go: in the deletion queue or not ACTIVE
 * now, without its protection, or in the simulator's record of released numbers (the
 * `number_releases` table, read from a state export) at any time.
 */
export async function protectedReleases(
  client: HttpClient,
  admin: HttpClient,
  ids: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  const all = await listAll(client, 'ListPhoneNumbers');
  const queued = new Set(
    all.filter((n) => n.status === 'DELETION_QUEUED').map((n) => n.phoneNumberId),
  );
  const phoneNumbers: string[] = [];
  for (const id of ids) {
    const number = all.find((n) => n.phoneNumberId === id);
    if (!number) {
      problems.push(`${id}: not in the account`);
      continue;
    }
    phoneNumbers.push(number.phoneNumber);
    if (queued.has(id)) problems.push(`${id}: in the deletion queue`);
    if (number.status !== 'ACTIVE') problems.push(`${id}: ${number.status}`);
    if (!number.deletionProtectionEnabled) problems.push(`${id}: protection off`);
  }
  const state = (await admin.admin('ExportState')) as StateDocument;
  for (const row of state.tables.number_releases ?? []) {
    if (phoneNumbers.includes(String(row.phone_number))) {
      problems.push(`${String(row.phone_number)}: released at ${String(row.released_at)}`);
    }
  }
  return problems;
}

/** Phone numbers the account holds (outside the deletion queue) under more than one id. */
export async function numbersHeldTwice(client: HttpClient): Promise<string[]> {
  const held = (await listAll(client, 'ListPhoneNumbers')).filter(
    (n) => n.status !== 'DELETION_QUEUED',
  );
  const seen = new Set<string>();
  return held.flatMap((n) => {
    if (seen.has(n.phoneNumber)) return [n.phoneNumber];
    seen.add(n.phoneNumber);
    return [];
  });
}

/** `pulumi preview --refresh --expect-no-changes`: its exit code, and its output when it failed. */
export async function previewNoChanges(place: StackPlace): Promise<{ code: number; end: string }> {
  const preview = await runPulumi(
    ['preview', '--stack', place.stack, '--refresh', '--expect-no-changes', '--non-interactive'],
    { cwd: place.project, env: place.env },
  );
  return {
    code: preview.code,
    end: preview.code === 0 ? '' : `${preview.stdout.slice(-3000)}\n${preview.stderr.slice(-2000)}`,
  };
}
