// A rule author's own profile files, tested from Node (`conformance.run`).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { conformance, Profile, InputError } = require('../index.js');
const EXAMPLE = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../examples/my-town');

test('own profiles pass', () => {
  const report = conformance.run([EXAMPLE]);
  assert.deepEqual([report.passed, report.failed], [4, 0], conformance.format(report));
  assert.equal(conformance.format(report), '4 passed, 0 failed');
});

test('a failing case reports the differing fields', () => {
  const report = conformance.run(path.join(EXAMPLE, 'failing'));
  assert.deepEqual([report.passed, report.failed], [0, 1]);
  assert.deepEqual(report.cases[0].differences.map((d) => d.path), ['$.answer.clause', '$.answer.due_date']);
  const text = conformance.format(report);
  assert.ok(text.includes('  $.answer.due_date\n    - expected "2026-03-16"\n    + actual   "2026-03-20"\n'), text);
  assert.ok(!text.includes('explanation'), text);
});

test('a profile file alone is not a case file', () => {
  assert.throws(() => conformance.run(path.join(EXAMPLE, 'my-town.toml')), InputError);
});

test('a file extending a sibling loads', () => {
  const village = Profile.fromFile(path.join(EXAMPLE, 'my-village.toml'));
  assert.equal(village.name, 'my-village');
  const plan = village.plan({ sent_at: '2026-03-07T11:00:00+03:00', text: 'Во дворе не вывозят мусор', category: 'all' });
  assert.equal(plan.answer.due_date, '2026-03-20');
});

test('an instant without an offset is named as such', () => {
  const p = Profile.builtin('essentuki');
  assert.throws(() => p.plan({ sent_at: '2026-03-07T11:00:00', text: 'Яма' }), (e) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.path, 'message.sent_at');
    assert.match(e.message, /has no UTC offset/);
    assert.doesNotMatch(e.message, /line \d+ column/);
    return true;
  });
});
