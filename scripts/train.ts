/**
 * Trains the attribution tagger (a linear model over hashed features, Viterbi-decoded; weights averaged over the training steps)
 * on a brat corpus — PolNeAR train — and writes models/attribution.bin. Reproducible: a seeded shuffle.
 *
 *   npm run train -- --corpus ../shared/corpus/polnear/train [--dev ../shared/corpus/polnear/dev] [--epochs 8] [--bits 20] [--seed N] [--out FILE]
 *   npm run train -- --average a.bin b.bin c.bin --out models/attribution.bin --prune 8
 *
 * --dev only prints tagger span scores per epoch (tuning); it never trains on dev.
 * Training algorithm flags (decoding and features are untouched, so they change accuracy, never inference speed):
 *   --cost C          loss of one wrongly labelled token, in weight units (default 1000); while training, decoding
 *                     adds it to every label that differs from gold (loss-augmented decoding), so updates continue until
 *                     gold wins by that margin per token — a structured hinge. 0: plain perceptron decoding.
 *   --label-costs L   seven comma-separated multipliers of --cost by gold label O,B-SRC,I-SRC,B-CUE,I-CUE,B-CON,I-CON
 *                     (default all 1).
 *   --pa CLIP         passive-aggressive (PA-I) steps instead of ±1: τ = min(CLIP, (loss − w·Δφ) / ‖Δφ‖²), with the
 *                     cost-weighted Hamming loss above (needs --cost > 0). Default --cost / 30; 0: the perceptron's ±1 steps.
 *   --no-augment      decode without the cost while training (classic 1-best MIRA with --pa); the cost is still the loss.
 * The defaults (loss-augmented PA-I, the averaged weights kept) measured on PolNeAR dev (--epochs 14 --bits 15 --prune 8),
 * exact F1 source/cue/content, against the averaged perceptron (`--cost 0`, the previous trainer, byte-identical):
 * seed 17 69.1/64.9/50.8 vs 65.6/62.5/49.4, seed 18 68.9/64.6/50.9 vs 64.5/61.5/48.9. A margin alone (--cost 20) and
 * PA without it (--no-augment) did not help; training takes about twice as long (~2 min), inference is unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBratCorpus, type BratAnnotation, type BratDocument } from '../src/eval/brat.js';
import { extractFeatures, extractStackedFeatures, STACKED_TEMPLATE_COUNT, TEMPLATE_COUNT } from '../src/extract/features.js';
import { findQuotations } from '../src/extract/quotations.js';
import { addEmissions, DEFAULT_MODEL_PATH, decode, deserializeModel, isAllowed, LABEL_COUNT, labelsToSpans, serializeModel, tagTokens, type AttributionModel, type TaggerModel } from '../src/extract/tagger.js';
import { seededRandom } from '../src/library/synthetic.js';
import { firstTokenEndingAfter, tokenize, type Tokens } from '../src/text/tokenize.js';
import { argument } from '../src/eval/script.js';

interface Example {
  readonly document: number;
  readonly tokens: Tokens;
  readonly baseKeys: Uint32Array;
  /** Second-pass keys over the first pass's labels (null while training the first pass). */
  extraKeys: Uint32Array | null;
  readonly gold: Uint8Array;
}

const TYPE_LABEL: Readonly<Record<string, number>> = { Source: 1, Cue: 3, Content: 5 };

/** Gold labels: a token takes the type of the annotated piece covering most of it; the first token of a piece is B-. */
export function goldLabels(tokens: Tokens, annotation: BratAnnotation): Uint8Array {
  const labels = new Uint8Array(tokens.count);
  const used = new Set<string>();
  for (const relation of annotation.relations) {
    for (const id of [relation.source, relation.cue, relation.content]) if (id !== null) used.add(id);
  }
  for (const id of used) {
    const span = annotation.spans.get(id);
    if (span === undefined) continue;
    const begin = TYPE_LABEL[span.type];
    if (begin === undefined) continue;
    for (const [start, end] of span.pieces) {
      let first = true;
      for (let token = firstTokenEndingAfter(tokens, start); token < tokens.count && tokens.starts[token]! < end; token++) {
        const tokenStart = tokens.starts[token]!;
        const tokenEnd = tokens.ends[token]!;
        const covered = Math.min(end, tokenEnd) - Math.max(start, tokenStart);
        if (covered * 2 < tokenEnd - tokenStart) continue;
        labels[token] = first ? begin : begin + 1;
        first = false;
      }
    }
  }
  return labels;
}

function prepare(documents: readonly BratDocument[], allAnnotations: boolean): Example[] {
  const examples: Example[] = [];
  documents.forEach((document, documentIndex) => {
    const tokens = tokenize(document.text);
    const keys = extractFeatures(tokens, findQuotations(tokens));
    const annotations = allAnnotations ? document.annotations : document.annotations.slice(0, 1);
    for (const annotation of annotations) examples.push({ document: documentIndex, tokens, baseKeys: keys, extraKeys: null, gold: goldLabels(tokens, annotation) });
  });
  return examples;
}


function spanKey(tokens: Tokens, type: string, first: number, last: number): string {
  return `${type}:${tokens.starts[first]}:${tokens.ends[last]}`;
}

/** Exact span F1 of the tagger alone against gold labels, per type (a quick tuning signal, not the real eval). */
function scoreTagger(model: AttributionModel, examples: readonly Example[]): Record<string, number> {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = { source: { tp: 0, fp: 0, fn: 0 }, cue: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
  for (const example of examples) {
    const predicted = new Set(labelsToSpans(tagTokens(model, example.tokens, example.baseKeys)).map((span) => spanKey(example.tokens, span.type, span.first, span.last)));
    const gold = new Set(labelsToSpans(example.gold).map((span) => spanKey(example.tokens, span.type, span.first, span.last)));
    for (const key of predicted) {
      const count = counts[key.split(':')[0]!]!;
      if (gold.has(key)) count.tp++;
      else count.fp++;
    }
    for (const key of gold) if (!predicted.has(key)) counts[key.split(':')[0]!]!.fn++;
  }
  const result: Record<string, number> = {};
  for (const [type, count] of Object.entries(counts)) {
    const precision = count.tp / Math.max(1, count.tp + count.fp);
    const recall = count.tp / Math.max(1, count.tp + count.fn);
    result[type] = Number(((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(4));
  }
  return result;
}

/** How the weights are learnt: the cost of a wrong token by gold label, and the passive-aggressive clip (0: ±1 steps). */
export interface Algorithm {
  /** Per gold label: added to every other label's score while decoding for an update, and the loss of a wrong token. */
  readonly costs: Float64Array;
  /** Passive-aggressive step limit C; 0 keeps the perceptron's ±1 steps. */
  readonly clip: number;
  /** False: decode without the costs (they then only set the passive-aggressive loss). */
  readonly augment: boolean;
}

/** Defaults: the best setting measured on PolNeAR dev (see the header comment). */
const DEFAULT_COST = 1000;
// The step limit scales with the cost (PA is scale-free in both): at cost 1000 the weights land near the perceptron's scale, so --prune 8 keeps its meaning.
const CLIP_PER_COST = 1 / 30;

/** The PA-I step: the smallest move that makes gold beat the prediction by `loss`, at most `clip`; never negative. */
export function passiveAggressiveStep(loss: number, goldAdvantage: number, squaredNorm: number, clip: number): number {
  if (squaredNorm <= 0) return 0;
  return Math.min(clip, Math.max(0, (loss - goldAdvantage) / squaredNorm));
}

/**
 * Viterbi over `emissions[token * LABEL_COUNT + label]` plus `costs[gold[token]]` on every label other than gold's:
 * the sequence maximizing score + cost-weighted Hamming loss (for loss-augmented training). Same constraints and tie
 * order as the tagger's decode: inside labels only continue their own type, ties go to the lower label.
 */
export function costAugmentedViterbi(emissions: Float64Array, count: number, transitions: Float32Array, starts: Float32Array, gold: Uint8Array, costs: Float64Array): Uint8Array {
  const labels = new Uint8Array(count);
  if (count === 0) return labels;
  // Forbidden pairs as -Infinity once per call, so the inner loop is plain arithmetic.
  const allowed = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  for (let index = 0; index < allowed.length; index++) allowed[index] = isAllowed(Math.floor(index / LABEL_COUNT), index % LABEL_COUNT) ? transitions[index]! : -Infinity;
  const back = new Uint8Array(count * LABEL_COUNT);
  let previous = new Float64Array(LABEL_COUNT);
  let current = new Float64Array(LABEL_COUNT);
  const firstGold = gold[0]!;
  // An inside label cannot open the sequence.
  for (let label = 0; label < LABEL_COUNT; label++) previous[label] = label === 2 || label === 4 || label === 6 ? -Infinity : emissions[label]! + starts[label]! + (label === firstGold ? 0 : costs[firstGold]!);
  for (let token = 1; token < count; token++) {
    const goldLabel = gold[token]!;
    const cost = costs[goldLabel]!;
    for (let label = 0; label < LABEL_COUNT; label++) {
      let best = -Infinity;
      let from = 0;
      for (let before = 0; before < LABEL_COUNT; before++) {
        const score = previous[before]! + allowed[before * LABEL_COUNT + label]!;
        if (score > best) {
          best = score;
          from = before;
        }
      }
      current[label] = best + emissions[token * LABEL_COUNT + label]! + (label === goldLabel ? 0 : cost);
      back[token * LABEL_COUNT + label] = from;
    }
    [previous, current] = [current, previous];
  }
  let bestLabel = 0;
  for (let label = 1; label < LABEL_COUNT; label++) if (previous[label]! > previous[bestLabel]!) bestLabel = label;
  for (let token = count - 1; token >= 0; token--) {
    labels[token] = bestLabel;
    bestLabel = back[token * LABEL_COUNT + bestLabel]!;
  }
  return labels;
}

function train(examples: Example[], options: { epochs: number; bits: number; width: number; seed: number; algorithm: Algorithm; report: (model: TaggerModel) => string }): TaggerModel {
  const size = (1 << options.bits) * LABEL_COUNT;
  const mask = (1 << options.bits) - 1;
  const weights = new Float32Array(size);
  const totals = new Float64Array(size); // sum of step * update, for averaging
  const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  const transitionTotals = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  const starts = new Float32Array(LABEL_COUNT);
  const startTotals = new Float64Array(LABEL_COUNT);
  const model: TaggerModel = { bits: options.bits, width: options.width, weights, scale: 1, transitions, starts };
  const random = seededRandom(options.seed);
  let step = 1;
  const order = examples.map((_, index) => index);

  const extraWidth = options.width - TEMPLATE_COUNT;
  const updateKeys = (keys: Uint32Array, width: number, token: number, label: number, amount: number): void => {
    const base = token * width;
    for (let template = 0; template < width; template++) {
      const index = (keys[base + template]! & mask) * LABEL_COUNT + label;
      weights[index]! += amount;
      totals[index]! += step * amount;
    }
  };
  const update = (example: Example, token: number, label: number, amount: number): void => {
    updateKeys(example.baseKeys, TEMPLATE_COUNT, token, label, amount);
    if (extraWidth > 0 && example.extraKeys !== null) updateKeys(example.extraKeys, extraWidth, token, label, amount);
  };

  const { algorithm } = options;
  const augmented = algorithm.augment && algorithm.costs.some((cost) => cost > 0);
  // The difference vector of one PA update: dense (reused, no allocation per example) plus the indices it touched.
  const delta = new Float64Array(size);
  let touched = new Uint32Array(1024);
  let amounts = new Float64Array(1024);
  let touchedCount = 0;
  /** Adds `amount` per key of `token` for `label` into the difference vector (collisions sum, as in the table). */
  const collect = (keys: Uint32Array, width: number, token: number, label: number, amount: number): void => {
    for (let template = 0; template < width; template++) {
      const index = (keys[token * width + template]! & mask) * LABEL_COUNT + label;
      if (delta[index] === 0) {
        if (touchedCount === touched.length) {
          const grown = new Uint32Array(touched.length * 2);
          grown.set(touched);
          touched = grown;
          amounts = new Float64Array(grown.length);
        }
        touched[touchedCount++] = index;
      }
      delta[index]! += amount;
    }
  };
  /** One PA-I update toward gold from `predicted`; returns the number of wrong tokens. */
  const passiveAggressiveUpdate = (example: Example, predicted: Uint8Array): number => {
    const { gold } = example;
    touchedCount = 0;
    const transitionDelta = new Float64Array(LABEL_COUNT * LABEL_COUNT);
    const startDelta = new Float64Array(LABEL_COUNT);
    let wrong = 0;
    let loss = 0;
    for (let token = 0; token < example.tokens.count; token++) {
      const goldLabel = gold[token]!;
      const predictedLabel = predicted[token]!;
      if (goldLabel !== predictedLabel) {
        wrong++;
        loss += algorithm.costs[goldLabel]!;
        for (const [label, amount] of [[goldLabel, 1], [predictedLabel, -1]] as const) {
          collect(example.baseKeys, TEMPLATE_COUNT, token, label, amount);
          if (extraWidth > 0 && example.extraKeys !== null) collect(example.extraKeys, extraWidth, token, label, amount);
        }
      }
      const goldPrevious = token > 0 ? gold[token - 1]! : -1;
      const predictedPrevious = token > 0 ? predicted[token - 1]! : -1;
      if (goldLabel === predictedLabel && goldPrevious === predictedPrevious) continue;
      if (token === 0) {
        startDelta[goldLabel]! += 1;
        startDelta[predictedLabel]! -= 1;
      } else {
        // As the perceptron: a forbidden gold pair is never rewarded.
        if (isAllowed(goldPrevious, goldLabel)) transitionDelta[goldPrevious * LABEL_COUNT + goldLabel]! += 1;
        transitionDelta[predictedPrevious * LABEL_COUNT + predictedLabel]! -= 1;
      }
    }
    if (wrong === 0) return 0;
    let goldAdvantage = 0;
    let squaredNorm = 0;
    // An index may cancel back to 0 and be listed twice: reading clears it, so the second visit adds nothing.
    for (let entry = 0; entry < touchedCount; entry++) {
      const index = touched[entry]!;
      const amount = delta[index]!;
      amounts[entry] = amount;
      delta[index] = 0;
      goldAdvantage += weights[index]! * amount;
      squaredNorm += amount * amount;
    }
    for (let index = 0; index < transitionDelta.length; index++) {
      goldAdvantage += transitions[index]! * transitionDelta[index]!;
      squaredNorm += transitionDelta[index]! * transitionDelta[index]!;
    }
    for (let index = 0; index < startDelta.length; index++) {
      goldAdvantage += starts[index]! * startDelta[index]!;
      squaredNorm += startDelta[index]! * startDelta[index]!;
    }
    const stepSize = passiveAggressiveStep(loss, goldAdvantage, squaredNorm, algorithm.clip);
    if (stepSize === 0) return wrong;
    for (let entry = 0; entry < touchedCount; entry++) {
      const index = touched[entry]!;
      weights[index]! += stepSize * amounts[entry]!;
      totals[index]! += step * stepSize * amounts[entry]!;
    }
    for (let index = 0; index < transitionDelta.length; index++) {
      transitions[index]! += stepSize * transitionDelta[index]!;
      transitionTotals[index]! += step * stepSize * transitionDelta[index]!;
    }
    for (let index = 0; index < startDelta.length; index++) {
      starts[index]! += stepSize * startDelta[index]!;
      startTotals[index]! += step * stepSize * startDelta[index]!;
    }
    return wrong;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    let errors = 0;
    for (const exampleIndex of order) {
      const example = examples[exampleIndex]!;
      const { gold } = example;
      const count = example.tokens.count;
      const extraKeys = extraWidth > 0 ? example.extraKeys : null;
      let predicted: Uint8Array;
      if (augmented) {
        const emissions = new Float64Array(count * LABEL_COUNT);
        addEmissions(emissions, model.weights, 0, LABEL_COUNT, (1 << model.bits) - 1, example.baseKeys, TEMPLATE_COUNT, count);
        if (extraKeys !== null) addEmissions(emissions, model.weights, 0, LABEL_COUNT, (1 << model.bits) - 1, extraKeys, extraWidth, count);
        predicted = costAugmentedViterbi(emissions, count, transitions, starts, gold, algorithm.costs);
      } else {
        predicted = decode(model, example.baseKeys, count, extraKeys);
      }
      if (algorithm.clip > 0) {
        errors += passiveAggressiveUpdate(example, predicted);
        step++;
        continue;
      }
      for (let token = 0; token < count; token++) {
        const goldLabel = gold[token]!;
        const predictedLabel = predicted[token]!;
        if (goldLabel !== predictedLabel) {
          errors++;
          update(example, token, goldLabel, 1);
          update(example, token, predictedLabel, -1);
        }
        const goldPrevious = token > 0 ? gold[token - 1]! : -1;
        const predictedPrevious = token > 0 ? predicted[token - 1]! : -1;
        if (goldLabel !== predictedLabel || goldPrevious !== predictedPrevious) {
          if (token === 0) {
            starts[goldLabel]! += 1;
            startTotals[goldLabel]! += step;
            starts[predictedLabel]! -= 1;
            startTotals[predictedLabel]! -= step;
          } else {
            // A gold sequence may break the B/I constraint where tokens split oddly; never reward a forbidden pair.
            if (isAllowed(goldPrevious, goldLabel)) {
              transitions[goldPrevious * LABEL_COUNT + goldLabel]! += 1;
              transitionTotals[goldPrevious * LABEL_COUNT + goldLabel]! += step;
            }
            transitions[predictedPrevious * LABEL_COUNT + predictedLabel]! -= 1;
            transitionTotals[predictedPrevious * LABEL_COUNT + predictedLabel]! -= step;
          }
        }
      }
      step++;
    }
    const report = epoch === options.epochs || epoch % 4 === 0 ? options.report(average(model, { totals, transitionTotals, startTotals, step })) : '';
    process.stderr.write(`epoch ${epoch}: token errors ${errors} ${report}\n`);
  }
  return average(model, { totals, transitionTotals, startTotals, step });
}

function average(model: TaggerModel, sums: { totals: Float64Array; transitionTotals: Float64Array; startTotals: Float64Array; step: number }): TaggerModel {
  const weights = new Float32Array(model.weights.length);
  for (let index = 0; index < weights.length; index++) weights[index] = model.weights[index]! * model.scale - sums.totals[index]! / sums.step;
  const transitions = new Float32Array(model.transitions.length);
  for (let index = 0; index < transitions.length; index++) transitions[index] = model.transitions[index]! - sums.transitionTotals[index]! / sums.step;
  const starts = new Float32Array(model.starts.length);
  for (let index = 0; index < starts.length; index++) starts[index] = model.starts[index]! - sums.startTotals[index]! / sums.step;
  return { bits: model.bits, width: model.width, weights, scale: 1, transitions, starts };
}

/** Averages models trained with different seeds (linear models: the average is one model of the same cost). */
function averageModels(paths: readonly string[]): AttributionModel {
  const models = paths.map((path) => deserializeModel(readFileSync(path)));
  const mean = (pick: (model: AttributionModel) => TaggerModel): TaggerModel => {
    const parts = models.map(pick);
    const first = parts[0]!;
    if (parts.some((part) => part.bits !== first.bits || part.width !== first.width)) throw new Error('--average: models differ in bits or width');
    const weights = new Float32Array(first.weights.length);
    const transitions = new Float32Array(first.transitions.length);
    const starts = new Float32Array(first.starts.length);
    for (const part of parts) {
      for (let index = 0; index < weights.length; index++) weights[index]! += (part.weights[index]! * part.scale) / parts.length;
      for (let index = 0; index < transitions.length; index++) transitions[index]! += part.transitions[index]! / parts.length;
      for (let index = 0; index < starts.length; index++) starts[index]! += part.starts[index]! / parts.length;
    }
    return { bits: first.bits, width: first.width, weights, scale: 1, transitions, starts };
  };
  const withSecond = models.every((model) => model.second !== null);
  return { first: mean((model) => model.first), second: withSecond ? mean((model) => model.second!) : null };
}

/** The training algorithm the flags ask for (see the header comment). */
export function algorithmFrom(args: readonly string[]): Algorithm {
  const cost = Number(argument(args, '--cost') ?? DEFAULT_COST);
  const multipliers = (argument(args, '--label-costs') ?? '1,1,1,1,1,1,1').split(',').map(Number);
  const clip = argument(args, '--pa') === undefined ? cost * CLIP_PER_COST : Number(argument(args, '--pa'));
  if (!(cost >= 0)) throw new Error(`--cost expects a number ≥ 0, found ${argument(args, '--cost')}`);
  if (multipliers.length !== LABEL_COUNT || multipliers.some((value) => !(value >= 0))) throw new Error(`--label-costs expects ${LABEL_COUNT} numbers ≥ 0`);
  if (!(clip >= 0)) throw new Error(`--pa expects a number ≥ 0, found ${argument(args, '--pa')}`);
  if (clip > 0 && cost === 0) throw new Error('--pa needs --cost > 0 (the loss gold must win by)');
  return { costs: Float64Array.from(multipliers, (value) => value * cost), clip, augment: !args.includes('--no-augment') };
}

function main(): void {
  const args = process.argv.slice(2);
  const averageIndex = args.indexOf('--average');
  if (averageIndex >= 0) {
    const out = argument(args, '--out') ?? DEFAULT_MODEL_PATH;
    const inputs = args.slice(averageIndex + 1).filter((arg, index, all) => !arg.startsWith('--') && all[index - 1] !== '--out' && all[index - 1] !== '--prune');
    const bytes = serializeModel(averageModels(inputs), Number(argument(args, '--prune') ?? 0));
    writeFileSync(out, bytes);
    process.stderr.write(`averaged ${inputs.length} models into ${out}: ${(bytes.length / 1024).toFixed(0)} KiB\n`);
    return;
  }
  const corpus = argument(args, '--corpus');
  if (corpus === undefined) {
    process.stderr.write('usage: npm run train -- --corpus <brat train dir> [--dev <brat dev dir>] [--epochs N] [--bits B] [--out FILE]\n');
    process.exitCode = 2;
    return;
  }
  const epochs = Number(argument(args, '--epochs') ?? 8);
  const bits = Number(argument(args, '--bits') ?? 20);
  const out = argument(args, '--out') ?? DEFAULT_MODEL_PATH;
  const devPath = argument(args, '--dev');
  const seed = Number(argument(args, '--seed') ?? 17);
  const started = Date.now();
  const examples = prepare(readBratCorpus(corpus), true);
  const dev = devPath === undefined ? [] : prepare(readBratCorpus(devPath), false);
  const folds = Number(argument(args, '--folds') ?? 4);
  const stack = !args.includes('--no-stack');
  const algorithm = algorithmFrom(args);
  process.stderr.write(`training on ${examples.length} annotations (${((Date.now() - started) / 1000).toFixed(1)} s to prepare)\n`);
  const devReport = (model: AttributionModel): string => (dev.length > 0 ? `dev tagger F1 ${JSON.stringify(scoreTagger(model, dev))}` : '');
  const first = train(examples, { epochs, bits, seed, algorithm, width: TEMPLATE_COUNT, report: (model) => devReport({ first: model, second: null }) });
  let model: AttributionModel = { first, second: null };
  if (stack) {
    // Jackknife: the second pass learns from first-pass labels predicted by models that never saw that document.
    const firstPass = new Map<Example, Uint8Array>();
    for (let fold = 0; fold < folds; fold++) {
      const held = examples.filter((example) => example.document % folds === fold);
      const rest = examples.filter((example) => example.document % folds !== fold);
      const foldModel = train(rest, { epochs, bits, seed, algorithm, width: TEMPLATE_COUNT, report: () => `(fold ${fold + 1}/${folds})` });
      for (const example of held) firstPass.set(example, decode(foldModel, example.baseKeys, example.tokens.count));
    }
    for (const example of examples) example.extraKeys = extractStackedFeatures(example.tokens, firstPass.get(example)!);
    const second = train(examples, { epochs, bits, seed, algorithm, width: TEMPLATE_COUNT + STACKED_TEMPLATE_COUNT, report: (candidate) => devReport({ first, second: candidate }) });
    model = { first, second };
  }
  const bytes = serializeModel(model, Number(argument(args, '--prune') ?? 0));
  writeFileSync(out, bytes);
  process.stderr.write(`wrote ${out}: ${(bytes.length / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

// Runs only as a script, so a test can import the helpers.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
