import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../src/extract/pipeline.js';
import { HearsayError } from '../src/model/errors.js';
import { readBratCorpus } from '../src/eval/brat.js';
import { scoreCorpus } from '../src/eval/score.js';
import { evalFigures, formatFigures } from '../src/eval/report.js';
import { formatErrors } from '../src/eval/errors.js';
import { readModelFile } from '../src/eval/model.js';
import { parseScriptArgs, positiveNumber, runScript } from '../src/eval/script.js';

const USAGE = `usage: npm run eval -- (--polnear DIR [--split dev|train|annotator-training] | --corpus DIR) [--json] [--errors N] [--model FILE]

Scores hearsay's statements against brat attribution annotations (Source, Cue, Content).
  --polnear DIR   a PolNeAR checkout (DIR/<split>/text, DIR/<split>/attributions)
  --split NAME    the PolNeAR split to score (default dev; tune on dev only)
  --corpus DIR    any directory of .txt + .ann pairs (or a split with text/ and attributions/)
  --json          print the figures as one JSON object on the last line
  --errors N      list N misses, N false alarms and N boundary errors with their context
  --model FILE    a tagger model from npm run train instead of the shipped models/attribution.bin
`;

async function main(args: readonly string[]): Promise<number> {
  const values = parseScriptArgs(args, {
    polnear: { type: 'string' },
    split: { type: 'string' },
    corpus: { type: 'string' },
    json: { type: 'boolean' },
    errors: { type: 'string' },
    model: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ((values.polnear === undefined) === (values.corpus === undefined)) throw new HearsayError('give exactly one of --polnear DIR or --corpus DIR (see --help)', { exitCode: 2 });
  if (values.corpus !== undefined && values.split !== undefined) throw new HearsayError('--split goes with --polnear, not --corpus', { exitCode: 2 });
  const errorLimit = values.errors === undefined ? 0 : positiveNumber(values.errors, '--errors', 0, true);
  let directory: string;
  let label: string;
  if (values.polnear !== undefined) {
    const split = values.split ?? 'dev';
    directory = join(values.polnear, split);
    if (!existsSync(directory)) throw new HearsayError(`no split '${split}' here (expected ${directory})`, { input: values.polnear });
    label = `PolNeAR ${split}`;
  } else {
    directory = values.corpus!;
    label = directory;
  }

  const options = values.model === undefined ? {} : { model: readModelFile(values.model) };
  const started = performance.now();
  const documents = readBratCorpus(directory);
  const score = scoreCorpus(documents, (text, id) => analyzeDocument({ id, text, title: null, url: null, publishedAt: null }, options));
  const figures = evalFigures(score, (performance.now() - started) / 1000);

  if (errorLimit > 0) process.stdout.write(formatErrors(score.errors, errorLimit));
  if (values.json === true) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else process.stdout.write(formatFigures(figures, label));
  return 0;
}

await runScript('eval', main);
