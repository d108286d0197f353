/**
 * How often a statement's source as written resolves to a named entity, over a brat corpus (PolNeAR dev):
 *   npm run build && node dist/scripts/speaker-report.js --corpus ../shared/corpus/polnear/dev [--sample 25] [--seed 7]
 * Prints the rate by kind of source (name, pronoun, description) and a seeded random sample to check by hand.
 */
import { readBratCorpus } from '../src/eval/brat.js';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { PRONOUNS } from '../src/lexicon/pronouns.js';
import { argument } from '../src/eval/script.js';

function main(): void {
  const args = process.argv.slice(2);
  const corpus = argument(args, '--corpus');
  if (corpus === undefined) {
    process.stderr.write('usage: node dist/scripts/speaker-report.js --corpus <brat dir> [--sample N] [--seed N]\n');
    process.exitCode = 2;
    return;
  }
  const sampleSize = Number(argument(args, '--sample') ?? 25);
  let state = Number(argument(args, '--seed') ?? 7) >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const counts = new Map<string, { total: number; resolved: number }>();
  const rows: string[] = [];
  for (const document of readBratCorpus(corpus)) {
    const analysis = analyzeDocument({ id: document.id, text: document.text, title: null, url: null, publishedAt: null });
    const names = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    for (const statement of analysis.statements) {
      if (statement.source === null) continue;
      const written = statement.source.text;
      const form = PRONOUNS.has(written.toLowerCase()) ? 'pronoun' : /^\p{Lu}/u.test(written) && !/^(The|A|An)\s/u.test(written) ? 'name' : 'description';
      const entity = statement.speaker?.entity === null || statement.speaker?.entity === undefined ? undefined : names.get(statement.speaker.entity);
      const resolved = entity !== undefined && entity.type !== 'group' && entity.mentions.some((mention) => mention.form === 'name' || mention.form === 'surname');
      const count = counts.get(form) ?? { total: 0, resolved: 0 };
      count.total++;
      if (resolved) count.resolved++;
      counts.set(form, count);
      rows.push(`${form.padEnd(11)} ${JSON.stringify(written).slice(0, 50).padEnd(52)} → ${resolved ? entity!.name : '(unresolved)'}`);
    }
  }
  let total = 0;
  let resolved = 0;
  for (const [form, count] of counts) {
    total += count.total;
    resolved += count.resolved;
    process.stdout.write(`${form.padEnd(12)} ${String(count.resolved).padStart(5)} / ${String(count.total).padEnd(5)} ${((100 * count.resolved) / Math.max(1, count.total)).toFixed(1)}% resolve to a named entity\n`);
  }
  process.stdout.write(`all          ${String(resolved).padStart(5)} / ${String(total).padEnd(5)} ${((100 * resolved) / Math.max(1, total)).toFixed(1)}%\n\nsample to check by hand:\n`);
  for (let index = 0; index < sampleSize && rows.length > 0; index++) {
    const pick = Math.floor(random() * rows.length);
    process.stdout.write(`  ${rows.splice(pick, 1)[0]}\n`);
  }
}

main();
