import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openLibraryFromSpec } from '../src/library/open.js';
import { linkingSummary } from '../src/library/postgres/linking-summary.js';
import { createScratchDatabase, postgresAvailable, type ScratchDatabase } from '../src/library/postgres/scratch-database.js';
import type { Library } from '../src/library/types.js';
import { buildAnalysis, document, HELD, VARGA, type ArticleSpec } from './helpers/library-scenario.js';

/**
 * Clusters are the connected reports of one utterance, whatever order the articles arrive in (concurrent workers store
 * them in any order). Every article below is invented for this test.
 */

const FEES = 'the harbour fees will stay the same for local fishermen';
const FERRY = 'the ferry terminal opens before midsummer';
const CRANES = 'the new cranes arrive before the winter storms';

function article(id: string, day: number, sentences: ReadonlyArray<readonly [speaker: string, content: string]>): ArticleSpec {
  const text = sentences.map(([speaker, content], index) => `${speaker} said in remark ${index + 1} of ${id} that ${content}.`).join('\n') + `\nFiled by ${id}.\n`;
  return {
    document: document(id, text, `https://${id}.test/harbour`, `2024-04-${String(day).padStart(2, '0')}`, `Harbour news ${id}`),
    statements: sentences.map(([speaker, content]) => ({ kind: 'indirect', content, cue: ['said', 'say', 'neutral'], source: speaker, speaker })),
  };
}

const ARTICLES: readonly ArticleSpec[] = [
  // One article reports the same words twice: a later report links to both.
  article('twice', 1, [
    [VARGA, FEES],
    [VARGA, FEES],
  ]),
  article('once', 2, [[VARGA, FEES]]),
  article('ferry-a', 3, [[HELD, FERRY]]),
  article('ferry-b', 4, [[HELD, FERRY]]),
  article('cranes-a', 5, [[HELD, CRANES]]),
  article('cranes-b', 6, [[HELD, CRANES]]),
  // The whole utterance, of which each pair above reported a part: it links both pairs into one cluster.
  article('whole', 7, [[HELD, `${FERRY} and ${CRANES}`]]),
];

const EXPECTED = [
  'cranes-a/s1 cranes-b/s1 ferry-a/s1 ferry-b/s1 whole/s1',
  'once/s1 twice/s1 twice/s2',
];

const ORDERS: ReadonlyArray<readonly number[]> = [
  [0, 1, 2, 3, 4, 5, 6],
  [6, 5, 4, 3, 2, 1, 0],
  [1, 0, 2, 4, 6, 3, 5],
];

const directory = mkdtempSync(join(tmpdir(), 'hearsay-cluster-order-'));
const postgresUp = await postgresAvailable();
const scratches: ScratchDatabase[] = [];

async function clustersAfter(open: () => Promise<Library>, order: readonly number[]): Promise<readonly string[]> {
  const library = await open();
  try {
    for (const index of order) await library.ingest(ARTICLES[index]!.document, buildAnalysis(ARTICLES[index]!));
    return (await linkingSummary(library)).clusters;
  } finally {
    await library.close();
  }
}

describe('statement clusters do not depend on ingest order', () => {
  after(async () => {
    for (const scratch of scratches) await scratch.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  for (const [position, order] of ORDERS.entries()) {
    test(`SQLite, order ${order.join(' ')}`, async () => {
      assert.deepEqual(await clustersAfter(() => openLibraryFromSpec(join(directory, `order-${position}.db`)), order), EXPECTED);
    });
    test(`PostgreSQL, order ${order.join(' ')}`, { skip: postgresUp ? false : 'PostgreSQL is not reachable (set HEARSAY_TEST_POSTGRES)' }, async () => {
      assert.deepEqual(
        await clustersAfter(async () => {
          const scratch = await createScratchDatabase(`hearsay_test_cluster_order_${position}`);
          scratches.push(scratch);
          return openLibraryFromSpec(scratch.url);
        }, order),
        EXPECTED,
      );
    });
  }
});
