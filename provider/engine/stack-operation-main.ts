// Child-process entry: reads one StackOperationRequest as JSON from argv[2], runs it,
// and writes the StackOperationResult as one JSON line to the file named by argv[3].
// Engine chatter goes to stdout/stderr; the result file keeps the two apart.
import { writeFileSync } from 'node:fs';
import {
  runStackOperation,
  type StackOperationRequest,
  type StackOperationResult,
} from './stack-operation';

async function main(): Promise<void> {
  const [requestJson, resultFile] = process.argv.slice(2);
  if (!requestJson || !resultFile) {
    process.stderr.write('usage: stack-operation-main REQUEST_JSON RESULT_FILE\n');
    process.exit(2);
  }
  let result: StackOperationResult;
  try {
    result = await runStackOperation(JSON.parse(requestJson) as StackOperationRequest);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  writeFileSync(resultFile, `${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main();
