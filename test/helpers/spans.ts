import assert from 'node:assert/strict';
import type { Span } from '../../src/model/span.js';
import type { Analysis } from '../../src/model/types.js';

/** Asserts that one span is a valid half-open slice of `text`. */
export function assertSpan(text: string, span: Span, where: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: offsets must be integers (${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where}: [${span.start}, ${span.end}) outside 0..${text.length}`);
  assert.equal(text.slice(span.start, span.end), span.text, `${where}: text.slice(start, end) differs from span.text`);
}

/** Checks every span in an analysis: statements (content pieces ordered, non-overlapping), cues, sources, relays, entities, times, claims. */
export function assertAnalysisSpans(analysis: Analysis): void {
  const text = analysis.document.text;
  for (const statement of analysis.statements) {
    assert.ok(statement.content.length > 0, `${statement.id}: a statement has at least one content piece`);
    let previousEnd = -1;
    statement.content.forEach((piece, index) => {
      assertSpan(text, piece, `${statement.id}.content[${index}]`);
      assert.ok(piece.start >= previousEnd, `${statement.id}.content[${index}] overlaps or precedes the previous piece`);
      previousEnd = piece.end;
    });
    if (statement.cue !== null) assertSpan(text, statement.cue, `${statement.id}.cue`);
    if (statement.source !== null) assertSpan(text, statement.source, `${statement.id}.source`);
    statement.via.forEach((relay, index) => assertSpan(text, relay, `${statement.id}.via[${index}]`));
    statement.speaker?.evidence.forEach((span, index) => assertSpan(text, span, `${statement.id}.speaker.evidence[${index}]`));
  }
  for (const entity of analysis.entities) {
    entity.mentions.forEach((mention, index) => {
      assertSpan(text, mention, `${entity.id}.mentions[${index}]`);
      if (mention.role !== undefined) assertSpan(text, mention.role, `${entity.id}.mentions[${index}].role`);
    });
  }
  analysis.times.forEach((time, index) => assertSpan(text, time, `times[${index}]`));
  analysis.claims.forEach((claim, index) => assertSpan(text, claim, `claims[${index}]`));
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.start !== undefined && diagnostic.end !== undefined) {
      assert.ok(diagnostic.start >= 0 && diagnostic.start <= diagnostic.end && diagnostic.end <= text.length, `diagnostic ${diagnostic.ruleId} out of range`);
    }
  }
}
