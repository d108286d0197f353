import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { HearsayError } from '../src/model/errors.js';
import { readTextCorpus } from '../src/bench/corpus.js';
import { BENCH_SECTIONS, type BenchSection } from '../src/bench/sections.js';
import { runChild } from '../src/bench/child.js';
import { cpuThroughputRatio, formatBench, throughputRatio, type BenchResult } from '../src/bench/report.js';
import { parseScriptArgs, positiveNumber, runScript } from '../src/eval/script.js';

const USAGE = `usage: npm run bench -- --corpus DIR [--json] [--seconds S] [--passes N] [--limit N] [--model FILE] [--only ${BENCH_SECTIONS.map((section) => section.name).join(',')}]

Extraction throughput over a directory of .txt files (read into memory first), after a warm-up:
articles/s, MB/s, per-article latency p50/p99, peak RSS; hearsay, then compromise as the peer.
  --corpus DIR   .txt files (or a brat split with text/)
  --seconds S    measuring time per section (default 20; the warm-up before it takes a quarter of that)
  --passes N     most passes over the corpus for hearsay (default 10); compromise makes one
  --limit N      use the first N articles only
  --only LIST    comma-separated sections to run
  --model FILE   a tagger model from npm run train instead of the shipped one
  --json         print the figures as one JSON object on the last line
`;

const SCRIPT = fileURLToPath(import.meta.url);

function selectSections(only: string | undefined): BenchSection[] {
  if (only === undefined) return BENCH_SECTIONS.filter((section) => section.optIn !== true);
  const names = only.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !BENCH_SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0 || names.length === 0) {
    throw new HearsayError(`--only expects some of ${BENCH_SECTIONS.map((section) => section.name).join(', ')}, found '${only}'`, { exitCode: 2 });
  }
  return BENCH_SECTIONS.filter((section) => names.includes(section.name));
}

async function main(args: readonly string[]): Promise<number> {
  const values = parseScriptArgs(args, {
    corpus: { type: 'string' },
    json: { type: 'boolean' },
    seconds: { type: 'string' },
    passes: { type: 'string' },
    limit: { type: 'string' },
    only: { type: 'string' },
    model: { type: 'string' },
    // Internal: run one section in this process and print its figures (the parent spawns one child per section).
    section: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.corpus === undefined) throw new HearsayError('--corpus DIR is required (see --help)', { exitCode: 2 });
  const seconds = positiveNumber(values.seconds, '--seconds', 20);
  const passes = positiveNumber(values.passes, '--passes', 10, true);
  const limit = positiveNumber(values.limit, '--limit', Number.POSITIVE_INFINITY, true);
  const sections = selectSections(values.section ?? values.only);
  const corpus = readTextCorpus(values.corpus, limit);

  if (values.section !== undefined) {
    const figures = await sections[0]!.run({ corpus, seconds, passes, ...(values.model === undefined ? {} : { model: values.model }) });
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }

  // Each section runs in a fresh child process, one after the other: its peak RSS is its own, and no section
  // competes with another for the CPU.
  const started = performance.now();
  // The one-minute load average before the run: figures from a busy machine are not comparable.
  const result: BenchResult = { articles: corpus.texts.length, bytes: corpus.totalBytes, loadAverage: Math.round(loadavg()[0]! * 100) / 100 };
  const forwarded = ['--corpus', values.corpus, '--seconds', String(seconds), '--passes', String(passes)];
  if (values.limit !== undefined) forwarded.push('--limit', String(limit));
  if (values.model !== undefined) forwarded.push('--model', values.model);
  for (const section of sections) result[section.key] = await runChild(SCRIPT, ['--section', section.name, ...forwarded], section.name);
  const ratio = throughputRatio(result);
  if (ratio !== null) result['ratio'] = ratio;
  const cpuRatio = cpuThroughputRatio(result);
  if (cpuRatio !== null) result['cpuRatio'] = cpuRatio;
  const elapsed = (performance.now() - started) / 1000;

  if (values.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(formatBench(result, sections, corpus.directory, elapsed));
  return 0;
}

await runScript('bench', main);
