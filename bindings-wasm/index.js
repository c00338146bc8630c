// reglament in the browser: check a form before it is sent.
//
// Every call returns a tagged answer, never throws:
//   { type: 'success', value } | { type: 'failure', errors: [{ code, message, path?, ... }] }
// Call `init()` once (it fetches reglament_wasm_bg.wasm beside this module) or `initSync(bytes)`.
// The module carries no rules: `loadProfile(id)` fetches the profile's packed data and its
// calendar layers (pkg/profiles/<id>.bin, pkg/calendars/<layer>.bin, listed in pkg/index.json)
// once; after that every call on that profile is synchronous. In Node, `loadProfileData` and
// `loadLayerData` take the bytes read from disk.
// Shapes are in types.d.ts, generated from the Rust types.
import wasmInit, { initSync as wasmInitSync } from './pkg/reglament_wasm.js';
import * as native from './pkg/reglament_wasm.js';

let ready = false;

/** Loads the module: by default fetches `pkg/reglament_wasm_bg.wasm`; or pass a URL, Response or bytes. */
export async function init(source) {
  if (!ready) {
    await wasmInit(source === undefined ? undefined : { module_or_path: source });
    ready = true;
  }
}

/** Loads the module from bytes or a compiled `WebAssembly.Module` (Node, workers). */
export function initSync(bytes) {
  if (!ready) {
    wasmInitSync({ module: bytes });
    ready = true;
  }
}

function failure(code, message, path) {
  return { type: 'failure', errors: [{ code, message, ...(path ? { path } : {}) }] };
}

function notReady() {
  return failure('not_initialised', 'call init() (or initSync()) before using reglament');
}

/** An attachment as the core reads it, from a `File`/`Blob` or `{name, type, size}`. */
export function describeFile(file) {
  return { name: String(file.name ?? ''), media_type: String(file.type || 'application/octet-stream'), size: Number(file.size ?? 0) };
}

function normalise(message) {
  if (message && typeof message === 'object' && Array.isArray(message.attachments)) {
    const attachments = message.attachments.map((a) =>
      (typeof Blob !== 'undefined' && a instanceof Blob) || (a && typeof a === 'object' && !('media_type' in a) && 'type' in a) ? describeFile(a) : a,
    );
    return { ...message, attachments };
  }
  return message;
}

/** JSON-encodes each `[root, value]` and calls `f` with the texts; what JSON cannot hold is a
 * failure answer at its root. */
function run(parts, f) {
  if (!ready) return notReady();
  const texts = [];
  for (const [root, value] of parts) {
    let text;
    try {
      text = JSON.stringify(value);
    } catch (err) {
      return failure('invalid_input', `invalid input at \`${root}\`: ${err.message}`, root);
    }
    texts.push(text === undefined ? 'null' : text);
  }
  return JSON.parse(f(...texts));
}

function calendarCall(f) {
  if (!ready) return notReady();
  try {
    return JSON.parse(f());
  } catch (err) {
    return failure('invalid_input', String(err?.message ?? err));
  }
}

function day(value, name) {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const p = (n, w) => String(n).padStart(w, '0');
    return `${p(value.getFullYear(), 4)}-${p(value.getMonth() + 1, 2)}-${p(value.getDate(), 2)}`;
  }
  if (typeof value !== 'string') throw new TypeError(`invalid input at \`${name}\`: expected a date string YYYY-MM-DD or a Date`);
  return value;
}

function decree(options) {
  const v = options?.decreeDaysOff ?? options?.decree_days_off;
  return v === undefined ? undefined : Boolean(v);
}

const DATA = new URL('./pkg/', import.meta.url);
let indexPromise;
const loading = new Map();
const layersLoaded = new Set();

/** Fetches a data file once (the browser's HTTP cache keeps it across visits). */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The index of the data set: `{format, profiles: [{id, name_ru, name_en, region_ru, zone,
 * calendar, layers, bytes}], layers}` answer, fetched once from `base` (default: `pkg/`). */
export async function dataIndex(base) {
  if (!ready) return notReady();
  indexPromise ??= (async () => {
    const url = new URL('index.json', base ?? DATA);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  })();
  try {
    return { type: 'success', value: await indexPromise };
  } catch (err) {
    indexPromise = undefined;
    return failure('data_unavailable', String(err?.message ?? err));
  }
}

/** The municipalities a portal may offer, from the data index: `[{id, name_ru, ...}]` answer. */
export async function municipalities(base) {
  const index = await dataIndex(base);
  return index.type === 'success' ? { type: 'success', value: index.value.profiles } : index;
}

/** Loads a profile and its calendar layers from packed data bytes (Node, tests, a portal that
 * fetches them itself). Answers `{id, calendar}`. */
export function loadProfileData(bytes, file = 'profile') {
  if (!ready) return notReady();
  return JSON.parse(native.loadProfileData(bytes, String(file)));
}

/** Loads a packed calendar layer. Answers `{id, extends}`. */
export function loadLayerData(bytes, file = 'layer') {
  if (!ready) return notReady();
  const answer = JSON.parse(native.loadLayerData(bytes, String(file)));
  if (answer.type === 'success') layersLoaded.add(answer.value.id);
  return answer;
}

/** Fetches and loads a profile with the calendar layers its index entry lists, once:
 * `{id, calendar}` answer. Concurrent calls for one profile share the fetch. */
export async function loadProfile(id, base) {
  if (!ready) return notReady();
  const key = `${base ?? ''}|${id}`;
  if (!loading.has(key)) {
    loading.set(key, (async () => {
      const index = await dataIndex(base);
      if (index.type === 'failure') return index;
      const entry = index.value.profiles.find((p) => p.id === id);
      if (!entry) return failure('unknown_profile', `unknown profile \`${id}\`; known: ${index.value.profiles.map((p) => p.id).join(', ')}`);
      const root = base ?? DATA;
      try {
        for (const layer of entry.layers) {
          if (layersLoaded.has(layer)) continue;
          const a = loadLayerData(await fetchBytes(new URL(`calendars/${layer}.bin`, root)), `calendars/${layer}.bin`);
          if (a.type === 'failure') return a;
        }
        return loadProfileData(await fetchBytes(new URL(`profiles/${id}.bin`, root)), `profiles/${id}.bin`);
      } catch (err) {
        return failure('data_unavailable', String(err?.message ?? err));
      }
    })());
  }
  const answer = await loading.get(key);
  if (answer.type === 'failure') loading.delete(key);
  return answer;
}

/** Ids of the loaded profiles. */
export function loadedProfiles() {
  if (!ready) return [];
  const a = JSON.parse(native.loadedProfiles());
  return a.type === 'success' ? a.value : [];
}

/** `{id, zone, calendar}` of a loaded profile. */
export function profileInfo(profile) {
  return calendarCall(() => native.profileInfo(String(profile)));
}

/** The form a loaded profile requires: fields, categories, attachment limits, the public flag
 * and who may send, each with its clause (Form). */
export function form(profile) {
  return calendarCall(() => native.form(String(profile)));
}

/** What is wrong with a message under a loaded profile, citing the clauses (Validation). */
export function validate(profile, message, history) {
  if (history == null) return run([['message', normalise(message)]], (m) => native.validate(String(profile), m, ''));
  return run([['message', normalise(message)], ['history', history]], (m, h) => native.validate(String(profile), m, h));
}

/** Whether the message must be non-public, and why (Validation.privacy). */
export function privacy(profile, message) {
  const answer = validate(profile, message);
  return answer.type === 'success' ? { type: 'success', value: answer.value.privacy } : answer;
}

/** Where the message goes and which answer term follows (Route). */
export function route(profile, message) {
  return run([['message', normalise(message)]], (m) => native.route(String(profile), m));
}

/** Every term that runs from the sending (Plan). */
export function plan(profile, message) {
  return run([['message', normalise(message)]], (m) => native.plan(String(profile), m));
}

/** The workflow state after `events` as of `now` (Replay). */
export function replay(profile, message, events, now) {
  const at = now instanceof Date ? now.toISOString() : String(now);
  return run([['message', normalise(message)], ['events', events ?? []]], (m, e) => native.replay(String(profile), m, e, at));
}

/** Every term overdue at `now` across a batch of `{message, events}` (ControlReport). */
export function controlReport(profile, batch, now) {
  const at = now instanceof Date ? now.toISOString() : String(now);
  const items = Array.isArray(batch) ? batch.map((item) => ({ ...item, message: normalise(item?.message) })) : batch;
  return run([['batch', items]], (b) => native.controlReport(String(profile), b, at));
}

/** Whether `viewer` may see the message after `events` (View). */
export function canView(profile, message, viewer, events) {
  if (events == null) return run([['message', normalise(message)], ['viewer', viewer]], (m, v) => native.canView(String(profile), m, v, ''));
  return run([['message', normalise(message)], ['viewer', viewer], ['events', events]], (m, v, e) => native.canView(String(profile), m, v, e));
}

/** Resolves a term: `{region?, zone, start, term, options?, sources?}` (TermResult). */
export function deadline(input) {
  const start = input?.start instanceof Date ? input.start.toISOString() : input?.start;
  return run([['$', { ...input, start }]], (q) => native.deadline(q));
}

/** Everything the calendar of `region` knows about a day (DayInfo). */
export function dayInfo(region, date, options) {
  return calendarCall(() => native.dayInfo(String(region), day(date, 'date'), decree(options)));
}
export function isWorkingDay(region, date, options) {
  return calendarCall(() => native.isWorkingDay(String(region), day(date, 'date'), decree(options)));
}
export function addWorkingDays(region, date, n, options) {
  return calendarCall(() => native.addWorkingDays(String(region), day(date, 'date'), Number(n), decree(options)));
}
export function nextWorkingDay(region, date, options) {
  return calendarCall(() => native.nextWorkingDay(String(region), day(date, 'date'), decree(options)));
}
export function previousWorkingDay(region, date, options) {
  return calendarCall(() => native.previousWorkingDay(String(region), day(date, 'date'), decree(options)));
}
export function workingDaysBetween(region, start, end, options) {
  return calendarCall(() => native.workingDaysBetween(String(region), day(start, 'start'), day(end, 'end'), decree(options)));
}
