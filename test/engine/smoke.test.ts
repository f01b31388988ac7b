import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { locateEngine } from '../../provider/engine/engine-location';
import { createThrowawayStack, type ThrowawayStack } from './support/throwaway-stack';

interface StateResource {
  urn: string;
  type: string;
  outputs?: Record<string, unknown>;
}

function resourcesOf(deployment: unknown): StateResource[] {
  return ((deployment as { resources?: StateResource[] } | undefined)?.resources ?? []).filter(
    (resource) => resource.type === 'pulumi-nodejs:dynamic/numberplane:Smoke',
  );
}

describe('the real Pulumi engine', () => {
  let stack: ThrowawayStack;

  beforeAll(() => {
    stack = createThrowawayStack('examples/smoke');
  });

  afterAll(() => stack.cleanup());

  it('takes a dynamic resource through up, a no-change preview, refresh and destroy', async () => {
    const engine = locateEngine();

    const up = await stack.up();
    expect(up.error).toBeUndefined();
    expect(up.ok).toBe(true);
    expect(up.cliVersion).toBe(engine.version);
    expect(up.changes).toEqual({ create: 2 });
    expect(up.outputs).toEqual({ smokeId: 'smoke-hello', createdBy: 'smoke-provider' });
    // The engine and nothing else writes the file backend's checkpoint.
    const stacksDir = join(stack.stateDir, '.pulumi', 'stacks', 'numberplane-smoke');
    expect(readdirSync(stacksDir)).toContain(`${stack.stackName}.json`);

    const afterUp = resourcesOf((await stack.exportDeployment()).deployment);
    expect(afterUp).toHaveLength(1);
    expect(afterUp[0]?.urn).toBe(
      `urn:pulumi:${stack.stackName}::numberplane-smoke::pulumi-nodejs:dynamic/numberplane:Smoke::hello`,
    );
    expect(afterUp[0]?.outputs).toMatchObject({ greeting: 'hello', createdBy: 'smoke-provider' });

    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.error).toBeUndefined();
    expect(preview.changes).toEqual({ same: 2 });

    const refresh = await stack.refresh({ expectNoChanges: true });
    expect(refresh.error).toBeUndefined();
    expect(refresh.changes).toEqual({ same: 2 });

    const destroy = await stack.destroy();
    expect(destroy.error).toBeUndefined();
    expect(destroy.changes).toEqual({ delete: 2 });
    expect(resourcesOf((await stack.exportDeployment()).deployment)).toEqual([]);

    process.stdout.write(`engine smoke test ran pulumi v${up.cliVersion} (${engine.binDir})\n`);
  });

  it('fails when the engine rejects the operation, with the engine’s message', async () => {
    const other = createThrowawayStack('examples/smoke');
    try {
      // A preview that must see no changes on an empty stack plans creates, so it fails.
      const preview = await other.preview({ expectNoChanges: true });
      expect(preview.ok).toBe(false);
      expect(preview.error).toMatch(
        /^error: no changes were expected for preview but changes were proposed$/,
      );
      expect(existsSync(join(other.stateDir, '.pulumi'))).toBe(true);
    } finally {
      other.cleanup();
    }
  });
});
