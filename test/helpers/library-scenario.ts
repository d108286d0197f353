import assert from 'node:assert/strict';
import type { SearchQuery } from '../../src/library/types.js';
import type { Analysis, Entity, SourceDocument, Stance, Statement, StatementKind } from '../../src/model/types.js';

/** Hand-written articles about one invented story, and the analyses a good extractor would return for them. */

export interface StatementSpec {
  readonly kind: StatementKind;
  readonly content: string;
  readonly cue: readonly [surface: string, lemma: string, stance: Stance];
  /** The speaker as written, and the resolved name with its aliases. */
  readonly source: string;
  readonly speaker: string;
  readonly aliases?: readonly string[];
}

export interface ArticleSpec {
  readonly document: SourceDocument;
  readonly statements: readonly StatementSpec[];
}

export const VARGA = 'Ilona Varga';
export const HELD = 'Tomas Held';
const WIRE_TEXT =
  'Mayor Ilona Varga said on Tuesday that the Danube bridge will not open before 2026.\n' +
  '"We might need another 40 million euros to finish the bridge safely," Varga told reporters at the city hall.\n' +
  'Engineer Tomas Held warned that the steel supply is "still the main risk for the whole project" this year.\n' +
  'Transport Minister Pavel Kovalenko said the state would cover half of the extra cost.\n';
const WIRE_STATEMENTS: readonly StatementSpec[] = [
  { kind: 'indirect', content: 'the Danube bridge will not open before 2026', cue: ['said', 'say', 'neutral'], source: 'Mayor Ilona Varga', speaker: VARGA },
  { kind: 'direct', content: '"We might need another 40 million euros to finish the bridge safely,"', cue: ['told', 'tell', 'neutral'], source: 'Varga', speaker: VARGA },
  { kind: 'partial', content: 'still the main risk for the whole project', cue: ['warned', 'warn', 'warning'], source: 'Engineer Tomas Held', speaker: HELD },
  { kind: 'indirect', content: 'the state would cover half of the extra cost', cue: ['said', 'say', 'neutral'], source: 'Transport Minister Pavel Kovalenko', speaker: 'Pavel Kovalenko' },
];

export const document = (id: string, text: string, url: string | null, publishedAt: string | null, title: string | null): SourceDocument => ({ id, text, url, publishedAt, title });

export const WIRE: ArticleSpec = { document: document('wire-bridge', WIRE_TEXT, 'https://wire.test/bridge-delay', '2024-05-01', 'Bridge delayed'), statements: WIRE_STATEMENTS };
/** A syndicated copy, published a day later with one more line. */
export const PAPER: ArticleSpec = {
  document: document('paper-bridge', `${WIRE_TEXT}This report was first published by the Wire news service.\n`, 'https://www.paper.test/2024/bridge', '2024-05-02', 'Bridge delayed'),
  statements: WIRE_STATEMENTS,
};
export const DAILY_V1: ArticleSpec = {
  document: document(
    'daily-cost',
    'The city "will need another 40 million euros to finish the bridge", Ilona Varga said on Friday.\nOpposition leader Marta Ilves denied that the council had approved any extra funding.\n',
    'https://daily.test/bridge-cost?utm_source=feed',
    '2024-05-03',
    'Bridge needs more money',
  ),
  statements: [
    { kind: 'partial', content: 'will need another 40 million euros to finish the bridge', cue: ['said', 'say', 'neutral'], source: 'Ilona Varga', speaker: VARGA },
    { kind: 'indirect', content: 'the council had approved any extra funding', cue: ['denied', 'deny', 'denial'], source: 'Opposition leader Marta Ilves', speaker: 'Marta Ilves' },
  ],
};
export const RADIO: ArticleSpec = {
  document: document(
    'radio-minister',
    'Transport Minister Pavel Kovalenka said the state would cover half of the extra cost of the bridge.\n"Nobody will lose their job over the delay," Kovalenka added.\n',
    'https://radio.test/news/42',
    '2024-06-10',
    'Minister on the bridge',
  ),
  statements: [
    { kind: 'indirect', content: 'the state would cover half of the extra cost of the bridge', cue: ['said', 'say', 'neutral'], source: 'Transport Minister Pavel Kovalenka', speaker: 'Pavel Kovalenka' },
    { kind: 'direct', content: '"Nobody will lose their job over the delay,"', cue: ['added', 'add', 'neutral'], source: 'Kovalenka', speaker: 'Pavel Kovalenka' },
  ],
};
/** A new version of the daily's article at the same page (tracking parameter dropped): the figure changed. */
export const DAILY_V2: ArticleSpec = {
  document: document(
    'daily-cost',
    'The city "will need another 45 million euros to finish the bridge", Ilona Varga said on Friday.\nOpposition leader Marta Ilves denied that the council had approved any extra funding.\n',
    'https://daily.test/bridge-cost',
    '2024-05-04',
    'Bridge needs more money',
  ),
  statements: [
    { kind: 'partial', content: 'will need another 45 million euros to finish the bridge', cue: ['said', 'say', 'neutral'], source: 'Ilona Varga', speaker: VARGA },
    { kind: 'indirect', content: 'the council had approved any extra funding', cue: ['denied', 'deny', 'denial'], source: 'Opposition leader Marta Ilves', speaker: 'Marta Ilves' },
  ],
};
export const NOTE: ArticleSpec = {
  document: document('harbour-note', 'Harbour director Tomas Held said the cranes from Gdańsk would arrive in the spring.\n', null, '2024-07-01', null),
  statements: [{ kind: 'indirect', content: 'the cranes from Gdańsk would arrive in the spring', cue: ['said', 'say', 'neutral'], source: 'Harbour director Tomas Held', speaker: HELD }],
};
/** The wire's text re-wrapped and re-cased: the same article by its normalized text. */
export const WIRE_REWRAPPED: ArticleSpec = { document: { ...WIRE.document, id: 'wire-again', text: WIRE_TEXT.replace(/\n/gu, '\n\n').replace('Mayor', 'MAYOR') }, statements: [] };

export const SCENARIO: readonly ArticleSpec[] = [WIRE, PAPER, DAILY_V1, RADIO, DAILY_V2, NOTE, WIRE, WIRE_REWRAPPED];

function spanOf(text: string, surface: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, `fixture: '${surface}' not found in the text`);
  return { start, end: start + surface.length, text: surface };
}

/** The Analysis a good extractor would return, from the hand-written specs. */
export function buildAnalysis(spec: ArticleSpec): Analysis {
  const text = spec.document.text;
  const entities = new Map<string, Entity>();
  const statements: Statement[] = spec.statements.map((statement, index) => {
    const content = spanOf(text, statement.content);
    const source = spanOf(text, statement.source);
    const cue = spanOf(text, statement.cue[0], source.end);
    let entity = entities.get(statement.speaker);
    if (entity === undefined) {
      const surname = statement.speaker.split(' ').pop()!;
      const aliases = statement.aliases ?? [...new Set([statement.speaker, surname])];
      entity = { id: `e${entities.size + 1}`, name: statement.speaker, type: 'person', aliases, mentions: [source], why: surname === statement.speaker ? [] : [{ alias: surname, reason: 'surname' }] };
      entities.set(statement.speaker, entity);
    }
    return {
      id: `s${index + 1}`,
      kind: statement.kind,
      content: [content],
      cue: { ...cue, lemma: statement.cue[1], stance: statement.cue[2] },
      source,
      speaker: { name: statement.speaker, entity: entity.id, evidence: [source] },
      via: [],
    };
  });
  const { id, title, url, publishedAt } = spec.document;
  return { document: { id, title, url, publishedAt, text }, statements, entities: [...entities.values()], times: [], claims: [], diagnostics: [] };
}

/** Searches covering words, phrases, prefixes, exclusions, diacritics and every filter. */
export const SEARCHES: readonly SearchQuery[] = [
  { text: 'bridge' },
  { text: '"40 million"' },
  { text: 'bridge', speaker: 'Varga' },
  { text: 'bridg*' },
  { text: 'bridge -steel' },
  { text: 'cost OR cranes' },
  { text: 'gdansk' },
  { text: 'euros', outlet: 'wire.test' },
  { text: 'bridge', originalsOnly: true },
  { text: 'funding', stance: 'denial' },
  { speaker: 'Kovalenko' },
  { speaker: 'Pavel Kovalenka', from: '2024-06' },
  { outlet: 'daily.test' },
  { outlet: 'paper.test' },
  { from: '2024-05-02', to: '2024-05' },
  { stance: 'warning' },
  { kind: 'partial', limit: 2, offset: 1 },
];

/**
 * A stand-in extractor for generated articles of the form `Mayor Ilona Varga said "…".`: the first quotation is
 * her statement (articles without one have none).
 */
export function quoteAnalysis(source: SourceDocument): Analysis {
  const open = source.text.indexOf('"');
  const close = open < 0 ? -1 : source.text.indexOf('"', open + 1);
  const said = source.text.indexOf('Mayor Ilona Varga said');
  const statements: StatementSpec[] =
    close < 0 || said < 0 ? [] : [{ kind: 'direct', content: source.text.slice(open, close + 1), cue: ['said', 'say', 'neutral'], source: 'Mayor Ilona Varga', speaker: VARGA }];
  return buildAnalysis({ document: source, statements });
}

/** `batches` batches of `size` distinct articles of about 700 KB each (one quote apiece): enough log for long-ingest behaviour. */
export function bigBatches(batches: number, size: number): Array<Array<{ document: SourceDocument; analysis: Analysis }>> {
  return Array.from({ length: batches }, (_, batch) =>
    Array.from({ length: size }, (_, index) => {
      const number = batch * size + index;
      const filler = Array.from({ length: 12_000 }, (_, line) => `Line ${line} of report ${number} lists item${number}x${line} among the others.\n`).join('');
      const source = document(`big-${number}`, `Mayor Ilona Varga said "plan ${number} is ready".\n${filler}`, null, null, null);
      return { document: source, analysis: quoteAnalysis(source) };
    }),
  );
}
