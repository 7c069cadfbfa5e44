// The runner's command line (see bench/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const benchDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const repoDir = path.dirname(benchDir);
export const allEngines = ['kg', 'jena', 'oxigraph', 'virtuoso'];

const usage = `usage: bench/run [options]
  --scales LIST     data sizes in triples, k/m suffixes (default 100k,1m)
  --runs N          timed runs per query after one warm-up (default 5)
  --engines LIST    of ${allEngines.join(',')} (default all)
  --queries LIST    query names or prefixes (q03,q17); default all of bench/queries
  --timeout S       seconds allowed per query, all its runs together (default 300)
  --seed N          data generator seed (default 42)
  --kg PATH         the kg binary (default build-bench/kg)
  --datagen PATH    the generator (default build-bench/kg-datagen)
  --work DIR        data, answers, databases (default bench/work)
  --out DIR         results (default bench/results/<date>-<host>)
  --heap SIZE       Java heap for Jena (default 16g)
  --expect FILE     also compare with answers recorded by --save-expected
  --save-expected FILE  record the answers two or more engines agreed on
  --check           exit non-zero when engines disagree or fail (the smoke test uses it)`;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string', default: '100k,1m' },
      runs: { type: 'string', default: '5' },
      engines: { type: 'string', default: allEngines.join(',') },
      queries: { type: 'string', default: '' },
      timeout: { type: 'string', default: '300' },
      seed: { type: 'string', default: '42' },
      kg: { type: 'string', default: path.join(repoDir, 'build-bench/kg') },
      datagen: { type: 'string', default: path.join(repoDir, 'build-bench/kg-datagen') },
      work: { type: 'string', default: path.join(benchDir, 'work') },
      out: { type: 'string' },
      heap: { type: 'string', default: '16g' },
      check: { type: 'boolean', default: false },
      expect: { type: 'string' },
      'save-expected': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const engines = list(values.engines);
  const unknown = engines.filter((engine) => !allEngines.includes(engine));
  if (unknown.length) fail(`unknown engine ${unknown.join(', ')}`);
  const date = new Date().toISOString().slice(0, 10);
  return {
    scales: list(values.scales).map(parseCount),
    runs: positive(values.runs, '--runs'),
    engines,
    queries: list(values.queries),
    timeout: positive(values.timeout, '--timeout'),
    seed: positive(values.seed, '--seed'),
    kg: path.resolve(values.kg),
    datagen: path.resolve(values.datagen),
    work: path.resolve(values.work),
    out: path.resolve(values.out ?? path.join(benchDir, 'results', `${date}-${os.hostname()}`)),
    heap: values.heap,
    check: values.check,
    expect: values.expect ? JSON.parse(fs.readFileSync(values.expect, 'utf8')) : null,
    saveExpected: values['save-expected'] ? path.resolve(values['save-expected']) : null,
  };
}

export function parseCount(text) {
  const match = /^(\d+)([km]?)$/i.exec(text);
  if (!match) fail(`not a size: ${text}`);
  const factor = { '': 1, k: 1e3, m: 1e6 }[match[2].toLowerCase()];
  return Number(match[1]) * factor;
}

// 100000 → "100k", 1000000 → "1m": the names of scales in files and tables.
export function scaleName(triples) {
  if (triples % 1e6 === 0) return `${triples / 1e6}m`;
  if (triples % 1e3 === 0) return `${triples / 1e3}k`;
  return String(triples);
}

function list(text) {
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

function positive(text, flag) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) fail(`${flag} needs a whole number`);
  return value;
}

function fail(message) {
  console.error(`bench/run: ${message}\n${usage}`);
  process.exit(2);
}
