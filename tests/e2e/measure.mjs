// Measures the application as a secretary meets it: time from launch to an interactive window,
// and the memory of its processes once the example campaign is loaded. Not a test: it prints
// figures. Run: tests/e2e/run.sh target/release/thidua-desktop measure.mjs
import { execFileSync } from 'node:child_process';
import { Session } from './webdriver.mjs';

const runs = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const s = await Session.start('http://127.0.0.1:4444', process.env.APP);
  await s.find('[data-testid="load-example"], [data-testid="campaign-name"]', 20000);
  runs.push(performance.now() - t0);
  if (i === 4) {
    if (await s.exec('return !!document.querySelector(\'[data-testid="load-example"]\')')) await s.click('[data-testid="load-example"]');
    await s.find('[data-testid="campaign-name"]');
    const ps = execFileSync('ps', ['-eo', 'rss,comm']).toString().split('\n');
    const mine = ps.filter((l) => /thidua-desktop|WebKitWebProces|WebKitNetworkPr/.test(l));
    const kib = mine.reduce((a, l) => a + Number(l.trim().split(/\s+/)[0]), 0);
    console.log(mine.map((l) => l.trim()).join('\n'));
    console.log(`resident memory, application + web view processes: ${(kib / 1024).toFixed(0)} MiB`);
  }
  await s.stop();
}
runs.sort((a, b) => a - b);
console.log(`launch to interactive window (WebDriver session start to first control), 5 runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms; median ${runs[2].toFixed(0)} ms`);
console.log('main path: ok');
