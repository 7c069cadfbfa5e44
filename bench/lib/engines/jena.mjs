// Apache Jena ARQ, in memory (Debian's libapache-jena-java), through bench/peers/JenaDriver.java
// as compiled by bench/setup into bench/work/jena (whatever --work says).
import fs from 'node:fs';
import path from 'node:path';
import { runDriver } from '../driver.mjs';
import { benchDir } from '../options.mjs';
import { run } from '../process.mjs';

export const label = 'Apache Jena ARQ (in memory)';

export async function version() {
  const jena = await run('dpkg-query', ['-W', '-f=${Version}', 'libapache-jena-java']);
  const java = await run('java', ['-version']);
  const jvm = /version "([^"]+)"/.exec(java.stderr)?.[1] ?? '?';
  return `${jena.stdout.toString() || '?'} (Debian package), OpenJDK ${jvm}`;
}

export async function measure({ dataFile, queries, runs, timeout, answersDir, options }) {
  const dir = path.join(benchDir, 'work', 'jena');
  const classPathFile = path.join(dir, 'classpath');
  if (!fs.existsSync(classPathFile)) throw new Error(`${classPathFile} missing: run bench/setup`);
  const classPath = fs.readFileSync(classPathFile, 'utf8').trim();
  return runDriver({
    command: 'java',
    argv: (files) => [
      `-Xmx${options.heap}`, '-cp', classPath, 'JenaDriver',
      '--data', dataFile, '--runs', String(runs), '--answers', answersDir, ...files,
    ],
    queries,
    timeout,
  });
}
