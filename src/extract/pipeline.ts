import type { AliasOverrides } from './aliases.js';
import type { Analysis, Diagnostic, SourceDocument, Statement } from '../model/types.js';
import { tokenize } from '../text/tokenize.js';
import { findClaims } from './claims.js';
import { findEntities } from './entities.js';
import { findLayoutAttributions } from './layout-attributions.js';
import { findNestedStatements } from './nested.js';
import { findQuotations } from './quotations.js';
import { findRelays } from './relays.js';
import { completeSources } from './sources.js';
import { makeSourceResolver, resolveSpeakers } from './speakers.js';
import { attachStatementTimes } from './statement-times.js';
import { assembleStatements, type DraftStatement } from './statements.js';
import { labelsToSpans, loadDefaultModel, tagDocument, type AttributionModel } from './tagger.js';
import { findTimes } from './times.js';

export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD) used when the document has none. */
  readonly publishedAt?: string;
  /** A tagger model other than the shipped one (tests, training experiments). */
  readonly model?: AttributionModel;
  /** User alias overrides (add or forbid merges). */
  readonly aliases?: AliasOverrides;
}

/** Runs every extraction stage, in order, over one document. The source text is never changed. */
export function analyzeDocument(document: SourceDocument, options: AnalyzeOptions = {}): Analysis {
  const text = document.text;
  const publishedAt = document.publishedAt ?? options.publishedAt ?? null;
  const diagnostics: Diagnostic[] = [];

  // 1. Tokens and sentences: every later stage reads them.
  const tokens = tokenize(text);
  // 2. Quotations before tagging: the tagger's features ask whether a token is quoted and what follows the quote.
  const quotations = findQuotations(tokens);
  for (const diagnostic of quotations.diagnostics) diagnostics.push(diagnostic); // a loop: spreading a huge list into push() overflows the stack
  const quotationSpans = quotations.quotations.map((quotation) => ({ start: quotation.start, end: quotation.end, text: text.slice(quotation.start, quotation.end) }));
  // 3. The learned tagger marks source, cue and content spans (two passes; the second reads the first's labels).
  const labels = tagDocument(options.model ?? loadDefaultModel(), tokens, quotations);
  // 4. Spans become statements: each cue takes its content pieces and source.
  const tagged = assembleStatements({ tokens, spans: labelsToSpans(labels), quotations });
  // 4b. Attributions made by layout ("PENCE: …", "“…” ― Jane Roe") replace what the tagger read on those lines.
  const assembled = mergeLayoutAttributions(tagged, findLayoutAttributions(tokens));
  // 5. Relay phrases before sources: "cited by X" and "according to X" must not be taken for speakers.
  const relayed = findRelays({ tokens, drafts: assembled, quotations });
  // 6. Entities and coreference (independent of statements); sources are widened to the mentions they cut.
  const aliasOptions = options.aliases === undefined ? {} : { aliases: options.aliases };
  const entities = findEntities({ text, tokens, quotations: quotationSpans, ...aliasOptions });
  // 7. Sources the tagger missed, speakers shared by participle/coordinated cues, then each source's entity.
  const sourced = completeSources({ tokens, drafts: relayed.drafts, quotations, entities });
  // One resolver for both speaker stages: its mention index is built and sorted once.
  const speakerOf = makeSourceResolver(entities, text);
  const speakers = resolveSpeakers({ drafts: sourced.drafts, sharesSpeakerWith: sourced.sharesSpeakerWith, entities, text, resolve: speakerOf });

  const outer: Statement[] = sourced.drafts.map((draft, index) => ({
    id: `s${index + 1}`,
    kind: draft.kind,
    content: draft.content,
    cue: draft.cue,
    source: draft.source,
    speaker: speakers[index] ?? null,
    via: relayed.via[index] ?? [],
  }));
  // 8. Statements reported inside other statements, after speakers: the outer speaker becomes their relay.
  const nested = findNestedStatements({
    tokens,
    statements: outer,
    contentTokens: sourced.drafts.map((draft) => draft.contentTokens),
    speakerOf,
  });
  // A report inside a layout line ("VARGA: … Critics claimed …") may already be a statement of its own: kept once.
  const outerCues = new Set(outer.map((statement) => statement.cue?.start ?? -1));
  const inner = nested.filter((statement) => statement.cue === null || !outerCues.has(statement.cue.start));
  const ordered = [...outer, ...inner.map((statement, index) => renumbered(statement, `s${outer.length + index + 1}`))];

  // 9. Times, then statement time axes and numeric claims (claims skip numbers that are dates).
  const times = findTimes({ text, tokens, publishedAt, quotations: quotationSpans });
  const statements = attachStatementTimes({ statements: ordered, times, publishedAt, text, tokens });
  const claims = findClaims({ text, tokens, statements, times });

  return {
    document: { id: document.id, title: document.title, url: document.url, publishedAt, text },
    statements,
    entities,
    times,
    claims,
    diagnostics,
  };
}

/** `{ ...statement, id }` of a nested statement (no time yet), copied by name in the same field order: a spread is a slow generic copy. */
function renumbered(statement: Statement, id: string): Statement {
  const { kind, content, cue, source, speaker, via, within } = statement;
  return within === undefined ? { id, kind, content, cue, source, speaker, via } : { id, kind, content, cue, source, speaker, via, within };
}

/**
 * Layout attributions win over tagger statements they overlap, except a report made inside a line's words ("VARGA: …
 * Critics claimed that …"), which is kept; the result stays in text order. Lines are in reading order and disjoint,
 * so each tagged piece finds its line by binary search.
 */
function mergeLayoutAttributions(tagged: readonly DraftStatement[], layout: readonly DraftStatement[]): DraftStatement[] {
  if (layout.length === 0) return [...tagged];
  const starts = layout.map((line) => Math.min(line.source!.start, line.content[0]!.start));
  const ends = layout.map((line) => Math.max(line.source!.end, line.content[line.content.length - 1]!.end));
  const lineAfter = (offset: number): number => {
    let low = 0;
    let high = layout.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const within = (span: { start: number; end: number }, line: DraftStatement): boolean =>
    line.content.some((piece) => piece.start <= span.start && span.end <= piece.end);
  const covered = (draft: DraftStatement): boolean =>
    draft.content.some((piece) => {
      const index = lineAfter(piece.start);
      if (index >= layout.length || starts[index]! >= piece.end) return false;
      const line = layout[index]!;
      const reported = draft.cue !== null && within(draft.cue, line) && (draft.source === null || within(draft.source, line));
      return !reported;
    });
  return [...tagged.filter((draft) => !covered(draft)), ...layout].sort((a, b) => a.content[0]!.start - b.content[0]!.start);
}
