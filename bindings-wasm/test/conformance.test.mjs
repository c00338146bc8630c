// The whole conformance suite (tests/conformance/*.json) through the browser module, in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import reglament from './wasm.mjs';
import { loadCases, judge, dayAnswer } from '../../bindings-node/test/conformance.mjs';

function runOp(op, profile, input) {
  const region = input.region ?? 'ru';
  const o = input.options;
  switch (op) {
    case 'calendar': {
      switch (input.query) {
        case 'day': {
          const a = reglament.dayInfo(region, input.date, o);
          return a.type === 'success' ? { type: 'success', value: dayAnswer(a.value) } : a;
        }
        case 'add_working_days': return wrap(reglament.addWorkingDays(region, input.date, input.n, o), 'date');
        case 'next_working_day': return wrap(reglament.nextWorkingDay(region, input.date, o), 'date');
        case 'previous_working_day': return wrap(reglament.previousWorkingDay(region, input.date, o), 'date');
        case 'working_days_between': return wrap(reglament.workingDaysBetween(region, input.date, input.to, o), 'count');
        default: throw new Error(`unknown calendar query ${input.query}`);
      }
    }
    case 'deadline': return reglament.deadline(input);
    case 'validate': return reglament.validate(profile, input.message, input.history);
    case 'route': return reglament.route(profile, input.message);
    case 'plan': return reglament.plan(profile, input.message);
    case 'replay': return reglament.replay(profile, input.message, input.events ?? [], input.now);
    case 'control': return reglament.controlReport(profile, input.batch, input.now);
    case 'can_view': return reglament.canView(profile, input.message, input.viewer, input.events);
    default: throw new Error(`operation ${op} is not in the wasm runner yet`);
  }
}

function wrap(answer, key) {
  return answer.type === 'success' ? { type: 'success', value: { [key]: answer.value } } : answer;
}

const cases = loadCases();
test('the suite is not empty', () => assert.ok(cases.length > 0));
for (const c of cases) {
  test(`${c.file}::${c.name}`, () => {
    const answer = runOp(c.op, c.profile, c.input);
    const outcome = answer.type === 'success' ? { value: answer.value } : { errors: answer.errors };
    const mismatch = judge(c, outcome);
    assert.equal(mismatch, null, mismatch ?? '');
  });
}

// A rule author's own profiles (examples/my-town), packed by `reglament pack` into pkg/own
// (scripts/test-wasm.sh): the module loads them as data and answers their case file as the CLI
// and the other bindings do. A case names its profile file; the packed profile goes by its id.
import path from 'node:path';
import { pkg, loadData } from './wasm.mjs';

const ownIndex = loadData(path.join(pkg, 'own'));
const authorCases = loadCases(path.resolve(import.meta.dirname, '../../examples/my-town'));
test('the rule author\'s example has cases', () => assert.ok(authorCases.length > 0));
for (const c of authorCases) {
  test(`examples/my-town/${c.file}::${c.name}`, () => {
    const profile = path.basename(c.profile, '.toml');
    assert.ok(ownIndex.profiles.some((p) => p.id === profile), `${profile} is not packed in pkg/own`);
    const answer = runOp(c.op, profile, c.input);
    const outcome = answer.type === 'success' ? { value: answer.value } : { errors: answer.errors };
    const mismatch = judge(c, outcome);
    assert.equal(mismatch, null, mismatch ?? '');
  });
}
