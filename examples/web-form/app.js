// A citizen's message form built from the municipality's profile by reglament's browser module
// (no server): the fields, choices and limits come from `form(profile)`, every change is checked
// with `validate`, and the expected dates with `plan`.
import { init, municipalities, loadProfile, form as describeForm, validate, plan, describeFile } from '../../bindings-wasm/index.js';

const $ = (id) => document.getElementById(id);
// `?now=...` fixes the sending time (tests); otherwise it is the moment of checking.
const fixedNow = new URLSearchParams(location.search).get('now');

const LABELS = {
  text: 'Текст сообщения',
  category: 'Категория',
  'event.date': 'Дата события',
  'event.time': 'Время события',
  'event.place': 'Место события',
  'contact.name': 'Фамилия, имя, отчество',
  'contact.phone': 'Контактный телефон',
  attachments: 'Фотографии',
  public: 'Опубликовать сообщение на портале',
};
const TERMS = {
  registration: 'Регистрация сообщения',
  registration_expected: 'Регистрация (ожидаемая)',
  answer: 'Ответ',
  answer_59fz: 'Ответ (по 59-ФЗ)',
};
// Who the portal says is signing; a real portal passes what it knows.
const AUTHORS = {
  esia: { kind: 'user', auth: 'esia', on_own_behalf: true },
  portal: { kind: 'user', auth: 'portal' },
  guest: { kind: 'guest' },
};
// What the portal, not the citizen, has to do about a finding on who sends.
const ACCESS = {
  esia_required: 'Отправить сообщение можно только после входа через Госуслуги (ЕСИА).',
  guest_cannot_submit: 'Отправить сообщение может только зарегистрированный пользователь: войдите на портал.',
  esia_own_behalf: 'Через Госуслуги сообщение отправляется только от своего имени.',
  channel_not_allowed: 'Регламент не предусматривает приём сообщений через этот канал.',
};
// Findings about the public flag are shown at the flag, once.
const PUBLIC_CODES = new Set(['personal_data_public', 'medical_data_public']);

let profile = null;
let spec = null;
const touched = new Set();
let tried = false;

function el(tag, props = {}, ...children) {
  const { dataset = {}, attrs = {}, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  Object.assign(e.dataset, dataset);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** «п. 24 регламента» from a citation «Essentuki 24»; the portal's own rule says so. */
function reference(citation) {
  if (!citation || !spec) return null;
  const prefix = `${spec.regulation_en} `;
  const own = citation.startsWith(`${spec.regulation_en} profile`);
  const clause = citation.startsWith(prefix) && !own ? citation.slice(prefix.length) : null;
  const text = clause ? `п. ${clause} регламента` : 'правило портала';
  return el('span', { className: 'ref', title: clause ? `${spec.act_ru}, пункт ${clause}` : 'Регламент этого не задаёт; так решил портал' }, text);
}

function ruleReference(rule) {
  return rule ? reference(rule.citation) : null;
}

const idOf = (name) => `f-${name.replace(/[^a-z]/g, '-')}`;

/** A field block: label tied to the control, a hint, and the error line screen readers hear. */
function field(name, control, { required = false, hint = null, rule = null } = {}) {
  const id = idOf(name);
  control.id = id;
  control.name = name;
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  control.setAttribute('aria-describedby', `${hintId} ${errId}`);
  if (required) control.setAttribute('aria-required', 'true');
  const label = el('label', { htmlFor: id }, LABELS[name] ?? name, required ? el('span', { className: 'req', attrs: { 'aria-hidden': 'true' } }, ' *') : el('span', { className: 'opt' }, ' (необязательно)'));
  const hintLine = el('p', { id: hintId, className: 'hint' }, hint ?? '', hint && rule ? ' ' : '', rule ? ruleReference(rule) : null);
  if (!hint && !rule) hintLine.hidden = true;
  const err = el('div', { id: errId, className: 'field-error', attrs: { 'aria-live': 'polite' } });
  const mark = () => { touched.add(name); check(); };
  for (const event of ['input', 'change', 'blur']) control.addEventListener(event, mark);
  return el('div', { className: 'field', dataset: { field: name } }, label, hintLine, control, err);
}

function categorySelect() {
  const select = el('select', {}, el('option', { value: '' }, '— выберите —'));
  for (const c of spec.categories) {
    select.append(el('option', { value: c.id, dataset: { parent: c.parent ?? '' } }, `${'  '.repeat(c.depth)}${c.depth ? '— ' : ''}${c.name_ru}`));
  }
  return select;
}

function formatList(types) {
  return [...new Set(types.map((t) => t.replace(/^image\//, '').replace(/^\*?\./, '').toUpperCase()))].join(', ');
}

/** The form of the loaded profile, from its `Form`. */
function build() {
  const box = $('fields');
  box.replaceChildren();
  touched.clear();
  tried = false;
  for (const f of spec.fields) {
    const opts = { required: f.required, rule: f };
    switch (f.name) {
      case 'text':
        // The text's own rule (content required) when the profile has one, else the language's.
        box.append(field('text', el('textarea', { rows: 6, placeholder: 'Что случилось и что нужно сделать' }), {
          ...opts, rule: f.clause ? f : spec.language, hint: spec.language?.value === 'ru' ? 'На русском языке.' : null,
        }));
        break;
      case 'category':
        if (spec.categories.length) box.append(field('category', categorySelect(), opts));
        break;
      case 'event.date':
        box.append(field(f.name, el('input', { type: 'text', inputMode: 'numeric', autocomplete: 'off', placeholder: 'ДД.ММ.ГГГГ' }), { ...opts, hint: 'Например, 05.03.2026.' }));
        break;
      case 'event.time':
        box.append(field(f.name, el('input', { type: 'text', inputMode: 'numeric', autocomplete: 'off', placeholder: 'ЧЧ:ММ' }), { ...opts, hint: 'По местному времени, например 14:30.' }));
        break;
      case 'event.place':
        box.append(field(f.name, el('input', { type: 'text', placeholder: 'ул. Пушкина, 12' }), opts));
        break;
      case 'contact.name':
        box.append(field(f.name, el('input', { type: 'text', autocomplete: 'name' }), opts));
        break;
      case 'contact.phone':
        box.append(field(f.name, el('input', { type: 'tel', autocomplete: 'tel' }), opts));
        break;
      default:
        break;
    }
  }
  const a = spec.attachments;
  const limits = [
    a.max_count ? `не более ${a.max_count.value} файлов` : null,
    a.media_types ? `форматы ${formatList(a.media_types.value)}` : null,
    a.max_total_bytes ? `всего до ${Math.round(a.max_total_bytes.value / 1048576)} МБ` : null,
  ].filter(Boolean);
  const photos = el('input', { type: 'file', multiple: true, accept: a.accept || 'image/*' });
  box.append(field('attachments', photos, { hint: limits.length ? `${limits.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()) : null, rule: a.max_count ?? a.media_types }));

  const pub = spec.public;
  if (pub.user_chooses?.value !== false) {
    const box2 = el('input', { type: 'checkbox', checked: pub.default_public });
    const block = field('public', box2, { rule: pub.user_chooses ?? pub.default, hint: pub.personal_data_non_public?.value ? 'Сообщение с персональными данными публиковать нельзя.' : null });
    block.classList.add('check');
    block.querySelector('.opt')?.remove();
    // The box before its label.
    block.insertBefore(box2, block.querySelector('label'));
    box.append(block);
  }
  $('act').textContent = `Проверка по документу: ${spec.act_ru}.`;
}

const value = (name) => $(idOf(name))?.value ?? '';

/** `ДД.ММ.ГГГГ` → `YYYY-MM-DD`, or `undefined` when it is not a real date. */
function parseDate(text) {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `ЧЧ:ММ` → `HH:MM:00`, or `undefined`. */
function parseTime(text) {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2]}:00`;
}

/** The message as the form holds it, and the format errors the page itself finds. */
function message() {
  const local = [];
  const event = {};
  const date = value('event.date').trim();
  if (date) {
    event.date = parseDate(date);
    if (!event.date) local.push({ field: 'event.date', severity: 'error', ru: 'Введите дату в виде ДД.ММ.ГГГГ, например 05.03.2026' });
  }
  const time = value('event.time').trim();
  if (time) {
    event.time = parseTime(time);
    if (!event.time) local.push({ field: 'event.time', severity: 'error', ru: 'Введите время в виде ЧЧ:ММ, например 14:30' });
  }
  const place = value('event.place').trim();
  if (place) event.place = place;
  const m = {
    channel: 'web',
    author: AUTHORS[$('author').value] ?? AUTHORS.guest,
    sent_at: fixedNow ?? new Date(),
    text: value('text'),
    event,
    attachments: [...($(idOf('attachments'))?.files ?? [])].map(describeFile),
    public: $(idOf('public'))?.checked ?? spec.public.default_public,
  };
  const cat = $(idOf('category'));
  const chosen = cat?.selectedOptions[0];
  if (chosen?.value) {
    if (chosen.dataset.parent) {
      m.category = chosen.dataset.parent;
      m.subcategory = chosen.value;
    } else {
      m.category = chosen.value;
    }
  }
  const contact = {};
  if (value('contact.name').trim()) contact.name = value('contact.name').trim();
  if (value('contact.phone').trim()) contact.phone = value('contact.phone').trim();
  if (Object.keys(contact).length) m.contact = contact;
  // The form requires what the profile requires, also where validation has no check of its own.
  for (const f of spec.fields) {
    if (f.required && (f.name === 'contact.name' || f.name === 'contact.phone') && !contact[f.name.slice(8)]) {
      local.push({ field: f.name, severity: 'error', ru: 'Заполните это поле', clause: f.citation });
    }
  }
  return { m, local };
}

/** The form field a finding belongs to: `attachments[3].media_type` → `attachments`. */
function fieldOf(finding) {
  if (PUBLIC_CODES.has(finding.code)) return 'public';
  const f = finding.field.replace(/\[\d+\].*$/, '');
  if (f === 'subcategory') return 'category';
  if (f.startsWith('author') || f === 'channel') return 'access';
  return f;
}

function showError(answer) {
  $('error').hidden = false;
  $('error').textContent = answer.errors.map((e) => (e.path ? `${e.path}: ` : '') + e.message).join('; ');
}

function formatDue(iso) {
  const opts = { timeZone: spec.zone };
  const d = new Date(iso);
  const date = d.toLocaleDateString('ru-RU', { ...opts, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = d.toLocaleTimeString('ru-RU', { ...opts, hour: '2-digit', minute: '2-digit' });
  return `${date}, ${time}`;
}

/** Checks the message; shows findings at the fields the citizen has touched. Answers whether it
 * may be sent. */
function check() {
  if (!spec) return false;
  const { m, local } = message();
  $('error').hidden = true;
  const v = validate(profile, m);
  if (v.type === 'failure') {
    showError(v);
    return false;
  }
  const findings = [...local, ...v.value.findings];
  const byField = new Map();
  for (const f of findings) {
    const name = fieldOf(f);
    if (!byField.has(name)) byField.set(name, []);
    byField.get(name).push(f);
  }

  // Who sends is the portal's business: a notice, not the citizen's error.
  const access = byField.get('access') ?? [];
  $('access').hidden = access.length === 0;
  $('access').replaceChildren(...access.map((f) => el('p', {}, ACCESS[f.code] ?? f.ru, ' ', reference(f.clause))));

  for (const block of document.querySelectorAll('#fields .field')) {
    const name = block.dataset.field;
    const control = $(idOf(name));
    const err = $(`${idOf(name)}-error`);
    // Shown once the citizen has touched the field, or the one the finding reads (a phone
    // number typed into the text makes the public flag wrong).
    const list = (byField.get(name) ?? []).filter((f) => tried || touched.has(name) || touched.has(f.field.replace(/\[\d+\].*$/, '')));
    const errors = list.filter((f) => f.severity === 'error');
    control.setAttribute('aria-invalid', errors.length ? 'true' : 'false');
    block.classList.toggle('invalid', errors.length > 0);
    const text = list.map((f) => f.ru).join(' ');
    if (err.dataset.text !== text) {
      err.dataset.text = text;
      err.replaceChildren(...list.map((f) => el('p', { className: f.severity, dataset: { code: f.code ?? 'format' } }, f.ru, ' ', reference(f.clause))));
    }
  }
  // Findings with no field on the form (a fast-track level, say) go to the summary.
  const shown = new Set([...document.querySelectorAll('#fields .field')].map((b) => b.dataset.field));
  const other = findings.filter((f) => !shown.has(fieldOf(f)) && fieldOf(f) !== 'access' && f.severity === 'error');
  const ok = local.length === 0 && v.value.ok;
  const summary = $('summary');
  if (tried && !ok) {
    summary.hidden = false;
    summary.replaceChildren(access.length && findings.every((f) => fieldOf(f) === 'access' || f.severity !== 'error')
      ? 'Форма заполнена, но отправить сообщение этот пользователь не может (см. выше).'
      : 'Исправьте отмеченные поля, затем отправьте ещё раз.', ...other.map((f) => el('span', {}, ' ', f.ru)));
  } else {
    summary.hidden = true;
  }

  const p = plan(profile, m);
  const list = $('plan');
  if (p.type === 'failure') {
    list.replaceChildren();
    delete list.dataset.key;
    showError(p);
    return ok;
  }
  // In the order they fall; on the same minute, registration before what follows from it.
  const first = (name) => (name.startsWith('registration') ? 0 : 1);
  const terms = Object.entries(p.value).sort(([n, a], [m, b]) => Date.parse(a.due) - Date.parse(b.due) || first(n) - first(m));
  // Rewritten only when a date changes, so that an opened explanation stays open.
  const key = JSON.stringify(terms.map(([name, t]) => [name, t.due, t.clause, t.explanation.length]));
  if (list.dataset.key === key) return ok;
  list.dataset.key = key;
  list.replaceChildren();
  $('plan-none').hidden = terms.length > 0;
  for (const [name, term] of terms) {
    list.append(el('li', { dataset: { term: name } },
      el('span', { className: 'term' }, TERMS[name] ?? name), ' — до ',
      el('time', { dateTime: term.due }, formatDue(term.due)), ' ', reference(term.clause),
      el('details', {}, el('summary', {}, 'Как посчитан срок'),
        el('ol', {}, ...term.explanation.map((s) => el('li', {}, s.ru, ' ', reference(s.clause)))))));
  }
  return ok;
}

async function choose(id) {
  const loaded = await loadProfile(id);
  if (loaded.type === 'failure') return showError(loaded);
  const f = describeForm(id);
  if (f.type === 'failure') return showError(f);
  profile = id;
  spec = f.value;
  $('sent').hidden = true;
  build();
  check();
}

await init();
const list = await municipalities();
if (list.type === 'failure') {
  showError(list);
} else {
  for (const m of list.value) $('profile').append(el('option', { value: m.id }, `${m.name_ru} (${m.region_ru})`));
  await choose($('profile').value);
}
$('profile').addEventListener('change', () => choose($('profile').value));
$('author').addEventListener('change', check);
$('form').addEventListener('input', check);
$('form').addEventListener('submit', (e) => {
  e.preventDefault();
  tried = true;
  $('sent').hidden = true;
  if (check()) {
    $('sent').hidden = false;
    $('sent').focus();
    document.body.dataset.sent = profile;
  } else {
    const first = document.querySelector('#fields [aria-invalid="true"]');
    (first ?? $('summary')).focus();
  }
});
document.body.dataset.ready = 'true';
