import { performance } from 'node:perf_hooks';
import type { BenchCorpus } from './corpus.js';
import { percentile, round, toMegabytes } from './stats.js';

export interface ThroughputBudget {
  /** Stop measuring once this many seconds have been spent (checked after each article). */
  readonly seconds: number;
  /** At most this many passes over the corpus. */
  readonly passes: number;
  /** The warm-up stops after this many seconds, or after `warmupPasses` passes over the corpus (default one). */
  readonly warmupSeconds: number;
  readonly warmupPasses?: number;
}

/** Throughput figures for one side of the bench; one flat object so the JSON stays easy to extend. */
export type ThroughputFigures = {
  readonly articlesPerSec: number;
  /**
   * Articles per second of this process's CPU time (user + system) over the measuring loop: on a machine shared with
   * other work, wall-clock latencies include time the process waited for a core, CPU time does not.
   */
  readonly cpuArticlesPerSec: number;
  readonly mbPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Peak resident set of the measuring process: resourceUsage().maxRSS (whole process life). */
  readonly peakRssMb: number;
  /** Highest process.memoryUsage.rss() seen between articles. */
  readonly sampledRssMb: number;
  /** Articles measured (several passes count several times), and the time they took. */
  readonly measured: number;
  readonly seconds: number;
  readonly warmup: number;
  /** Mean number of results per article (statements, quotations + people): proof the work was done. */
  readonly itemsPerArticle: number;
};

/**
 * Runs `work` on each article after a warm-up, timing each call, until the budget is spent.
 * `work` returns how many results it produced, which is summed so the call cannot be optimized away.
 */
export function measureThroughput(corpus: BenchCorpus, work: (text: string) => number, budget: ThroughputBudget): ThroughputFigures {
  const { texts, bytes } = corpus;
  let warmup = 0;
  const warmupStart = performance.now();
  warming: for (let pass = 0; pass < (budget.warmupPasses ?? 1); pass++) {
    for (const text of texts) {
      work(text);
      warmup++;
      if (performance.now() - warmupStart >= budget.warmupSeconds * 1000) break warming;
    }
  }

  const latencies: number[] = [];
  let measuredBytes = 0;
  let items = 0;
  let sampledRss = process.memoryUsage.rss();
  const deadline = budget.seconds * 1000;
  const cpuBefore = process.cpuUsage();
  let busy = 0;
  measuring: for (let pass = 0; pass < budget.passes; pass++) {
    for (let index = 0; index < texts.length; index++) {
      const before = performance.now();
      items += work(texts[index]!);
      const took = performance.now() - before;
      latencies.push(took);
      busy += took;
      measuredBytes += bytes[index]!;
      // Sampled outside the timed call: reading RSS is a system call.
      sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
      if (busy >= deadline) break measuring;
    }
  }

  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = Float64Array.from(latencies).sort();
  const seconds = busy / 1000;
  return {
    articlesPerSec: round(seconds === 0 ? 0 : latencies.length / seconds, 2),
    cpuArticlesPerSec: round(cpuSeconds === 0 ? 0 : latencies.length / cpuSeconds, 2),
    mbPerSec: round(seconds === 0 ? 0 : toMegabytes(measuredBytes) / seconds, 3),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
    peakRssMb: round(toMegabytes(process.resourceUsage().maxRSS * 1024), 1),
    sampledRssMb: round(toMegabytes(sampledRss), 1),
    measured: latencies.length,
    seconds: round(seconds, 3),
    warmup,
    itemsPerArticle: round(latencies.length === 0 ? 0 : items / latencies.length, 2),
  };
}
