import { parseArgs } from 'node:util';
import { CiError } from '../ci/ci-errors';
import { CI_OPTIONS, CI_USAGE, isCiCommand } from '../ci/ci-options';
import { connectionSettings, DEFAULT_ENDPOINT, openClient } from '../client/connection-settings';
import { TransportError } from '../client/simulator-client';
import { SimulatorError } from '../api/errors';
import { CliUsageError, usage } from './cli-errors';
import type { Command, Flags } from './command';
import { COMMANDS } from './commands';
import { GLOBAL_FLAGS } from './global-flags';
import { json } from './output';
import { serve, SERVE_FLAGS } from './serve-command';

function help(): string {
  const lines = [
    'numberplane: the telephony simulator and its admin CLI',
    '',
    'usage: numberplane COMMAND [ARGS] [--json] [--endpoint file:PATH|http://HOST:PORT]',
    '',
    '  serve [--port 4580] [--host 127.0.0.1] [--db PATH] [--log PATH|-]',
    '        [--headers-timeout 10] [--request-timeout 30] [--idle-timeout 5] [--shutdown-timeout 10]',
    '      run the HTTP simulator; one JSON line per request to --log (default: beside the store);',
    "      timeouts in seconds for a client's headers, its whole request, an idle connection, a stop",
    ...CI_USAGE.map((line) => `  ${line}`),
    ...COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`),
    '',
    `Endpoint: --endpoint, else NUMBERPLANE_ENDPOINT, else ${DEFAULT_ENDPOINT}.`,
    'Keys: --api-key / NUMBERPLANE_API_KEY and --admin-key / NUMBERPLANE_ADMIN_KEY (local defaults otherwise).',
    'Account commands take --account NAME to make the change as that account (an out-of-band edit).',
  ];
  return `${lines.join('\n')}\n`;
}

function findCommand(words: readonly string[]): { command: Command; rest: string[] } | undefined {
  const matches = COMMANDS.filter((command) =>
    command.words.every((word, i) => words[i] === word),
  ).sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, rest: words.slice(command.words.length) } : undefined;
}

/** Positionals of argv, knowing every command's flags, so flag values are never read as words. */
function wordsOf(argv: string[]): string[] {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    ...GLOBAL_FLAGS,
    ...SERVE_FLAGS,
    ...CI_OPTIONS,
  };
  for (const command of COMMANDS) Object.assign(options, command.flags ?? {});
  return parseArgs({ args: argv, options, allowPositionals: true, strict: false }).positionals;
}

export async function main(argv: string[]): Promise<number> {
  const words = wordsOf(argv);
  if (argv.length === 0 || words[0] === 'help' || (words.length === 0 && argv.includes('--help'))) {
    process.stdout.write(help());
    return 0;
  }
  if (isCiCommand(words[0])) {
    const index = argv.indexOf(words[0]);
    // Loaded only here: it brings the Automation API, about 0.7 s of CPU that every other
    // command (`numbers list`, `clock advance`, `serve`) would pay for nothing.
    const { runCiCommand } = await import('../ci/ci-command');
    return runCiCommand(words[0], [...argv.slice(0, index), ...argv.slice(index + 1)], {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    });
  }
  if (words[0] === 'serve') {
    await serve(argv.filter((arg) => arg !== 'serve'));
    return -1;
  }
  const found = findCommand(words);
  if (!found) {
    throw usage(`"${words.join(' ')}" is not a numberplane command; run numberplane help`);
  }
  const { command } = found;
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...GLOBAL_FLAGS, ...(command.flags ?? {}) },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`usage: numberplane ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  const settings = connectionSettings({
    endpoint: values.endpoint as string | undefined,
    apiKey: values['api-key'] as string | undefined,
    adminKey: values['admin-key'] as string | undefined,
  });
  const client = openClient(settings);
  try {
    const result = await command.run({
      client,
      flags: values as Flags,
      positionals: positionals.slice(command.words.length),
    });
    process.stdout.write(values.json ? json(result.value) : result.text);
    return 0;
  } finally {
    await client.close();
  }
}

/** One line, no stack: what failed and what to do. */
export function describeCliError(error: unknown): string {
  if (SimulatorError.isInstance(error)) return `${error.code}: ${error.message}`;
  if (CliUsageError.isInstance(error) || CiError.isInstance(error)) return error.message;
  if (TransportError.isInstance(error)) return `cannot talk to the simulator: ${error.message}`;
  const code = (error as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return `${(error as Error).message}; run numberplane help`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs the CLI as a process: exit code 1 and one line on stderr on failure. */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`numberplane: ${describeCliError(error).split('\n')[0]}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runCli(process.argv.slice(2));
