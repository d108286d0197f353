/**
 * Rewrites the golden analyses in test/golden from the fixtures in test/fixtures (publication date fixed), after a
 * deliberate change of the extractor or its model: `npm run build && node dist/scripts/regenerate-golden.js`.
 * Review the diff before committing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDocument } from '../src/extract/pipeline.js';

export const GOLDEN_PUBLISHED_AT = '2025-06-10';
const root = fileURLToPath(new URL('../../', import.meta.url));

export function goldenAnalysis(fixture: string): string {
  const text = readFileSync(join(root, 'test/fixtures', fixture), 'utf8');
  const analysis = analyzeDocument({ id: basename(fixture, '.txt'), text, title: null, url: null, publishedAt: GOLDEN_PUBLISHED_AT });
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

export function goldenFixtures(): string[] {
  return readdirSync(join(root, 'test/fixtures')).filter((name) => name.endsWith('.txt')).sort();
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const fixture of goldenFixtures()) {
    const target = join(root, 'test/golden', `${basename(fixture, '.txt')}.json`);
    writeFileSync(target, goldenAnalysis(fixture));
    process.stdout.write(`wrote ${target}\n`);
  }
}
