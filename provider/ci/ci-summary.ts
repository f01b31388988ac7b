import type { CiResult } from './ci-result';
import { namesOf } from './resource-names';

const cell = (value: unknown): string => {
  const text =
    value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
};

const shortType = (type: string): string => type.split(':').pop() ?? type;

/**
 * "2 to create, 1 to update" from the change counts. `same` and `read` change nothing (an
 * inventory reads its own stack's last outputs on every run), as `--expect-no-changes` counts.
 */
export function describeChanges(changes: Record<string, number>, past: boolean): string {
  const words: Record<string, [string, string]> = {
    create: ['to create', 'created'],
    update: ['to update', 'updated'],
    delete: ['to delete', 'deleted'],
    replace: ['to replace', 'replaced'],
  };
  const parts = Object.entries(changes)
    .filter(([op, count]) => op !== 'same' && op !== 'read' && count > 0)
    .map(([op, count]) => `${count} ${(words[op] ?? [`to ${op}`, op])[past ? 1 : 0]}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** A Markdown summary fit for a pull-request comment. */
export function markdownSummary(result: CiResult): string {
  const lines: string[] = [];
  const status = result.ok ? (result.exitCode === 2 ? '⚠️' : '✅') : '❌';
  lines.push(`### ${status} numberplane ${result.command} — stack \`${result.stack}\``, '');
  if (result.command === 'drift') {
    lines.push(
      result.drift.length === 0
        ? 'No drift: every resource matches what the stack last applied.'
        : `**${result.drift.length} resource${result.drift.length === 1 ? '' : 's'} drifted** from what the stack last applied.`,
    );
  } else {
    lines.push(`**${describeChanges(result.changes, result.command !== 'preview')}**`);
  }
  if (result.error) lines.push('', '```', result.error, '```');
  if (result.steps.length > 0) {
    // Plain `up` trusts the state, which still holds what drifted: it refreshes first.
    if (result.command === 'drift') {
      lines.push('', '`numberplane up --refresh` would bring the stack back with:');
    }
    lines.push('', '| operation | resource | type | properties |', '| --- | --- | --- | --- |');
    for (const step of result.steps) {
      lines.push(
        `| ${step.op} | \`${step.resource}\` | ${shortType(step.type)} | ${step.properties.join(', ') || '—'} |`,
      );
    }
  }
  if (result.drift.length > 0) {
    lines.push(
      '',
      '#### Drift',
      '',
      '| resource | property | declared | live |',
      '| --- | --- | --- | --- |',
    );
    for (const item of result.drift) {
      if (item.status === 'deleted') {
        lines.push(`| \`${item.resource}\` (${shortType(item.type)}) | — | exists | **gone** |`);
        continue;
      }
      for (const property of item.properties) {
        lines.push(
          `| \`${item.resource}\` (${shortType(item.type)}) | ${property.name} | \`${cell(property.declared)}\`${namesOf(property.declared, property.resources)} | \`${cell(property.live)}\`${namesOf(property.live, property.resources)} |`,
        );
      }
    }
  }
  if (result.blockedByProtection.length > 0) {
    lines.push('', '#### Blocked by deletion protection', '');
    for (const blocked of result.blockedByProtection) {
      const number = blocked.phoneNumber
        ? ` ${blocked.phoneNumber} (${blocked.phoneNumberId})`
        : '';
      lines.push(`- \`${blocked.resource}\`${number}: ${blocked.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
