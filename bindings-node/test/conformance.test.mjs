// The whole conformance suite (tests/conformance/*.json) through the Node API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadCases, judge, dayAnswer } from './conformance.mjs';

const require = createRequire(import.meta.url);
const reglament = require('../index.js');
const { Profile, Calendar, deadline, ReglamentError } = reglament;

const profiles = new Map();
const calendars = new Map();
function profile(name) {
  if (!profiles.has(name)) profiles.set(name, Profile.builtin(name));
  return profiles.get(name);
}
function calendar(region, options) {
  const decree = options?.decree_days_off ?? true;
  const key = `${region}:${decree}`;
  if (!calendars.has(key)) calendars.set(key, new Calendar(region, { decreeDaysOff: decree }));
  return calendars.get(key);
}

function runOp(op, profileName, input) {
  switch (op) {
    case 'calendar': {
      const cal = calendar(input.region ?? 'ru', input.options);
      switch (input.query) {
        case 'day': return dayAnswer(cal.dayInfo(input.date));
        case 'add_working_days': return { date: cal.addWorkingDays(input.date, input.n) };
        case 'next_working_day': return { date: cal.nextWorkingDay(input.date) };
        case 'previous_working_day': return { date: cal.previousWorkingDay(input.date) };
        case 'working_days_between': return { count: cal.workingDaysBetween(input.date, input.to) };
        default: throw new Error(`unknown calendar query ${input.query}`);
      }
    }
    case 'deadline':
      return deadline(input.start, input.term, { zone: input.zone, region: input.region, options: input.options, sources: input.sources });
    case 'validate': return profile(profileName).validate(input.message, input.history);
    case 'route': return profile(profileName).route(input.message);
    case 'plan': return profile(profileName).plan(input.message);
    case 'replay': return profile(profileName).replay(input.message, input.events ?? [], input.now);
    case 'control': return profile(profileName).controlReport(input.batch, input.now);
    case 'can_view': return profile(profileName).canView(input.message, input.viewer, input.events);
    default: throw new Error(`operation ${op} is not in the Node runner yet`);
  }
}

const cases = loadCases();
test('the suite is not empty', () => assert.ok(cases.length > 0));
for (const c of cases) {
  test(`${c.file}::${c.name}`, () => {
    let outcome;
    try {
      outcome = { value: runOp(c.op, c.profile, c.input) };
    } catch (err) {
      if (!(err instanceof ReglamentError)) throw err;
      outcome = { errors: err.errors };
    }
    const mismatch = judge(c, outcome);
    assert.equal(mismatch, null, mismatch ?? '');
  });
}
