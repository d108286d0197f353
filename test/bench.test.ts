import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { readTextCorpus } from '../src/bench/corpus.js';
import { percentile } from '../src/bench/stats.js';
import { measureThroughput } from '../src/bench/throughput.js';
import { cpuThroughputRatio, throughputRatio } from '../src/bench/report.js';
import { BENCH_SECTIONS } from '../src/bench/sections.js';

// Articles written for these tests.
const ARTICLES = [
  'The mayor said the bridge will open in May. “We are ready,” she added.',
  'Critics claimed the rules were broken, according to a letter seen by reporters.',
  'Prices rose by 3 percent last year, the ministry said on Tuesday. Ünïcode bytes: café, naïve.',
];

const temporary = mkdtempSync(join(tmpdir(), 'hearsay-bench-'));
after(() => rmSync(temporary, { recursive: true, force: true }));
ARTICLES.forEach((text, index) => writeFileSync(join(temporary, `article-${index}.txt`), text));
writeFileSync(join(temporary, 'notes.md'), 'not an article');

test('bench: the corpus reader keeps .txt files only, in name order, with UTF-8 byte counts', () => {
  const corpus = readTextCorpus(temporary);
  assert.deepEqual(corpus.names, ['article-0.txt', 'article-1.txt', 'article-2.txt']);
  assert.deepEqual(corpus.texts, ARTICLES);
  assert.equal(corpus.totalBytes, ARTICLES.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  assert.ok(corpus.bytes[2]! > ARTICLES[2]!.length, 'accented letters take two bytes');
  assert.equal(readTextCorpus(temporary, 2).texts.length, 2);
  assert.throws(() => readTextCorpus(join(temporary, 'missing')), { name: 'HearsayError' });
});

test('bench: nearest-rank percentiles', () => {
  const values = Float64Array.from({ length: 100 }, (_, index) => index + 1);
  assert.equal(percentile(values, 0.5), 50);
  assert.equal(percentile(values, 0.99), 99);
  assert.equal(percentile([7], 0.99), 7);
  assert.equal(percentile([], 0.5), 0);
});

test('bench: throughput measures every pass of the corpus and counts the work done', () => {
  const corpus = readTextCorpus(temporary);
  const seen: string[] = [];
  const figures = measureThroughput(corpus, (text) => (seen.push(text), 2), { seconds: 1e9, passes: 2, warmupSeconds: 1e9 });
  assert.equal(figures.warmup, 3);
  assert.equal(figures.measured, 6);
  assert.equal(seen.length, 9, 'one warm-up pass, then two measured passes');
  // The bench's sections warm up over several passes until their warm-up time is spent.
  assert.equal(measureThroughput(corpus, () => 1, { seconds: 1e9, passes: 1, warmupSeconds: 1e9, warmupPasses: 4 }).warmup, 12);
  assert.equal(measureThroughput(corpus, () => 1, { seconds: 1e9, passes: 1, warmupSeconds: 0, warmupPasses: 4 }).warmup, 1);
  assert.equal(figures.itemsPerArticle, 2);
  assert.ok(figures.p50Ms <= figures.p99Ms);
  assert.ok(figures.peakRssMb > 0 && figures.sampledRssMb > 0);
});

test('bench: the ratio needs both sides', () => {
  assert.equal(throughputRatio({ articles: 1, bytes: 1, loadAverage: 0, hearsay: { articlesPerSec: 500 }, compromise: { articlesPerSec: 50 } }), 10);
  assert.equal(throughputRatio({ articles: 1, bytes: 1, loadAverage: 0, hearsay: { articlesPerSec: 500 } }), null);
  assert.equal(cpuThroughputRatio({ articles: 1, bytes: 1, loadAverage: 0, hearsay: { cpuArticlesPerSec: 600 }, compromise: { cpuArticlesPerSec: 40 } }), 15);
  assert.equal(cpuThroughputRatio({ articles: 1, bytes: 1, loadAverage: 0, hearsay: { articlesPerSec: 500 }, compromise: { articlesPerSec: 50 } }), null);
  assert.deepEqual(BENCH_SECTIONS.map((section) => section.key), ['hearsay', 'compromise', 'ingest', 'search', 'postgres']);
  assert.deepEqual(BENCH_SECTIONS.filter((section) => section.optIn === true).map((section) => section.name), ['postgres'], 'only the postgres section waits for --only');
});

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'bench.js');

test('bench script: runs both sides end to end on a tiny corpus and prints one JSON object last', () => {
  const run = spawnSync(process.execPath, [script, '--corpus', temporary, '--json', '--seconds', '1'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  const result = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  assert.equal(result['articles'], ARTICLES.length);
  assert.equal(result['bytes'], ARTICLES.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  for (const side of ['hearsay', 'compromise']) {
    const figures = result[side] as Record<string, number>;
    for (const key of ['articlesPerSec', 'cpuArticlesPerSec', 'mbPerSec', 'p50Ms', 'p99Ms', 'peakRssMb']) assert.ok(Number.isFinite(figures[key]) && figures[key]! >= 0, `${side}.${key} = ${figures[key]}`);
    assert.ok(figures['articlesPerSec']! > 0, `${side} processed articles`);
    assert.ok(figures['measured']! >= 1);
    assert.ok(figures['p50Ms']! <= figures['p99Ms']!);
  }
  assert.equal(typeof result['ratio'], 'number');
  assert.equal(typeof result['cpuRatio'], 'number');
});

test('bench script: --only runs one section; user mistakes exit 2 with one line', () => {
  const peerOnly = spawnSync(process.execPath, [script, '--corpus', temporary, '--json', '--seconds', '1', '--only', 'peer'], { encoding: 'utf8' });
  assert.equal(peerOnly.status, 0, peerOnly.stderr);
  const result = JSON.parse(peerOnly.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  assert.ok('compromise' in result && !('hearsay' in result) && !('ratio' in result));
  for (const args of [['--corpus', temporary, '--only', 'nothing'], ['--corpus', temporary, '--seconds', 'soon'], ['--json']]) {
    const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  }
});
