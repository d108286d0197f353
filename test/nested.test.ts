import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNestedStatements } from '../src/extract/nested.js';
import { makeSpan } from '../src/model/span.js';
import type { Statement } from '../src/model/types.js';
import { tokenize } from '../src/text/tokenize.js';

/** The nested statements found in one outer statement whose content is `content` (a part of `text`). */
function nestedIn(text: string, content: string): Statement[] {
  const tokens = tokenize(text);
  const start = text.indexOf(content);
  const end = start + content.length;
  let first = 0;
  while (tokens.starts[first]! < start) first++;
  let last = first;
  while (last + 1 < tokens.count && tokens.ends[last + 1]! <= end) last++;
  const outer: Statement = { id: 's1', kind: 'direct', content: [makeSpan(text, start, end)], cue: null, source: null, speaker: null, via: [] };
  return findNestedStatements({ tokens, statements: [outer], contentTokens: [[[first, last]]], speakerOf: () => null });
}

test('findNestedStatements: a report inside a statement is nested, a verb that ends its clause reports nothing', () => {
  const reported = nestedIn('Vell said that Aros told the crews the port would close.', 'that Aros told the crews the port would close');
  assert.deepEqual(reported.map((statement) => [statement.source?.text, statement.cue?.text, statement.content[0]?.text, statement.within]), [['Aros', 'told', 'the port would close', 's1']]);
  // Reported words after a comma start after it.
  const turn = nestedIn('“Then he said, ‘Keep the keys,’ and left,” Vell said.', '“Then he said, ‘Keep the keys,’ and left,”');
  assert.deepEqual(turn.map((statement) => statement.content[0]?.text), ['‘Keep the keys,’ and left']);
  const quoted = '“The tide came in just as the mayor said. The rest is noise.”';
  assert.deepEqual(nestedIn(quoted, quoted), []);
});

test('findNestedStatements: a description can be the reporter inside a statement ("the port director had warned")', () => {
  const text = 'Vell said the port director had warned that the cranes were unsafe.';
  const reported = nestedIn(text, 'the port director had warned that the cranes were unsafe');
  assert.deepEqual(reported.map((statement) => [statement.source?.text, statement.cue?.text, statement.content[0]?.text]), [['the port director', 'warned', 'that the cranes were unsafe']]);
  // Not a description after a preposition: "in the report she wrote" names no reporter.
  assert.deepEqual(nestedIn('Vell said the figures in the audit report showed a loss.', 'the figures in the audit report showed a loss'), []);
});

test('findNestedStatements: a name set off by commas before its verb reports ("the mayor, Ana Lisk, had admitted")', () => {
  const reported = nestedIn('Vell said the mayor, Ana Lisk, had privately admitted that the pier was unsafe.', 'the mayor, Ana Lisk, had privately admitted that the pier was unsafe');
  assert.deepEqual(reported.map((statement) => [statement.source?.text, statement.cue?.text, statement.content[0]?.text]), [['Ana Lisk', 'admitted', 'that the pier was unsafe']]);
});

test('findNestedStatements: a negated subject ("Nobody told us …") reports nothing', () => {
  const quoted = 'Vell said: “Nobody told the crews the dam was unsafe.”';
  assert.deepEqual(nestedIn(quoted, '“Nobody told the crews the dam was unsafe.”'), []);
  // A named subject in the same place does report.
  const named = 'Vell said: “Aros told the crews the dam was unsafe.”';
  assert.equal(nestedIn(named, '“Aros told the crews the dam was unsafe.”').length, 1);
});
