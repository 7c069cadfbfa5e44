// bench/run: generates the data, runs every engine on every scale, compares their answers and
// writes the results (see bench/README.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalAnswer, compareAnswers, describeDifference } from './answers.mjs';
import * as jena from './engines/jena.mjs';
import * as kg from './engines/kg.mjs';
import * as oxigraph from './engines/oxigraph.mjs';
import * as virtuoso from './engines/virtuoso.mjs';
import { parseOptions, scaleName } from './options.mjs';
import { median, run } from './process.mjs';
import { loadQueries } from './queries.mjs';
import { describeMachine, writeResults } from './report.mjs';

const engines = { kg, jena, oxigraph, virtuoso };

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const queries = loadQueries(options.queries);
  const results = {
    command: ['bench/run', ...process.argv.slice(2)].join(' '),
    started: new Date().toISOString(),
    machine: describeMachine(),
    runs: options.runs,
    timeout_s: options.timeout,
    seed: options.seed,
    engines: {},
    queries: Object.fromEntries(queries.map((q) => [q.name, q.summary])),
    scales: [],
  };
  for (const name of options.engines) {
    results.engines[name] = { label: engines[name].label, version: await engines[name].version(options) };
  }
  let problems = 0;
  for (const triples of options.scales) {
    const scale = await runScale(triples, queries, options);
    problems += scale.problems;
    results.scales.push(scale);
    writeResults(results, options.out);
  }
  log(`results in ${options.out}`);
  if (options.saveExpected) saveExpected(results, options.saveExpected);
  if (options.check && problems) {
    log(`${problems} disagreement(s) or failure(s)`);
    process.exit(1);
  }
}

async function runScale(triples, queries, options) {
  const name = scaleName(triples);
  const dataFile = await generate(triples, options);
  const scale = { scale: name, triples, data: path.relative(options.work, dataFile), engines: {} };
  for (const engine of options.engines) {
    const answersDir = path.join(options.work, 'answers', name, engine);
    fs.rmSync(answersDir, { recursive: true, force: true });
    fs.mkdirSync(answersDir, { recursive: true });
    log(`${name}: ${engine} …`);
    const start = Date.now();
    try {
      const measured = await engines[engine].measure({
        dataFile, triples, queries, runs: options.runs, timeout: options.timeout, answersDir, options,
      });
      scale.engines[engine] = summarise(measured, triples);
    } catch (error) {
      scale.engines[engine] = { error: String(error.message ?? error) };
      log(`${name}: ${engine} FAILED: ${scale.engines[engine].error}`);
    }
    log(`${name}: ${engine} done in ${((Date.now() - start) / 1000).toFixed(0)} s`);
  }
  scale.problems = checkAnswers(scale, queries, options, options.expect);
  return scale;
}

// Writes the data set once per scale, seed and generator build (its file name carries a hash
// of the generator binary); later runs reuse it, and older versions of it are removed.
async function generate(triples, options) {
  const dir = path.join(options.work, 'data');
  fs.mkdirSync(dir, { recursive: true });
  const generator = crypto.createHash('sha256').update(fs.readFileSync(options.datagen))
    .digest('hex').slice(0, 10);
  const stem = `kg-${scaleName(triples)}-seed${options.seed}`;
  const file = path.join(dir, `${stem}-${generator}.nt`);
  if (fs.existsSync(file)) return file;
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`${stem}-`))) {
    fs.rmSync(path.join(dir, old));
  }
  log(`generating ${scaleName(triples)} triples …`);
  const partial = `${file}.partial`;
  const outcome = await run(options.datagen, ['--triples', String(triples), '--seed',
    String(options.seed), '--format', 'nt', '--out', partial]);
  if (outcome.code !== 0) throw new Error(`kg-datagen failed: ${outcome.stderr}`);
  fs.renameSync(partial, file);
  return file;
}

// `triples` is the generator's count, for an engine that does not report its own.
function summarise(measured, triples) {
  const loaded = measured.triples ?? triples;
  const summary = {
    triples: loaded,
    load_s: measured.load_s,
    load_triples_per_s: measured.load_s ? Math.round(loaded / measured.load_s) : null,
    peak_rss_mb: measured.peak_rss_mb && Math.round(measured.peak_rss_mb),
    bytes_per_triple: measured.peak_rss_mb ? Math.round((measured.peak_rss_mb * 2 ** 20) / triples) : null,
    queries: {},
  };
  if (measured.heap_mb !== undefined) summary.heap_after_load_mb = measured.heap_mb;
  for (const [name, entry] of Object.entries(measured.queries)) {
    summary.queries[name] = entry.runs ? { median_s: median(entry.runs), runs: entry.runs } : entry;
  }
  return summary;
}

// Compares every query's answers across the engines (and with the recorded answers given by
// --expect); marks each engine's entry with its verdict and reports disagreements loudly.
// Returns how many problems (disagreements, failures, time-outs) there were.
function checkAnswers(scale, queries, options, expected) {
  let problems = 0;
  for (const query of queries) {
    const answers = {};
    const recorded = expected?.[scale.scale]?.[query.name];
    if (recorded) answers.expected = recorded;
    for (const [engine, result] of Object.entries(scale.engines)) {
      const entry = result.queries?.[query.name];
      if (!entry) continue;
      const file = path.join(options.work, 'answers', scale.scale, engine,
        query.name + (query.construct ? '.nt' : '.json'));
      answers[engine] = entry.median_s !== undefined ? canonicalAnswer(file) : null;
      if (entry.error || entry.timeout) problems += 1;
    }
    const verdict = compareAnswers(answers);
    if (!verdict.split && verdict.agree.filter((e) => e !== 'expected').length >= 2) {
      scale.reference ??= {};
      scale.reference[query.name] = { digest: answers[verdict.agree[0]].digest,
        rows: answers[verdict.agree[0]].rows.length };
    }
    for (const [engine, answer] of Object.entries(answers)) {
      if (!answer || engine === 'expected') continue;
      const entry = scale.engines[engine].queries[query.name];
      entry.rows = answer.rows.length;
      entry.answer = answer.digest;
      entry.agrees = verdict.agree.includes(engine) && !verdict.split;
      if (entry.agrees) continue;
      entry.disagreement = verdict.split
        ? `no two engines agree (${Object.keys(answers).join(', ')})`
        : describeDifference(answer, answers[verdict.agree[0]]);
      problems += 1;
      const whom = verdict.split ? 'no majority' : `DISAGREES with ${verdict.agree.join('+')}`;
      log(`!!! ${scale.scale} ${query.name}: ${engine} ${whom}: ${entry.disagreement}`);
    }
  }
  return problems;
}

// Records the answers the engines agreed on (two or more, no tie), per scale and query: the
// reference the smoke test holds kg to (bench/smoke/expected-2k.json).
function saveExpected(results, file) {
  const recorded = Object.fromEntries(results.scales.map((s) => [s.scale, s.reference ?? {}]));
  fs.writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
  log(`agreed answers recorded in ${file}`);
}

function log(message) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

await main();
