import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import * as automation from '@pulumi/pulumi/automation';
import { engineEnvironment, locateEngine, type EngineLocation } from './engine-location';
import { cancelFile } from './cancel-file';

/** One engine operation on one stack of a Pulumi project directory. */
export interface StackOperationRequest {
  /** Directory holding Pulumi.yaml; the language host runs its program. */
  readonly projectDir: string;
  readonly stackName: string;
  /** Directory of the local file state backend (`file://` URL is derived from it). */
  readonly stateDir: string;
  /** A state backend URL instead of `stateDir` (e.g. `PULUMI_BACKEND_URL`). */
  readonly backendUrl?: string;
  /** PULUMI_HOME for this run: plugins, credentials and workspace files stay in it. */
  readonly pulumiHome: string;
  /** Passphrase of the stack's passphrase secrets provider. */
  readonly passphrase: string;
  readonly operation: 'up' | 'preview' | 'refresh' | 'destroy' | 'export';
  /** Stack config to set before the operation, keyed `namespace:key`. */
  readonly config?: Record<string, { readonly value: string; readonly secret?: boolean }>;
  /** `preview` and `up`: refresh first. */
  readonly refresh?: boolean;
  /** Fail the operation if it would change anything. */
  readonly expectNoChanges?: boolean;
  /** `destroy`: remove the stack and its config afterwards. */
  readonly remove?: boolean;
  /** Extra environment for the CLI, the program and the provider plugins. */
  readonly env?: Record<string, string>;
}

/** What an operation reports back; `ok: false` carries the engine's message. */
export interface StackOperationResult {
  readonly ok: boolean;
  readonly error?: string;
  /** Version of the `pulumi` CLI that ran, as it reports itself. */
  readonly cliVersion?: string;
  /** Resource changes by kind (`create`, `same`, `update`, `delete`, …). */
  readonly changes?: Record<string, number>;
  readonly outputs?: Record<string, unknown>;
  /** Every step other than `same`, with the properties it changes (preview and up). */
  readonly steps?: StackStep[];
  /** `export`: the stack's deployment (`pulumi stack export`). */
  readonly deployment?: unknown;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** One planned or applied step on one resource. */
export interface StackStep {
  readonly op: string;
  readonly urn: string;
  readonly type: string;
  /** Top-level properties that differ. */
  readonly diffs: string[];
  /** Each changed input: its value before (state) and after (program, or live for refresh). */
  readonly propertyChanges: Record<string, { readonly old: unknown; readonly new: unknown }>;
}

/** What a caller in the same process can add: cancellation and live progress. */
export interface StackOperationControls {
  /** Aborting sends the engine SIGINT: it stops cleanly and leaves the stack usable. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: automation.EngineEvent) => void;
  readonly onOutput?: (text: string) => void;
}

const execFileAsync = promisify(execFile);

/** One per CLI install and process: getting one runs `pulumi version`, a process start. */
const commands = new Map<string, Promise<automation.PulumiCommand>>();

/**
 * The CLI setup provided. An install's root is the folder above its `bin/`; otherwise the
 * Automation API takes `pulumi` from PATH, where a pulumi found on PATH already is.
 */
function pulumiCommand(location: EngineLocation): Promise<automation.PulumiCommand> {
  const known = commands.get(location.binDir);
  if (known) return known;
  const command = (
    basename(location.binDir) === 'bin'
      ? automation.PulumiCommand.get({ root: dirname(location.binDir) })
      : automation.PulumiCommand.get()
  ).catch((error: unknown) => {
    commands.delete(location.binDir);
    throw error;
  });
  commands.set(location.binDir, command);
  return command;
}

/** The stack of the request, selected (or created) in its project directory. */
async function openStack(
  request: StackOperationRequest,
  location: EngineLocation,
  envVars: Record<string, string>,
): Promise<automation.Stack> {
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    { stackName: request.stackName, workDir: resolve(request.projectDir) },
    {
      envVars,
      pulumiHome: resolve(request.pulumiHome),
      pulumiCommand: await pulumiCommand(location),
    },
  );
  if (request.config && Object.keys(request.config).length > 0) {
    await stack.setAllConfig(request.config);
  }
  return stack;
}

/** What an operation's events and output say: its steps, its resources' errors, its log. */
function recorder(controls: StackOperationControls) {
  const steps: StackStep[] = [];
  const diagnostics: string[] = [];
  const logs: string[] = [];
  return {
    steps,
    diagnostics,
    logs,
    signal: controls.signal,
    onOutput: (line: string): void => {
      logs.push(line);
      controls.onOutput?.(line);
    },
    onEvent: (event: automation.EngineEvent): void => {
      controls.onEvent?.(event);
      const diagnostic = event.diagnosticEvent;
      if (diagnostic?.severity === 'error' && !diagnostic.ephemeral) {
        const resource = diagnostic.urn ? `${diagnostic.urn.split('::').pop()}: ` : '';
        diagnostics.push(`${resource}${diagnostic.message.trim()}`);
      }
      const step = stepOf(event);
      if (step) steps.push(step);
    },
  };
}

type Recorder = ReturnType<typeof recorder>;

/** Runs the operation itself; `export` is `pulumi stack export` as a user runs it. */
async function run(
  stack: automation.Stack,
  request: StackOperationRequest,
  record: Recorder,
  exportStack: () => Promise<StackOperationResult>,
): Promise<Omit<StackOperationResult, 'ok' | 'cliVersion'>> {
  const { onOutput, onEvent, signal, steps } = record;
  const options = { onOutput, onEvent, signal };
  const { refresh, expectNoChanges } = request;
  switch (request.operation) {
    case 'up': {
      const result = await stack.up({ ...options, refresh, expectNoChanges });
      return {
        changes: toChanges(result.summary.resourceChanges),
        outputs: unwrapOutputs(result.outputs),
        steps,
        stdout: result.stdout,
      };
    }
    case 'preview': {
      const result = await stack.preview({ ...options, refresh, expectNoChanges });
      return { changes: toChanges(result.changeSummary), steps, stdout: result.stdout };
    }
    case 'refresh': {
      const result = await stack.refresh({ ...options, expectNoChanges });
      return { changes: toChanges(result.summary.resourceChanges), stdout: result.stdout };
    }
    case 'destroy': {
      const result = await stack.destroy({ ...options, remove: request.remove });
      return { changes: toChanges(result.summary.resourceChanges), stdout: result.stdout };
    }
    case 'export':
      return exportStack();
  }
}

/**
 * Runs one operation on a Pulumi project directory through the Automation API, the way
 * `pulumi up` typed in that directory runs it: the official Node.js language host runs
 * the program named by `Pulumi.yaml` and the project's `package.json`, in a process of its
 * own, and the dynamic-provider plugin runs the resources' hooks.
 */
export async function runStackOperation(
  request: StackOperationRequest,
  controls: StackOperationControls = {},
): Promise<StackOperationResult> {
  const location = locateEngine();
  const cancel = cancelFile(controls.signal);
  try {
    return await runWith(request, controls, location, cancel.env);
  } finally {
    cancel.dispose();
  }
}

async function runWith(
  request: StackOperationRequest,
  controls: StackOperationControls,
  location: EngineLocation,
  cancelEnv: Record<string, string>,
): Promise<StackOperationResult> {
  const envVars: Record<string, string> = {
    ...engineEnvironment(location),
    ...(request.env ?? {}),
    ...cancelEnv,
    PULUMI_BACKEND_URL: request.backendUrl ?? `file://${resolve(request.stateDir)}`,
    PULUMI_CONFIG_PASSPHRASE: request.passphrase,
    PULUMI_HOME: resolve(request.pulumiHome),
  };
  let stack: automation.Stack;
  try {
    stack = await openStack(request, location, envVars);
  } catch (error) {
    // Selecting the stack loads its state: a state the engine cannot read fails here.
    return { ok: false, error: describeFailure(error) };
  }
  const cliVersion = stack.workspace.pulumiVersion;
  const record = recorder(controls);
  // Secrets stay encrypted, as under `pulumi stack export` (the Automation API's
  // exportStack adds --show-secrets).
  const exportStack = async (): Promise<StackOperationResult> => {
    const { stdout } = await execFileAsync(
      join(location.binDir, 'pulumi'),
      ['stack', 'export', '--stack', request.stackName],
      { cwd: request.projectDir, env: envVars, maxBuffer: 256 * 1024 * 1024 },
    );
    const exported = JSON.parse(stdout) as { deployment?: unknown };
    return { ok: true, deployment: exported.deployment, stdout };
  };
  try {
    return { ok: true, cliVersion, ...(await run(stack, request, record, exportStack)) };
  } catch (error) {
    return {
      ok: false,
      cliVersion,
      // The engine's per-resource errors say what failed; its summary only that something did.
      error: record.diagnostics.length > 0 ? record.diagnostics.join('\n') : describeFailure(error),
      steps: record.steps,
      stdout: record.logs.join(''),
    };
  }
}

/** The step an event reports, when it is one to report. */
function stepOf(event: automation.EngineEvent): StackStep | undefined {
  // A refresh step knows what it read only when it finishes: take it from the outputs event.
  const refreshed = event.resOutputsEvent?.metadata;
  const metadata = refreshed?.op === 'refresh' ? refreshed : event.resourcePreEvent?.metadata;
  if (!metadata || metadata.op === 'same' || metadata.type === 'pulumi:pulumi:Stack') return;
  if (metadata.op === 'refresh' && metadata !== refreshed) return;
  // The default provider "updates" whenever stack config changes, and an inventory reads its
  // own stack's last outputs (a StackReference) on every run: neither is a change to report.
  if (metadata.type.startsWith('pulumi:providers:')) return;
  if (metadata.type === 'pulumi:pulumi:StackReference') return;
  return {
    op: metadata.op,
    urn: metadata.urn,
    type: metadata.type,
    diffs: metadata.diffs?.length
      ? metadata.diffs
      : changedInputs(metadata.old?.inputs, metadata.new?.inputs),
    propertyChanges: propertyChanges(metadata.old?.inputs, metadata.new?.inputs),
  };
}

function propertyChanges(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown> | undefined,
): StackStep['propertyChanges'] {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  // A refresh that found the object gone has no new state: every property went.
  const keys = olds && !news ? Object.keys(olds).filter((key) => key !== '__provider') : [];
  for (const key of [...keys, ...changedInputs(olds, news)]) {
    changes[key] = { old: olds?.[key], new: news?.[key] };
  }
  return changes;
}

/** Input keys whose values differ (dynamic providers report no per-property diffs). */
function changedInputs(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown> | undefined,
): string[] {
  if (!olds || !news) return [];
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  keys.delete('__provider');
  return [...keys]
    .filter((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null))
    .sort();
}

function toChanges(map: Record<string, number> | undefined): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const [kind, count] of Object.entries(map ?? {})) {
    if (typeof count === 'number') changes[kind] = count;
  }
  return changes;
}

function unwrapOutputs(outputs: automation.OutputMap): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, output] of Object.entries(outputs)) plain[key] = output.value;
  return plain;
}

/** The engine's own `error:` lines, without the Automation API's echo of the command. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (!(error instanceof automation.CommandError)) return text;
  const errorLines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('error:'));
  return errorLines.length > 0 ? [...new Set(errorLines)].join('\n') : text;
}
