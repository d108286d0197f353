import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../src/extract/claims.js';
import { findEntities } from '../src/extract/entities.js';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { extractFeatures } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
import { findRelays } from '../src/extract/relays.js';
import { assembleStatements } from '../src/extract/statements.js';
import { labelsToSpans, loadDefaultModel, tagTokens } from '../src/extract/tagger.js';
import { findTimes } from '../src/extract/times.js';
import { tokenize } from '../src/text/tokenize.js';
import { PATHOLOGICAL, articleOfLength, documentOf, randomSource, scaling } from './helpers/robustness.js';

// Linearity by ratios, never by absolute times: time(4n) / time(n), best of 3 after a warm-up, must stay under 12
// (a quadratic stage gives about 16, a linear one 4 to 5; under 8, linear stages of a few milliseconds failed now and
// then on a loaded machine). Every extraction entry point reachable from analyzeDocument, on pathological texts.

const FACTOR = 4;
const BOUND = 12;
const N = 20_000;

interface StageCase {
  readonly stage: string;
  /** Prepares the stage's input outside the timed part; returns what the timed call needs. */
  readonly run: (text: string) => () => unknown;
}

function quotationSpans(text: string): Array<{ start: number; end: number; text: string }> {
  return findQuotations(tokenize(text)).quotations.map((quotation) => ({ start: quotation.start, end: quotation.end, text: text.slice(quotation.start, quotation.end) }));
}

const STAGES: readonly StageCase[] = [
  { stage: 'tokenize', run: (text) => () => tokenize(text) },
  {
    stage: 'findQuotations',
    run: (text) => {
      const tokens = tokenize(text);
      return () => findQuotations(tokens);
    },
  },
  {
    stage: 'findEntities',
    run: (text) => {
      const tokens = tokenize(text);
      const quotations = quotationSpans(text);
      return () => findEntities({ text, tokens, quotations });
    },
  },
  {
    stage: 'findTimes',
    run: (text) => {
      const tokens = tokenize(text);
      const quotations = quotationSpans(text);
      return () => findTimes({ text, tokens, publishedAt: '2024-05-01', quotations });
    },
  },
  {
    stage: 'findClaims',
    run: (text) => {
      const tokens = tokenize(text);
      const analysis = analyzeDocument(documentOf(text));
      return () => findClaims({ text, tokens, statements: analysis.statements, times: analysis.times });
    },
  },
  { stage: 'analyzeDocument', run: (text) => () => analyzeDocument(documentOf(text)) },
];

/**
 * Super-linear cases found by this suite in files it may not change, checked by their own todo test below:
 * assembleStatements (statements.ts) on a run of cue words with no content ("said said said": 56 ms at 20 KB,
 * 760 ms at 80 KB).
 */
const KNOWN: Readonly<Record<string, readonly string[]>> = { analyzeDocument: ['said said said'] };

/** Measures one stage on every family; a ratio over the bound is measured twice more before it counts. */
function checkStage(stage: StageCase, families: readonly string[]): void {
  const failures: string[] = [];
  for (const family of families) {
    const make = PATHOLOGICAL[family]!;
    const prepared = new Map<string, () => unknown>();
    const runner = (text: string): unknown => {
      let call = prepared.get(text);
      if (call === undefined) {
        call = stage.run(text);
        prepared.clear();
        prepared.set(text, call);
      }
      return call();
    };
    let result = scaling(make, runner, N, FACTOR);
    // A loaded machine (other test files run in parallel) can spoil a measurement, and a size pair can straddle a
    // threshold of the collector (mixed quotation marks: 2.4 ms at 20 KB, 30 ms at 80 KB, then 4–5× per 4× again):
    // re-measure up to four times, every other time at twice the size. A quadratic stage fails at every size.
    for (let retry = 0; retry < 4 && result.ratio >= BOUND; retry++) {
      const again = scaling(make, runner, retry % 2 === 0 ? N * 2 : N, FACTOR);
      if (again.ratio < result.ratio) result = again;
    }
    if (result.ratio >= BOUND) failures.push(`${family}: n=${result.n} ${result.small.toFixed(1)} ms, ${FACTOR}n ${result.large.toFixed(1)} ms, ratio ${result.ratio.toFixed(1)}`);
  }
  assert.deepEqual(failures, [], `${stage.stage} is super-linear on:\n${failures.join('\n')}`);
}

/** The best of up to three measurements: one spoiled by a loaded machine (test files run in parallel) is measured again. */
function steadyScaling(make: (n: number) => string, run: (input: string) => unknown, n: number): ReturnType<typeof scaling> {
  let result = scaling(make, run, n, FACTOR);
  for (let retry = 0; retry < 2 && result.ratio >= BOUND; retry++) {
    const again = scaling(make, run, n, FACTOR);
    if (again.ratio < result.ratio) result = again;
  }
  return result;
}

for (const stage of STAGES) {
  const known = KNOWN[stage.stage] ?? [];
  const families = Object.keys(PATHOLOGICAL).filter((family) => !known.includes(family));
  test(`${stage.stage} stays near-linear on pathological inputs (time(${FACTOR}n)/time(n) < ${BOUND})`, () => checkStage(stage, families));
  if (known.length > 0) {
    test(`${stage.stage} stays near-linear on ${known.join(', ')}`, () => checkStage(stage, known));
  }
}

test('200,000 unclosed quotation marks: no stack overflow (diagnostics are capped)', () => {
  const analysis = analyzeDocument(documentOf('\u201c'.repeat(200_000)));
  assert.ok(analysis.diagnostics.length <= 1001);
});

// Found by this suite (fixed): findRelays compared every statement with every relay of the document, quadratic on long
// articles full of statements; relays are now looked up in a window around each cue.
test('findRelays stays near-linear on long articles with many statements', () => {
  const run = (text: string): (() => unknown) => {
    const tokens = tokenize(text);
    const quotations = findQuotations(tokens);
    const labels = tagTokens(loadDefaultModel(), tokens, extractFeatures(tokens, quotations));
    const drafts = assembleStatements({ tokens, spans: labelsToSpans(labels), quotations });
    return () => findRelays({ tokens, drafts, quotations });
  };
  let cached: { text: string; call: () => unknown } | null = null;
  const result = steadyScaling(
    (n) => articleOfLength(randomSource(5), n),
    (text) => {
      if (cached?.text !== text) cached = { text, call: run(text) };
      return cached.call();
    },
    250_000,
  );
  assert.ok(result.ratio < BOUND, `findRelays: n=${result.n} ${result.small.toFixed(0)} ms, ${FACTOR}n ${result.large.toFixed(0)} ms, ratio ${result.ratio.toFixed(1)}`);
});

// Found by a 60 MB news file (fixed): each nested statement's speaker rebuilt and sorted the document's whole mention
// index, quadratic in a long document dense with "X said that Y had denied …"; the index is now built once.
test('nested statements resolve their speakers in near-linear time on long articles', () => {
  const first = ['Anna', 'Tom', 'Maria', 'Piet', 'Jonas', 'Marta', 'Lena', 'Oskar'];
  const last = ['Berg', 'Lind', 'Vell', 'Aros', 'Ebbe', 'Kask', 'Mold', 'Tamm'];
  const make = (n: number): string => {
    const sentences: string[] = [];
    let length = 0;
    for (let index = 0; length < n; index++) {
      const sentence = `${first[index % 8]} ${last[(index * 3) % 8]} said that ${first[(index + 3) % 8]} ${last[(index * 5 + 1) % 8]} had denied the report about the harbour.${index % 5 === 4 ? '\n' : ' '}`;
      sentences.push(sentence);
      length += sentence.length;
    }
    return sentences.join('');
  };
  const nested = analyzeDocument(documentOf(make(5_000))).statements.filter((statement) => statement.within !== undefined);
  assert.ok(nested.length > 20, `expected many nested statements, found ${nested.length}`);
  const result = steadyScaling(make, (text) => analyzeDocument(documentOf(text)), 50_000);
  assert.ok(result.ratio < BOUND, `analyzeDocument: n=${result.n} ${result.small.toFixed(0)} ms, ${FACTOR}n ${result.large.toFixed(0)} ms, ratio ${result.ratio.toFixed(1)}`);
});
