// The browser module's API in Node: answers, never exceptions, for good and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import reglament, { wasmPath, pkg, index } from './wasm.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const message = (over = {}) => ({
  channel: 'web',
  author: { kind: 'user', auth: 'portal' },
  sent_at: '2026-03-06T11:00:00+03:00',
  text: 'Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор. Прошу принять меры.',
  ...over,
});

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('the sizes: the engine, and each profile and layer file', () => {
  const size = fs.statSync(wasmPath).size;
  console.log(`engine: ${kb(size)} raw, ${kb(gz(wasmPath))} gzipped (Node's zlib, level 9; the budget in scripts/test-wasm.sh is measured with gzip -9)`);
  for (const { id, bytes } of index.profiles) {
    const file = path.join(pkg, 'profiles', `${id}.bin`);
    assert.equal(fs.statSync(file).size, bytes, id);
    console.log(`profile ${id}: ${kb(bytes)} raw, ${kb(gz(file))} gzipped`);
    assert.ok(bytes < 32 * 1024, `${id} is ${bytes} bytes`);
  }
  for (const [id, bytes] of index.layers) {
    console.log(`calendar layer ${id}: ${kb(bytes)} raw, ${kb(gz(path.join(pkg, 'calendars', `${id}.bin`)))} gzipped`);
  }
  assert.ok(size > 0);
});

test('every profile of the data set is loaded, none is built in', () => {
  const names = reglament.loadedProfiles();
  for (const n of ['essentuki', 'kislovodsk', 'mikhailovka', 'mamadysh', 'tynda']) assert.ok(names.includes(n), n);
  assert.deepEqual([...names].sort(), index.profiles.map((p) => p.id).sort());
  for (const n of names) assert.equal(reglament.profileInfo(n).type, 'success', n);
  assert.equal(reglament.profileInfo('tynda').value.zone, 'Asia/Yakutsk');
  const tynda = index.profiles.find((p) => p.id === 'tynda');
  assert.match(tynda.name_ru, /Тында/);
  assert.equal(tynda.layers.at(-1), tynda.calendar);
});

test('the form a profile requires', () => {
  const f = reglament.form('essentuki');
  assert.equal(f.type, 'success');
  const required = f.value.fields.filter((x) => x.required).map((x) => x.name);
  for (const n of ['category', 'event.date', 'event.time', 'event.place']) assert.ok(required.includes(n), n);
  assert.equal(f.value.attachments.max_count.value, 5);
  assert.equal(f.value.attachments.max_count.clause, '24');
  assert.ok(f.value.categories.length > 0);
  const t = reglament.form('tynda').value;
  assert.equal(t.author.esia_required.value, true);
  assert.equal(reglament.form('atlantis').errors[0].code, 'unknown_profile');
});

test('broken data files are failure answers naming the file', () => {
  const good = fs.readFileSync(path.join(pkg, 'profiles', 'essentuki.bin'));
  for (const bytes of [new Uint8Array(0), new TextEncoder().encode('<html>not found</html>'), good.subarray(0, good.length >> 1)]) {
    const a = reglament.loadProfileData(bytes, 'profiles/essentuki.bin');
    assert.equal(a.type, 'failure');
    assert.deepEqual([a.errors[0].code, a.errors[0].path], ['invalid_input', 'profiles/essentuki.bin']);
  }
  assert.equal(reglament.loadLayerData(good, 'calendars/ru.bin').errors[0].path, 'calendars/ru.bin');
  // The profile loaded before is still there and whole.
  assert.equal(reglament.validate('essentuki', message()).type, 'success');
});

test('six File-like photos for Essentuki: attachment_count', () => {
  const files = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, type: 'image/jpeg', size: 200000 }));
  const a = reglament.validate('essentuki', message({ attachments: files }));
  assert.equal(a.type, 'success');
  assert.ok(a.value.findings.some((f) => f.code === 'attachment_count'));
  if (typeof Blob !== 'undefined' && typeof File !== 'undefined') {
    const real = Array.from({ length: 6 }, (_, i) => new File([new Uint8Array(10)], `${i}.jpg`, { type: 'image/jpeg' }));
    assert.ok(reglament.validate('essentuki', message({ attachments: real })).value.findings.some((f) => f.code === 'attachment_count'));
  }
});

test('a phone in a public message: the non-public hint', () => {
  const a = reglament.privacy('essentuki', message({ public: true, text: 'Яма у дома, звоните +7 (912) 345-67-89' }));
  assert.equal(a.type, 'success');
  assert.equal(a.value.must_be_non_public, true);
  assert.ok(a.value.reasons.includes('personal_data'));
});

test('plan and route; a Date is an instant', () => {
  const p = reglament.plan('tynda', message());
  assert.equal(p.type, 'success');
  assert.deepEqual(reglament.plan('tynda', message({ sent_at: new Date('2026-03-06T08:00:00Z') })), p);
  assert.equal(reglament.route('tynda', message({ category: 'other' })).value.category, 'other');
});

test('calendar and deadline', () => {
  assert.deepEqual(reglament.addWorkingDays('ru', '2026-03-06', 1), { type: 'success', value: '2026-03-10' });
  assert.deepEqual(reglament.isWorkingDay('ru', new Date(2026, 2, 9)), { type: 'success', value: false });
  assert.equal(reglament.deadline({ zone: 'Europe/Moscow', start: '2026-03-06T18:00:00+03:00', term: { amount: 1, unit: 'working_days' } }).value.due_date, '2026-03-10');
});

const bad = [
  [{ text: 5 }, 'message.text'],
  [{ attachments: [{ name: 'a.jpg', media_type: 'image/jpeg', size: -1 }] }, 'message.attachments[0].size'],
  [{ sent_at: '2026-03-06T11:00:00' }, 'message.sent_at'],
  [{ sentAt: 'x' }, 'message'],
  [{ extra: { n: 10n } }, 'message'],
];
for (const [over, path] of bad) {
  test(`bad input is a failure answer at ${path}`, () => {
    const a = reglament.validate('essentuki', message(over));
    assert.equal(a.type, 'failure');
    assert.equal(a.errors[0].code, 'invalid_input');
    assert.ok(a.errors[0].path.startsWith(path), a.errors[0].path);
  });
}

test('unknown profile, region; out of range; huge text — answers, not exceptions', () => {
  assert.equal(reglament.validate('atlantis', message()).errors[0].code, 'unknown_profile');
  assert.equal(reglament.dayInfo('mars', '2026-03-06').errors[0].code, 'unknown_region');
  assert.equal(reglament.isWorkingDay('ru', '1900-01-01').errors[0].code, 'out_of_range');
  assert.equal(reglament.isWorkingDay('ru', 20260306).type, 'failure');
  const cyclic = message();
  cyclic.extra = { self: cyclic };
  assert.equal(reglament.plan('essentuki', cyclic).type, 'failure');
  const huge = reglament.validate('essentuki', message({ text: 'а'.repeat(5 * 1024 * 1024) }));
  assert.deepEqual([huge.type, huge.errors[0].path], ['failure', 'text']);
});
