import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineEvent } from '@pulumi/pulumi/automation';
import { ciUsage } from './ci-errors';
import { CI_OPTIONS, type CiCommand } from './ci-options';
import {
  runStackOperation,
  type StackOperationRequest,
  type StackOperationResult,
  type StackStep,
} from '../engine/stack-operation';
import { loadInventory } from '../inventory/load-inventory';
import { formatProblem } from '../inventory/inventory-problems';
import type { CiDrift, CiResult } from './ci-result';
import { describeChanges, markdownSummary } from './ci-summary';
import { projectName, removeDeadEngineLocks } from './engine-locks';
import { removeHalfWrittenState } from './half-written-state';
import { acquireStackLock, type InterruptedRun } from './stack-lock';
import { namedIn, namesOf, resourceNames, type StateResource } from './resource-names';

export interface CiIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

const name = (urn: string): string => urn.split('::').pop() ?? urn;

function stepsOf(steps: readonly StackStep[] | undefined): CiResult['steps'] {
  return (steps ?? [])
    .filter((step) => step.op !== 'refresh' && step.op !== 'read')
    .map((step) => ({
      op: step.op,
      resource: name(step.urn),
      type: step.type,
      urn: step.urn,
      properties: step.diffs.filter((key) => key !== 'resourceKey'),
    }));
}

/** Refresh steps that found the backend different from the state: declared against live. */
export function driftOf(steps: readonly StackStep[] | undefined): CiDrift[] {
  return (steps ?? [])
    .filter((step) => step.op === 'refresh' || step.op === 'read')
    .flatMap((step): CiDrift[] => {
      const changes = Object.entries(step.propertyChanges);
      const gone = changes.length > 0 && changes.every(([, change]) => change.new === undefined);
      if (changes.length === 0) return [];
      return [
        {
          resource: name(step.urn),
          type: step.type,
          urn: step.urn,
          status: gone ? 'deleted' : 'changed',
          properties: gone
            ? []
            : changes.map(([property, change]) => ({
                name: property,
                // A value that is not there is null: JSON has no undefined, and --json keeps both.
                declared: change.old ?? null,
                live: change.new ?? null,
              })),
        },
      ];
    });
}

/** An error the engine reported on one resource. */
interface ResourceDiagnostic {
  urn: string;
  resource: string;
  message: string;
}

/** The resources of the stack's state (`pulumi stack export`). */
async function stateResources(request: StackOperationRequest): Promise<StateResource[]> {
  const exported = await runStackOperation({ ...request, operation: 'export' });
  return (exported.deployment as { resources?: StateResource[] } | undefined)?.resources ?? [];
}

/**
 * Drift with the stack's names for the ids it shows: a number moved to another connector
 * reads `vc-… is east`, as the program calls it, where the stack holds that connector.
 */
async function withResourceNames(
  request: StackOperationRequest,
  drift: CiDrift[],
): Promise<CiDrift[]> {
  if (drift.every((item) => item.properties.length === 0)) return drift;
  const names = resourceNames(await stateResources(request));
  return drift.map((item) => ({
    ...item,
    properties: item.properties.map((property) => {
      const found = namedIn([property.declared, property.live], names);
      return Object.keys(found).length > 0 ? { ...property, resources: found } : property;
    }),
  }));
}

/**
 * Which failed resources protection held back, read from the stack's state rather than
 * from the errors' words: a resource still there with the engine's `protect`, or a phone
 * number still there with deletion protection enabled. The error said why; it is kept.
 */
async function protectionBlocks(
  request: StackOperationRequest,
  diagnostics: readonly ResourceDiagnostic[],
): Promise<CiResult['blockedByProtection']> {
  if (diagnostics.length === 0) return [];
  const resources = await stateResources(request);
  return diagnostics.flatMap(({ urn, resource, message }) => {
    const held = resources.find((candidate) => candidate.urn === urn);
    if (held?.protect) return [{ resource, reason: message }];
    const outputs = held?.outputs ?? {};
    if (held?.type.endsWith(':PhoneNumber') && outputs.deletionProtectionEnabled === true) {
      return [
        {
          resource,
          phoneNumber: String(outputs.phoneNumber),
          phoneNumberId: String(outputs.phoneNumberId),
          reason: message,
        },
      ];
    }
    return [];
  });
}

/** Progress: the engine's own display on a terminal, one plain line per finished step otherwise. */
function progress(io: CiIo, json: boolean) {
  const tty = io.stderr.isTTY === true && !json;
  return {
    onOutput: tty ? (text: string) => io.stderr.write(text) : undefined,
    onEvent: (event: EngineEvent) => {
      if (tty) return;
      const done = event.resOutputsEvent?.metadata;
      if (done && done.op !== 'same' && !done.type.startsWith('pulumi:')) {
        io.stderr.write(`${done.op} ${done.type.split(':').pop()} ${name(done.urn)}\n`);
      }
      const failed = event.resOpFailedEvent?.metadata;
      if (failed) io.stderr.write(`failed ${failed.op} ${name(failed.urn)}\n`);
      // What the provider says it waits for (its stderr, which the engine passes on).
      const said = event.diagnosticEvent;
      if (said?.severity === 'info#err' && said.message.startsWith('numberplane: ')) {
        io.stderr.write(`${said.message.trim()}\n`);
      }
    },
  };
}

interface Parsed {
  command: CiCommand;
  stack: string;
  projectDir: string;
  inventory?: string;
  json: boolean;
  summary?: string;
  detailed: boolean;
  remove: boolean;
  refresh: boolean;
  /** Save the state once, at the end (PULUMI_SKIP_CHECKPOINTS); see the README. */
  skipCheckpoints: boolean;
  stateDir: string;
}

function parse(command: CiCommand, args: string[], env: NodeJS.ProcessEnv): Parsed {
  const { values } = parseArgs({
    args,
    options: CI_OPTIONS,
    allowPositionals: false,
    strict: true,
  });
  if (!values.stack)
    throw ciUsage(`${command} needs --stack NAME; the stack is created on first use`);
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(values.stack)) {
    throw ciUsage(
      `--stack "${values.stack}" is not a stack name; use letters, digits, . _ - (e.g. pr-42)`,
    );
  }
  if (values['detailed-exitcode'] && command !== 'preview' && command !== 'drift') {
    throw ciUsage(`--detailed-exitcode is for preview and drift, not ${command}`);
  }
  if (values.remove && command !== 'destroy')
    throw ciUsage(`--remove is for destroy, not ${command}`);
  if (values['skip-checkpoints'] && command !== 'up' && command !== 'destroy') {
    throw ciUsage(
      `--skip-checkpoints is for up and destroy, not ${command}: ${command} saves no state`,
    );
  }
  const projectDir = resolve(values.cwd ?? '.');
  if (!existsSync(join(projectDir, 'Pulumi.yaml'))) {
    throw ciUsage(
      `no Pulumi.yaml in ${projectDir}; run from the project directory or pass --cwd DIR`,
    );
  }
  if (!env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE) {
    throw ciUsage(
      'set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE): it encrypts the stack’s secrets',
    );
  }
  return {
    command,
    stack: values.stack,
    projectDir,
    ...(values.inventory ? { inventory: values.inventory } : {}),
    json: values.json ?? false,
    ...(values.summary ? { summary: resolve(values.summary) } : {}),
    detailed: values['detailed-exitcode'] ?? false,
    remove: values.remove ?? false,
    refresh: values.refresh ?? false,
    skipCheckpoints: values['skip-checkpoints'] ?? false,
    stateDir: resolve(projectDir, values['state-dir'] ?? join('.numberplane', 'state')),
  };
}

function passphrase(env: NodeJS.ProcessEnv): string {
  if (env.PULUMI_CONFIG_PASSPHRASE) return env.PULUMI_CONFIG_PASSPHRASE;
  return readFileSync(env.PULUMI_CONFIG_PASSPHRASE_FILE ?? '', 'utf8').trim();
}

function finish(parsed: Parsed, result: CiResult, io: CiIo): number {
  if (parsed.summary) writeFileSync(parsed.summary, markdownSummary(result));
  if (parsed.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (!result.ok) {
    io.stderr.write(
      `numberplane: ${parsed.command} of stack ${parsed.stack} failed:\n${result.error ?? ''}\n`,
    );
  } else {
    io.stdout.write(humanReport(result));
  }
  return result.exitCode;
}

function humanReport(result: CiResult): string {
  const lines: string[] = [];
  if (result.command === 'drift') {
    lines.push(
      result.drift.length === 0
        ? `stack ${result.stack}: no drift`
        : `stack ${result.stack}: drift in ${result.drift.length} resource(s)`,
    );
    for (const item of result.drift) {
      if (item.status === 'deleted') lines.push(`  ${item.resource}: gone from the backend`);
      for (const property of item.properties) {
        lines.push(
          `  ${item.resource}.${property.name}: declared ${JSON.stringify(property.declared)}${namesOf(property.declared, property.resources)}, live ${JSON.stringify(property.live)}${namesOf(property.live, property.resources)}`,
        );
      }
    }
  } else {
    lines.push(
      `stack ${result.stack}: ${describeChanges(result.changes, result.command !== 'preview')}`,
    );
    for (const step of result.steps) {
      lines.push(
        `  ${step.op} ${step.resource}${step.properties.length > 0 ? ` (${step.properties.join(', ')})` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The engine operation a command runs, where its state lives, and the stack's lock. */
function stackRequest(
  parsed: Parsed,
  io: CiIo,
): { request: StackOperationRequest; release: () => void } {
  const backendUrl = io.env.PULUMI_BACKEND_URL;
  if (!backendUrl) mkdirSync(parsed.stateDir, { recursive: true });
  const pulumiHome = io.env.PULUMI_HOME ?? join(parsed.projectDir, '.numberplane', 'pulumi-home');
  mkdirSync(pulumiHome, { recursive: true });
  const secret = passphrase(io.env);
  // The engine's own lock covers other backends.
  const lock = backendUrl
    ? { release: () => undefined }
    : acquireStackLock(parsed.stateDir, parsed.stack);
  let recovering = false;
  try {
    recovering =
      lock.interrupted !== undefined && recoverFromInterruptedRun(parsed, io, lock.interrupted);
  } catch (error) {
    lock.release();
    throw error;
  }
  const request: StackOperationRequest = {
    projectDir: parsed.projectDir,
    stackName: parsed.stack,
    stateDir: parsed.stateDir,
    ...(backendUrl ? { backendUrl } : {}),
    pulumiHome,
    passphrase: secret,
    operation: parsed.command === 'drift' ? 'preview' : parsed.command,
    refresh: parsed.command === 'drift' || parsed.refresh || recovering,
    remove: parsed.remove,
    ...(parsed.skipCheckpoints ? { env: { PULUMI_SKIP_CHECKPOINTS: 'true' } } : {}),
    ...(parsed.inventory
      ? { config: { 'numberplane:inventory': { value: parsed.inventory } } }
      : {}),
  };
  return { request, release: lock.release };
}

/**
 * The last run on this stack died (killed, out of memory, a lost runner) without saving all
 * it did: the state may hold numbers it already released, and lack numbers it claimed. The
 * engine's lock that run left is removed, and `up` and `preview` refresh first, so that
 * this run starts from what the backend holds; creates that run again get the same numbers
 * back (each carries its clientToken). Returns whether to refresh.
 */
function recoverFromInterruptedRun(parsed: Parsed, io: CiIo, run: InterruptedRun): boolean {
  const { stateDir, projectDir, stack } = parsed;
  const locks = removeDeadEngineLocks(stateDir, projectDir, stack);
  const project = projectName(projectDir);
  // With no live run left on the stack, what the dead one was saving can be put right.
  const repaired =
    locks.kept === 0 && project ? removeHalfWrittenState(stateDir, project, stack) : [];
  const refresh = parsed.command === 'up' || parsed.command === 'preview';
  io.stderr.write(
    `numberplane: the last run on stack ${stack} (pid ${run.pid ?? '?'}, since ${run.since ?? '?'}) did not finish; ` +
      `${locks.removed > 0 ? `removed the ${locks.removed} engine lock(s) it left, ` : ''}` +
      `${repaired.length > 0 ? `removed what it left half-written (${repaired.join(', ')}), ` : ''}` +
      `${refresh ? 'refreshing from the backend first' : 'numbers it already released count as gone'}\n`,
  );
  return refresh;
}

/** Ctrl-C or SIGTERM aborts the run: the engine finishes what is in flight and saves. */
function cancellation(io: CiIo): { signal: AbortSignal; dispose: () => void } {
  const abort = new AbortController();
  const cancel = (): void => {
    if (abort.signal.aborted) return;
    io.stderr.write(
      'numberplane: cancelling; the engine finishes what is in flight and saves the state\n',
    );
    abort.abort();
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  return {
    signal: abort.signal,
    dispose: () => {
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
    },
  };
}

/** The command's result from what the engine did: steps, drift, protection, exit code. */
async function resultOf(
  parsed: Parsed,
  base: CiResult,
  run: { request: StackOperationRequest; result: StackOperationResult; cancelled: boolean },
  diagnostics: readonly ResourceDiagnostic[],
): Promise<CiResult> {
  const { request, result, cancelled } = run;
  const steps = stepsOf(result.steps);
  const drift =
    parsed.command === 'drift' ? await withResourceNames(request, driftOf(result.steps)) : [];
  const changed = parsed.command === 'drift' ? drift.length > 0 : steps.length > 0;
  const exitCode: CiResult['exitCode'] = cancelled
    ? 130
    : !result.ok
      ? 1
      : parsed.detailed && changed
        ? 2
        : 0;
  return {
    ...base,
    ok: result.ok && !cancelled,
    exitCode,
    changes: result.changes ?? {},
    steps,
    drift,
    blockedByProtection: result.ok ? [] : await protectionBlocks(request, diagnostics),
    ...(parsed.command === 'up' && result.outputs ? { outputs: result.outputs } : {}),
    ...(cancelled ? { error: 'cancelled; the stack is usable: run the command again' } : {}),
    ...(!result.ok && !cancelled
      ? { error: explainFailure(result.error ?? 'failed', parsed) }
      : {}),
    ...(result.cliVersion ? { cliVersion: result.cliVersion } : {}),
  };
}

/** Runs `numberplane preview|up|destroy|drift`; returns the exit code. */
export async function runCiCommand(command: CiCommand, args: string[], io: CiIo): Promise<number> {
  const parsed = parse(command, args, io.env);
  const base: CiResult = {
    version: 1,
    command,
    stack: parsed.stack,
    ok: false,
    exitCode: 1,
    changes: {},
    steps: [],
    drift: [],
    blockedByProtection: [],
  };
  if (parsed.inventory) {
    const file = resolve(parsed.projectDir, parsed.inventory);
    const loaded = loadInventory(file, {}, parsed.inventory);
    if (!loaded.inventory) {
      return finish(parsed, { ...base, error: loaded.problems.map(formatProblem).join('\n') }, io);
    }
  }
  const { request, release } = stackRequest(parsed, io);
  const { signal, dispose } = cancellation(io);
  const diagnostics: ResourceDiagnostic[] = [];
  const shown = progress(io, parsed.json);
  try {
    const result = await runStackOperation(request, {
      signal,
      ...(shown.onOutput ? { onOutput: shown.onOutput } : {}),
      onEvent: (event) => {
        shown.onEvent(event);
        const diagnostic = event.diagnosticEvent;
        if (diagnostic?.severity === 'error' && diagnostic.urn) {
          diagnostics.push({
            urn: diagnostic.urn,
            resource: name(diagnostic.urn),
            message: diagnostic.message.trim(),
          });
        }
      },
    });
    const run = { request, result, cancelled: signal.aborted };
    return finish(parsed, await resultOf(parsed, base, run, diagnostics), io);
  } finally {
    dispose();
    release();
  }
}

/** The engine's messages that need a next step, said for people. */
function explainFailure(error: string, parsed: Parsed): string {
  const { stack } = parsed;
  if (/currently locked/.test(error)) {
    return `stack ${stack} is in use by another run (the engine holds its lock); wait for it to finish. If no run is going on, remove the lock with: pulumi cancel --stack ${stack}\n${error}`;
  }
  if (/failed to load checkpoint: EOF/.test(error)) {
    const attrs = join(
      '.pulumi',
      'stacks',
      projectName(parsed.projectDir) ?? 'PROJECT',
      `${stack}.json.attrs`,
    );
    return `the state of stack ${stack} cannot be read: a run killed while it saved left ${attrs} in the state directory empty or cut off. The state file itself is whole: delete that .attrs file, then run up --refresh\n${error}`;
  }
  return error;
}
