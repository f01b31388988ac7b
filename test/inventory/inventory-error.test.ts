import { inspect } from 'node:util';
import { RunError } from '@pulumi/pulumi/errors';
import { InventoryError } from '../../provider/inventory/load-inventory';

describe('the error a broken inventory raises in the program', () => {
  const error = new InventoryError([
    {
      file: 'inventory.yaml',
      line: 2,
      column: 22,
      message: 'voiceConnectors.east.awsRegion: "us-east-9" is not allowed',
      fix: 'use one of us-east-1, us-west-2',
    },
  ]);
  const message =
    'inventory.yaml:2:22 voiceConnectors.east.awsRegion: "us-east-9" is not allowed — use one of us-east-1, us-west-2';

  it('is a RunError, so the engine prints its message and no stack trace', () => {
    expect(RunError.isInstance(error)).toBe(true);
    expect(error.message).toBe(message);
  });

  it('carries no stack frames: Node.js 20 and 22 inspect a frame under node_modules/@pulumi/ for 16 s and 3 GB', () => {
    // @pulumi/pulumi inspects every uncaught error with colors, and its source maps put its
    // own frames at node_modules/@pulumi/<file>.ts, where those versions' util.inspect loops.
    expect(error.stack).toBe(`InventoryError: ${message}`);
    expect(inspect(error, { colors: true })).not.toContain('    at ');
  });
});
