import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachStatementTimes } from '../src/extract/statement-times.js';
import { findTimes } from '../src/extract/times.js';
import { makeSpan } from '../src/model/span.js';
import type { Statement } from '../src/model/types.js';
import { tokenize } from '../src/text/tokenize.js';
import { assertSpan } from './helpers/spans.js';

const PUBLISHED = '2025-03-05';

/** A statement over `text` given its content, cue and source as substrings (first occurrence). */
function statement(text: string, parts: { content: string; cue?: string; source?: string }): Statement {
  const at = (part: string) => {
    const start = text.indexOf(part);
    assert.ok(start >= 0, `${part} not in ${text}`);
    return makeSpan(text, start, start + part.length);
  };
  const cue = parts.cue === undefined ? null : { ...at(parts.cue), stance: 'neutral' as const, lemma: parts.cue };
  return { id: 's1', kind: 'indirect', content: [at(parts.content)], cue, source: parts.source === undefined ? null : at(parts.source), speaker: null, via: [] };
}

function attach(text: string, statements: readonly Statement[], publishedAt: string | null = PUBLISHED): Statement[] {
  const tokens = tokenize(text);
  const times = findTimes({ text, tokens, publishedAt, quotations: [] });
  const result = attachStatementTimes({ statements, times, publishedAt, text, tokens });
  for (const item of result) {
    if (item.time?.said !== undefined) assertSpan(text, item.time.said, 'said');
    item.time?.refers?.forEach((time, index) => assertSpan(text, time, `refers[${index}]`));
  }
  return result;
}

test('attachStatementTimes: said in the attribution, refers in the content, reported from publication', () => {
  const text = 'Petrov said on Tuesday that the talks stalled in May 2022.';
  const [result] = attach(text, [statement(text, { content: 'the talks stalled in May 2022', cue: 'said', source: 'Petrov' })]);
  assert.equal(result?.time?.reported, PUBLISHED);
  assert.equal(result?.time?.said?.text, 'Tuesday');
  assert.equal(result?.time?.said?.value, '2025-03-04');
  assert.deepEqual(result?.time?.refers?.map((time) => [time.text, time.value]), [['May 2022', '2022-05']]);
});

test('attachStatementTimes: an opening phrase before the source gives the said time', () => {
  const table: ReadonlyArray<readonly [string, string, string]> = [
    ['In an interview on Sunday, the minister said prices would fall.', 'prices would fall', 'Sunday'],
    ['On Monday, the mayor said the bridge was safe.', 'the bridge was safe', 'Monday'],
    ['The mayor, speaking yesterday, said the bridge was safe.', 'the bridge was safe', 'yesterday'],
  ];
  for (const [text, content, said] of table) {
    const source = text.includes('minister') ? 'the minister' : 'The mayor';
    const [result] = attach(text, [statement(text, { content, cue: 'said', source: text.includes('On Monday') ? 'the mayor' : source })]);
    assert.equal(result?.time?.said?.text, said, text);
    assert.equal(result?.time?.refers, undefined, text);
  }
});

test('attachStatementTimes: an opening clause that is another statement\'s content dates what was reported, unless it is a question', () => {
  const text = 'The mayor also said she had not known of the plan to close the bridge in 2022, though she admitted she would not have stopped it.';
  const first = statement(text, { content: 'she had not known of the plan to close the bridge in 2022', cue: 'said', source: 'The mayor' });
  const she = text.indexOf('she admitted');
  const second: Statement = { ...statement(text, { content: 'she would not have stopped it', cue: 'admitted' }), id: 's2', source: makeSpan(text, she, she + 3) };
  const [, admitted] = attach(text, [first, second]);
  assert.equal(admitted?.time?.said, undefined, 'the plan of 2022 is not when she admitted it');

  const asked = 'Asked during a debate in January why turnout fell, the senator said voters were tired.';
  const question: Statement = { ...statement(asked, { content: 'during a debate in January why turnout fell', cue: 'Asked' }), id: 's1' };
  const answer: Statement = { ...statement(asked, { content: 'voters were tired', cue: 'said', source: 'the senator' }), id: 's2' };
  const [, answered] = attach(asked, [{ ...question, cue: { ...question.cue!, stance: 'question' } }, answer]);
  assert.equal(answered?.time?.said?.text, 'January', 'the question dates its answer');
});

test('attachStatementTimes: a time in another clause of the sentence is not the said time', () => {
  const text = '“We will win,” the mayor said, referring to a vote on 28 February.';
  const [result] = attach(text, [statement(text, { content: 'We will win,', cue: 'said', source: 'the mayor' })]);
  assert.equal(result?.time?.said, undefined);
  assert.equal(result?.time?.reported, PUBLISHED);
});

test('attachStatementTimes: only fields the text supports', () => {
  const text = 'The mayor said the bridge was safe.';
  const input = statement(text, { content: 'the bridge was safe', cue: 'said', source: 'The mayor' });
  const [withoutDate] = attach(text, [input], null);
  assert.equal(withoutDate?.time, undefined);
  const [withDate] = attach(text, [input]);
  assert.deepEqual(withDate?.time, { reported: PUBLISHED });
  assert.deepEqual(attach(text, []), []);
});

test('attachStatementTimes: a time in a relative clause of the source dates the clause, not the saying', () => {
  const text = 'Greco-Marsh, a former engineer who took office in 2022, told a committee that the report was a draft.';
  const [result] = attach(text, [statement(text, { content: 'that the report was a draft', cue: 'told', source: 'Greco-Marsh, a former engineer who took office in 2022,' })]);
  assert.equal(result?.time?.said, undefined);
});

test('attachStatementTimes: an opening that names the occasion dates the saying even with a cue inside it', () => {
  const text = 'When she first described the bridge plan in December, the mayor said it would pay for itself.';
  const described: Statement = { ...statement(text, { content: 'the bridge plan in December', cue: 'described' }), id: 's1' };
  const said: Statement = { ...statement(text, { content: 'it would pay for itself', cue: 'said', source: 'the mayor' }), id: 's2' };
  const [, result] = attach(text, [described, said]);
  assert.equal(result?.time?.said?.text, 'December');
});
