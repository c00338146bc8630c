// Loads the built module for the Node tests (initSync from the .wasm file), then every profile
// and calendar layer of the data set from pkg/ (what `loadProfile` fetches in a browser).
import fs from 'node:fs';
import path from 'node:path';
import * as reglament from '../index.js';

const pkg = path.resolve(import.meta.dirname, '../pkg');
const wasmPath = path.join(pkg, 'reglament_wasm_bg.wasm');
reglament.initSync(fs.readFileSync(wasmPath));
const index = JSON.parse(fs.readFileSync(path.join(pkg, 'index.json'), 'utf8'));
for (const [id] of index.layers) {
  const a = reglament.loadLayerData(fs.readFileSync(path.join(pkg, 'calendars', `${id}.bin`)), `calendars/${id}.bin`);
  if (a.type !== 'success') throw new Error(JSON.stringify(a));
}
for (const { id } of index.profiles) {
  const a = reglament.loadProfileData(fs.readFileSync(path.join(pkg, 'profiles', `${id}.bin`)), `profiles/${id}.bin`);
  if (a.type !== 'success') throw new Error(JSON.stringify(a));
}
export default reglament;
export { wasmPath, pkg, index };
