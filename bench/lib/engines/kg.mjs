// kg itself: one `kg query --repeat N+1` process per query (it loads the data once, runs the
// query N+1 times and reports load and query times as the last line on stderr; the first run
// is the warm-up), and `kg path` for the shortest-path question, timed by its --timing line.
import fs from 'node:fs';
import path from 'node:path';
import { repoDir } from '../options.mjs';
import { lastLines, median, run } from '../process.mjs';

export const label = 'kg';

// kg has no --version: its version is the project's, and the commit of the checkout it was
// built from (the binary bench/setup builds; any other is named by its path).
export async function version(options) {
  if (!fs.existsSync(options.kg)) return '? (not built)';
  const cmake = fs.readFileSync(path.join(repoDir, 'CMakeLists.txt'), 'utf8');
  const stated = /project\(kg VERSION ([\d.]+)/.exec(cmake)?.[1] ?? '?';
  if (!options.kg.startsWith(repoDir)) return `${stated}? (${options.kg})`;
  const commit = await run('git', ['-C', repoDir, 'describe', '--always', '--dirty']);
  return `${stated} (commit ${commit.stdout.toString().trim()}), ${path.relative(repoDir, options.kg)}`;
}

export async function measure({ dataFile, queries, runs, timeout, answersDir, options }) {
  if (!fs.existsSync(options.kg)) throw new Error(`${options.kg} missing: build kg first`);
  const result = { queries: {}, loads: [], peak_rss_mb: null, triples: null };
  for (const query of queries) {
    const measured = query.kgPath
      ? await pathQuery(options.kg, dataFile, query, runs, timeout, answersDir)
      : await sparqlQuery(options.kg, dataFile, query, runs, timeout, answersDir);
    result.queries[query.name] = measured.entry;
    result.loads.push(...(measured.loads ?? []));
    if (measured.triples) result.triples = measured.triples;
    if (measured.peak_rss_mb) result.peak_rss_mb = Math.max(result.peak_rss_mb ?? 0, measured.peak_rss_mb);
  }
  // Every process loads the same file: the figure is the median of those loads.
  result.load_s = median(result.loads);
  delete result.loads;
  return result;
}

async function sparqlQuery(kg, dataFile, query, runs, timeout, answersDir) {
  const format = query.construct ? 'ntriples' : 'json';
  const outcome = await run(kg, ['query', '--data', dataFile, '-f', query.file,
    '--format', format, '--repeat', String(runs + 1)], { timeout });
  if (outcome.timedOut) return { entry: { timeout: true } };
  const report = lastJsonLine(outcome.stderr);
  if (outcome.code !== 0 || !report) {
    return { entry: { error: `exit ${outcome.code}: ${lastLines(outcome.stderr)}` } };
  }
  fs.writeFileSync(path.join(answersDir, query.name + (query.construct ? '.nt' : '.json')),
    outcome.stdout);
  return {
    entry: { runs: report.query_s.slice(1) },
    loads: [report.load_s],
    triples: report.triples,
    peak_rss_mb: report.peak_rss_mb,
  };
}

// `kg path` has no --repeat: each run is a process of its own, and its time is what --timing
// reports for finding the two entities, building the path graph (if it builds one) and the
// search (loading the file is left out, as for the SPARQL queries). The answer kept is the
// length of the shortest path, shaped as the peers' SPARQL answer ({"shortest": n}, or no
// binding when there is no path). The time-out, like the peers', bounds the query time of all
// runs together, not the loads every process repeats; each process may take the time-out on
// top of its load (known from the first run).
async function pathQuery(kg, dataFile, query, runs, timeout, answersDir) {
  const times = [];
  const loads = [];
  let peak = null;
  let spent = 0;
  for (let n = 0; n <= runs; ++n) {
    if (spent >= timeout) return { entry: { timeout: true } };
    const limit = n === 0 ? 4 * timeout : loads[0] * 2 + timeout - spent;
    const outcome = await run('/usr/bin/time', ['-f', 'maxrss_kb=%M', kg, 'path', ...query.kgPath,
      '--data', dataFile, '--format', 'json', '--timing'], { timeout: limit });
    if (outcome.timedOut) return { entry: { timeout: true } };
    const timing = pathTiming(outcome.stderr);
    if (!timing) return { entry: { error: `exit ${outcome.code}: ${lastLines(outcome.stderr)}` } };
    loads.push(timing.load);
    spent += timing.query;
    peak = Math.max(peak ?? 0, Number(/maxrss_kb=(\d+)/.exec(outcome.stderr)?.[1] ?? 0) / 1024);
    if (n > 0) times.push(timing.query);
    else writePathAnswer(outcome, path.join(answersDir, `${query.name}.json`));
  }
  return { entry: { runs: times }, loads, peak_rss_mb: Math.round(peak) };
}

// "timing: load S s (N quads), lookup MS ms, graph S s (…), search MS ms": the query's time
// is finding the two entities, building the path graph and the search.
function pathTiming(stderr) {
  const number = '([\\d.e+-]+)';
  const match = new RegExp(`timing: load ${number} s .*?(?:lookup ${number} ms, )?graph ${number} s ` +
    `.*search ${number} ms`).exec(stderr);
  if (!match) return null;
  const [load, lookup, graph, search] = match.slice(1).map((x) => Number(x ?? 0));
  return { load, query: lookup / 1000 + graph + search / 1000 };
}

function writePathAnswer(outcome, file) {
  const hops = outcome.code === 0
    ? Math.min(...JSON.parse(outcome.stdout.toString()).paths.map((p) => p.hops))
    : null;
  const binding = hops === null ? {} : {
    shortest: { type: 'literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value: String(hops) },
  };
  fs.writeFileSync(file, JSON.stringify({ head: { vars: ['shortest'] }, results: { bindings: [binding] } }));
}

function lastJsonLine(text) {
  const line = text.trim().split('\n').pop() ?? '';
  try {
    return line.startsWith('{') ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

