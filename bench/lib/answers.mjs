// Answers in a canonical form, so that engines can be compared: SPARQL JSON results and
// N-Triples become sorted lists of rows, each row its bindings in variable order as
// N-Triples-like terms. Numbers compare by value ("2"^^xsd:integer equals "2.0"^^xsd:decimal),
// a zero time-zone offset reads "Z", xsd:string equals a plain literal, language tags compare
// case-insensitively, and blank nodes all read "_:b" (their labels are local to each answer).
import crypto from 'node:crypto';
import fs from 'node:fs';

const xsd = 'http://www.w3.org/2001/XMLSchema#';
const numericTypes = new Set(['integer', 'decimal', 'double', 'float', 'int', 'long', 'short',
  'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger',
  'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte'].map((t) => xsd + t));
const temporalTypes = new Set(['dateTime', 'dateTimeStamp', 'date', 'time', 'gYear', 'gYearMonth',
  'gMonthDay', 'gDay', 'gMonth'].map((t) => xsd + t));

// Reads an answer file (.json or .nt) into { rows, digest }, or null if it is missing.
export function canonicalAnswer(file) {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const rows = file.endsWith('.nt') ? ntriplesRows(text) : sparqlJsonRows(JSON.parse(text));
  rows.sort();
  const digest = crypto.createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 12);
  return { rows, digest };
}

function sparqlJsonRows(results) {
  if (typeof results.boolean === 'boolean') return [String(results.boolean)];
  const vars = [...results.head.vars].sort();
  return results.results.bindings.map((binding) =>
    vars.filter((name) => binding[name]).map((name) => `${name}=${jsonTerm(binding[name])}`)
      .join('\t'));
}

function jsonTerm(term) {
  switch (term.type) {
    case 'uri': return `<${term.value}>`;
    case 'bnode': return '_:b';
    default: return literal(term.value, term['xml:lang'], term.datatype);
  }
}

function literal(value, lang, datatype) {
  if (lang) return `${JSON.stringify(value)}@${lang.toLowerCase()}`;
  if (!datatype || datatype === `${xsd}string`) return JSON.stringify(value);
  if (numericTypes.has(datatype)) return `number:${canonicalNumber(value)}`;
  // A zero offset is the same instant written "+00:00" or "Z"; Oxigraph and Virtuoso return
  // the canonical "Z" whatever the data said.
  const lexical = temporalTypes.has(datatype) ? value.replace(/[+-]00:00$/, 'Z') : value;
  return `${JSON.stringify(lexical)}^^<${datatype}>`;
}

function canonicalNumber(text) {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed)) return BigInt(trimmed).toString();
  const value = Number(trimmed);
  if (Number.isNaN(value)) return trimmed;
  return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? String(value) : value.toPrecision(15);
}

// One row per triple: s, p and o as terms. Handles the N-Triples the engines write (IRIs,
// blank nodes, literals with \-escapes, tags and datatypes; tabs or spaces between terms).
function ntriplesRows(text) {
  const term = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?/g;
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const terms = [];
    for (const match of line.matchAll(term)) {
      if (match[1] !== undefined) terms.push(`<${unescape(match[1])}>`);
      else if (match[2] !== undefined) terms.push('_:b');
      else terms.push(literal(unescape(match[3]), match[4], match[5]));
    }
    rows.push(terms.slice(0, 3).join('\t'));
  }
  return rows;
}

function unescape(text) {
  const simple = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
  return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, code) =>
    code.length > 1 ? String.fromCodePoint(parseInt(code.slice(1), 16)) : simple[code] ?? code);
}

// Groups the engines that answered a query by their answers and picks the reference: the
// recorded answer ("expected") when there is one, else the largest group (ties: a group
// without kg, which is under test; `split` says there was a tie). Everyone outside the
// reference group disagrees. `answers` maps engine → canonical answer (null: none given).
export function compareAnswers(answers) {
  const groups = new Map();
  for (const [engine, answer] of Object.entries(answers)) {
    if (!answer) continue;
    if (!groups.has(answer.digest)) groups.set(answer.digest, []);
    groups.get(answer.digest).push(engine);
  }
  const score = (engines) => [Number(engines.includes('expected')), engines.length,
    Number(!engines.includes('kg'))];
  const ranked = [...groups.values()].sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  });
  if (!ranked.length) return { agree: [], disagree: [], split: false };
  const [agree, ...others] = ranked;
  const split = !agree.includes('expected') && others.some((o) => o.length === agree.length);
  return { agree, disagree: others.flat(), split };
}

// A short account of how one answer differs from the reference: counts and a few rows.
// A recorded reference (--expect) keeps only its digest and row count.
export function describeDifference(answer, reference) {
  if (!Array.isArray(reference.rows)) {
    return `${answer.rows.length} rows vs ${reference.rows} in the recorded answer ` +
      `(digest ${answer.digest} vs ${reference.digest}); first rows: ` +
      answer.rows.slice(0, 2).map((row) => row.slice(0, 160)).join(' ; ');
  }
  const mine = new Set(answer.rows);
  const theirs = new Set(reference.rows);
  const missing = reference.rows.filter((row) => !mine.has(row));
  const extra = answer.rows.filter((row) => !theirs.has(row));
  const sample = (rows) => rows.slice(0, 2).map((row) => row.slice(0, 160)).join(' ; ');
  return `${answer.rows.length} rows vs ${reference.rows.length}` +
    (missing.length ? `; missing ${missing.length} (e.g. ${sample(missing)})` : '') +
    (extra.length ? `; extra ${extra.length} (e.g. ${sample(extra)})` : '');
}
