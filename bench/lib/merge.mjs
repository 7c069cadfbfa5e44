// bench/merge: one results directory from the results of separate runs (a 10m run is often
// taken apart from the smaller scales), so that the tables and the plots against data size
// cover every scale. Each scale keeps the figures of the run that measured it.
import fs from 'node:fs';
import path from 'node:path';
import { writeResults } from './report.mjs';

function usage() {
  console.error('usage: bench/merge --out DIR RESULTS_DIR...');
  process.exit(2);
}

function read(dir) {
  const file = path.join(dir, 'results.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`bench/merge: ${file}: ${error.message}`);
    process.exit(1);
  }
}

const sameKeys = (a, b) => JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b));

function merge(runs, dirs) {
  const [first] = runs;
  runs.forEach((run, i) => {
    if (!sameKeys(run.engines, first.engines) || !sameKeys(run.queries, first.queries)) {
      console.error(`bench/merge: ${dirs[i]} ran other engines or queries than ${dirs[0]}`);
      process.exit(1);
    }
  });
  const scales = runs.flatMap((run) => run.scales).sort((a, b) => a.triples - b.triples);
  const names = scales.map((scale) => scale.scale);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) {
    console.error(`bench/merge: scale ${repeated} was measured by more than one run`);
    process.exit(1);
  }
  // An engine's version as each run saw it (kg's commit may differ between the runs).
  const engines = Object.fromEntries(Object.entries(first.engines).map(([name, engine]) => {
    const versions = [...new Set(runs.map((run) => run.engines[name].version))];
    return [name, { ...engine, version: versions.join('; ') }];
  }));
  return {
    ...first,
    command: runs.map((run) => run.command).join('` and `'),
    merged_from: dirs,
    engines,
    scales,
  };
}

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt < 0 || outAt + 1 >= args.length) usage();
const out = args[outAt + 1];
const dirs = args.filter((_, i) => i !== outAt && i !== outAt + 1);
if (dirs.length < 2) usage();
writeResults(merge(dirs.map(read), dirs), out);
console.error(`bench/merge: results in ${out}`);
