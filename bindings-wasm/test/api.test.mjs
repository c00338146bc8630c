// The browser module's API in Node: answers, never exceptions, for good and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import reglament, { wasmPath } from './wasm.mjs';
import fs from 'node:fs';

const message = (over = {}) => ({
  channel: 'web',
  author: { kind: 'user', auth: 'portal' },
  sent_at: '2026-03-06T11:00:00+03:00',
  text: 'Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор. Прошу принять меры.',
  ...over,
});

test('the size of the module', () => {
  const size = fs.statSync(wasmPath).size;
  console.log(`wasm: ${(size / 1024).toFixed(0)} KB raw`);
  assert.ok(size > 0);
});

test('built-in profiles are included', () => {
  const names = reglament.builtinProfiles();
  for (const n of ['essentuki', 'kislovodsk', 'mikhailovka', 'mamadysh', 'tynda']) assert.ok(names.includes(n), n);
  for (const n of names) assert.equal(reglament.profileInfo(n).type, 'success', n);
  assert.equal(reglament.profileInfo('tynda').value.zone, 'Asia/Yakutsk');
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
