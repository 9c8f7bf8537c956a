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
// Where the time went, from the page's own clock: launch to the page's navigation (the shell and
// its web view starting), navigation to DOMContentLoaded (the page's scripts), and on to the
// first useful screen (its data).
const phases = new Map(builds.map((b) => [b.label, { shell: [], script: [], data: [], marks: {} }]));
for (let i = 0; i < count; i++) {
  for (const b of builds) {
    const t0 = performance.now();
    const s = await Session.start(url(b), b.app);
    await s.find(b.ready, 20000, poll);
    const total = performance.now() - t0;
    times.get(b.label).push(total);
    const asked = performance.now();
    const page = await s.exec(`const n = performance.getEntriesByType('navigation')[0];
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('thidua:'))
        .map((m) => [m.name.slice(7), m.startTime]);
      return { now: performance.now(), dom: n ? n.domContentLoadedEventEnd : 0, marks };`);
    // The page read its clock between the question and the answer: taken as half-way.
    const navigation = (asked + performance.now()) / 2 - t0 - page.now;
    const p = phases.get(b.label);
    p.shell.push(navigation);
    p.script.push(page.dom);
    p.data.push(total - navigation - page.dom);
    // The application's own marks (ms since the page's navigation), when it sets them.
    for (const [name, at] of page.marks) (p.marks[name] ??= []).push(at);
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
  const p = phases.get(b.label);
  console.log(`${b.label}: medians: launch to the page's navigation ${median(p.shell).toFixed(0)} ms, to DOMContentLoaded +${median(p.script).toFixed(0)} ms, to the first useful screen +${median(p.data).toFixed(0)} ms`);
  const marks = Object.entries(p.marks).map(([name, at]) => `${name} ${median(at).toFixed(0)}`);
  if (marks.length) console.log(`${b.label}: the page's marks, medians in ms from its navigation: ${marks.join(', ')}`);
}
