import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { readInputs } from '../src/ingest/index.js';
import { openLibrary } from '../src/library/sqlite-library.js';
import type { Library } from '../src/library/types.js';
import type { SourceDocument } from '../src/model/types.js';

// Shared by the web tests: a temporary library filled with the sample collection and one hostile article.

export const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';
export const HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_LINK = 'javascript:window.__pwned=1';
export const HOSTILE_TITLE = `Council row ${HOSTILE_SCRIPT} ${HOSTILE_IMG}`;
export const HOSTILE_TEXT =
  `Mayor Ada Quill said on Tuesday that "${HOSTILE_SCRIPT} is not a budget plan."\n\n` +
  `"Nobody should click ${HOSTILE_LINK} or trust ${HOSTILE_IMG} in a council email," Quill told reporters.\n\n` +
  `Councillor Ben Ortiz said the warning came too late.`;

export interface Fixture {
  readonly library: Library;
  /** Article id of the hostile article. */
  readonly hostileId: string;
  close(): Promise<void>;
}

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));

/** Ingests samples/articles.jsonl, samples/channel9-interview.html and the hostile article into a temp library. */
export async function buildFixture(): Promise<Fixture> {
  const directory = mkdtempSync(join(tmpdir(), 'hearsay-web-'));
  const library = openLibrary(join(directory, 'library.db'));
  // As `hearsay ingest samples` reads them: every article file of the folder, in name order.
  const documents: SourceDocument[] = [];
  for await (const result of readInputs([samples], { recursive: true })) {
    assert.ok(result.ok, `sample ${result.input} is readable`);
    documents.push(result.document);
  }
  for (const document of documents) await library.ingest(document, analyzeDocument(document));
  const hostile: SourceDocument = { id: 'hostile', text: HOSTILE_TEXT, title: HOSTILE_TITLE, url: 'https://hostile.test/council', publishedAt: '2024-06-04' };
  const stored = await library.ingest(hostile, analyzeDocument(hostile));
  assert.equal(stored.status, 'stored', 'the hostile fixture article is stored');
  return {
    library,
    hostileId: stored.articleId ?? '',
    async close() {
      await library.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

test('the web fixture library holds the samples and the hostile article, with spans that slice', async () => {
  const fixture = await buildFixture();
  try {
    const stats = await fixture.library.stats();
    assert.ok(stats.articles >= 10, `expected at least 10 current articles, found ${stats.articles}`);
    assert.ok(stats.clusters >= 1, 'the samples produce at least one cluster');
    const hostile = await fixture.library.getArticle(fixture.hostileId);
    assert.ok(hostile !== null);
    assert.equal(hostile.title, HOSTILE_TITLE);
    assert.ok(hostile.analysis.statements.length >= 1, 'the hostile article has statements, so its text is highlighted');
    for (const statement of hostile.analysis.statements) {
      for (const piece of statement.content) assert.equal(hostile.analysis.document.text.slice(piece.start, piece.end), piece.text);
    }
  } finally {
    await fixture.close();
  }
});

test('the samples cluster by what was said, not by the name of the project every report mentions', async () => {
  const fixture = await buildFixture();
  try {
    const clusterOf = async (words: string): Promise<string | null> => {
      const hits = await fixture.library.search({ text: `"${words}"`, limit: 5 });
      assert.ok(hits.items.length > 0, `a statement with "${words}"`);
      return hits.items[0]!.clusterId;
    };
    const late = await clusterOf('two years late');
    assert.ok(late !== null, 'the delay statement is reported by several outlets');
    for (const other of ['lose their job', 'independent audit', 'late 2026']) assert.notEqual(await clusterOf(other), late, `"${other}" is another utterance`);
    const hedged = await fixture.library.getCluster((await clusterOf('late 2026')) ?? '');
    assert.deepEqual(hedged?.reports.map((report) => report.outlet), ['valley-gazette.test', 'harbour-weekly.test']);
  } finally {
    await fixture.close();
  }
});
