import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPackageRoot } from './engine-location';
import type { StackOperationRequest, StackOperationResult } from './stack-operation';

/**
 * Runs one stack operation in a Node.js process of its own (compiled code under dist/),
 * so the program and the closure serializer run under plain Node, as they do for a user.
 */
export function runStackOperationInProcess(
  request: StackOperationRequest,
): Promise<StackOperationResult> {
  const entry = resolve(findPackageRoot(), 'dist', 'provider', 'engine', 'stack-operation-main.js');
  const scratch = mkdtempSync(join(tmpdir(), 'numberplane-op-'));
  const resultFile = join(scratch, 'result.json');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry, JSON.stringify(request), resultFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const result = JSON.parse(readFileSync(resultFile, 'utf8')) as StackOperationResult;
        resolvePromise(result);
      } catch {
        reject(
          new Error(
            `stack operation ${request.operation} exited ${code} without a result:\n${output}`,
          ),
        );
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}
