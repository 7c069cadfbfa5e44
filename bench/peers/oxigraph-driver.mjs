// The benchmark's driver for Oxigraph's in-memory store, through the npm package `oxigraph`
// (Oxigraph compiled to WebAssembly, run by Node). Same protocol as JenaDriver.java: load one
// file, then per query one warm-up run (whose answers are written) and N timed runs, each
// timed as parse + evaluate + serialise all answers (SPARQL JSON, or N-Triples for CONSTRUCT).
//
//   node oxigraph-driver.mjs --data FILE --runs N --answers DIR QUERY.rq...
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import oxigraph from 'oxigraph';

const { values, positionals } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string' }, answers: { type: 'string' } },
  allowPositionals: true,
});

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

// The file in 8 MiB pieces: a large N-Triples file does not fit in one JavaScript string.
function* chunks(file) {
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(8 << 20);
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function load(file) {
  const store = new oxigraph.Store();
  const format = file.endsWith('.ttl') ? 'text/turtle' : 'application/n-triples';
  const start = process.hrtime.bigint();
  // no_transaction: a bulk load, as the package documents for large inputs.
  store.load(chunks(file), { format, no_transaction: true });
  emit({ event: 'load', triples: store.size, load_s: seconds(start) });
  return store;
}

function execute(store, text, construct) {
  const format = construct ? 'application/n-triples' : 'application/sparql-results+json';
  const answer = store.query(text, { results_format: format });
  return typeof answer === 'string' ? answer : String(answer);
}

function runQuery(store, file, runs, answers) {
  const name = path.basename(file, '.rq');
  const text = fs.readFileSync(file, 'utf8');
  const construct = /^\s*CONSTRUCT\b/im.test(text.replace(/#.*$/gm, ''));
  try {
    const times = [];
    for (let run = 0; run <= runs; ++run) {
      const start = process.hrtime.bigint();
      const answer = execute(store, text, construct);
      const elapsed = seconds(start);
      if (run === 0) fs.writeFileSync(path.join(answers, name + (construct ? '.nt' : '.json')), answer);
      else times.push(elapsed);
    }
    emit({ event: 'query', name, runs: times });
  } catch (error) {
    emit({ event: 'query', name, error: String(error) });
  }
}

function peakRssMb() {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s*(\d+)/.exec(status)[1]) / 1024);
}

const store = load(values.data);
for (const file of positionals) runQuery(store, file, Number(values.runs ?? 5), values.answers);
emit({ event: 'done', peak_rss_mb: peakRssMb() });
