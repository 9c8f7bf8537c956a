// Measures several builds side by side, launches interleaved (A, B, C, A, B, C…) so that the
// machine's slow and fast moments fall on every build alike: the time from launch to the first
// useful screen and the resident memory of each build's processes once there. Not a test: it
// prints figures. Each build has its own tauri-driver (and data folder), started by
// tests/e2e/measure-beside.sh, which passes BUILDS as JSON: [{label, app, ready, port}].
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { Session } from './webdriver.mjs';

const builds = JSON.parse(process.env.BUILDS);
const count = Number(process.env.RUNS ?? 11);
// How often the page is asked for the element, in ms: each question runs in the page.
const poll = Number(process.env.POLL ?? 25);

const url = (b) => `http://127.0.0.1:${b.port}`;

function memory(app) {
  const name = basename(app).slice(0, 15);
  const ps = execFileSync('ps', ['-eo', 'rss,stat,comm']).toString().split('\n');
  const mine = ps.filter((l) => {
    const [, stat, ...comm] = l.trim().split(/\s+/);
    const c = comm.join(' ');
    return stat && !stat.startsWith('Z') && (c === name || /^WebKit(WebProces|NetworkPr)/.test(c));
  });
  return mine.reduce((a, l) => a + Number(l.trim().split(/\s+/)[0]), 0) / 1024;
}

// First start of each: the example campaign is loaded once, so every measured start shows figures.
for (const b of builds) {
  const s = await Session.start(url(b), b.app);
  await s.find(`[data-testid="load-example"], ${b.ready}`, 20000);
  if (await s.exec('return !!document.querySelector(\'[data-testid="load-example"]\')')) await s.click('[data-testid="load-example"]');
  await s.find(b.ready, 20000);
  await s.stop();
}

const times = new Map(builds.map((b) => [b.label, []]));
const rss = new Map(builds.map((b) => [b.label, []]));
for (let i = 0; i < count; i++) {
  for (const b of builds) {
    const t0 = performance.now();
    const s = await Session.start(url(b), b.app);
    await s.find(b.ready, 20000, poll);
    times.get(b.label).push(performance.now() - t0);
    // Settled: a second later, as the secretary starts to work; only this build's processes run.
    await new Promise((r) => setTimeout(r, 1000));
    rss.get(b.label).push(memory(b.app));
    await s.stop();
    await new Promise((r) => setTimeout(r, 300));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const b of builds) {
  const t = times.get(b.label);
  console.log(`${b.label}: launch to first useful screen (${b.ready}), ${t.length} runs: ${t.map((x) => x.toFixed(0)).join(', ')} ms; median ${median(t).toFixed(0)} ms; resident memory median ${median(rss.get(b.label)).toFixed(0)} MiB`);
}
