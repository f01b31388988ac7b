import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { CI_OPTIONS, isCiCommand } from '../../provider/ci/ci-options';

const workflow = readFileSync(
  join(__dirname, '..', '..', 'examples', 'ci', 'numberplane.yml'),
  'utf8',
);

describe('examples/ci/numberplane.yml', () => {
  it('is a workflow with an environment, preview, drift and teardown job', () => {
    const parsed = parse(workflow) as {
      on: Record<string, unknown>;
      jobs: Record<string, unknown>;
    };
    expect(Object.keys(parsed.jobs)).toEqual(['environment', 'preview', 'drift', 'teardown']);
    expect(Object.keys(parsed.on)).toEqual(['push', 'pull_request', 'delete', 'schedule']);
  });

  it('calls only numberplane commands and flags that exist', () => {
    const joined = workflow.replace(/\\\n\s*/g, ' ');
    const calls = [...joined.matchAll(/npx numberplane ([^\n]*)/g)].map((m) =>
      (m[1] ?? '')
        .replace(/>.*$/, '')
        .replace(/\$\{\{[^}]*\}\}/g, 'EXPR')
        .trim(),
    );
    expect(calls.length).toBe(4);
    for (const call of calls) {
      const [command, ...args] = call.split(/\s+/).map((word) => word.replace(/^"|"$/g, ''));
      expect(isCiCommand(command)).toBe(true);
      expect(() => parseArgs({ args, options: CI_OPTIONS, strict: true })).not.toThrow();
    }
  });
});
