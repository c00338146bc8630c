// The Node API: profiles, calendar helpers, deadlines, batches, errors, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const reglament = require('../index.js');
const { Profile, Calendar, deadline, InputError, ProfileError, UnknownProfileError, OutOfRangeError, ReglamentError } = reglament;
const ROOT = path.resolve(import.meta.dirname, '../..');

const message = (over = {}) => ({
  channel: 'web',
  author: { kind: 'user', auth: 'portal' },
  sent_at: '2026-03-06T11:00:00+03:00',
  text: 'Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор. Прошу принять меры.',
  attachments: [{ name: '1.jpg', media_type: 'image/jpeg', size: 2400000 }],
  ...over,
});
const essentuki = Profile.builtin('essentuki');

test('every built-in profile loads', () => {
  for (const name of Profile.builtinNames()) assert.equal(Profile.builtin(name).name, name);
  assert.equal(Profile.builtin('tynda').zone, 'Asia/Yakutsk');
});

test('six photos for Essentuki: attachment_count', () => {
  const photos = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, media_type: 'image/jpeg', size: 100000 }));
  const v = essentuki.validate(message({ attachments: photos }));
  assert.ok(v.findings.some((f) => f.code === 'attachment_count'));
  assert.equal(v.ok, false);
});

test('a phone in a public message: must be non-public', () => {
  const v = essentuki.validate(message({ public: true, text: 'Яма у дома, звоните +7 (912) 345-67-89' }));
  assert.equal(v.privacy.must_be_non_public, true);
  assert.ok(v.privacy.reasons.includes('personal_data'));
});

test('route and plan; a Date gives the same plan as its instant', () => {
  const tynda = Profile.builtin('tynda');
  assert.equal(tynda.route(message({ category: 'other' })).category, 'other');
  const plan = tynda.plan(message());
  assert.ok(Object.keys(plan).length > 0);
  assert.deepEqual(tynda.plan(message({ sent_at: new Date('2026-03-06T08:00:00Z') })), plan);
});

test('batches equal single calls', () => {
  const ms = Array.from({ length: 50 }, (_, i) => message({ text: `Сообщение ${i}: яма на дороге у дома ${i}` }));
  assert.deepEqual(essentuki.validateMany(ms), ms.map((m) => essentuki.validate(m)));
  assert.deepEqual(essentuki.planMany(ms), ms.map((m) => essentuki.plan(m)));
  assert.throws(() => essentuki.validateMany([message(), message({ sent_at: 'x' })]), (e) => e.path === 'messages[1].sent_at');
});

test('calendar helpers', () => {
  const cal = new Calendar('ru');
  assert.equal(cal.addWorkingDays('2026-03-06', 1), '2026-03-10');
  assert.equal(cal.addWorkingDays(new Date(2026, 2, 6), 1), '2026-03-10');
  assert.equal(cal.isWorkingDay('2026-03-09'), false);
  assert.equal(cal.nextWorkingDay('2026-03-06'), '2026-03-10');
  assert.equal(cal.previousWorkingDay('2026-03-10'), '2026-03-06');
  assert.equal(cal.workingDaysBetween('2026-03-06', '2026-03-10'), 1);
  assert.equal(cal.dayInfo('2026-03-09').working, false);
  assert.equal(new Calendar('ru-ta').id, 'ru-ta');
  assert.equal(Profile.builtin('mamadysh').calendar.id, 'ru-ta');
});

test('deadline', () => {
  const r = deadline('2026-03-06T18:00:00+03:00', { amount: 1, unit: 'working_days' }, { zone: 'Europe/Moscow' });
  assert.equal(r.due_date, '2026-03-10');
  assert.equal(r.explanation[0].rule, 'start');
});

test('profiles from text and files', () => {
  const source = fs.readFileSync(path.join(ROOT, 'rules/profiles/tynda.toml'), 'utf8');
  assert.deepEqual(Profile.fromString(source, 'tynda.toml').plan(message()), Profile.builtin('tynda').plan(message()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-'));
  const broken = path.join(dir, 'broken.toml');
  fs.writeFileSync(broken, 'id = "broken"\n[municipality]\nzone = \n');
  assert.throws(() => Profile.fromFile(broken), (e) => {
    assert.ok(e instanceof ProfileError && e instanceof ReglamentError && e instanceof Error);
    assert.equal(e.code, 'invalid_data');
    assert.equal(e.file, broken);
    assert.equal(e.line, 3);
    assert.ok(e.diagnostics.length >= 1 && e.diagnostics[0].location.line === 3);
    return true;
  });
  assert.throws(() => Profile.fromFile(path.join(dir, 'missing.toml')), /ENOENT/);
});

const bad = [
  [{ text: 5 }, 'message.text'],
  [{ attachments: 'photo.jpg' }, 'message.attachments'],
  [{ attachments: [{ name: 'a.jpg', media_type: 'image/jpeg', size: -1 }] }, 'message.attachments[0].size'],
  [{ public: 'yes' }, 'message.public'],
  [{ sentAt: '2026-03-06T11:00:00+03:00' }, 'message'],
  [{ channel: 'pigeon' }, 'message.channel'],
  [{ sent_at: '2026-03-06T11:00:00' }, 'message.sent_at'],
  [{ sent_at: new Date('nonsense') }, 'message.sent_at'],
  [{ extra: { n: 10n } }, 'message'],
];
for (const [over, p] of bad) {
  test(`bad input → InputError at ${p}`, () => {
    assert.throws(() => essentuki.validate(message(over)), (e) => {
      assert.ok(e instanceof InputError, String(e));
      assert.equal(e.code, 'invalid_input');
      assert.ok(e.path.startsWith(p), `${e.path} vs ${p}`);
      return true;
    });
  });
}

test('not an object, circular, undefined', () => {
  for (const m of [null, undefined, 5, 'text', [1]]) assert.throws(() => essentuki.plan(m), InputError);
  const cyclic = message();
  cyclic.extra = { self: cyclic };
  assert.throws(() => essentuki.plan(cyclic), InputError);
});

test('unknown profile, region, zone; out of range', () => {
  assert.throws(() => Profile.builtin('atlantis'), (e) => e instanceof UnknownProfileError && e.code === 'unknown_profile');
  assert.throws(() => new Calendar('mars'), (e) => e instanceof InputError && e.code === 'unknown_region');
  assert.throws(() => deadline('2026-03-06T11:00:00+03:00', { amount: 1, unit: 'hours' }, { zone: 'Mars/Olympus' }), (e) => e.code === 'unknown_zone');
  assert.throws(() => new Calendar('ru').isWorkingDay('1900-01-01'), OutOfRangeError);
  assert.throws(() => new Calendar('ru').addWorkingDays('2026-03-06', 1e9), OutOfRangeError);
  assert.throws(() => new Calendar('ru').addWorkingDays('2026-03-06', 1.5), InputError);
  assert.throws(() => new Calendar('ru').isWorkingDay('2026-02-30'), (e) => e instanceof InputError && e.path === 'date');
  assert.throws(() => new Calendar('ru').isWorkingDay(20260306), InputError);
  assert.throws(() => deadline('2026-03-06T11:00:00+03:00', { amount: 1, unit: 'fortnights' }, { zone: 'Europe/Moscow' }), (e) => e.path === 'term.unit');
});

test('10 MB of text is a typed error', () => {
  const text = 'а'.repeat(5 * 1024 * 1024);
  for (const f of ['validate', 'plan']) {
    assert.throws(() => essentuki[f](message({ text })), (e) => e instanceof InputError && e.path === 'text');
  }
  assert.throws(() => essentuki.validate(message({ text: 'а'.repeat(9 * 1024 * 1024) })), InputError);
});
