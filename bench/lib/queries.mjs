// The query mix: bench/queries/*.rq. A query's header comments say what it measures; a line
// "# kg-path: FROM TO [options]" makes kg answer it with `kg path` instead of SPARQL.
import fs from 'node:fs';
import path from 'node:path';
import { benchDir } from './options.mjs';

export const queryDir = path.join(benchDir, 'queries');

export function loadQueries(selection) {
  const files = fs.readdirSync(queryDir).filter((f) => f.endsWith('.rq')).sort();
  return files
    .map((file) => parseQuery(path.join(queryDir, file)))
    .filter((q) => !selection.length || selection.some((s) => q.name.startsWith(s)));
}

function parseQuery(file) {
  const text = fs.readFileSync(file, 'utf8');
  const comments = text.split('\n').filter((line) => line.startsWith('#'));
  const kgPath = comments.find((line) => line.startsWith('# kg-path:'));
  const body = text.split('\n').filter((line) => !line.startsWith('#')).join('\n');
  return {
    name: path.basename(file, '.rq'),
    file,
    text,
    construct: /^\s*CONSTRUCT\b/im.test(body),
    kgPath: kgPath ? kgPath.slice('# kg-path:'.length).trim().split(/\s+/) : null,
    // The first sentence of the header, for the tables.
    summary: comments.filter((line) => !line.startsWith('# kg-path:'))
      .map((line) => line.slice(1).trim()).join(' ').split(/(?<=\.) /)[0],
  };
}
