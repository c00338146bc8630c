// Shared by the Node and wasm suites: loads tests/conformance/*.json and compares answers the way
// core/src/conformance.rs does (objects by the keys given, arrays element-wise with equal length,
// numbers by value).
import fs from 'node:fs';
import path from 'node:path';

// REGLAMENT_CASES_DIR points the runner at other case files (the generated differential cases).
export const CASES_DIR = process.env.REGLAMENT_CASES_DIR || path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../tests/conformance');

export function loadCases(dir = CASES_DIR) {
  const out = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const c of doc.cases) out.push({ file: file.replace(/\.json$/, ''), ...c });
  }
  return out;
}

export function subsetMismatch(expected, actual, at = '$') {
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual) && v === null) continue; // an expected null also matches an absent key
      if (!(k in actual)) return `${at}.${k}: expected ${JSON.stringify(v)}, missing`;
      const m = subsetMismatch(v, actual[k], `${at}.${k}`);
      if (m) return m;
    }
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = subsetMismatch(expected[i], actual[i], `${at}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected === actual) return null;
  return `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

// The arguments of the calendar calls are the fields of a case's `input`, so an
// error about an argument is about `input.<field>` (as the Rust runner names it).
const ARGUMENT_FIELDS = { date: 'date', start: 'date', end: 'to', n: 'n' };
// A deadline request is the case's input; the Rust runner reads its fields under `input`, but
// the start instant is parsed later and named `start`.
const REQUEST_FIELDS = ['term', 'options', 'sources', 'zone', 'region'];

export function casePath(op, p) {
  if (op === 'deadline' && p && REQUEST_FIELDS.includes(p.split(/[.[]/)[0])) return `input.${p}`;
  if (op === 'calendar' && p) {
    const m = /^([a-z_]+)(.*)$/.exec(p);
    if (m && m[1] in ARGUMENT_FIELDS) return `input.${ARGUMENT_FIELDS[m[1]]}${m[2]}`;
  }
  return p;
}

/** The mismatch of a case given its outcome `{value}` or `{errors}`, or null when it passes. */
export function judge(c, outcome) {
  if (outcome.errors) {
    if (!c.expect_error) return `unexpected error: ${JSON.stringify(outcome.errors)}`;
    const first = { ...(outcome.errors[0] ?? {}) };
    if (first.path) first.path = casePath(c.op, first.path);
    return subsetMismatch(c.expect_error, first, '$error');
  }
  if (c.expect_error) return `expected an error, got a result: ${JSON.stringify(outcome.value).slice(0, 300)}`;
  if (c.expect) return subsetMismatch(c.expect, outcome.value);
  return null;
}

/** What a calendar `day` query answers, from a DayInfo. */
export function dayAnswer(info) {
  const kinds = [...new Set(info.notes.map((n) => n.kind))].sort();
  return { date: info.date, working: info.working, short: info.short, provisional: info.provisional, kinds };
}
