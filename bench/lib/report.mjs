// The results directory: results.json (every figure), results.md (the tables) and the plots.
import fs from 'node:fs';
import os from 'node:os';
import { writePlots } from './plots.mjs';

export function describeMachine() {
  const cpus = os.cpus();
  const release = fs.existsSync('/etc/debian_version')
    ? `Debian ${fs.readFileSync('/etc/debian_version', 'utf8').trim()}` : os.type();
  return {
    host: os.hostname(),
    cpu: `${cpus.length} × ${cpus[0]?.model ?? '?'}`,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${release}, Linux ${os.release()}`,
    load_average_at_start: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export function writeResults(results, dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${dir}/results.md`, markdown(results));
  writePlots(results, dir);
}

const peers = (results) => Object.keys(results.engines).filter((e) => e !== 'kg');

function markdown(results) {
  const lines = [
    `Command: \`${results.command}\` — ${results.runs} timed runs per query after one warm-up; ` +
      `figures are medians. Machine: ${results.machine.cpu}, ${results.machine.memory_gib} GiB, ` +
      `${results.machine.os}; load average at start ${results.machine.load_average_at_start.join(', ')}.`,
    '',
    '| engine | version |',
    '|---|---|',
    ...Object.entries(results.engines).map(([, e]) => `| ${e.label} | ${e.version} |`),
    '',
  ];
  for (const scale of results.scales) lines.push(...scaleTable(results, scale));
  lines.push(...disagreements(results));
  return `${lines.join('\n')}\n`;
}

function scaleTable(results, scale) {
  const engines = Object.keys(results.engines);
  const ratioColumn = engines.includes('kg') && peers(results).length > 0;
  const header = ['', ...engines, ...(ratioColumn ? ['kg ÷ best peer'] : [])];
  const rows = [
    row('load (s)', scale, engines, (e) => e.load_s, seconds, ratioColumn),
    row('load (triples/s)', scale, engines, (e) => e.load_triples_per_s, thousands, ratioColumn,
      true),
    row('peak memory (MB)', scale, engines, (e) => e.peak_rss_mb, String, ratioColumn),
    row('bytes per triple', scale, engines, (e) => e.bytes_per_triple, String, ratioColumn),
    ...Object.keys(results.queries).map((q) => queryRow(q, scale, engines, ratioColumn)),
  ];
  if (ratioColumn) rows.push(geometricMeanRow(rows.slice(4), engines));
  return [
    `### ${scale.scale} triples (${scale.triples.toLocaleString('en')})`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    'Query times in milliseconds; ✗ = answers disagree with the other engines (not counted), ' +
      '— = failed or timed out. A ratio below 1 means kg is faster (or smaller).',
    '',
  ];
}

// One row of whole-engine figures; `higherIsBetter` flips the ratio's best peer.
function row(title, scale, engines, pick, format, ratioColumn, higherIsBetter = false) {
  const value = (engine) => {
    const result = scale.engines[engine];
    return result && !result.error ? pick(result) ?? null : null;
  };
  const cells = engines.map((engine) => (value(engine) === null ? '—' : format(value(engine))));
  if (!ratioColumn) return [title, ...cells];
  const peerValues = engines.filter((e) => e !== 'kg').map(value).filter((v) => v !== null);
  const best = higherIsBetter ? Math.max(...peerValues) : Math.min(...peerValues);
  const mine = value('kg');
  const ratio = mine === null || !peerValues.length ? '—'
    : (higherIsBetter ? best / mine : mine / best).toPrecision(2);
  return [title, ...cells, ratio];
}

function queryRow(name, scale, engines, ratioColumn) {
  const entry = (engine) => scale.engines[engine]?.queries?.[name];
  const counted = (engine) => entry(engine)?.median_s !== undefined && entry(engine).agrees;
  const cells = engines.map((engine) => {
    const e = entry(engine);
    if (!e || e.median_s === undefined) return e?.timeout ? 'timeout' : '—';
    return `${milliseconds(e.median_s)}${e.agrees ? '' : ' ✗'}`;
  });
  if (!ratioColumn) return [name, ...cells];
  const peerTimes = engines.filter((e) => e !== 'kg' && counted(e)).map((e) => entry(e).median_s);
  const ratio = counted('kg') && peerTimes.length
    ? (entry('kg').median_s / Math.min(...peerTimes)).toPrecision(2) : '—';
  return [name, ...cells, ratio];
}

// The geometric mean of kg's query ratios, over the queries where one counts.
function geometricMeanRow(queryRows, engines) {
  const ratios = queryRows.map((cells) => Number(cells.at(-1))).filter((r) => r > 0);
  const mean = ratios.length
    ? Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length).toPrecision(2)
    : '—';
  return [`**geometric mean** (${ratios.length} queries)`, ...engines.map(() => ''), `**${mean}**`];
}

function disagreements(results) {
  const lines = [];
  for (const scale of results.scales) {
    for (const [engine, result] of Object.entries(scale.engines)) {
      if (result.error) lines.push(`- ${scale.scale}, ${engine}: FAILED: ${result.error}`);
      for (const [query, entry] of Object.entries(result.queries ?? {})) {
        if (entry.disagreement) {
          lines.push(`- ${scale.scale}, ${query}: **${engine} disagrees**: ${entry.disagreement}`);
        } else if (entry.error) {
          lines.push(`- ${scale.scale}, ${query}: ${engine} failed: ${entry.error}`);
        } else if (entry.timeout) {
          lines.push(`- ${scale.scale}, ${query}: ${engine} timed out (${results.timeout_s} s)`);
        }
      }
    }
  }
  return lines.length ? ['## Disagreements and failures', '', ...lines] : ['No disagreements.'];
}

const seconds = (s) => s.toFixed(s < 10 ? 2 : 1);
function milliseconds(s) {
  const ms = s * 1000;
  if (ms >= 100) return Math.round(ms).toLocaleString('en');
  return ms >= 1 ? ms.toPrecision(3) : ms.toFixed(3);
}
const thousands = (n) => n.toLocaleString('en');
