// Loads the built module for the Node tests (initSync from the .wasm file).
import fs from 'node:fs';
import path from 'node:path';
import * as reglament from '../index.js';

const wasmPath = path.resolve(import.meta.dirname, '../pkg/reglament_wasm_bg.wasm');
reglament.initSync(fs.readFileSync(wasmPath));
export default reglament;
export { wasmPath };
