import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { goldenAnalysis, goldenFixtures } from '../scripts/regenerate-golden.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('golden analyses: each fixture analyzes to its stored output (regenerate with scripts/regenerate-golden.ts)', () => {
  const fixtures = goldenFixtures();
  assert.ok(fixtures.length > 0, 'expected at least one fixture in test/fixtures');
  for (const fixture of fixtures) {
    const expected = readFileSync(join(root, 'test/golden', `${basename(fixture, '.txt')}.json`), 'utf8');
    assert.equal(goldenAnalysis(fixture), expected, `${fixture} differs from its golden file`);
  }
});
