// Per-call time of validate and plan through the browser module, in Node (the message of
// benches/benches/messages.rs): node bindings-wasm/bench.mjs (after scripts/test-wasm.sh built it)
import { MESSAGE, medianUs } from '../bindings-node/bench.mjs';
// Loads the module and every profile and layer from pkg/, as the tests do.
import reglament from './test/wasm.mjs';

const rows = [
  ['validate', medianUs(() => reglament.validate('essentuki', MESSAGE), 1000)],
  ['plan', medianUs(() => reglament.plan('essentuki', MESSAGE), 1000)],
];
for (const [name, us] of rows) console.log(`wasm ${name}: ${us.toFixed(1)} µs`);
