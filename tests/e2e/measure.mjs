// Measures the application as a secretary meets it: the time from launch to the first useful
// screen (the overview with the campaign's figures), and the memory of its processes once there.
// Not a test: it prints figures. The same script measures a bare Tauri app whose page has the
// element READY names. Run: tests/e2e/run.sh target/release/thidua-desktop measure.mjs
// (READY='[data-testid="campaign-name"]' for a bare app; RUNS, default 7).
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { Session } from './webdriver.mjs';

const ready = process.env.READY ?? '[data-testid="count-total"]';
const count = Number(process.env.RUNS ?? 7);
// How often the page is asked for the element, in ms (POLL): each question runs in the page.
const poll = Number(process.env.POLL ?? 100);

// First start: the example campaign is loaded once, so every measured start shows figures.
{
  const s = await Session.start('http://127.0.0.1:4444', process.env.APP);
  await s.find(`[data-testid="load-example"], ${ready}`, 20000);
  if (await s.exec('return !!document.querySelector(\'[data-testid="load-example"]\')')) await s.click('[data-testid="load-example"]');
  await s.find(ready, 20000);
  await s.stop();
}

const runs = [];
for (let i = 0; i < count; i++) {
  const t0 = performance.now();
  const s = await Session.start('http://127.0.0.1:4444', process.env.APP);
  await s.find(ready, 20000, poll);
  runs.push(performance.now() - t0);
  if (i === count - 1) {
    // Settled: a second later, as the secretary starts to work.
    await new Promise((r) => setTimeout(r, 1000));
    const app = basename(process.env.APP).slice(0, 15);
    const ps = execFileSync('ps', ['-eo', 'rss,comm']).toString().split('\n');
    const mine = ps.filter((l) => {
      const comm = l.trim().split(/\s+/).slice(1).join(' ');
      return comm === app || /^WebKit(WebProces|NetworkPr)/.test(comm);
    });
    const kib = mine.reduce((a, l) => a + Number(l.trim().split(/\s+/)[0]), 0);
    console.log(mine.map((l) => l.trim()).join('\n'));
    console.log(`resident memory, application + web view processes: ${(kib / 1024).toFixed(0)} MiB`);
  }
  await s.stop();
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)];
console.log(`launch to first useful screen (${ready}), ${runs.length} runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms; median ${median.toFixed(0)} ms`);
