import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { makeSpan } from '../src/model/span.js';
import type { Analysis, Statement } from '../src/model/types.js';
import { readBratCorpus } from '../src/eval/brat.js';
import { matchPieces, normalizePieces, overlapSize, scoreCorpus, type Predict } from '../src/eval/score.js';
import { evalFigures } from '../src/eval/report.js';
import { contextOf, formatErrors, spreadSample } from '../src/eval/errors.js';

type Range = readonly [number, number];

/** Offsets of the first `needle` at or after `from`; the fixture is wrong when it is missing. */
function at(text: string, needle: string, from = 0): Range {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: '${needle}' not in text`);
  return [start, start + needle.length];
}

interface FixtureRelation {
  readonly source: Range | null;
  readonly cue: readonly Range[];
  readonly content: readonly Range[];
}

function annotationFile(text: string, relations: readonly FixtureRelation[]): string {
  const lines: string[] = [];
  let spanNumber = 0;
  const span = (type: string, pieces: readonly Range[]): string => {
    const id = `T${++spanNumber}`;
    lines.push(`${id}\t${type} ${pieces.map(([start, end]) => `${start} ${end}`).join(';')}\t${pieces.map(([start, end]) => text.slice(start, end)).join(' ')}`);
    return id;
  };
  relations.forEach((relation, index) => {
    const source = relation.source === null ? null : span('Source', [relation.source]);
    const cue = span('Cue', relation.cue);
    const content = span('Content', relation.content);
    const anchor = span('Attribution', relation.cue);
    lines.push(`E${index + 1}\tAttribution:${anchor} Content:${content} Cue:${cue}${source === null ? '' : ` Source:${source}`}`);
  });
  return `${lines.join('\n')}\n`;
}

// Text written for these tests.
const TEXT_A =
  'Mayor Ann Lee said the bridge will open in May. “We are ready,” she added. Costs rose, according to a report. ' +
  '“The plan,” the minister said, “is final.” It was reported that taxes will fall. Nobody knows why.';
const TEXT_B = 'The senator told reporters that the vote failed. Critics claimed, in a letter, that the rules were broken.';
const secondSaid = TEXT_A.indexOf('said', TEXT_A.indexOf('minister'));

const GOLD_A: FixtureRelation[] = [
  { source: at(TEXT_A, 'Mayor Ann Lee'), cue: [at(TEXT_A, 'said')], content: [at(TEXT_A, 'the bridge will open in May')] },
  { source: at(TEXT_A, 'she'), cue: [at(TEXT_A, 'added')], content: [at(TEXT_A, '“We are ready,”')] },
  { source: at(TEXT_A, 'a report'), cue: [at(TEXT_A, 'according to')], content: [at(TEXT_A, 'Costs rose')] },
  { source: at(TEXT_A, 'the minister'), cue: [[secondSaid, secondSaid + 4]], content: [at(TEXT_A, '“The plan,”'), at(TEXT_A, '“is final.”')] },
  { source: null, cue: [at(TEXT_A, 'It was reported')], content: [at(TEXT_A, 'taxes will fall')] },
];
const GOLD_B_X: FixtureRelation[] = [
  { source: at(TEXT_B, 'The senator'), cue: [at(TEXT_B, 'told')], content: [at(TEXT_B, 'the vote failed')] },
  { source: at(TEXT_B, 'Critics'), cue: [at(TEXT_B, 'claimed')], content: [at(TEXT_B, 'the rules were broken')] },
];
// A second annotator: same first relation, a discontinuous cue and a wider content on the second.
const GOLD_B_Y: FixtureRelation[] = [
  GOLD_B_X[0]!,
  { source: at(TEXT_B, 'Critics'), cue: [at(TEXT_B, 'claimed'), at(TEXT_B, 'in a letter')], content: [at(TEXT_B, 'that the rules were broken')] },
];

const temporary = mkdtempSync(join(tmpdir(), 'hearsay-eval-'));
after(() => rmSync(temporary, { recursive: true, force: true }));

function writeCorpus(name: string, files: Record<string, string>): string {
  const directory = join(temporary, name);
  mkdirSync(directory, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(directory, file), content);
  return directory;
}

const oneAnnotator = writeCorpus('one', {
  'a.txt': TEXT_A,
  'a.ann': annotationFile(TEXT_A, GOLD_A),
  'b.txt': TEXT_B,
  'b_x.ann': annotationFile(TEXT_B, GOLD_B_X),
});
const twoAnnotators = writeCorpus('two', {
  'a.txt': TEXT_A,
  'a.ann': annotationFile(TEXT_A, GOLD_A),
  'b.txt': TEXT_B,
  'b_x.ann': annotationFile(TEXT_B, GOLD_B_X),
  'b_y.ann': annotationFile(TEXT_B, GOLD_B_Y),
});

function analysis(text: string, relations: readonly FixtureRelation[]): Analysis {
  const statements: Statement[] = relations.map((relation, index) => ({
    id: `s${index + 1}`,
    kind: 'indirect',
    content: relation.content.map(([start, end]) => makeSpan(text, start, end)),
    cue: relation.cue[0] === undefined ? null : { ...makeSpan(text, relation.cue[0][0], relation.cue[0][1]), stance: 'neutral', lemma: 'say' },
    source: relation.source === null ? null : makeSpan(text, relation.source[0], relation.source[1]),
    speaker: null,
    via: [],
  }));
  return { document: { id: 'x', title: null, url: null, publishedAt: null, text }, statements, entities: [], times: [], claims: [], diagnostics: [] };
}

const predictor = (byText: Map<string, FixtureRelation[]>): Predict => (text) => analysis(text, byText.get(text) ?? []);
const perfect = predictor(new Map([[TEXT_A, GOLD_A], [TEXT_B, GOLD_B_X]]));

test('eval: normalized pieces trim white space and merge touching pieces and pieces apart by white space only', () => {
  const text = '  ab cd  ';
  // The same words as one piece: a quotation selected sentence by sentence scores like one selection.
  assert.deepEqual(normalizePieces(text, [[5, 9], [0, 4]]), [[2, 7]]);
  assert.deepEqual(normalizePieces('ab, he said, cd', [[0, 2], [13, 15]]), [[0, 2], [13, 15]]);
  assert.deepEqual(normalizePieces('ab\n\ncd', [[0, 2], [4, 6]]), [[0, 6]]);
  assert.deepEqual(normalizePieces(text, [[2, 3], [3, 4]]), [[2, 4]]);
  assert.deepEqual(normalizePieces(text, [[0, 2]]), []);
  assert.equal(overlapSize([[0, 5], [10, 20]], [[3, 12]]), 4);
  assert.equal(overlapSize([[0, 5]], [[5, 9]]), 0);
});

test('eval: overlap matching is one-to-one, largest overlap first, and keeps exact pairs', () => {
  const matching = matchPieces([[[0, 10]], [[8, 12]]], [[[0, 10]], [[9, 30]]]);
  assert.deepEqual([...matching.exactGold], [0, -1]);
  assert.deepEqual([...matching.overlapGold], [0, 1]);
  // One prediction covering two gold spans matches only one of them.
  const wide = matchPieces([[[0, 30]]], [[[0, 5]], [[10, 30]]]);
  assert.deepEqual([...wide.overlapGold], [-1, 0]);
});

test('eval: a perfect predictor scores 1 everywhere, including discontinuous and source-less relations', () => {
  const figures = evalFigures(scoreCorpus(readBratCorpus(oneAnnotator), perfect), 0);
  for (const part of [figures.source, figures.cue, figures.content, figures.relation]) {
    assert.deepEqual(part, { exact: { p: 1, r: 1, f1: 1 }, overlap: { p: 1, r: 1, f1: 1 } });
  }
  assert.equal(figures.documents, 2);
  assert.deepEqual(figures.gold, { source: 6, cue: 7, content: 7, relations: 7, direct: 2, indirect: 5, noSource: 1 });
  assert.deepEqual(figures.breakdown.noSource, { gold: 1, exactRecall: 1, overlapRecall: 1 });
  assert.equal(figures.breakdown.direct.exact.r, 1);
  assert.deepEqual(figures.breakdown.cueLemmas[0], { lemma: 'said', gold: 2, exactRecall: 1, overlapRecall: 1 });
});

test('eval: a document with two annotators weighs each annotation by one half', () => {
  const score = scoreCorpus(readBratCorpus(twoAnnotators), perfect);
  const figures = evalFigures(score, 0);
  assert.equal(figures.annotations, 3);
  assert.deepEqual(figures.source.exact, { p: 1, r: 1, f1: 1 });
  // Cue and content: 6.5 exact hits of 7 (annotator y disagrees on one of b's two relations).
  assert.deepEqual(score.cue.exact, { tp: 6.5, fp: 0.5, fn: 0.5 });
  assert.deepEqual(figures.cue.exact, { p: 0.9286, r: 0.9286, f1: 0.9286 });
  assert.deepEqual(figures.content.exact, { p: 0.9286, r: 0.9286, f1: 0.9286 });
  assert.deepEqual(figures.content.overlap, { p: 1, r: 1, f1: 1 });
  assert.deepEqual(figures.relation.exact, { p: 1, r: 1, f1: 1 });
  assert.equal(figures.breakdown.indirect.exact.r, 0.9);
  const letter = figures.breakdown.cueLemmas.find((entry) => entry.lemma === 'claimed in a letter');
  assert.deepEqual(letter, { lemma: 'claimed in a letter', gold: 0.5, exactRecall: 0, overlapRecall: 1 });
});

test('eval: a partial predictor gets hand-computed figures and its errors listed', () => {
  const [r1, , r3, r4, r5] = GOLD_A;
  const predictions: FixtureRelation[] = [
    { ...r1!, source: at(TEXT_A, 'Ann Lee') }, // source boundary error
    { ...r3!, source: null }, // source missed
    { ...r4!, content: [r4!.content[0]!] }, // one content piece of two
    r5!,
    { source: at(TEXT_A, 'Nobody'), cue: [at(TEXT_A, 'knows')], content: [at(TEXT_A, 'why')] }, // false alarm
  ];
  const score = scoreCorpus(readBratCorpus(oneAnnotator), predictor(new Map([[TEXT_A, predictions]])));
  const figures = evalFigures(score, 0);
  assert.deepEqual(figures.source.exact, { p: 0.3333, r: 0.1667, f1: 0.2222 });
  assert.deepEqual(figures.source.overlap, { p: 0.6667, r: 0.3333, f1: 0.4444 });
  assert.deepEqual(figures.cue.exact, { p: 0.8, r: 0.5714, f1: 0.6667 });
  assert.deepEqual(figures.content.exact, { p: 0.6, r: 0.4286, f1: 0.5 });
  assert.deepEqual(figures.content.overlap, { p: 0.8, r: 0.5714, f1: 0.6667 });
  assert.deepEqual(figures.relation.exact, { p: 0.4, r: 0.2857, f1: 0.3333 });
  assert.deepEqual(figures.relation.overlap, { p: 0.6, r: 0.4286, f1: 0.5 });
  assert.equal(figures.predicted.statements, 5);
  assert.equal(score.errors.misses.length, 3);
  assert.equal(score.errors.falseAlarms.length, 1);
  assert.equal(score.errors.boundaries.length, 1);
  const listing = formatErrors(score.errors, 2);
  assert.match(listing, /false alarms .*: 1 in all, showing 1/);
  assert.match(listing, /⟦why⟧/);
  assert.match(listing, /boundary errors .*: 1 in all/);
  assert.match(listing, /gold content “.The plan,” … “is final.”/);
});

test('eval: error context marks every piece and sampling spreads over the list', () => {
  const text = 'x'.repeat(200) + 'AB' + 'y'.repeat(10) + 'CD' + 'z'.repeat(200);
  const context = contextOf(text, [[200, 202], [212, 214]]);
  assert.ok(context.startsWith('…') && context.endsWith('…'));
  assert.ok(context.includes('⟦AB⟧' + 'y'.repeat(10) + '⟦CD⟧'));
  assert.deepEqual(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3), [0, 3, 6]);
});

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'eval.js');

test('eval script: runs end to end on a tiny corpus and prints one JSON object last', () => {
  const run = spawnSync(process.execPath, [script, '--corpus', twoAnnotators, '--json', '--errors', '2'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  const figures = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  for (const key of ['source', 'cue', 'content', 'relation', 'breakdown', 'documents', 'gold']) assert.ok(key in figures, key);
  assert.equal(figures['documents'], 2);
  assert.deepEqual(figures['gold'], { source: 6, cue: 7, content: 7, relations: 7, direct: 2, indirect: 5, noSource: 1 });
  for (const part of ['source', 'cue', 'content', 'relation'] as const) {
    const values = figures[part] as Record<'exact' | 'overlap', Record<'p' | 'r' | 'f1', number>>;
    for (const variant of [values.exact, values.overlap]) for (const value of Object.values(variant)) assert.ok(value >= 0 && value <= 1, `${part}: ${value}`);
  }
  assert.match(run.stdout, /misses \(gold content no prediction overlaps\)/);
});

test('eval script: user mistakes print one line and exit 2 (usage) or 1 (bad input)', () => {
  const usage = spawnSync(process.execPath, [script, '--bogus'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.equal(usage.stderr.trim().split('\n').length, 1);
  const missing = spawnSync(process.execPath, [script, '--corpus', join(temporary, 'no-such-dir')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
});
