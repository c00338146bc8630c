// Compiled with `tsc --noEmit --strict` by scripts/test-node.sh: the declarations are valid and
// describe what a caller writes.
import { Profile, Calendar, deadline, InputError, type Message, type Validation, type Plan } from '../index';

const message: Message = {
  sent_at: new Date(),
  text: 'Яма на дороге',
  attachments: [{ name: '1.jpg', media_type: 'image/jpeg', size: 1000 }],
  public: true,
};
const profile = Profile.builtin('essentuki');
const v: Validation = profile.validate(message);
const mustHide: boolean = v.privacy.must_be_non_public;
const plan: Plan = profile.plan(message);
const due: string | undefined = plan['answer']?.due;
const next: string = new Calendar('ru-ta').addWorkingDays('2026-03-06', 1);
const r = deadline(new Date(), { amount: 30, unit: 'calendar_days' }, { zone: 'Europe/Moscow' });
try {
  Profile.builtin('nowhere');
} catch (e) {
  if (e instanceof InputError) console.log(e.code, e.path);
}
console.log(mustHide, due, next, r.due_date);
