import type { BenchCorpus } from './corpus.js';

export interface BenchSettings {
  readonly corpus: BenchCorpus;
  /** Measuring time per section, in seconds (warm-up is a tenth of it, at most one pass). */
  readonly seconds: number;
  /** Most passes over the corpus for sections that repeat it (hearsay extraction). */
  readonly passes: number;
  /** A tagger model file to use instead of the shipped one. */
  readonly model?: string;
}

/** A section's figures: one flat object of numbers, under `key` in the JSON output. */
export type SectionFigures = { readonly [name: string]: number };

export interface BenchSection {
  /** The name `--only` takes. */
  readonly name: string;
  /** The key of its figures in the JSON object. */
  readonly key: string;
  readonly title: string;
  /** Runs only when named with --only (it needs a service, or takes minutes). */
  readonly optIn?: boolean;
  run(settings: BenchSettings): Promise<SectionFigures>;
}

/**
 * Warm-up: a quarter of the measuring time, over as many passes as fit. One pass (about a second of Hearsay) left the
 * optimizing compiler's threads busy during the measured passes: the default run read 10–15% below a longer run's rate.
 */
const warmupSeconds = (settings: BenchSettings): number => settings.seconds / 4;
const WARMUP_PASSES = 1000;

/**
 * Every bench section, in run order; each runs in its own child process so peak RSS belongs to it alone.
 * Add a section here and it gets `--only`, a child process and a JSON key.
 * Modules load lazily, so a section's process holds only its own code.
 */
export const BENCH_SECTIONS: readonly BenchSection[] = [
  {
    name: 'extract',
    key: 'hearsay',
    title: 'hearsay',
    run: async (settings) => {
      const model = settings.model === undefined ? undefined : (await import('../eval/model.js')).readModelFile(settings.model);
      const budget = { seconds: settings.seconds, passes: settings.passes, warmupSeconds: warmupSeconds(settings), warmupPasses: WARMUP_PASSES };
      return (await import('./extract.js')).benchExtract(settings.corpus, budget, model);
    },
  },
  {
    name: 'peer',
    key: 'compromise',
    title: 'compromise',
    run: async (settings) =>
      (await import('./peer.js')).benchCompromise(settings.corpus, { seconds: settings.seconds, passes: 1, warmupSeconds: warmupSeconds(settings), warmupPasses: WARMUP_PASSES }),
  },
  {
    // Statement library ingest for --seconds / 2: articles/s end to end (extraction included), storage ms per article.
    name: 'ingest',
    key: 'ingest',
    title: 'library ingest',
    run: async (settings) => (await import('./library.js')).benchIngest(settings.corpus, settings.seconds),
  },
  {
    // Search p50/p95/p99 over --seconds × 50,000 synthetic statements (1,000,000 at the default 20 s; kept in the
    // temporary directory from 500,000 on, so only the first run pays for building it).
    name: 'search',
    key: 'search',
    title: 'library search',
    run: async (settings) => (await import('./library.js')).benchSearch(settings.seconds),
  },
  {
    // The same library on PostgreSQL (HEARSAY_TEST_POSTGRES, default postgres://postgres@127.0.0.1:5432/postgres):
    // queue ingest with 1 and 2 worker processes, search p95 at 1,000,000 statements. Opt-in: `--only postgres`.
    name: 'postgres',
    key: 'postgres',
    title: 'postgres',
    optIn: true,
    run: async () => (await import('./postgres.js')).benchPostgres(),
  },
];
