import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCiCommand } from '../../provider/ci/ci-command';
import { removeDeadEngineLocks } from '../../provider/ci/engine-locks';
import { removeHalfWrittenState } from '../../provider/ci/half-written-state';
import { acquireStackLock } from '../../provider/ci/stack-lock';
import { deadPid } from '../support/dead-pid';

describe('a run that died leaves its locks behind', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'numberplane-locks-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const numberplaneLock = (pid: number): void => {
    mkdirSync(join(dir, '.numberplane-locks'), { recursive: true });
    writeFileSync(
      join(dir, '.numberplane-locks', 'pr-1.lock'),
      JSON.stringify({ pid, since: '2026-12-01T10:00:00.000Z' }),
    );
  };

  it('the next run takes over a dead run’s lock and reports the run as interrupted', () => {
    const pid = deadPid();
    numberplaneLock(pid);
    const lock = acquireStackLock(dir, 'pr-1');
    expect(lock.interrupted).toEqual({ pid, since: '2026-12-01T10:00:00.000Z' });
    lock.release();
    expect(existsSync(join(dir, '.numberplane-locks', 'pr-1.lock'))).toBe(false);
  });

  it('a run that finished leaves no lock, and the next run is not told of an interruption', () => {
    acquireStackLock(dir, 'pr-1').release();
    const lock = acquireStackLock(dir, 'pr-1');
    expect(lock.interrupted).toBeUndefined();
    lock.release();
  });

  it('a lock held by a live run is refused, naming that run', () => {
    numberplaneLock(process.pid);
    expect(() => acquireStackLock(dir, 'pr-1')).toThrow(
      `stack pr-1 is in use by another numberplane run (pid ${process.pid}`,
    );
  });

  it('only the engine locks of dead processes on this machine are removed', () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'Pulumi.yaml'), 'name: hotlines\nruntime: nodejs\n');
    const locks = join(dir, '.pulumi', 'locks', 'organization', 'hotlines', 'pr-1');
    mkdirSync(locks, { recursive: true });
    const lock = (file: string, pid: number, host: string): void =>
      writeFileSync(join(locks, file), JSON.stringify({ pid, hostname: host, username: 'ci' }));
    lock('dead.json', deadPid(), hostname());
    lock('live.json', process.pid, hostname());
    lock('elsewhere.json', deadPid(), `${hostname()}-other`);
    expect(removeDeadEngineLocks(dir, project, 'pr-1')).toEqual({ removed: 1, kept: 2 });
    expect(readdirSync(locks).sort()).toEqual(['elsewhere.json', 'live.json']);
    expect(removeDeadEngineLocks(dir, project, 'another-stack')).toEqual({ removed: 0, kept: 0 });
  });

  it('only this stack’s half-written files are removed: broken .attrs and unrenamed temporary files', () => {
    const stacks = join(dir, '.pulumi', 'stacks', 'hotlines');
    const history = join(dir, '.pulumi', 'history', 'hotlines', 'pr-1');
    mkdirSync(stacks, { recursive: true });
    mkdirSync(history, { recursive: true });
    const files: Record<string, string> = {
      [join(stacks, 'pr-1.json')]: '{}',
      [join(stacks, 'pr-1.json.attrs')]: '',
      [join(stacks, 'pr-1.json.bak')]: '{}',
      [join(stacks, 'pr-1.json.bak.attrs')]: '{"user.content_type":"application/json"}',
      [join(stacks, 'pr-1.json.5f3e.tmp')]: '{"vers',
      [join(stacks, 'pr-2.json.attrs')]: '',
      [join(stacks, 'pr-1.json2.json.attrs')]: '',
      [join(history, 'pr-1-1.history.json.attrs')]: '{"user.md5',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
    expect(removeHalfWrittenState(dir, 'hotlines', 'pr-1')).toEqual([
      join('.pulumi', 'stacks', 'hotlines', 'pr-1.json.5f3e.tmp'),
      join('.pulumi', 'stacks', 'hotlines', 'pr-1.json.attrs'),
      join('.pulumi', 'history', 'hotlines', 'pr-1', 'pr-1-1.history.json.attrs'),
    ]);
    expect(readdirSync(stacks).sort()).toEqual([
      'pr-1.json',
      'pr-1.json.bak',
      'pr-1.json.bak.attrs',
      'pr-1.json2.json.attrs',
      'pr-2.json.attrs',
    ]);
  });

  it('a run that cannot read its passphrase file fails and leaves no lock behind', async () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'Pulumi.yaml'), 'name: hotlines\nruntime: nodejs\n');
    const io = {
      stdout: process.stdout,
      stderr: process.stderr,
      env: { PULUMI_CONFIG_PASSPHRASE_FILE: join(dir, 'no-such-file') },
    };
    await expect(
      runCiCommand('up', ['--stack', 'pr-1', '--cwd', project, '--state-dir', dir], io),
    ).rejects.toThrow('no-such-file');
    expect(existsSync(join(dir, '.numberplane-locks', 'pr-1.lock'))).toBe(false);
  });

  it('--skip-checkpoints on preview is refused: it saves no state', async () => {
    const io = { stdout: process.stdout, stderr: process.stderr, env: {} };
    await expect(
      runCiCommand('preview', ['--stack', 'pr-1', '--skip-checkpoints'], io),
    ).rejects.toThrow('--skip-checkpoints is for up and destroy, not preview');
  });
});
