// The form: every change re-checks the message with reglament's browser module (no server).
import { init, builtinProfiles, profileInfo, validate, plan, describeFile } from '../../bindings-wasm/index.js';

const $ = (id) => document.getElementById(id);
const NAMES = { essentuki: 'Ессентуки', kislovodsk: 'Кисловодск', mikhailovka: 'Михайловка', mamadysh: 'Мамадыш', tynda: 'Тында' };
const TERMS = { registration: 'Регистрация', registration_expected: 'Регистрация (ожидаемая)', answer: 'Ответ', answer_59fz: 'Ответ (59-ФЗ)' };
const REASONS = { personal_data: 'в тексте есть персональные данные', medical_data: 'в тексте есть сведения о здоровье' };
// `?now=...` fixes the sending time (tests); otherwise it is the moment of checking.
const fixedNow = new URLSearchParams(location.search).get('now');

function message() {
  const date = $('event-date').value;
  const place = $('event-place').value.trim();
  return {
    channel: 'web',
    author: { kind: 'user', auth: 'portal' },
    sent_at: fixedNow ?? new Date(),
    text: $('text').value,
    event: { date: date || null, place: place || null },
    attachments: [...$('photos').files].map(describeFile),
    public: $('public').checked,
  };
}

function el(tag, { dataset = {}, ...props } = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
}

function showError(answer) {
  $('error').hidden = false;
  $('error').textContent = answer.errors.map((e) => (e.path ? `${e.path}: ` : '') + e.message).join('; ');
}

function check() {
  const profile = $('profile').value;
  const m = message();
  $('error').hidden = true;

  const v = validate(profile, m);
  const list = $('findings');
  list.replaceChildren();
  if (v.type === 'failure') return showError(v);
  for (const f of v.value.findings) {
    list.append(el('li', { className: f.severity, title: f.en, dataset: { code: f.code, field: f.field } }, f.ru, ' ', el('span', { className: 'clause' }, f.clause ? `(${f.clause})` : '')));
  }
  $('status').textContent = v.value.ok ? '— можно отправлять' : '— есть что исправить';
  $('status').className = `status ${v.value.ok ? 'ok' : 'bad'}`;
  $('send').disabled = !v.value.ok;

  const hint = $('privacy-hint');
  const privacy = v.value.privacy;
  hint.hidden = !(privacy.must_be_non_public && m.public);
  hint.textContent = privacy.must_be_non_public
    ? `Сообщение должно быть непубличным: ${privacy.reasons.map((r) => REASONS[r] ?? r).join(', ')}${privacy.clause ? ` (${privacy.clause})` : ''}. Снимите отметку «Опубликовать» или уберите эти сведения.`
    : '';

  const p = plan(profile, m);
  const body = $('plan').tBodies[0];
  body.replaceChildren();
  if (p.type === 'failure') return showError(p);
  for (const [name, term] of Object.entries(p.value)) {
    const due = new Date(term.due);
    body.append(el('tr', { dataset: { term: name } },
      el('td', {}, TERMS[name] ?? name),
      el('td', {}, due.toLocaleString('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone: profileInfo(profile).value?.zone })),
      el('td', { className: 'clause' }, term.clause)));
  }
}

await init();
for (const name of builtinProfiles()) {
  if (NAMES[name]) $('profile').append(el('option', { value: name }, NAMES[name]));
}
$('form').addEventListener('input', check);
$('form').addEventListener('change', check);
$('form').addEventListener('submit', (e) => { e.preventDefault(); check(); });
check();
document.body.dataset.ready = 'true';
