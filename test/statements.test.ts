import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotations } from '../src/extract/quotations.js';
import { findRelays } from '../src/extract/relays.js';
import { assembleStatements, type DraftStatement } from '../src/extract/statements.js';
import type { SpanType, TaggedSpan } from '../src/extract/tagger.js';
import { tokenize, type Tokens } from '../src/text/tokenize.js';

/** The token range of the first occurrence of `words` (as tokens) in `tokens`. */
function rangeOf(tokens: Tokens, words: string): [number, number] {
  const wanted = tokenize(words).lower;
  for (let first = 0; first + wanted.length <= tokens.count; first++) {
    if (wanted.every((word, offset) => tokens.lower[first + offset] === word)) return [first, first + wanted.length - 1];
  }
  throw new Error(`'${words}' is not in the text`);
}

/** Assembles statements from spans written as [type, words], as if the tagger had labelled exactly those. */
function assemble(text: string, tagged: ReadonlyArray<readonly [SpanType, string]>): { tokens: Tokens; drafts: DraftStatement[] } {
  const tokens = tokenize(text);
  const spans: TaggedSpan[] = tagged.map(([type, words]) => {
    const [first, last] = rangeOf(tokens, words);
    return { type, first, last };
  });
  spans.sort((a, b) => a.first - b.first);
  return { tokens, drafts: assembleStatements({ tokens, spans, quotations: findQuotations(tokens) }) };
}

test('assembleStatements: a that-clause the tagger found without its verb takes the reporting verb just before it', () => {
  const { drafts } = assemble('The auditor, Ida Moen, confirmed on Friday that her office had received two complaints.', [['content', 'that her office had received two complaints']]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text)]), [['confirmed', ['that her office had received two complaints']]]);
  // Without a reporting verb there, a bare clause is no statement.
  assert.deepEqual(assemble('The auditor, Ida Moen, walked home on Friday that her office had closed.', [['content', 'that her office had closed']]).drafts, []);
});

test('assembleStatements: content before its cue that the tagger began a few words late starts at the sentence', () => {
  const { drafts } = assemble('The port authority of Selin expects a strike, a statement said.', [
    ['content', 'Selin expects a strike'],
    ['source', 'a statement'],
    ['cue', 'said'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['The port authority of Selin expects a strike']]);
});

test('findRelays: a source that begins with a relay phrase starts after it, and the relay joins the chain', () => {
  const text = 'Cited by Iron Ledger, General Arkady Voss said the plant was destroyed.';
  const { tokens, drafts } = assemble(text, [
    ['source', 'Cited by Iron Ledger, General Arkady Voss'],
    ['cue', 'said'],
    ['content', 'the plant was destroyed'],
  ]);
  const result = findRelays({ tokens, drafts, quotations: findQuotations(tokens) });
  assert.equal(result.drafts[0]?.source?.text, 'General Arkady Voss');
  assert.deepEqual(result.via[0]?.map((relay) => [relay.role, relay.name]), [['relay', 'Iron Ledger']]);
});
