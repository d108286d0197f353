import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotations } from '../src/extract/quotations.js';
import { tokenize } from '../src/text/tokenize.js';

const quoted = (text: string): string[] => findQuotations(tokenize(text)).quotations.map((quotation) => text.slice(quotation.start, quotation.end));

test('findQuotations: pairs every common style of quotation mark', () => {
  const table: Array<[string, string[]]> = [
    ['He said “yes” and left.', ['“yes”']],
    ['He said "yes" and left.', ['"yes"']],
    ['Er sagte „ja“ und ging.', ['„ja“']],
    ['Il a dit «oui» hier.', ['«oui»']],
    ['She said ‘maybe’ twice.', ['‘maybe’']],
    ["She said 'maybe' twice.", ["'maybe'"]],
    ["''It is done,'' he said.", ["''It is done,''"]],
    ['“Outer ‘inner’ words,” she said.', ['“Outer ‘inner’ words,”', '‘inner’']],
    ['No quotes here, only Belarus’ borders and the ’90s.', []],
    ['Ukraine’s neutrality was on the table.', []],
  ];
  for (const [text, expected] of table) assert.deepEqual(quoted(text), expected, text);
});

test('findQuotations: a quotation continues over a paragraph that opens with a mark', () => {
  const text = '“First paragraph of the speech.\n\n“Second paragraph,” she said.';
  const result = findQuotations(tokenize(text));
  assert.equal(result.quotations.length, 1);
  assert.equal(result.quotations[0]!.multiParagraph, true);
  assert.equal(text.slice(result.quotations[0]!.start, result.quotations[0]!.end), text.slice(0, text.indexOf(',”') + 2));
});

test('findQuotations: an unterminated quotation closes at the paragraph end with a diagnostic', () => {
  const text = 'He said “this never ends\n\nNew paragraph.';
  const result = findQuotations(tokenize(text));
  assert.equal(result.quotations.length, 1);
  assert.equal(result.quotations[0]!.terminated, false);
  assert.equal(result.diagnostics[0]?.ruleId, 'unterminated-quotation');
  assert.equal(text.slice(result.quotations[0]!.start, result.quotations[0]!.end), '“this never ends');
});

test('findQuotations: each token knows its innermost quotation; pathological runs of marks stay linear and valid', () => {
  const text = '“a ‘b’ c”';
  const tokens = tokenize(text);
  const result = findQuotations(tokens);
  const innermost = Array.from(result.tokenQuotation, (index) => (index < 0 ? null : text.slice(result.quotations[index]!.start, result.quotations[index]!.end)));
  assert.deepEqual(innermost, ['“a ‘b’ c”', '“a ‘b’ c”', '‘b’', '‘b’', '‘b’', '“a ‘b’ c”', '“a ‘b’ c”']);
  const marks = '“'.repeat(10_000);
  const many = findQuotations(tokenize(marks));
  assert.equal(many.quotations.length, 10_000);
  for (const quotation of many.quotations) assert.ok(quotation.start >= 0 && quotation.end <= marks.length && quotation.start < quotation.end);
});
