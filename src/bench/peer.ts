import type { BenchCorpus } from './corpus.js';
import { measureThroughput, type ThroughputBudget, type ThroughputFigures } from './throughput.js';

/**
 * The peer: compromise parses each article, then lists its quotations and people (forced to plain output,
 * since compromise is lazy). Loaded here, on demand, so the hearsay side never holds it in memory.
 */
export async function benchCompromise(corpus: BenchCorpus, budget: ThroughputBudget): Promise<ThroughputFigures> {
  const nlp = (await import('compromise')).default;
  return measureThroughput(
    corpus,
    (text) => {
      const document = nlp(text);
      const quotations = document.quotations().out('array') as unknown[];
      const people = document.people().json() as unknown[];
      return quotations.length + people.length;
    },
    budget,
  );
}
