// Child processes: run one to its end with a time limit, or follow one line by line.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

// Runs a command to its end; kills it (and its process group) after `timeout` seconds.
// Resolves to { code, stdout, stderr, seconds, timedOut }; stdout is a Buffer.
export function run(command, args, { timeout = 0, stdin = 'ignore', env } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: [stdin, 'pipe', 'pipe'], detached: true, env });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = timeout ? setTimeout(() => { timedOut = true; kill(child); }, timeout * 1000) : null;
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString(),
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        timedOut,
      });
    });
  });
}

// Starts a command whose stdout is JSON lines; `onEvent` gets each parsed line. The returned
// handle's `done` resolves to { code, stderr } when the process ends; `kill()` ends it early.
export function follow(command, args, onEvent) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const err = [];
  child.stderr.on('data', (chunk) => err.push(chunk));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) onEvent(JSON.parse(line));
  });
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString() }));
  });
  return { child, done, kill: () => kill(child) };
}

// The children are started in their own process group so that a driver's own children (a JVM's
// helpers) end with it.
export function kill(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The end of a process's error output, for a one-line failure message.
export function lastLines(text) {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 500);
}
