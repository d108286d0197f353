import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runCli } from '../src/cli/main.js';
import type { Analysis } from '../src/model/types.js';
import { assertAnalysisSpans } from './helpers/spans.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function assertValid(value: unknown, where: string): void {
  const valid = validate(value);
  assert.ok(valid, `${where}: ${JSON.stringify(validate.errors, null, 1)}`);
}

// Written for this test: quotations split by a cue, reported speech, a relay, dates and a number.
const ARTICLE = `Rivertown, March 4 — "The bridge will reopen in May," Mayor Lena Fischer said on Tuesday. "We owe that to the commuters."

Fischer told the Riverside Courier that the repairs had cost about 4 million euros, more than planned.

The engineer, Omar Haddad, insisted the pillars were "perfectly sound". According to a council report, the work began in 2022.`;

async function analyzeWithCli(text: string, args: readonly string[] = []): Promise<Analysis> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stdin.end(text);
  const code = await runCli(['analyze', ...args, '-'], { stdout, stderr, stdin });
  assert.equal(code, 0);
  return JSON.parse(out) as Analysis;
}

test('hearsay analyze output on an article with quotations validates against the schema, spans included', async () => {
  const analysis = await analyzeWithCli(ARTICLE, ['--published', '2024-03-05']);
  assertValid(analysis, 'analyze output');
  assertAnalysisSpans(analysis);
  assert.equal(analysis.document.text, ARTICLE);
  assert.equal(analysis.document.publishedAt, '2024-03-05');
  assert.ok(analysis.statements.length > 0, 'the article has statements');
});

const span = (text: string, fragment: string, from = 0): { start: number; end: number; text: string } => {
  const start = text.indexOf(fragment, from);
  assert.ok(start >= 0, fragment);
  return { start, end: start + fragment.length, text: fragment };
};

/** A hand-built analysis using every field of the contract, optional ones included. */
function fullAnalysis(): Analysis {
  const text = 'Ann Lee told Reuters on Monday that "costs rose 5%," she said.';
  return {
    document: { id: 'a1', title: 'Costs', url: 'https://news.example/a1', publishedAt: '2024-03-05T10:00:00Z', text },
    statements: [
      {
        id: 's1',
        kind: 'partial',
        content: [span(text, 'costs rose 5%,')],
        cue: { ...span(text, 'told'), stance: 'neutral', lemma: 'tell' },
        source: span(text, 'Ann Lee'),
        speaker: { name: 'Ann Lee', entity: 'e1', evidence: [span(text, 'Ann Lee'), span(text, 'she')] },
        via: [{ ...span(text, 'Reuters'), name: 'Reuters', role: 'interview' }],
        within: 's0',
        time: { said: { ...span(text, 'Monday'), value: '2024-03-04', precision: 'day' }, reported: '2024-03-05', refers: [] },
      },
    ],
    entities: [
      {
        id: 'e1',
        name: 'Ann Lee',
        type: 'person',
        aliases: ['Lee'],
        mentions: [{ ...span(text, 'Ann Lee'), form: 'name' }, { ...span(text, 'she'), form: 'pronoun' }],
        why: [{ alias: 'she', reason: 'coreference', evidence: span(text, 'she') }],
      },
    ],
    times: [{ ...span(text, 'Monday'), value: '2024-03-04', precision: 'day', event: true }],
    claims: [{ ...span(text, '5%'), statement: 's1', value: 5, unit: 'percent', qualifier: null, predicate: 'rose' }],
    diagnostics: [{ severity: 'warning', ruleId: 'quote-unclosed', reason: 'example', start: 0, end: 3 }],
  };
}

test('the schema accepts every field of the contract and additional properties', () => {
  const analysis = fullAnalysis();
  assertAnalysisSpans(analysis);
  assertValid(analysis, 'full analysis');
  assertValid({ ...analysis, version: 2, statements: analysis.statements.map((statement) => ({ ...statement, confidence: 0.9 })) }, 'with added fields');
});

test('the schema rejects outputs that break the contract', () => {
  const analysis = fullAnalysis();
  const statement = analysis.statements[0]!;
  const cases: Array<[string, unknown]> = [
    ['missing statements', { ...analysis, statements: undefined }],
    ['unknown kind', { ...analysis, statements: [{ ...statement, kind: 'rumour' }] }],
    ['unknown stance', { ...analysis, statements: [{ ...statement, cue: { ...statement.cue, stance: 'angry' } }] }],
    ['empty content', { ...analysis, statements: [{ ...statement, content: [] }] }],
    ['negative offset', { ...analysis, statements: [{ ...statement, source: { start: -1, end: 3, text: 'Ann' } }] }],
    ['fractional offset', { ...analysis, times: [{ ...analysis.times[0]!, start: 1.5 }] }],
    ['span without text', { ...analysis, statements: [{ ...statement, content: [{ start: 0, end: 3 }] }] }],
    ['unknown relay role', { ...analysis, statements: [{ ...statement, via: [{ ...statement.via[0]!, role: 'rumour-mill' }] }] }],
    ['bad publishedAt', { ...analysis, document: { ...analysis.document, publishedAt: 'March 5' } }],
    ['unknown entity type', { ...analysis, entities: [{ ...analysis.entities[0]!, type: 'animal' }] }],
    ['unknown merge reason', { ...analysis, entities: [{ ...analysis.entities[0]!, why: [{ alias: 'x', reason: 'vibes' }] }] }],
    ['bad severity', { ...analysis, diagnostics: [{ severity: 'fatal', ruleId: 'x', reason: 'y' }] }],
    ['claim value as string', { ...analysis, claims: [{ ...analysis.claims[0]!, value: '5' }] }],
  ];
  for (const [name, value] of cases) assert.equal(validate(value), false, name);
});
