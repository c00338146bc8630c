// End to end: serves the form on 127.0.0.1 and drives it in headless Chromium (Debian's chromium
// via playwright-core) as a citizen would, keyboard included: for every municipality of the data
// set, at desktop and phone widths, fills what the form asks for and sends; then shows the
// findings for six photos, a phone number in a public message, English text and an obscene
// word. axe-core checks accessibility. Screenshots go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(HERE, 'test-output');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream' };
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const INDEX = JSON.parse(fs.readFileSync(path.join(ROOT, 'bindings-wasm/pkg/index.json'), 'utf8'));
const NOW = '2026-03-06T11:00:00+03:00';
const WIDTHS = { desktop: { width: 1000, height: 1400 }, phone: { width: 360, height: 780 } };

let server;
let browser;
let base;
const requests = [];

before(async () => {
  // A tiny static server over the repository, so the page can import ../../bindings-wasm/.
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = path.normalize(path.join(ROOT, decodeURIComponent(url.pathname)));
    if (!file.startsWith(ROOT) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

async function open(viewport) {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/examples/web-form/index.html?now=${encodeURIComponent(NOW)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

async function axe(page, what) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  const bad = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `${what}: axe-core violations`);
}

const photo = (i) => ({ name: `photo-${i}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.alloc(150_000 + i, 0xff) });
const TEXT = 'Во дворе дома на улице Пушкина, 12 третью неделю не вывозят мусор, контейнеры переполнены. Прошу принять меры.';

/** Fills every field the form shows for the municipality, with the keyboard where a citizen would. */
async function fill(page) {
  await page.focus('#f-text');
  await page.keyboard.type(TEXT, { delay: 0 });
  if (await page.locator('#f-category').count()) {
    // The first real category, chosen with the keyboard.
    await page.focus('#f-category');
    await page.keyboard.press('ArrowDown');
    await page.selectOption('#f-category', { index: 1 });
  }
  if (await page.locator('#f-event-date').count()) await page.fill('#f-event-date', '05.03.2026');
  if (await page.locator('#f-event-time').count()) await page.fill('#f-event-time', '14:30');
  if (await page.locator('#f-event-place').count()) await page.fill('#f-event-place', 'ул. Пушкина, 12');
  if (await page.locator('#f-contact-name').count()) await page.fill('#f-contact-name', 'Иванов Иван Иванович');
  if (await page.locator('#f-contact-phone').count()) await page.fill('#f-contact-phone', '+7 912 345-67-89');
  await page.setInputFiles('#f-attachments', [photo(1), photo(2)]);
}

test('the data set lists the five municipalities', () => {
  const ids = INDEX.profiles.map((p) => p.id);
  for (const id of ['essentuki', 'kislovodsk', 'mikhailovka', 'mamadysh', 'tynda']) assert.ok(ids.includes(id), id);
});

for (const [width, viewport] of Object.entries(WIDTHS)) {
  test(`every municipality: the empty form is calm, the filled form is sent (${width})`, { timeout: 300_000 }, async () => {
    requests.length = 0;
    const { page, errors } = await open(viewport);
    // The picker lists what the module's data index lists, not a list in the page.
    const options = await page.locator('#profile option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(options, INDEX.profiles.map((p) => p.id));
    for (const { id } of INDEX.profiles) {
      await page.selectOption('#author', 'esia');
      await page.selectOption('#profile', id);
      await page.waitForFunction((id) => document.querySelector('#act')?.textContent && document.querySelector('#profile').value === id, id);
      // Nothing is red before the citizen has touched anything.
      assert.equal(await page.locator('.field-error p').count(), 0, `${id}: errors on the empty form`);
      await fill(page);
      // Expected dates in the order they fall, in Russian format, the explanation one click away.
      const dues = await page.locator('#plan time').evaluateAll((ts) => ts.map((t) => [t.dateTime, t.textContent]));
      if (dues.length === 0) {
        // No term runs from the sending (Mamadysh counts from registration): the page says so.
        assert.ok(await page.locator('#plan-none').isVisible(), `${id}: no dates and no word why`);
      } else {
        for (const [, text] of dues) assert.match(text, /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
        const instants = dues.map(([iso]) => Date.parse(iso));
        assert.deepEqual(instants, [...instants].sort((a, b) => a - b), `${id}: dates out of order`);
        const names = await page.locator('#plan > li').evaluateAll((ls) => ls.map((l) => l.dataset.term));
        if (names.includes('registration') && names.includes('answer')) assert.ok(names.indexOf('registration') < names.indexOf('answer'), `${id}: ${names}`);
        await page.locator('#plan details summary').first().click();
        assert.ok(await page.locator('#plan details[open] li').first().isVisible(), `${id}: explanation`);
      }

      // Sent with the keyboard: Enter on the button.
      await page.focus('#send');
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-sent]', { timeout: 10_000 });
      assert.equal(await page.getAttribute('body', 'data-sent'), id);
      assert.equal(await page.locator('.field-error p.error').count(), 0, `${id}: errors after filling`);
      assert.ok(await page.locator('#sent').isVisible(), `${id}: the confirmation`);
      await page.screenshot({ path: path.join(OUT, `sent-${id}-${width}.png`), fullPage: true });
      if (id === INDEX.profiles[0].id) await axe(page, `${id} ${width}`);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${id} ${width}: ${overflow}px wider than the screen`);
      await page.evaluate(() => delete document.body.dataset.sent);
    }
    // Each data file was fetched once by this page, however often the municipality was chosen.
    const bins = requests.filter((r) => r.endsWith('.bin'));
    assert.equal(bins.length, new Set(bins).size, `fetched twice: ${bins}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('Tynda needs ESIA: the portal account sees why it cannot send, not a field to fix', { timeout: 120_000 }, async () => {
  const { page, errors } = await open(WIDTHS.desktop);
  await page.selectOption('#profile', 'tynda');
  await page.waitForFunction(() => document.querySelector('#act')?.textContent.includes('Тынд') || document.querySelector('#profile').value === 'tynda');
  await page.selectOption('#author', 'portal');
  await fill(page);
  await page.click('#send');
  await page.locator('#access').waitFor({ state: 'visible' });
  assert.match(await page.innerText('#access'), /Госуслуг/);
  assert.match(await page.innerText('#access'), /п\. 1\.3 регламента/);
  assert.equal(await page.locator('.field-error [data-code="esia_required"]').count(), 0);
  assert.equal(await page.locator('body[data-sent]').count(), 0);
  await page.screenshot({ path: path.join(OUT, 'tynda-portal-account.png'), fullPage: true });
  await page.selectOption('#author', 'esia');
  await page.locator('#access').waitFor({ state: 'hidden' });
  await page.click('#send');
  await page.waitForSelector('body[data-sent="tynda"]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the findings a citizen can fix, at their fields, with the clause (Essentuki)', { timeout: 180_000 }, async () => {
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    const { page, errors } = await open(viewport);
    await page.selectOption('#author', 'esia');
    await page.selectOption('#profile', 'essentuki');
    await page.waitForFunction(() => document.querySelector('#profile').value === 'essentuki' && document.querySelector('#f-event-time'));
    await fill(page);

    // Six photos: one more than clause 24 allows.
    await page.setInputFiles('#f-attachments', [1, 2, 3, 4, 5, 6].map(photo));
    const count = page.locator('#f-attachments-error [data-code="attachment_count"]');
    await count.waitFor();
    assert.match(await count.innerText(), /п\. 24 регламента/);
    assert.equal(await page.getAttribute('#f-attachments', 'aria-invalid'), 'true');

    // A phone number in a message the author wants public: said once, at the public flag.
    await page.check('#f-public');
    await page.fill('#f-text', `${TEXT} Звоните мне: +7 (912) 345-67-89.`);
    const pub = page.locator('#f-public-error [data-code="personal_data_public"]');
    await pub.waitFor();
    assert.match(await pub.innerText(), /п\. 31 регламента/);
    assert.equal(await page.locator('[data-code="personal_data_public"]').count(), 1);

    // English text; an obscene word.
    await page.fill('#f-text', 'The garbage in the yard has not been collected for a week, please help.');
    await page.locator('#f-text').blur();
    await page.locator('#f-text-error [data-code="not_russian"]').waitFor();
    await page.fill('#f-text', 'Во дворе дома 5 по улице Ленина опять пиздец с мусором');
    await page.locator('#f-text-error [data-code="obscenity"]').waitFor();
    assert.match(await page.innerText('#f-text-error'), /нецензурн/);
    // The screenshot shows them all; sending is refused and focus goes to the first bad field.
    await page.click('#send');
    assert.equal(await page.locator('body[data-sent]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
    await page.screenshot({ path: path.join(OUT, `findings-essentuki-${width}.png`), fullPage: true });
    await axe(page, `findings ${width}`);

    // Fixed: five photos, a clean Russian text, not public.
    await page.setInputFiles('#f-attachments', [1, 2, 3, 4, 5].map(photo));
    await count.waitFor({ state: 'detached' });
    await page.fill('#f-text', TEXT);
    await page.click('#send');
    await page.waitForSelector('body[data-sent="essentuki"]');
    assert.deepEqual(errors, []);
    await page.close();
  }
});
