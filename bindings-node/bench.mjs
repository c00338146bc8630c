// Per-call time of validate and plan from Node, single and batched (the message of
// benches/benches/messages.rs: 500 characters, 3 photos, Essentuki): node bindings-node/bench.mjs
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Profile } = require('./index.js');

const BASE = 'Во дворе дома на улице Пушкина третью неделю не вывозят мусор, контейнеры переполнены, '
  + 'вокруг бегают бродячие собаки, дети не могут пройти к площадке. Прошу принять меры. ';
export const MESSAGE = {
  channel: 'web',
  author: { kind: 'user', auth: 'esia' },
  sent_at: '2026-03-07T11:00:00+03:00',
  text: BASE.repeat(10).slice(0, 500),
  event: { date: '2026-03-07', time: '09:30', place: 'ул. Пушкина, 12' },
  attachments: [
    { name: '1.jpg', media_type: 'image/jpeg', size: 2400000 },
    { name: '2.jpg', media_type: 'image/jpeg', size: 2100000 },
    { name: '3.png', media_type: 'image/png', size: 900000 },
  ],
  public: true,
};

export function medianUs(f, number, repeat = 15) {
  for (let i = 0; i < number; i++) f();
  const times = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < number; i++) f();
    times.push(Number(process.hrtime.bigint() - t0) / 1000 / number);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = Profile.builtin('essentuki');
  const batch = Array(1000).fill(MESSAGE);
  const rows = [
    ['validate', medianUs(() => p.validate(MESSAGE), 2000)],
    ['plan', medianUs(() => p.plan(MESSAGE), 2000)],
    ['validateMany (1000), per message', medianUs(() => p.validateMany(batch), 2, 7) / 1000],
    ['planMany (1000), per message', medianUs(() => p.planMany(batch), 2, 7) / 1000],
  ];
  for (const [name, us] of rows) console.log(`node ${name}: ${us.toFixed(1)} µs`);
}
