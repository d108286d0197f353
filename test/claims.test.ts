import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findClaims } from '../src/extract/claims.js';
import { findTimes } from '../src/extract/times.js';
import type { NumericClaim, Statement } from '../src/model/types.js';
import { tokenize } from '../src/text/tokenize.js';
import { assertSpan } from './helpers/spans.js';

/** One indirect statement whose content is `content` (the whole text when omitted). */
function statementOver(text: string, content: string = text, id = 's1'): Statement {
  const start = text.indexOf(content);
  assert.ok(start >= 0, `${content} not in ${text}`);
  return { id, kind: 'indirect', content: [{ start, end: start + content.length, text: content }], cue: null, source: null, speaker: null, via: [] };
}

function claims(text: string, statements: readonly Statement[] = [statementOver(text)]): NumericClaim[] {
  const tokens = tokenize(text);
  const times = findTimes({ text, tokens, publishedAt: '2025-03-05', quotations: [] });
  const found = findClaims({ text, tokens, statements, times });
  found.forEach((claim, index) => assertSpan(text, claim, `claims[${index}] of ${JSON.stringify(text)}`));
  return found;
}

type Row = readonly [text: string, value: number, unit: string | null, qualifier: string | null, predicate: string | null];

const summary = (claim: NumericClaim): Row => [claim.text, claim.value, claim.unit, claim.qualifier, claim.predicate];

test('findClaims: value, unit, qualifier, predicate and the span of the words used', () => {
  const table: ReadonlyArray<readonly [string, readonly Row[]]> = [
    ['Authorities had detained 75 foreign citizens and killed three.', [['75 foreign citizens', 75, 'foreign citizens', null, 'detained'], ['three', 3, null, null, 'killed']]],
    ['At least 12 people were killed.', [['At least 12 people', 12, 'people', 'at least', 'killed']]],
    ['The plan costs $5 million.', [['$5 million', 5e6, 'dollars', null, 'costs']]],
    ['Support fell to 2.5%.', [['2.5%', 2.5, 'percent', null, 'fell']]],
    ['Turnout was 15 percent.', [['15 percent', 15, 'percent', null, null]]],
    ['The fund holds 1.2bn euros.', [['1.2bn euros', 1.2e9, 'euros', null, 'holds']]],
    ['Some twenty-five soldiers deserted.', [['Some twenty-five soldiers', 25, 'soldiers', 'some', 'deserted']]],
    ['Half a million people fled.', [['Half a million people', 5e5, 'people', null, 'fled']]],
    ['A dozen reporters waited.', [['A dozen reporters', 12, 'reporters', null, 'waited']]],
    ['Hundreds of protesters gathered.', [['Hundreds of protesters', 100, 'protesters', 'hundreds', 'gathered']]],
    ['Tens of thousands of people marched.', [['Tens of thousands of people', 10000, 'people', 'tens of thousands', 'marched']]],
    ['Nearly 1,200 homes were destroyed.', [['Nearly 1,200 homes', 1200, 'homes', 'nearly', 'destroyed']]],
    ['More than 40 Ukrainian pilots trained.', [['More than 40 Ukrainian pilots', 40, 'Ukrainian pilots', 'more than', 'trained']]],
    ['They won 3 seats.', [['3 seats', 3, 'seats', null, 'won']]],
    ['It was 2000 people.', [['2000 people', 2000, 'people', null, null]]],
  ];
  for (const [text, expected] of table) assert.deepEqual(claims(text).map(summary), expected, text);
});

test('findClaims: dates, ordinals, labels, names, ages and clock times are not claims', () => {
  const table = [
    'Section 230 protects platforms.',
    'Gideon Farrow, 58, denied it.',
    'The G7 met after COVID-19 spread.',
    'It was his third term, his 3rd attempt.',
    'They met at 5 p.m. on 9/11.',
    'The vote was held in 2016.',
    'The vote was held on 28 February.',
    'The 30-year rule ended.',
    'No one came; one of them left.',
    'It was a good day.',
    'Flight 17 crashed in the 1990s.',
    '',
  ];
  for (const text of table) assert.deepEqual(claims(text), [], text);
});

test('findClaims: only numbers inside content, each attributed to the innermost statement', () => {
  const text = 'Police said 40 arrests were made, and the mayor said 300 officers were deployed. Earlier, 12 buses burned.';
  const outer = statementOver(text, '40 arrests were made, and the mayor said 300 officers were deployed', 'outer');
  const inner = statementOver(text, '300 officers were deployed', 'inner');
  const found = claims(text, [outer, inner]);
  assert.deepEqual(
    found.map((claim) => [claim.text, claim.statement, claim.predicate]),
    [
      ['40 arrests', 'outer', 'made'],
      ['300 officers', 'inner', 'deployed'],
    ],
  );
  assert.deepEqual(claims(text, []), []);
});

const WORDS = [
  'at', 'least', 'more', 'than', 'some', 'nearly', '75', '1,200', '2.5', '%', '$', '5', 'million', 'bn', '1.2bn', 'half', 'a', 'an', 'dozen',
  'hundreds', 'of', 'tens', 'thousands', 'twenty-five', 'three', 'one', 'people', 'citizens', 'killed', 'were', 'detained', 'Section', '230',
  'p.m.', '/', ':', '2016', 'in', 'percent', 'per', 'cent', ',', '.', 'and', 'US', 'euros',
];

test('findClaims: random text never throws and every span is valid', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.nat(), fc.nat(), (words, from, length) => {
      const text = words.join(' ');
      const start = text.length === 0 ? 0 : from % text.length;
      const end = Math.min(text.length, start + (length % 60));
      const statement: Statement = { id: 's', kind: 'indirect', content: [{ start, end, text: text.slice(start, end) }], cue: null, source: null, speaker: null, via: [] };
      const found = claims(text, [statement]);
      for (const claim of found) assert.ok(Number.isFinite(claim.value));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      claims(text);
    }),
    { numRuns: 300 },
  );
});
