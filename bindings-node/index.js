'use strict';
// The Node API of reglament over the native addon (reglament.node, built from src/lib.rs).
// Objects cross the boundary as JSON text: a Date becomes an RFC 3339 instant, answers come back
// as plain objects shaped as types.d.ts says (generated from the Rust types).

const fs = require('node:fs');
const path = require('node:path');

const native = require(process.env.REGLAMENT_NODE_ADDON || path.join(__dirname, 'reglament.node'));

const ERROR_MARK = 'reglament-errors:';

/** Base class of every error reglament throws: `code`, `path`, `errors` (every ErrorInfo). */
class ReglamentError extends Error {
  constructor(message, code, errPath, errors) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.path = errPath ?? null;
    this.errors = errors ?? [];
  }
}
/** Malformed or wrongly typed input (`path` names the field), unknown region or zone. */
class InputError extends ReglamentError {}
/** A date outside the years the calendar covers. */
class OutOfRangeError extends ReglamentError {}
/** No built-in profile has this name. */
class UnknownProfileError extends ReglamentError {}
/** A broken profile file: `diagnostics`, and `file`, `line`, `column` of the first. */
class ProfileError extends ReglamentError {
  get diagnostics() { return this.errors; }
  get file() { return this.errors.find((e) => e.location)?.location.file ?? null; }
  get line() { return this.errors.find((e) => e.location)?.location.line ?? null; }
  get column() { return this.errors.find((e) => e.location)?.location.column ?? null; }
}

const BY_CODE = {
  invalid_input: InputError,
  unknown_zone: InputError,
  unknown_region: InputError,
  out_of_range: OutOfRangeError,
  unknown_profile: UnknownProfileError,
  invalid_data: ProfileError,
};

function errorFrom(errors) {
  const first = errors[0] ?? { code: 'error', message: 'unknown error' };
  const Cls = BY_CODE[first.code] ?? (errors.some((e) => e.location) ? ProfileError : ReglamentError);
  const code = Cls === ProfileError ? 'invalid_data' : first.code;
  const message = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '') + e.message).join('\n');
  return new Cls(message, code, first.path, errors);
}

function rethrow(err) {
  if (err && typeof err.message === 'string' && err.message.startsWith(ERROR_MARK)) {
    throw errorFrom(JSON.parse(err.message.slice(ERROR_MARK.length)));
  }
  throw err;
}

function call(f) {
  try {
    return f();
  } catch (err) {
    return rethrow(err);
  }
}

/** JSON text of a caller's value; what JSON cannot hold is an InputError at `root`. */
function json(value, root) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new InputError(`invalid input at \`${root}\`: ${err.message}`, 'invalid_input', root, [
      { code: 'invalid_input', message: err.message, path: root },
    ]);
  }
  return text === undefined ? 'null' : text;
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A calendar date as `YYYY-MM-DD`: a string as is, a Date by its local year, month and day. */
function day(value, name) {
  if (typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1, 2)}-${pad(value.getDate(), 2)}`;
  }
  throw new InputError(`invalid input at \`${name}\`: expected a date string YYYY-MM-DD or a Date`, 'invalid_input', name, [
    { code: 'invalid_input', message: 'expected a date string YYYY-MM-DD or a Date', path: name },
  ]);
}

function instant(value, name) {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string') return value;
  throw new InputError(`invalid input at \`${name}\`: expected an RFC 3339 string or a Date`, 'invalid_input', name, [
    { code: 'invalid_input', message: 'expected an RFC 3339 string or a Date', path: name },
  ]);
}

function integer(value, name) {
  if (Number.isSafeInteger(value)) return value;
  throw new InputError(`invalid input at \`${name}\`: expected an integer`, 'invalid_input', name, [
    { code: 'invalid_input', message: 'expected an integer', path: name },
  ]);
}

/** A production calendar (`'ru'`, `'ru-ta'`) with working-day arithmetic. */
class Calendar {
  constructor(region = 'ru', options = {}) {
    const decree = options.decreeDaysOff ?? options.decree_days_off ?? true;
    this._native = region instanceof native.NativeCalendar ? region : call(() => native.NativeCalendar.builtin(String(region), Boolean(decree)));
  }
  get id() { return this._native.id; }
  get range() { return this._native.range(); }
  isWorkingDay(date) { return call(() => this._native.isWorkingDay(day(date, 'date'))); }
  addWorkingDays(date, n) { return call(() => this._native.addWorkingDays(day(date, 'date'), integer(n, 'n'))); }
  nextWorkingDay(date) { return call(() => this._native.nextWorkingDay(day(date, 'date'))); }
  previousWorkingDay(date) { return call(() => this._native.previousWorkingDay(day(date, 'date'))); }
  workingDaysBetween(start, end) { return call(() => this._native.workingDaysBetween(day(start, 'start'), day(end, 'end'))); }
  dayInfo(date) { return JSON.parse(call(() => this._native.dayInfo(day(date, 'date')))); }
  deadline(start, term, zone) {
    return JSON.parse(call(() => this._native.deadline(instant(start, 'start'), json(term, 'term'), String(zone))));
  }
}

/** A municipality's regulation: validate, route and plan messages under it. */
class Profile {
  constructor(nativeProfile) {
    if (!(nativeProfile instanceof native.NativeProfile)) {
      throw new TypeError('use Profile.builtin(name), Profile.fromString(source) or Profile.fromFile(path)');
    }
    this._native = nativeProfile;
  }
  static builtin(name) { return new Profile(call(() => native.NativeProfile.builtin(String(name)))); }
  static fromString(source, fileName = '<string>') {
    return new Profile(call(() => native.NativeProfile.fromToml(String(source), String(fileName))));
  }
  /** A profile file; its `extends` names a built-in profile or a `NAME.toml` beside it. */
  static fromFile(file) {
    const bases = [];
    readFolder(path.dirname(String(file)), bases);
    const source = fs.readFileSync(file, 'utf8');
    return new Profile(call(() => native.NativeProfile.fromTomlWith(source, String(file), JSON.stringify(bases))));
  }
  static builtinNames() { return native.NativeProfile.builtinNames(); }
  get name() { return this._native.name; }
  get zone() { return this._native.zone; }
  get calendar() { return new Calendar(this._native.calendarId); }
  validate(message, history) {
    return JSON.parse(call(() => this._native.validate(json(message, 'message'), history == null ? undefined : json(history, 'history'))));
  }
  route(message) { return JSON.parse(call(() => this._native.route(json(message, 'message')))); }
  plan(message) { return JSON.parse(call(() => this._native.plan(json(message, 'message')))); }
  replay(message, events, now) {
    return JSON.parse(call(() => this._native.replay(json(message, 'message'), json(events ?? [], 'events'), instant(now, 'now'))));
  }
  controlReport(batch, now) {
    return JSON.parse(call(() => this._native.controlReport(json(batch, 'batch'), instant(now, 'now'))));
  }
  canView(message, viewer, events) {
    return JSON.parse(call(() => this._native.canView(json(message, 'message'), json(viewer, 'viewer'), events == null ? undefined : json(events, 'events'))));
  }
  validateMany(messages, history) {
    return JSON.parse(call(() => this._native.validateMany(json(messages, 'messages'), history == null ? undefined : json(history, 'history'))));
  }
  planMany(messages) { return JSON.parse(call(() => this._native.planMany(json(messages, 'messages')))); }
}

/** Resolves a term from `start` (Date or RFC 3339) in `zone` under the calendar of `region`. */
function deadline(start, term, { zone, region = 'ru', options, sources } = {}) {
  const request = { region, zone, start: start instanceof Date ? start.toISOString() : start, term, options, sources };
  return JSON.parse(call(() => native.deadline(json(request, '$'))));
}

// Reading a rule author's profile files: the I/O the core leaves to its callers (the same steps
// as cli/src/profiles.rs and reglament/conformance.py).
function profileId(file) { return path.basename(file).replace(/\.toml$/, ''); }
function pushProfile(out, name, file) {
  if (!out.some((p) => p.name === name)) out.push({ name, file_name: file, source: fs.readFileSync(file, 'utf8') });
}
function readFolder(dir, out) {
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.toml')).sort()) pushProfile(out, profileId(f), path.join(dir, f));
}

/**
 * Conformance case files, a rule author's own profiles included, run and judged by the core.
 * `run(paths)`: a path is a case file (`.json`), a profile file (`.toml`, which every case may
 * then name by id) or a folder holding either; answers `{passed, failed, cases}`, the shape of
 * `reglament test --json`. `format(report)`: the short diff `reglament test` prints.
 */
const conformance = {
  run(paths) {
    const cases = [];
    const extra = [];
    for (const p of [].concat(paths).map(String)) {
      if (fs.statSync(p).isDirectory()) {
        const names = fs.readdirSync(p).sort();
        cases.push(...names.filter((f) => f.endsWith('.json')).map((f) => path.join(p, f)));
        for (const f of names.filter((f) => f.endsWith('.toml'))) pushProfile(extra, profileId(f), path.join(p, f));
      } else if (p.endsWith('.toml')) {
        pushProfile(extra, profileId(p), p);
        readFolder(path.dirname(p), extra);
      } else {
        cases.push(p);
      }
    }
    if (cases.length === 0) throw new InputError('no case file given: name a case file (.json) or a folder holding one', 'invalid_input', 'paths', []);
    const reports = [];
    for (const file of cases) {
      const text = fs.readFileSync(file, 'utf8');
      const profiles = [];
      for (const rel of call(() => native.conformanceProfilePaths(text, file))) {
        const full = path.join(path.dirname(file), rel);
        if (fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) {
          readFolder(full, profiles);
        } else {
          pushProfile(profiles, rel, full);
          readFolder(path.dirname(full), profiles); // `extends` finds a sibling, as `reglament lint` does
        }
      }
      for (const p of extra) if (!profiles.some((q) => q.name === p.name)) profiles.push(p);
      reports.push(...JSON.parse(call(() => native.conformanceRun(text, file, JSON.stringify(profiles)))));
    }
    const failed = reports.filter((r) => !r.passed).length;
    return { passed: reports.length - failed, failed, cases: reports };
  },
  format(report) {
    const text = report.cases.filter((c) => !c.passed).map((c) => native.conformanceDiffText(JSON.stringify(c))).join('');
    return `${text}${report.passed} passed, ${report.failed} failed`;
  },
};

/** The JSON Schema of the API types. */
function apiSchema() { return JSON.parse(native.apiSchema()); }

module.exports = {
  Profile,
  conformance,
  Calendar,
  deadline,
  apiSchema,
  MAX_TEXT_BYTES: native.maxTextBytes(),
  ReglamentError,
  InputError,
  OutOfRangeError,
  UnknownProfileError,
  ProfileError,
};
