import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../provider/inventory/inventory-problems';
import { parseInventory } from '../../provider/inventory/load-inventory';

const FIXTURES = join(__dirname, '..', 'fixtures', 'inventories', 'broken');
const files = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

/** A fixture may say which numbers the last deployment protected: `# previously-protected: a, b`. */
function previouslyProtected(text: string): string[] {
  const header = /^# previously-protected: (.*)$/m.exec(text);
  return header?.[1] ? header[1].split(',').map((name) => name.trim()) : [];
}

describe('broken inventories', () => {
  it('has at least 30 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    it(`${file} fails before the engine with exactly its expected FILE:LINE:COL messages`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const expected = readFileSync(join(FIXTURES, file.replace(/\.yaml$/, '.expected')), 'utf8');
      const loaded = parseInventory(text, file, { previouslyProtected: previouslyProtected(text) });
      expect(loaded.inventory).toBeUndefined();
      expect(`${loaded.problems.map(formatProblem).join('\n')}\n`).toBe(expected);
      for (const problem of loaded.problems)
        expect(formatProblem(problem)).toMatch(/^\S+\.yaml:\d+:\d+ .+ — .+$/);
    });
  }
});
