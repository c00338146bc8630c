// Compiled with `tsc --noEmit --strict` by scripts/test-wasm.sh: the declarations are valid and
// describe what a form writes.
import { init, loadProfile, municipalities, form, validate, plan, privacy, addWorkingDays, type FormMessage } from '../index';

async function check(files: File[]): Promise<void> {
  await init();
  const towns = await municipalities();
  if (towns.type === 'success') console.log(towns.value.map((t) => `${t.name_ru}: ${t.layers.join(', ')}`));
  const loaded = await loadProfile('essentuki');
  if (loaded.type === 'failure') return;
  const f = form('essentuki');
  if (f.type === 'success') console.log(f.value.fields.filter((x) => x.required).map((x) => x.name), f.value.attachments.max_count?.value);
  const message: FormMessage = { sent_at: new Date(), text: 'Яма', attachments: files, public: true };
  const v = validate('essentuki', message);
  if (v.type === 'success') {
    const codes: string[] = v.value.findings.map((f) => f.code);
    const hide: boolean = v.value.privacy.must_be_non_public;
    console.log(codes, hide);
  } else {
    const where: (string | null | undefined)[] = v.errors.map((e) => e.path);
    console.log(where);
  }
  const p = plan('essentuki', message);
  if (p.type === 'success') console.log(p.value['answer']?.due_date);
  const h = privacy('essentuki', message);
  if (h.type === 'success') console.log(h.value.reasons);
  const d = addWorkingDays('ru', '2026-03-06', 1);
  if (d.type === 'success') console.log(d.value.length);
}
void check;
