import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeDocument } from '../src/extract/pipeline.js';
import type { Analysis, Statement } from '../src/model/types.js';
import { assertAnalysisSpans } from './helpers/spans.js';

// The founding article is read by path from the shared folder beside the repository (it is not ours to copy).
const path = new URL('../../../shared/examples/belarus-peace-talks.txt', import.meta.url);
const available = existsSync(path);
const skip = available ? false : `the founding article is not at ${path.pathname}`;

function load(): Analysis {
  const text = readFileSync(path, 'utf8');
  return analyzeDocument({ id: 'belarus-peace-talks', text, title: null, url: null, publishedAt: '2025-03-05' });
}

function statementWith(analysis: Analysis, words: string): Statement {
  const found = analysis.statements.find((statement) => statement.content.some((piece) => piece.text.includes(words)));
  assert.ok(found, `a statement whose content contains “${words}”`);
  return found;
}

test('founding article: direct, partial and indirect statements with the resolved speaker', { skip }, () => {
  const analysis = load();
  assertAnalysisSpans(analysis);
  const expectations: Array<[string, Statement['kind'] | null]> = [
    ['We can sit down here, calmly', 'direct'],
    ['I’m waiting for him here together with Putin and Zelensky', 'direct'],
    ['might make such decisions that tomorrow half the country', null],
    ['half an hour by plane', 'partial'],
    ['many children and grandchildren', 'partial'],
    ['press the red button', 'partial'],
    ['economic war', 'partial'],
    ['earlier than the Americans and Europe', 'partial'],
    ['the need for dialogue', 'indirect'],
    ['no prior knowledge', 'indirect'],
    ['wouldn’t have intervened', 'indirect'],
    ['detained 75 Belarusian citizens and killed three', 'indirect'],
  ];
  for (const [words, kind] of expectations) {
    const statement = statementWith(analysis, words);
    assert.equal(statement.speaker?.name, 'Alexander Lukashenko', `speaker of “${words}”`);
    if (kind !== null) assert.equal(statement.kind, kind, `kind of “${words}”`);
  }
  assert.equal(statementWith(analysis, 'I’m waiting for him here').source?.text, 'He');
  assert.equal(statementWith(analysis, 'economic war').cue?.stance, 'distancing');
  assert.equal(statementWith(analysis, 'wouldn’t have intervened').cue?.stance, 'admission');
});

test('founding article: the relay chain runs interview → channel, and the channel is no statement', { skip }, () => {
  const analysis = load();
  const chain = statementWith(analysis, 'We can sit down here').via.map((relay) => [relay.role, relay.name]);
  assert.deepEqual(chain, [['interview', 'Mario Naufal'], ['relay', 'Pool Pervogo']]);
  assert.ok(!analysis.statements.some((statement) => statement.content.some((piece) => piece.text.includes('Pool Pervogo'))), 'the channel name in quotation marks is not a quotation');
  assert.ok(!analysis.statements.some((statement) => statement.content.some((piece) => piece.text.includes('likely referring'))), 'the outlet’s own inference is nobody’s statement');
  assert.ok(!analysis.statements.some((statement) => statement.cue?.text === 'referring to'), 'nor is the inference read as a statement of its own');
});

test('founding article: nested attribution, the collective speaker, entities, dates and the numeric claim', { skip }, () => {
  const analysis = load();
  const report = statementWith(analysis, 'Lukashenko apologized');
  assert.equal(report.speaker?.name, 'Volodymyr Zelenskyy');
  const inner = analysis.statements.filter((statement) => statement.within === report.id);
  assert.ok(inner.some((statement) => statement.speaker?.name === 'Alexander Lukashenko' && statement.cue?.stance === 'denial'), 'Lukashenko’s denial, relayed by Zelenskyy');
  assert.equal(statementWith(analysis, 'sham').speaker?.name, 'international criticism');

  const lukashenko = analysis.entities.find((entity) => entity.name === 'Alexander Lukashenko');
  assert.ok(lukashenko !== undefined && lukashenko.aliases.includes('Lukashenka'));
  assert.ok(lukashenko.mentions.some((mention) => mention.text === 'The Belarusian leader'));
  const zelenskyy = analysis.entities.find((entity) => entity.name === 'Volodymyr Zelenskyy');
  assert.ok(zelenskyy !== undefined && zelenskyy.aliases.includes('Zelensky'));
  const trump = analysis.entities.find((entity) => entity.name === 'Donald Trump');
  assert.ok(trump !== undefined && trump.mentions.some((mention) => mention.text === 'the American president'));

  const time = (text: string): string | null | undefined => analysis.times.find((expression) => expression.text.includes(text))?.value;
  assert.equal(time('28 February'), '2025-02-28');
  assert.equal(time('January'), '2025-01');
  assert.equal(time('February 2022'), '2022-02');
  assert.equal(time('May 2022'), '2022-05');
  assert.equal(time('early days of the full-scale war'), '2022-02');

  const claims = analysis.claims.map((claim) => [claim.value, claim.predicate]);
  assert.deepEqual(claims.filter(([value]) => value === 75 || value === 3), [[75, 'detained'], [3, 'killed']]);
});
