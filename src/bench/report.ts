import type { BenchSection, SectionFigures } from './sections.js';
import { round } from './stats.js';

/** The JSON object `npm run bench -- --json` prints on its last line: one key per section, plus the ratio. */
export interface BenchResult {
  articles: number;
  bytes: number;
  loadAverage: number;
  [section: string]: number | SectionFigures | null;
}

/** hearsay articles/s over compromise articles/s, when both ran. */
export function throughputRatio(result: BenchResult): number | null {
  return ratioOf(result, 'articlesPerSec');
}

/** The same ratio per CPU second of each side's process. */
export function cpuThroughputRatio(result: BenchResult): number | null {
  return ratioOf(result, 'cpuArticlesPerSec');
}

function ratioOf(result: BenchResult, figure: string): number | null {
  const hearsay = result['hearsay'];
  const compromise = result['compromise'];
  if (typeof hearsay !== 'object' || typeof compromise !== 'object' || hearsay === null || compromise === null) return null;
  const ours = hearsay[figure];
  const theirs = compromise[figure];
  return ours === undefined || theirs === undefined || theirs === 0 ? null : round(ours / theirs, 2);
}

const cell = (value: number | undefined, width: number): string => (value === undefined ? '—' : String(value)).padStart(width);

/** The human-readable table: throughput sections as rows, other sections as `name: key value` lines. */
export function formatBench(result: BenchResult, sections: readonly BenchSection[], directory: string, seconds: number): string {
  const lines = [`corpus ${directory}: ${result.articles} articles, ${(result.bytes / 1_000_000).toFixed(2)} MB (MB = 10^6 bytes); load average ${result.loadAverage} before the run`, ''];
  lines.push(`${''.padEnd(12)}${'articles/s'.padStart(12)}${'per CPU s'.padStart(11)}${'MB/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'peak RSS MB'.padStart(13)}${'sampled'.padStart(9)}${'measured'.padStart(10)}`);
  const other: string[] = [];
  for (const section of sections) {
    const figures = result[section.key];
    if (typeof figures !== 'object' || figures === null) continue;
    if (figures['articlesPerSec'] === undefined) {
      other.push(`${section.title}: ${Object.entries(figures).map(([key, value]) => `${key} ${value}`).join(', ')}`);
      continue;
    }
    lines.push(
      `${section.title.padEnd(12)}${cell(figures['articlesPerSec'], 12)}${cell(figures['cpuArticlesPerSec'], 11)}${cell(figures['mbPerSec'], 9)}${cell(figures['p50Ms'], 9)}${cell(figures['p99Ms'], 9)}${cell(figures['peakRssMb'], 13)}${cell(figures['sampledRssMb'], 9)}${cell(figures['measured'], 10)}`,
    );
  }
  lines.push(...other);
  const ratio = result['ratio'];
  if (typeof ratio === 'number') lines.push('', `ratio hearsay/compromise articles per second: ${ratio}`);
  const cpuRatio = result['cpuRatio'];
  if (typeof cpuRatio === 'number') lines.push(`ratio hearsay/compromise articles per CPU second: ${cpuRatio}`);
  lines.push('', `elapsed ${seconds.toFixed(1)} s (each section in its own process; peak RSS = that process's maxRSS)`);
  return `${lines.join('\n')}\n`;
}
