import { analyzeDocument } from '../extract/pipeline.js';
import type { AttributionModel } from '../extract/tagger.js';
import type { BenchCorpus } from './corpus.js';
import { measureThroughput, type ThroughputBudget, type ThroughputFigures } from './throughput.js';

/** Hearsay's extraction throughput: the same call as `hearsay analyze`, one article at a time (`model`: a candidate tagger). */
export function benchExtract(corpus: BenchCorpus, budget: ThroughputBudget, model?: AttributionModel): ThroughputFigures {
  const options = model === undefined ? {} : { model };
  let count = 0;
  return measureThroughput(
    corpus,
    (text) => analyzeDocument({ id: `bench-${count++}`, text, title: null, url: null, publishedAt: null }, options).statements.length,
    budget,
  );
}
