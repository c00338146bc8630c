// Loads the built module for the Node tests (initSync from the .wasm file), then every profile
// and calendar layer of the data set from pkg/ (what `loadProfile` fetches in a browser).
import fs from 'node:fs';
import path from 'node:path';
import * as reglament from '../index.js';

const pkg = path.resolve(import.meta.dirname, '../pkg');
const wasmPath = path.join(pkg, 'reglament_wasm_bg.wasm');
reglament.initSync(fs.readFileSync(wasmPath));
// Loads a data folder written by reglament-pack or `reglament pack` (index.json, calendars/,
// profiles/) into the module, as a portal's page would after fetching it; returns its index.
function loadData(dir) {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  for (const [id] of index.layers) {
    const a = reglament.loadLayerData(fs.readFileSync(path.join(dir, 'calendars', `${id}.bin`)), `calendars/${id}.bin`);
    if (a.type !== 'success') throw new Error(JSON.stringify(a));
  }
  for (const { id } of index.profiles) {
    const a = reglament.loadProfileData(fs.readFileSync(path.join(dir, 'profiles', `${id}.bin`)), `profiles/${id}.bin`);
    if (a.type !== 'success') throw new Error(JSON.stringify(a));
  }
  return index;
}
const index = loadData(pkg);
export default reglament;
export { wasmPath, pkg, index, loadData };
