// Times findTimes, findClaims and attachStatementTimes over the PolNeAR train texts; prints the cost per article.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachStatementTimes } from '../src/extract/statement-times.js';
import { findClaims } from '../src/extract/claims.js';
import { findTimes } from '../src/extract/times.js';
import type { Statement } from '../src/model/types.js';
import { tokenize } from '../src/text/tokenize.js';

const directory = process.argv[2] ?? '/work/shared/corpus/polnear/train/text';
const texts = readdirSync(directory)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(directory, name), 'utf8'));
const tokenized = texts.map((text) => tokenize(text));
// One fake statement per sentence, so that claims are read over the whole text (a worst case).
const statements: Statement[][] = tokenized.map((tokens) => {
  const list: Statement[] = [];
  for (let sentence = 0; sentence + 1 < tokens.sentenceStarts.length; sentence++) {
    const first = tokens.sentenceStarts[sentence]!;
    const last = tokens.sentenceStarts[sentence + 1]! - 1;
    if (last < first) continue;
    const start = tokens.starts[first]!;
    const end = tokens.ends[last]!;
    list.push({ id: `s${sentence}`, kind: 'indirect', content: [{ start, end, text: tokens.text.slice(start, end) }], cue: null, source: null, speaker: null, via: [] });
  }
  return list;
});

const publishedAt = '2016-06-15';
const timesOf = texts.map((text, index) => findTimes({ text, tokens: tokenized[index]!, publishedAt, quotations: [] }));

/** The fastest of `rounds` passes over every article, in ms per article: the machine is shared, so CPU time and the minimum are the honest cost. */
function measure(stage: (text: string, index: number) => number, rounds = 15): { perArticle: number; count: number } {
  let best = Infinity;
  let count = 0;
  for (let round = 0; round < rounds + 3; round++) {
    count = 0;
    // CPU time, not wall time: other processes share the machine.
    const began = process.cpuUsage();
    texts.forEach((text, index) => {
      count += stage(text, index);
    });
    const used = process.cpuUsage(began);
    const elapsed = (used.user + used.system) / 1e3 / texts.length;
    if (round >= 3 && elapsed < best) best = elapsed;
  }
  return { perArticle: best, count };
}

const times = measure((text, index) => findTimes({ text, tokens: tokenized[index]!, publishedAt, quotations: [] }).length);
const claims = measure((text, index) => findClaims({ text, tokens: tokenized[index]!, statements: statements[index]!, times: timesOf[index]! }).length);
const axes = measure((text, index) => attachStatementTimes({ statements: statements[index]!, times: timesOf[index]!, publishedAt, text, tokens: tokenized[index]! }).length);
const tokenizing = measure((text) => tokenize(text).count, 5);
const averageLength = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
const statementCount = statements.reduce((sum, list) => sum + list.length, 0) / texts.length;
console.log(`${texts.length} articles, mean ${Math.round(averageLength)} chars, ${statementCount.toFixed(1)} statements each (one per sentence)`);
console.log(`findTimes            ${times.perArticle.toFixed(4)} ms/article  (${times.count} times)`);
console.log(`findClaims           ${claims.perArticle.toFixed(4)} ms/article  (${claims.count} claims)`);
console.log(`attachStatementTimes ${axes.perArticle.toFixed(4)} ms/article`);
console.log(`together             ${(times.perArticle + claims.perArticle + axes.perArticle).toFixed(4)} ms/article  (tokenize, for scale: ${tokenizing.perArticle.toFixed(4)})`);
