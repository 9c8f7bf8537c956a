// The window's fonts are subset to the ranges scripts/subset-fonts.sh lists: every character the
// UI's own text uses must lie in them, or it would fall back to another font.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const script = readFileSync(join(root, '..', 'scripts', 'subset-fonts.sh'), 'utf8');
const ranges = (/^ranges="([^"]+)"/m.exec(script)?.[1] ?? '').split(',').map((r) => {
  const [a, b] = r.replace(/U\+/g, '').split('-');
  return [parseInt(a, 16), parseInt(b ?? a, 16)] as const;
});
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  if (statSync(p).isDirectory()) return files(p);
  return /\.(svelte|ts)$/.test(f) && !/\.test\.ts$/.test(f) && f !== 'bindings.ts' ? [p] : [];
});

describe('the subset fonts', () => {
  it('cover every character of the interface', () => {
    expect(ranges.length).toBeGreaterThan(5);
    const outside = new Map<string, string>();
    for (const f of files(join(root, 'src'))) {
      for (const ch of readFileSync(f, 'utf8').normalize('NFC')) {
        const c = ch.codePointAt(0)!;
        if (c < 0x20) continue;
        if (!ranges.some(([a, b]) => c >= a && c <= b)) outside.set(ch, f);
      }
    }
    expect([...outside].map(([ch, f]) => `${ch} U+${ch.codePointAt(0)!.toString(16)} in ${f}`)).toEqual([]);
  });

  it('are the WOFF2 files the stylesheet loads', () => {
    const css = readFileSync(join(root, 'src', 'app.css'), 'utf8');
    const urls = [...css.matchAll(/url\('\/fonts\/([^']+)'\)/g)].map((m) => m[1]);
    expect(urls).toEqual(['Arimo-Regular.woff2', 'Arimo-Bold.woff2', 'Arimo-Italic.woff2']);
    for (const u of urls) {
      const bytes = readFileSync(join(root, 'public', 'fonts', u));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.length).toBeLessThan(64 * 1024);
    }
  });
});
