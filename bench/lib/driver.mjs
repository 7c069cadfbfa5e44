// Runs an in-process driver (JenaDriver.java, oxigraph-driver.mjs): one process loads the data
// and answers every query, printing JSON lines
//   {"event":"load","triples":N,"load_s":S}  {"event":"query","name":Q,"runs":[S...]}
//   {"event":"query","name":Q,"error":"..."}  {"event":"done","peak_rss_mb":M}
// A query that runs past its time limit (or kills the process) is recorded as such, and the
// driver is started again, reloading, for the queries after it.
import { follow, lastLines } from './process.mjs';

const loadTimeoutSeconds = 4 * 3600;

// `argv(queryFiles)` gives the driver's command line; `queries` are { name, file } objects.
export async function runDriver({ command, argv, queries, timeout }) {
  const result = { triples: null, load_s: null, peak_rss_mb: null, queries: {} };
  let remaining = [...queries];
  while (remaining.length) {
    const stop = await attempt(command, argv(remaining.map((q) => q.file)), remaining, timeout, result);
    remaining = remaining.filter((q) => !(q.name in result.queries));
    if (stop) {
      for (const q of remaining) result.queries[q.name] = { error: stop };
      break;
    }
  }
  return result;
}

// One driver process. Resolves to null, or to a reason to give up on the remaining queries.
async function attempt(command, args, queries, timeout, result) {
  let loaded = false;
  let current = 0;
  let timedOut = false;
  let timer = null;
  const arm = (seconds) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timedOut = true; handle.kill(); }, seconds * 1000);
  };
  const handle = follow(command, args, (event) => {
    if (event.event === 'load') {
      loaded = true;
      result.triples ??= event.triples;
      result.load_s ??= event.load_s;
      if (event.heap_mb !== undefined) result.heap_mb ??= event.heap_mb;
    } else if (event.event === 'query') {
      const { name, runs, error } = event;
      result.queries[name] = error ? { error } : { runs };
      current += 1;
    } else if (event.event === 'done') {
      result.peak_rss_mb = Math.max(result.peak_rss_mb ?? 0, event.peak_rss_mb);
    }
    arm(timeout);
  });
  arm(loadTimeoutSeconds);
  const { code, stderr } = await handle.done;
  clearTimeout(timer);
  if (!loaded) return `load failed: ${timedOut ? 'timed out' : lastLines(stderr)}`;
  if (current < queries.length) {
    const name = queries[current].name;
    result.queries[name] = timedOut
      ? { timeout: true }
      : { error: `driver died (exit ${code}): ${lastLines(stderr)}` };
  }
  return null;
}

