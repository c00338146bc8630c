// End to end: serves the form on 127.0.0.1, drives it in headless Chromium (Debian's chromium via
// playwright-core), checks the live findings and the non-public hint, and takes a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const HERE = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(HERE, 'test-output');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

let server;
let browser;
let base;

before(async () => {
  // A tiny static server over the repository, so the page can import ../../bindings-wasm/.
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
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
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

const photo = (i) => ({ name: `photo-${i}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.alloc(150_000 + i, 0xff) });

test('the form checks a message live before it is sent', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/examples/web-form/index.html?now=${encodeURIComponent('2026-03-06T11:00:00+03:00')}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });

  await page.selectOption('#profile', 'essentuki');
  await page.fill('#text', 'Во дворе дома на ул. Пушкина, 12 третью неделю не вывозят мусор, контейнеры переполнены. Прошу принять меры.');
  await page.fill('#event-date', '2026-03-05');
  await page.fill('#event-place', 'ул. Пушкина, 12');

  // Six photos for Essentuki: one more than clause 24 allows.
  await page.setInputFiles('#photos', [1, 2, 3, 4, 5, 6].map(photo));
  const count = page.locator('#findings li[data-code="attachment_count"]');
  await count.waitFor({ timeout: 10_000 });
  assert.match(await count.innerText(), /24/);
  assert.equal(await page.isDisabled('#send'), true);

  // Expected dates are shown.
  await page.locator('#plan tbody tr').first().waitFor();
  assert.ok((await page.locator('#plan tbody tr').count()) >= 1);

  // A phone number in a public message: the non-public hint.
  assert.equal(await page.isVisible('#privacy-hint'), false);
  await page.fill('#text', 'Во дворе дома на ул. Пушкина, 12 не вывозят мусор. Звоните мне: +7 (912) 345-67-89.');
  await page.locator('#privacy-hint').waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await page.innerText('#privacy-hint'), /непубличным/);

  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'form.png'), fullPage: true });

  // Unticking "publish" removes the hint; five photos remove the count finding.
  await page.uncheck('#public');
  await page.locator('#privacy-hint').waitFor({ state: 'hidden' });
  await page.setInputFiles('#photos', [1, 2, 3, 4, 5].map(photo));
  await count.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});
