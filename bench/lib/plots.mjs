// Plots drawn by gnuplot (Debian's gnuplot-nox): per scale, each query's median latency per
// engine on a log scale; across scales, load time and peak memory against data size.
// Without gnuplot the plots are skipped with a warning; the tables do not depend on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function writePlots(results, dir) {
  if (spawnSync('gnuplot', ['--version']).status !== 0) {
    console.error('[bench] gnuplot not found: no plots (bench/setup installs it)');
    return;
  }
  const engines = Object.keys(results.engines);
  for (const scale of results.scales) latencyPlot(results, scale, engines, dir);
  if (results.scales.length) {
    scalingPlot(results, engines, dir, 'load', 'load time (s)', (e) => e.load_s);
    scalingPlot(results, engines, dir, 'memory', 'peak resident memory (MB)', (e) => e.peak_rss_mb);
  }
}

function gnuplot(script, dir, name) {
  fs.writeFileSync(path.join(dir, `${name}.gp`), script);
  const result = spawnSync('gnuplot', [`${name}.gp`], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) console.error(`[bench] gnuplot ${name}: ${result.stderr}`);
  fs.rmSync(path.join(dir, `${name}.gp`));
}

const header = (title, size) => `set terminal pngcairo size ${size} font "DejaVu Sans,10"
set title "${title}"
set datafile missing "?"
set key outside right top
`;

// Median per query and engine, in ms; answers that disagree are left out, as in the table.
function latencyPlot(results, scale, engines, dir) {
  const name = `latency-${scale.scale}`;
  const rows = Object.keys(results.queries).map((query) => {
    const cells = engines.map((engine) => {
      const entry = scale.engines[engine]?.queries?.[query];
      return entry?.median_s !== undefined && entry.agrees ? (entry.median_s * 1000).toPrecision(4) : '?';
    });
    return [query.split('-')[0], ...cells].join(' ');
  });
  fs.writeFileSync(path.join(dir, `${name}.dat`), `query ${engines.join(' ')}\n${rows.join('\n')}\n`);
  gnuplot(`${header(`Median query latency, ${scale.scale} triples (log scale)`, '1200,500')}
set output "${name}.png"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel "milliseconds"
set xtics rotate by -45
plot ${engines.map((e, i) => `"${name}.dat" using ${i + 2}:xtic(1) title "${e}"`).join(', ')}
`, dir, name);
}

function scalingPlot(results, engines, dir, name, label, pick) {
  const rows = results.scales.map((scale) => [scale.triples, ...engines.map((engine) => {
    const result = scale.engines[engine];
    const value = result && !result.error ? pick(result) : null;
    return value ?? '?';
  })].join(' '));
  fs.writeFileSync(path.join(dir, `${name}.dat`), `triples ${engines.join(' ')}\n${rows.join('\n')}\n`);
  gnuplot(`${header(`${label} against data size`, '800,500')}
set output "${name}.png"
set logscale xy
set xlabel "triples"
set ylabel "${label}"
set format x "%.0s%c"
plot ${engines.map((e, i) => `"${name}.dat" using 1:${i + 2} with linespoints title "${e}"`).join(', ')}
`, dir, name);
}
