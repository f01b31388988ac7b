// The engine bench's chart: seconds per resource against N (log scale), one line per
// variant, operation and checkpoint setting. Flat lines are linear growth; rising lines are
// worse than linear (the default checkpoints' N²).

/** Least-squares line through [x, y] points. */
function fitLine(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

const SERIES = [
  ['numberplane up, default checkpoints', 'numberplane', 'up', 'default', '#d62728', ''],
  ['no-op up, default checkpoints', 'noop', 'up', 'default', '#d62728', '6 4'],
  ['numberplane up, skipped checkpoints', 'numberplane', 'up', 'skip', '#2ca02c', ''],
  ['no-op up, skipped checkpoints', 'noop', 'up', 'skip', '#2ca02c', '6 4'],
  ['numberplane preview', 'numberplane', 'preview', 'skip', '#1f77b4', ''],
  ['no-op preview', 'noop', 'preview', 'skip', '#1f77b4', '6 4'],
  ['numberplane drift (preview --refresh)', 'numberplane', 'drift', 'skip', '#9467bd', ''],
  ['no-op drift', 'noop', 'drift', 'skip', '#9467bd', '6 4'],
];

function chart(runs) {
  const width = 720;
  const height = 420;
  const pad = 60;
  const points = SERIES.map(([label, variant, op, checkpoints, color, dash]) => ({
    label,
    color,
    dash,
    values: runs
      .filter((r) => r.checkpoints === checkpoints && r[variant])
      .map((r) => [r.n, (r[variant][op] / r.n) * 1000]),
  })).filter((s) => s.values.length > 0);
  const ns = runs.map((r) => r.n);
  const minN = Math.min(...ns);
  const maxN = Math.max(...ns);
  const maxT = Math.max(...points.flatMap((s) => s.values.map(([, t]) => t)), 1);
  const span = Math.log10(maxN) - Math.log10(minN) || 1;
  const x = (n) => pad + ((width - 2 * pad) * (Math.log10(n) - Math.log10(minN))) / span;
  const y = (t) => height - pad - ((height - 2 * pad) * t) / maxT;
  const lines = points.map(({ label, color, dash, values }, i) => {
    const path = values.map(([n, t]) => `${x(n).toFixed(1)},${y(t).toFixed(1)}`).join(' ');
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${path}"/>` +
      values
        .map(
          ([n, t]) =>
            `<circle cx="${x(n).toFixed(1)}" cy="${y(t).toFixed(1)}" r="2.5" fill="${color}"/>`,
        )
        .join('') +
      `<text x="${pad + 12}" y="${pad + 14 * i}" fill="${color}" font-size="11">${dash ? '- - ' : '—— '}${label}</text>`
    );
  });
  const ticks = [...new Set(ns)].map(
    (n) =>
      `<text x="${x(n)}" y="${height - pad + 18}" font-size="11" text-anchor="middle">${n}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="black"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="black"/>
<text x="${width / 2}" y="${height - 14}" font-size="12" text-anchor="middle">resources in the stack (N, log scale)</text>
<text x="16" y="${height / 2}" font-size="12" transform="rotate(-90 16 ${height / 2})" text-anchor="middle">milliseconds per resource (median)</text>
<text x="${pad - 6}" y="${pad + 4}" font-size="11" text-anchor="end">${maxT.toFixed(0)}</text>
<text x="${pad - 6}" y="${height - pad}" font-size="11" text-anchor="end">0</text>
${ticks.join('\n')}
${lines.join('\n')}
</svg>
`;
}

module.exports = { chart, fitLine };
