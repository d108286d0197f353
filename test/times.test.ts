import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findTimes } from '../src/extract/times.js';
import type { Span } from '../src/model/span.js';
import type { TimeExpression } from '../src/model/types.js';
import { tokenize } from '../src/text/tokenize.js';
import { assertSpan } from './helpers/spans.js';

// Wednesday 5 March 2025.
const PUBLISHED = '2025-03-05';

/** Quotation spans between curly double quotes, as the quotation stage would give them. */
function quotationsOf(text: string): Span[] {
  const spans: Span[] = [];
  for (let open = text.indexOf('“'); open >= 0; open = text.indexOf('“', open + 1)) {
    const close = text.indexOf('”', open);
    if (close < 0) break;
    spans.push({ start: open + 1, end: close, text: text.slice(open + 1, close) });
  }
  return spans;
}

function times(text: string, publishedAt: string | null = PUBLISHED): TimeExpression[] {
  const found = findTimes({ text, tokens: tokenize(text), publishedAt, quotations: quotationsOf(text) });
  found.forEach((time, index) => assertSpan(text, time, `times[${index}] of ${JSON.stringify(text)}`));
  return found;
}

type Expected = readonly [text: string, value: string | null, precision: string, until?: string];

test('findTimes: resolves against the publication date, past first', () => {
  const table: ReadonlyArray<readonly [string, Expected]> = [
    ['The invasion began in February 2022.', ['February 2022', '2022-02', 'month']],
    ['Talks stalled in May 2022 for good.', ['May 2022', '2022-05', 'month']],
    ['They met at the palace on 28 February.', ['28 February', '2025-02-28', 'day']],
    ['They met on the 3rd of March.', ['3rd of March', '2025-03-03', 'day']],
    ['In January, the mayor won again.', ['January', '2025-01', 'month']],
    ['In December, the mayor won again.', ['December', '2024-12', 'month']],
    ['The rally was held on Monday.', ['Monday', '2025-03-03', 'day']],
    ['The rally was held on Wednesday.', ['Wednesday', '2025-03-05', 'day']],
    ['The minister will travel to Oslo on Monday.', ['Monday', '2025-03-10', 'day']],
    ['The rally took place last Friday night.', ['last Friday night', '2025-02-28', 'day']],
    ['The vote happened last year.', ['last year', '2024', 'year']],
    ['She resigned yesterday.', ['yesterday', '2025-03-04', 'day']],
    ['Prices rose earlier this month.', ['earlier this month', '2025-03-01', 'range', '2025-03-05']],
    ['Prices rose in 2022.', ['2022', '2022', 'year']],
    ['It was popular in the 1990s.', ['1990s', '1990', 'range', '1999']],
    ['It was popular in the early 1990s.', ['early 1990s', '1990', 'range', '1993']],
    ['He spoke about Sept. 11 again.', ['Sept. 11', '2024-09-11', 'day']],
    ['The law passed on Dec. 3, 2015.', ['Dec. 3, 2015', '2015-12-03', 'day']],
    ['The law passed on February 28, 2024.', ['February 28, 2024', '2024-02-28', 'day']],
    ['The filing is dated 2024-11-05.', ['2024-11-05', '2024-11-05', 'day']],
    ['They left two weeks ago.', ['two weeks ago', '2025-02-17', 'range', '2025-02-23']],
    ['They left last week.', ['last week', '2025-02-24', 'range', '2025-03-02']],
    ['They left a year ago.', ['a year ago', '2024', 'year']],
    ['Growth slowed in mid-2022.', ['mid-2022', '2022-05', 'range', '2022-08']],
    ['Snow fell in early March.', ['early March', '2025-03-01', 'range', '2025-03-10']],
    ['The deal will be signed next month.', ['next month', '2025-04', 'month']],
    ['The plan ran from 2019 to 2022 in full.', ['2019 to 2022', '2019', 'range', '2022']],
    ['The plan ran 2019–2022 in full.', ['2019–2022', '2019', 'range', '2022']],
    ['He recalled the 2016 election.', ['2016', '2016', 'year']],
    ['It happened in the past two weeks.', ['past two weeks', '2025-02-19', 'range', '2025-03-05']],
    ['He said the new team would begin work in September.', ['September', '2025-09', 'month']],
    ['A special election, expected in October, will follow.', ['October', '2025-10', 'month']],
  ];
  for (const [sentence, [text, value, precision, until]] of table) {
    const found = times(sentence);
    assert.equal(found.length, 1, `${sentence}: ${JSON.stringify(found)}`);
    const time = found[0]!;
    assert.equal(time.text, text, sentence);
    assert.equal(time.value, value, sentence);
    assert.equal(time.precision, precision, sentence);
    assert.equal(time.until, until, sentence);
    assert.equal(time.event, undefined, sentence);
  }
});

test('findTimes: numbers and words that are not dates', () => {
  const table = [
    'Police detained 75 citizens.',
    'He was sentenced to ten years in prison.',
    'The 30-year rule ended.',
    'This may make things worse.',
    'They march on the capital.',
    'March on, he told them.',
    'The Sunday Times reported it.',
    'Theresa May said so.',
    'Black Friday sales were strong.',
    'He wrote for USA TODAY often.',
    'He won 2000 votes.',
    'Section 230 protects platforms.',
    'The G7 and COVID-19 dominated.',
    'It was his third term.',
    'The last day of school.',
    'In the last week of the campaign the tone changed.',
    'The trial is expected to last six weeks.',
    'Talks could last a year.',
    '',
  ];
  for (const sentence of table) assert.deepEqual(times(sentence), [], sentence);
});

test('findTimes: without a publication date, relative expressions stay unresolved, absolute ones resolve', () => {
  const found = times('On Monday the court ruled on the 28 February filing about February 2022 and last year.', null);
  assert.deepEqual(
    found.map((time) => [time.text, time.value, time.precision]),
    [
      ['Monday', null, 'unknown'],
      ['28 February', null, 'unknown'],
      ['February 2022', '2022-02', 'month'],
      ['last year', null, 'unknown'],
    ],
  );
  assert.deepEqual(times('Something happened on Monday.', 'not a date').map((time) => time.value), [null]);
});

test('findTimes: event anchors resolve later references to the same event', () => {
  const text = 'The full-scale invasion began in February 2022. Many fled. Officials said they spoke in the early days of the full-scale war.';
  const found = times(text);
  const phase = found.find((time) => time.text === 'the early days of the full-scale war');
  assert.ok(phase, JSON.stringify(found));
  assert.equal(phase.value, '2022-02');
  assert.equal(phase.precision, 'range');
  assert.equal(phase.until, '2022-03');

  const start = times('The election was held in January 2024. Since the start of the election, turnout was debated.');
  assert.deepEqual(
    start.map((time) => [time.text, time.value, time.precision]),
    [
      ['January 2024', '2024-01', 'month'],
      ['the start of the election', '2024-01', 'month'],
    ],
  );
});

test('findTimes: an anchor of another event or with other modifiers is not used', () => {
  const table = [
    'The war began in 2014. In the early days of the full-scale war, many left.',
    'The election was held in 2020. In the early days of the war, many left.',
    'In the early days of the war, many left.',
    'The invasion began in February 2022. In the early days of the war, many left.',
  ];
  for (const text of table) {
    assert.ok(!times(text).some((time) => time.text.includes('days of')), text);
  }
});

test('findTimes: dates in a hypothetical inside a quotation are not events', () => {
  const text = 'He warned that rivals “might decide such things that tomorrow half the land is given away.” Tomorrow the parliament votes.';
  const found = times(text);
  assert.deepEqual(
    found.map((time) => [time.text, time.value, time.event]),
    [
      ['tomorrow', '2025-03-06', false],
      ['Tomorrow', '2025-03-06', undefined],
    ],
  );
  // A date inside a quotation without a modal stays an event.
  const plain = times('She said: “We met on Monday and agreed.”');
  assert.equal(plain[0]?.event, undefined);
});

test('findTimes: output is sorted, non-overlapping, and merges a weekday with its date', () => {
  const text = 'On Monday, March 3, the talks resumed; on Friday they stalled, and in April 2024 and May 2024 they had failed.';
  const found = times(text);
  assert.deepEqual(
    found.map((time) => time.text),
    ['Monday, March 3', 'Friday', 'April 2024', 'May 2024'],
  );
  assert.equal(found[0]!.value, '2025-03-03');
  for (let index = 1; index < found.length; index++) assert.ok(found[index - 1]!.end <= found[index]!.start);
});

const WORDS = [
  'in', 'on', 'the', 'last', 'next', 'this', 'early', 'late', 'mid-', 'of', 'days', 'weeks', 'ago', 'two', 'a', 'May', 'March', 'January',
  'Monday', 'Sunday', 'yesterday', 'tomorrow', 'year', 'month', 'week', '2022', '1990s', '28', '31', '3rd', ',', '.', '“', '”', 'will',
  'might', 'war', 'invasion', 'full-scale', 'start', 'first', 'Sept.', 'Dec.', '2024-02-30', '2019-2022', '–', 'earlier', 'later', 'since',
];

test('findTimes: random text never throws and every span is valid', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.constantFrom(' ', '', '\n'), fc.option(fc.constantFrom('2025-03-05', '2024-02-29', '1999-12-31', 'bad'), { nil: null }), (words, glue, publishedAt) => {
      const text = words.join(glue === '' ? ' ' : glue);
      const found = times(text, publishedAt);
      for (let index = 1; index < found.length; index++) assert.ok(found[index - 1]!.end <= found[index]!.start);
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      times(text);
    }),
    { numRuns: 300 },
  );
});
