// Per-call time of validate and plan through the browser module, in Node (the message of
// benches/benches/messages.rs): node bindings-wasm/bench.mjs (after scripts/test-wasm.sh built it)
import fs from 'node:fs';
import path from 'node:path';
import * as reglament from './index.js';
import { MESSAGE, medianUs } from '../bindings-node/bench.mjs';

reglament.initSync(fs.readFileSync(path.join(import.meta.dirname, 'pkg/reglament_wasm_bg.wasm')));
const rows = [
  ['validate', medianUs(() => reglament.validate('essentuki', MESSAGE), 1000)],
  ['plan', medianUs(() => reglament.plan('essentuki', MESSAGE), 1000)],
];
for (const [name, us] of rows) console.log(`wasm ${name}: ${us.toFixed(1)} µs`);
