// Oxigraph's in-memory store through the npm package `oxigraph`: Oxigraph compiled to
// WebAssembly and run by Node, not its native build (which no registry here serves).
import fs from 'node:fs';
import path from 'node:path';
import { runDriver } from '../driver.mjs';
import { benchDir } from '../options.mjs';

export const label = 'Oxigraph (npm package, WebAssembly build, in memory)';

const peers = path.join(benchDir, 'peers');

export async function version() {
  const pkg = path.join(peers, 'node_modules/oxigraph/package.json');
  if (!fs.existsSync(pkg)) return '? (run bench/setup)';
  return `${JSON.parse(fs.readFileSync(pkg, 'utf8')).version} (WebAssembly), Node ${process.version}`;
}

export async function measure({ dataFile, queries, runs, timeout, answersDir }) {
  return runDriver({
    command: process.execPath,
    argv: (files) => [
      path.join(peers, 'oxigraph-driver.mjs'),
      '--data', dataFile, '--runs', String(runs), '--answers', answersDir, ...files,
    ],
    queries,
    timeout,
  });
}
