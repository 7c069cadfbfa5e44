// OpenLink Virtuoso 7 (Debian's virtuoso-opensource): a server of its own per scale, on
// loopback ports picked free, with a fresh database directory that is removed afterwards.
// Loaded with the RDF bulk loader (ld_dir + rdf_loader_run); queried over its SPARQL HTTP
// endpoint, so its times include the HTTP round trip and serialising the answers.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run } from '../process.mjs';
import { spawn } from 'node:child_process';

export const label = 'OpenLink Virtuoso 7 (server, SPARQL over HTTP)';

const graph = 'https://kg.example.org/graph/bench';
const startTimeoutSeconds = 180;

export async function version() {
  const result = await run('dpkg-query', ['-W', '-f=${Version}', 'virtuoso-opensource-7']);
  return `${result.stdout.toString() || '?'} (Debian package)`;
}

export async function measure({ dataFile, triples, queries, runs, timeout, answersDir, options }) {
  const dir = path.join(options.work, 'virtuoso');
  const server = await start(dir, path.dirname(dataFile), { timeout, triples });
  try {
    const result = { queries: {} };
    result.load_s = await bulkLoad(server, dataFile);
    result.triples = await countTriples(server);
    for (const query of queries) {
      result.queries[query.name] = await timeQuery(server, query, runs, timeout, answersDir);
    }
    result.peak_rss_mb = peakRssMb(server.child.pid);
    return result;
  } finally {
    await stop(server);
  }
}

// Writes virtuoso.ini, starts the server and waits for its HTTP endpoint.
async function start(dir, dataDir, settings) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sqlPort = await freePort();
  const httpPort = await freePort();
  fs.writeFileSync(path.join(dir, 'virtuoso.ini'), ini(dir, dataDir, sqlPort, httpPort, settings));
  const child = spawn('virtuoso-t', ['+foreground', '+configfile', 'virtuoso.ini'], {
    cwd: dir, stdio: 'ignore', detached: true,
  });
  const server = { dir, child, sqlPort, url: `http://127.0.0.1:${httpPort}/sparql` };
  const deadline = Date.now() + startTimeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(server.url, { method: 'HEAD' })).status < 500) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop(server);
  throw new Error(`virtuoso did not start; see ${dir}/virtuoso.log`);
}

// Debian ships no virtuoso.ini for a private instance. Both ports are bound to loopback; the
// result-row limit is lifted (its default of 10,000 truncates answers silently), so is the
// limit on estimated cost, and a query stops at the runner's time limit (Virtuoso then returns
// partial answers, which count as a time-out). The buffer pool (8 KiB pages, allocated when the
// server starts, so it shows in the server's resident memory) is sized to the data, at 256
// bytes a triple (several times the size of the database it loads, so that queries never wait
// for the disk), and at most half the machine's memory.
function ini(dir, dataDir, sqlPort, httpPort, { timeout, triples }) {
  const pages = (bytes) => Math.floor(bytes / 8192);
  const buffers = Math.max(10_000, Math.min(pages(triples * 256), pages(os.totalmem() * 0.5)));
  return `[Database]
DatabaseFile = ${dir}/virtuoso.db
ErrorLogFile = ${dir}/virtuoso.log
LockFile = ${dir}/virtuoso.lck
TransactionFile = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., ${dataDir}
NumberOfBuffers = ${buffers}
MaxDirtyBuffers = ${Math.floor(buffers * 0.75)}
MaxQueryMem = 2G
ThreadsPerQuery = ${os.cpus().length}

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
EnabledDavVSP = 0
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 2000000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = ${timeout}
`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function isql(server, statements) {
  const result = await run('isql-vt', [`127.0.0.1:${server.sqlPort}`, 'dba', 'dba',
    `exec=${statements}`]);
  const output = result.stdout.toString();
  if (result.code !== 0 || /\*\*\* Error/.test(output)) {
    throw new Error(`isql failed: ${(output + result.stderr).trim().slice(0, 500)}`);
  }
  return output;
}

// Times the bulk load itself; the checkpoint that makes it durable afterwards is not counted,
// as the in-memory stores write nothing to disk either.
async function bulkLoad(server, dataFile) {
  const start = process.hrtime.bigint();
  await isql(server, `ld_dir('${path.dirname(dataFile)}', '${path.basename(dataFile)}', ` +
    `'${graph}'); rdf_loader_run();`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const errors = await isql(server, 'SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST ' +
    'WHERE ll_error IS NOT NULL;');
  if (!/^0 Rows/m.test(errors)) throw new Error(`bulk load failed: ${errors.slice(0, 500)}`);
  await isql(server, 'checkpoint;');
  return seconds;
}

async function countTriples(server) {
  const response = await sparql(server, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', false);
  return Number(JSON.parse(response.body).results.bindings[0].n.value);
}

class PartialAnswers extends Error {}

async function sparql(server, text, construct, signal) {
  const accept = construct ? 'text/plain' : 'application/sparql-results+json';
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { Accept: accept, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: text, 'default-graph-uri': graph }),
    signal,
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.trim().slice(0, 300)}`);
  // An "anytime" answer: Virtuoso stopped early and returned part of the answers.
  if (response.headers.get('x-sql-state')) throw new PartialAnswers();
  return { body };
}

// One warm-up run (its answers are kept) and `runs` timed runs, within `timeout` seconds.
async function timeQuery(server, query, runs, timeout, answersDir) {
  const signal = AbortSignal.timeout(timeout * 1000);
  const times = [];
  try {
    for (let run = 0; run <= runs; ++run) {
      const start = process.hrtime.bigint();
      const { body } = await sparql(server, query.text, query.construct, signal);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (run === 0) {
        fs.writeFileSync(path.join(answersDir, query.name + (query.construct ? '.nt' : '.json')), body);
      } else {
        times.push(seconds);
      }
    }
    return { runs: times };
  } catch (error) {
    if (signal.aborted || error instanceof PartialAnswers) return { timeout: true };
    return { error: String(error.message ?? error) };
  }
}

function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s*(\d+)/.exec(status)[1]) / 1024);
}

async function stop(server) {
  if (server.child.exitCode === null) {
    await isql(server, 'shutdown;').catch(() => {});
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    const timer = setTimeout(() => process.kill(-server.child.pid, 'SIGKILL'), 60_000);
    if (server.child.exitCode === null) await exited;
    clearTimeout(timer);
  }
  fs.rmSync(server.dir, { recursive: true, force: true });
}
