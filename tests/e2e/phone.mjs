// A council member's phone: the meeting room's page in headless Chromium at a phone's size.
// The secretary's records are made with the command line (the example campaign appraised, two
// members, a meeting), `thidua meeting serve` gives each member present a link; the phone opens
// one, fills the whole sheet, sends it, and `thidua ranking --json` finds the member's scores.
// Usage: node tests/e2e/phone.mjs path/to/thidua  (CHROMEDRIVER, SHOTS optional)
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Session } from './webdriver.mjs';

const thidua = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'phone-'));
const shots = process.env.SHOTS ?? dir;
const db = join(dir, 'records.sqlite3');
const t = (...args) => execFileSync(thidua, ['--db', db, '--user', 'Thư ký', ...args]).toString();

t('init', '--example');
t('import', new URL('../fixtures/nominations-example.csv', import.meta.url).pathname);
t('appraise', '--accept-all');
t('members', 'add', 'Hà Kim Oanh', '--role', 'Chủ tịch Hội đồng');
t('members', 'add', 'Lý Thị Hằng', '--role', 'Ủy viên thư ký');
t('meeting', 'open', '--date', '2024-01-08');

const serve = spawn(thidua, ['--db', db, 'meeting', 'serve', '--bind', '127.0.0.1', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
const lines = createInterface({ input: serve.stdout });
const links = [];
for await (const line of lines) {
  links.push(JSON.parse(line));
  if (links.length === 2) break;
}
const link = links.find((l) => l.member === 'Hà Kim Oanh');
assert.ok(link.url.startsWith('http://127.0.0.1:'), link.url);

const port = 9515 + Math.floor(Math.random() * 400);
const driver = spawn(process.env.CHROMEDRIVER ?? 'chromedriver', [`--port=${port}`], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(`${base}/status`)).ok) break; } catch { /* starting */ }
  await new Promise((r) => setTimeout(r, 100));
}
let s;
try {
  s = await Session.startWith(base, {
    browserName: 'chrome',
    'goog:chromeOptions': {
      binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--user-data-dir=${join(dir, 'chrome')}`, '--window-size=390,844'],
      mobileEmulation: { deviceMetrics: { width: 390, height: 844, pixelRatio: 2 } },
    },
  });
  await s.cmd('POST', '/url', { url: link.url });
  await s.waitText('#who', (x) => x.includes('Hà Kim Oanh'), 15000);
  const cells = await s.exec('return document.querySelectorAll("input[data-n]").length;');
  assert.equal(cells, 26, 'two collectives × 7 criteria and four individuals × 3');
  await s.waitText('#status', (x) => x.includes('Còn 26 ô chưa chấm'));
  await s.screenshot(`${shots}/phone-empty.png`);
  // Type every cell as a member would: 7,5 everywhere (the page checks each against its maximum).
  const ids = await s.exec('return Array.from(document.querySelectorAll("input[data-n]")).map((e, i) => (e.id = "cell" + i));');
  for (const id of ids) await s.type(`#${id}`, '7,5');
  await s.waitText('#status', (x) => x.includes('Đã chấm đủ'));
  // The draft is kept on the phone: a reload brings the typed cells back before sending.
  await s.cmd('POST', '/refresh', {});
  await s.waitText('#status', (x) => x.includes('Đã chấm đủ'), 15000);
  await s.click('#send');
  await s.waitText('#status', (x) => x.includes('Đã ghi phiếu (26 ô)'), 15000);
  await s.screenshot(`${shots}/phone-sent.png`);
  // A result is never shown on the phone.
  const page = await s.exec('return document.body.innerText;');
  assert.doesNotMatch(page, /trung bình|xếp hạng|KẾT QUẢ/i);
  // The member starts correcting a cell; the secretary locks the sheets and shows the ranking:
  // the phone learns both on its own, and what is typed stays.
  await s.type('input[data-n]', '5');
  t('meeting', 'lock');
  t('meeting', 'results', '--show');
  await s.waitText('#status', (x) => x.includes('Thư ký đã khóa phiếu'), 15000);
  await s.waitText('#ranking', (x) => x.includes('Phòng Tài chính - Kế hoạch'), 15000);
  const after = await s.exec('const c = document.querySelector("input[data-n]"); return [c.value, c.disabled, document.getElementById("send").disabled];');
  assert.deepEqual(after, ['5', true, true]);
  await s.exec('document.getElementById("results").scrollIntoView();');
  await s.screenshot(`${shots}/phone-results.png`);
} finally {
  if (s) await s.stop();
  driver.kill();
  serve.kill('SIGTERM');
}
await new Promise((r) => serve.on('exit', r));
const rows = JSON.parse(t('ranking', '--json'));
assert.equal(rows.length, 6);
for (const r of rows) {
  assert.equal(r.counted, 1, `${r.name}: the phone's sheet counts`);
  assert.ok(r.average_text, `${r.name} has an average`);
}
console.log(`phone: ok (${rows.length} nominees ranked from the phone's sheet); screenshots: ${shots}`);
