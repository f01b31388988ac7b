import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The program file of a project without `main`: index.ts when there is one, else index.js. */
export function defaultMain(projectDir: string): string {
  return existsSync(join(projectDir, 'index.ts')) ? 'index.ts' : 'index.js';
}

let registered = false;

/**
 * Lets `require` load TypeScript programs, as pulumi-language-nodejs does: each .ts file
 * is transpiled to CommonJS on load (no type check; run tsc for that). Uses the project's
 * own `typescript` package.
 */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const extensions = require.extensions as NodeJS.RequireExtensions;
  extensions['.ts'] = (module, filename) => {
    const output = ts.transpileModule(readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    (module as unknown as { _compile(code: string, file: string): void })._compile(
      output.outputText,
      filename,
    );
  };
}
