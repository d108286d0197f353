import type { Statement } from '../../src/model/types.js';

/** The number of speaker colour classes in styles.css (sp-0 … sp-7). */
export const PALETTE_SIZE = 8;

/** Which speaker a statement belongs to, for colouring: the resolved entity, else the name as written. */
export function speakerKey(statement: Statement): string {
  return statement.speaker?.entity ?? statement.speaker?.name ?? statement.source?.text ?? 'unknown';
}

/** A colour index per speaker, in order of first appearance. */
export function speakerColors(statements: readonly Statement[]): Map<string, number> {
  const colors = new Map<string, number>();
  for (const statement of statements) {
    const key = speakerKey(statement);
    if (!colors.has(key)) colors.set(key, colors.size % PALETTE_SIZE);
  }
  return colors;
}
