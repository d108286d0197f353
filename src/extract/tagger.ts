import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Tokens } from '../text/tokenize.js';
import type { QuotationResult } from './quotations.js';
import { COLUMN_STAGING_BYTES, extractFeatures, extractStackedFeatures, fillStackedFeatures, STACKED_TEMPLATE_COUNT, TEMPLATE_COUNT } from './features.js';
import { MAX_ROW_KEYS, ROW_BYTES, RowSums } from './row-sums.js';

/** Token labels: outside, and begin/inside for each span type PolNeAR annotates. */
export const LABELS = ['O', 'B-SOURCE', 'I-SOURCE', 'B-CUE', 'I-CUE', 'B-CONTENT', 'I-CONTENT'] as const;
export const LABEL_COUNT = 7; // LABELS.length; the emission loops unroll over exactly these seven
export type SpanType = 'source' | 'cue' | 'content';
const TYPE_OF_LABEL: ReadonlyArray<SpanType | null> = [null, 'source', 'source', 'cue', 'cue', 'content', 'content'];

/** A linear-chain model: hashed feature weights per label, label-to-label transitions, start weights. */
export interface TaggerModel {
  readonly bits: number;
  /** Feature templates per token. */
  readonly width: number;
  /** `weights[(key & mask) * LABEL_COUNT + label] * scale`. Training uses floats (scale 1); a loaded model keeps
   * its int16 quantization, half the memory, so a pass's table stays in the core's cache. */
  readonly weights: Float32Array | Int16Array;
  readonly scale: number;
  /** `transitions[previous * LABEL_COUNT + label]`. */
  readonly transitions: Float32Array;
  readonly starts: Float32Array;
}

/** A tagged span, as token indices [first, last]. */
export interface TaggedSpan {
  readonly type: SpanType;
  readonly first: number;
  readonly last: number;
}

/** True when `label` may follow `previous` (an inside label continues its own type only). */
export function isAllowed(previous: number, label: number): boolean {
  if (label === 2 || label === 4 || label === 6) return previous === label || previous === label - 1;
  return true;
}

/** Transition scores with forbidden pairs (an inside label not continuing its own type) set to -Infinity. */
function constrainedTransitions(model: TaggerModel): Float64Array {
  const table = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  for (let from = 0; from < LABEL_COUNT; from++) {
    for (let label = 0; label < LABEL_COUNT; label++) {
      table[from * LABEL_COUNT + label] = isAllowed(from, label) ? model.transitions[from * LABEL_COUNT + label]! : -Infinity;
    }
  }
  return table;
}

/**
 * Viterbi decoding over the whole token sequence (linear in tokens). Returns one label per token.
 * The training path: reads the model's weights as they are (floats while training). Decoding a loaded model goes through
 * `tagTokens`, which reads a packed table instead.
 */
export function decode(model: TaggerModel, keys: Uint32Array, count: number, extraKeys: Uint32Array | null = null): Uint8Array {
  // The model's templates are the base keys' templates followed by the extra (stacked) keys' templates.
  const extraWidth = extraKeys === null ? 0 : extraKeys.length / Math.max(1, count);
  const width = model.width - extraWidth;
  if (keys.length !== count * width) throw new Error(`decode: expected ${count * width} base keys for ${count} tokens, found ${keys.length}`);
  const emissions = new Float64Array(count * LABEL_COUNT);
  addEmissions(emissions, model.weights, 0, LABEL_COUNT, (1 << model.bits) - 1, keys, width, count);
  if (extraKeys !== null) addEmissions(emissions, model.weights, 0, LABEL_COUNT, (1 << model.bits) - 1, extraKeys, extraWidth, count);
  // Rebuilt per call (49 entries): training mutates the transitions between calls.
  return viterbi(emissions, count, constrainedTransitions(model), model.starts, model.scale);
}

/**
 * Adds, per token, the weight rows its `width` keys select to `emissions[token * 7 + label]`. A row of `table` starts at
 * `(key & mask) * stride + offset`. Unrolled over the seven labels: the hot loop of training and of `decode`.
 */
export function addEmissions(emissions: Float64Array, table: Float32Array | Int16Array, offset: number, stride: number, mask: number, keys: Uint32Array, width: number, count: number): void {
  for (let token = 0; token < count; token++) {
    const out = token * LABEL_COUNT;
    let e0 = emissions[out]!, e1 = emissions[out + 1]!, e2 = emissions[out + 2]!, e3 = emissions[out + 3]!;
    let e4 = emissions[out + 4]!, e5 = emissions[out + 5]!, e6 = emissions[out + 6]!;
    const base = token * width;
    for (let template = 0; template < width; template++) {
      const row = (keys[base + template]! & mask) * stride + offset;
      e0 += table[row]!;
      e1 += table[row + 1]!;
      e2 += table[row + 2]!;
      e3 += table[row + 3]!;
      e4 += table[row + 4]!;
      e5 += table[row + 5]!;
      e6 += table[row + 6]!;
    }
    emissions[out] = e0;
    emissions[out + 1] = e1;
    emissions[out + 2] = e2;
    emissions[out + 3] = e3;
    emissions[out + 4] = e4;
    emissions[out + 5] = e5;
    emissions[out + 6] = e6;
  }
}

/**
 * The best label sequence for per-token emission sums (`emissions[token * 7 + label] * scale`) under `transitions`.
 * Unrolled over the seven labels, scores in locals: outside and begin labels may follow any label, an inside label only
 * its own begin or inside label. Ties go to the lower previous label. `back` (count × 7) is working memory; `labels` receives the result.
 */
function viterbi(emissions: Float64Array, count: number, transitions: Float64Array, starts: Float32Array, scale: number, back: Uint8Array = new Uint8Array(count * LABEL_COUNT), labels: Uint8Array = new Uint8Array(count)): Uint8Array {
  if (count === 0) return labels;
  const t = transitions;
  let p0 = emissions[0]! * scale + starts[0]!;
  let p1 = emissions[1]! * scale + starts[1]!;
  let p2 = -Infinity;
  let p3 = emissions[3]! * scale + starts[3]!;
  let p4 = -Infinity;
  let p5 = emissions[5]! * scale + starts[5]!;
  let p6 = -Infinity;
  for (let token = 1; token < count; token++) {
    const at = token * LABEL_COUNT;
    let best: number, from: number, score: number;
    best = -Infinity;
    from = 0;
    score = p0 + t[0]!;
    if (score > best) { best = score; from = 0; }
    score = p1 + t[7]!;
    if (score > best) { best = score; from = 1; }
    score = p2 + t[14]!;
    if (score > best) { best = score; from = 2; }
    score = p3 + t[21]!;
    if (score > best) { best = score; from = 3; }
    score = p4 + t[28]!;
    if (score > best) { best = score; from = 4; }
    score = p5 + t[35]!;
    if (score > best) { best = score; from = 5; }
    score = p6 + t[42]!;
    if (score > best) { best = score; from = 6; }
    const c0 = best + emissions[at + 0]! * scale;
    back[at + 0] = from;
    best = -Infinity;
    from = 0;
    score = p0 + t[1]!;
    if (score > best) { best = score; from = 0; }
    score = p1 + t[8]!;
    if (score > best) { best = score; from = 1; }
    score = p2 + t[15]!;
    if (score > best) { best = score; from = 2; }
    score = p3 + t[22]!;
    if (score > best) { best = score; from = 3; }
    score = p4 + t[29]!;
    if (score > best) { best = score; from = 4; }
    score = p5 + t[36]!;
    if (score > best) { best = score; from = 5; }
    score = p6 + t[43]!;
    if (score > best) { best = score; from = 6; }
    const c1 = best + emissions[at + 1]! * scale;
    back[at + 1] = from;
    best = -Infinity;
    from = 0;
    score = p1 + t[9]!;
    if (score > best) { best = score; from = 1; }
    score = p2 + t[16]!;
    if (score > best) { best = score; from = 2; }
    const c2 = best + emissions[at + 2]! * scale;
    back[at + 2] = from;
    best = -Infinity;
    from = 0;
    score = p0 + t[3]!;
    if (score > best) { best = score; from = 0; }
    score = p1 + t[10]!;
    if (score > best) { best = score; from = 1; }
    score = p2 + t[17]!;
    if (score > best) { best = score; from = 2; }
    score = p3 + t[24]!;
    if (score > best) { best = score; from = 3; }
    score = p4 + t[31]!;
    if (score > best) { best = score; from = 4; }
    score = p5 + t[38]!;
    if (score > best) { best = score; from = 5; }
    score = p6 + t[45]!;
    if (score > best) { best = score; from = 6; }
    const c3 = best + emissions[at + 3]! * scale;
    back[at + 3] = from;
    best = -Infinity;
    from = 0;
    score = p3 + t[25]!;
    if (score > best) { best = score; from = 3; }
    score = p4 + t[32]!;
    if (score > best) { best = score; from = 4; }
    const c4 = best + emissions[at + 4]! * scale;
    back[at + 4] = from;
    best = -Infinity;
    from = 0;
    score = p0 + t[5]!;
    if (score > best) { best = score; from = 0; }
    score = p1 + t[12]!;
    if (score > best) { best = score; from = 1; }
    score = p2 + t[19]!;
    if (score > best) { best = score; from = 2; }
    score = p3 + t[26]!;
    if (score > best) { best = score; from = 3; }
    score = p4 + t[33]!;
    if (score > best) { best = score; from = 4; }
    score = p5 + t[40]!;
    if (score > best) { best = score; from = 5; }
    score = p6 + t[47]!;
    if (score > best) { best = score; from = 6; }
    const c5 = best + emissions[at + 5]! * scale;
    back[at + 5] = from;
    best = -Infinity;
    from = 0;
    score = p5 + t[41]!;
    if (score > best) { best = score; from = 5; }
    score = p6 + t[48]!;
    if (score > best) { best = score; from = 6; }
    const c6 = best + emissions[at + 6]! * scale;
    back[at + 6] = from;
    p0 = c0; p1 = c1; p2 = c2; p3 = c3; p4 = c4; p5 = c5; p6 = c6;
  }
  const finals = [p0, p1, p2, p3, p4, p5, p6];
  let bestLabel = 0;
  for (let label = 1; label < LABEL_COUNT; label++) if (finals[label]! > finals[bestLabel]!) bestLabel = label;
  for (let token = count - 1; token >= 0; token--) {
    labels[token] = bestLabel;
    bestLabel = back[token * LABEL_COUNT + bestLabel]!;
  }
  return labels;
}

/** Groups a label sequence into spans of tokens. */
export function labelsToSpans(labels: Uint8Array): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: { type: SpanType; first: number } | null = null;
  for (let token = 0; token <= labels.length; token++) {
    const label = token < labels.length ? labels[token]! : 0;
    const continues = open !== null && (label === 2 || label === 4 || label === 6) && TYPE_OF_LABEL[label] === open.type;
    if (continues) continue;
    if (open !== null) spans.push({ type: open.type, first: open.first, last: token - 1 });
    const type = TYPE_OF_LABEL[label] ?? null;
    open = type === null ? null : { type, first: token };
  }
  return spans;
}

const MAGIC = 0x48535932; // "HSY2"

/** A stacked model: the first pass tags from text features, the second from text features plus the first pass's labels. */
export interface AttributionModel {
  readonly first: TaggerModel;
  readonly second: TaggerModel | null;
}

/**
 * Serializes one tagger compactly: rows with any weight that survives quantization to int16.
 * Layout: magic, bits, width, scale, transitions, starts, row count, then (row delta, LABEL_COUNT int16) per row.
 */
function encodeTagger(model: TaggerModel, minWeight: number): Buffer {
  let maxAbs = 0;
  for (const weight of model.weights) maxAbs = Math.max(maxAbs, Math.abs(weight * model.scale));
  const scale = maxAbs / 32767 || 1;
  const rows: number[] = [];
  const rowCount = model.weights.length / LABEL_COUNT;
  for (let row = 0; row < rowCount; row++) {
    let rowMax = 0;
    for (let label = 0; label < LABEL_COUNT; label++) rowMax = Math.max(rowMax, Math.abs(model.weights[row * LABEL_COUNT + label]! * model.scale));
    // Rows whose weights are all small barely move any score: dropping them keeps the file small.
    if (rowMax >= minWeight && Math.round(rowMax / scale) !== 0) rows.push(row);
  }
  const header = 4 * (4 + LABEL_COUNT * LABEL_COUNT + LABEL_COUNT + 1);
  const buffer = Buffer.alloc(header + rows.length * (4 + 2 * LABEL_COUNT));
  let offset = 0;
  offset = buffer.writeUInt32LE(MAGIC, offset);
  offset = buffer.writeUInt32LE(model.bits, offset);
  offset = buffer.writeUInt32LE(model.width, offset);
  offset = buffer.writeFloatLE(scale, offset);
  for (const value of model.transitions) offset = buffer.writeFloatLE(value, offset);
  for (const value of model.starts) offset = buffer.writeFloatLE(value, offset);
  offset = buffer.writeUInt32LE(rows.length, offset);
  let previousRow = 0;
  for (const row of rows) {
    offset = buffer.writeUInt32LE(row - previousRow, offset); // deltas compress better
    previousRow = row;
    for (let label = 0; label < LABEL_COUNT; label++) {
      const weight = model.weights[row * LABEL_COUNT + label]! * model.scale;
      offset = buffer.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round(weight / scale))), offset);
    }
  }
  return buffer;
}

function decodeTagger(buffer: Buffer, start: number): { model: TaggerModel; end: number } {
  let offset = start;
  const magic = buffer.readUInt32LE(offset);
  if (magic !== MAGIC) throw new Error(`attribution model: expected magic ${MAGIC.toString(16)}, found ${magic.toString(16)}`);
  offset += 4;
  const bits = buffer.readUInt32LE(offset);
  offset += 4;
  const width = buffer.readUInt32LE(offset);
  offset += 4;
  const scale = buffer.readFloatLE(offset);
  offset += 4;
  const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  for (let index = 0; index < transitions.length; index++, offset += 4) transitions[index] = buffer.readFloatLE(offset);
  const starts = new Float32Array(LABEL_COUNT);
  for (let index = 0; index < starts.length; index++, offset += 4) starts[index] = buffer.readFloatLE(offset);
  const rowCount = buffer.readUInt32LE(offset);
  offset += 4;
  const weights = new Int16Array((1 << bits) * LABEL_COUNT);
  let row = 0;
  for (let index = 0; index < rowCount; index++) {
    row += buffer.readUInt32LE(offset);
    offset += 4;
    for (let label = 0; label < LABEL_COUNT; label++, offset += 2) weights[row * LABEL_COUNT + label] = buffer.readInt16LE(offset);
  }
  return { model: { bits, width, weights, scale, transitions, starts }, end: offset };
}

/** One gzip file holding the first pass and, when present, the second; rows with max |weight| < minWeight are dropped. */
export function serializeModel(model: AttributionModel, minWeight = 0): Buffer {
  const parts = [encodeTagger(model.first, minWeight)];
  if (model.second !== null) parts.push(encodeTagger(model.second, minWeight));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function deserializeModel(compressed: Buffer): AttributionModel {
  const buffer = gunzipSync(compressed);
  const first = decodeTagger(buffer, 0);
  const second = first.end < buffer.length ? decodeTagger(buffer, first.end).model : null;
  return { first: first.model, second };
}

/** Where the shipped model lives: models/attribution.bin at the package root (two levels above dist/src/extract). */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/attribution.bin', import.meta.url));

let cached: AttributionModel | undefined;

/** The shipped model, loaded once. */
export function loadDefaultModel(): AttributionModel {
  if (cached === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(DEFAULT_MODEL_PATH);
    } catch (error) {
      throw new Error(`attribution model: expected ${DEFAULT_MODEL_PATH} (run 'npm run train' to build it)`, { cause: error });
    }
    cached = deserializeModel(bytes);
  }
  return cached;
}

/**
 * A loaded model laid out for decoding: both passes' weights for one key sit in one 16-byte row, requantized to int8
 * (measured on PolNeAR dev: no F1 change): bytes 0–6 the first pass's labels, 8–14 the second's (see RowSums). Each
 * base key costs one row read for both passes, summed in WebAssembly SIMD eight labels at a time.
 */
interface PackedModel {
  readonly sums: RowSums;
  readonly first: TaggerModel;
  readonly second: TaggerModel;
  readonly firstScale: number;
  readonly secondScale: number;
  readonly firstTransitions: Float64Array;
  readonly secondTransitions: Float64Array;
}

const SECOND_LANE = 8; // the second pass's labels start at byte (and sum lane) 8 of a row
const SUM_LANES = 16;
const packed = new WeakMap<AttributionModel, PackedModel | null>();

/** The packed layout of `model`, or null when it cannot be packed (float weights while training, passes of different sizes). */
function packModel(model: AttributionModel): PackedModel | null {
  const known = packed.get(model);
  if (known !== undefined) return known;
  const { first, second } = model;
  let result: PackedModel | null = null;
  if (second !== null && first.weights instanceof Int16Array && second.weights instanceof Int16Array && first.bits === second.bits) {
    if (second.width > MAX_ROW_KEYS) throw new Error(`attribution model: expected at most ${MAX_ROW_KEYS} templates per pass, found ${second.width}`);
    const rows = 1 << first.bits;
    let firstStep = 1;
    let secondStep = 1;
    const sums = new RowSums(rows, (bytes) => {
      firstStep = quantizeInto(bytes, 0, first.weights, rows);
      secondStep = quantizeInto(bytes, SECOND_LANE, second.weights, rows);
    });
    sums.setDecoder(0, constrainedTransitions(first), first.starts, first.scale * firstStep);
    sums.setDecoder(1, constrainedTransitions(second), second.starts, second.scale * secondStep);
    result = {
      sums,
      first,
      second,
      firstScale: first.scale * firstStep,
      secondScale: second.scale * secondStep,
      firstTransitions: constrainedTransitions(first),
      secondTransitions: constrainedTransitions(second),
    };
  }
  packed.set(model, result);
  return result;
}

/** Writes `weights` (rows of LABEL_COUNT) as int8 from byte `offset` of each row; returns the int16 step per int8 unit. */
function quantizeInto(bytes: Int8Array, offset: number, weights: Float32Array | Int16Array, rows: number): number {
  let maxAbs = 0;
  for (const weight of weights) maxAbs = Math.max(maxAbs, Math.abs(weight));
  const step = maxAbs / 127 || 1;
  for (let row = 0; row < rows; row++) {
    for (let label = 0; label < LABEL_COUNT; label++) bytes[row * ROW_BYTES + offset + label] = Math.round(weights[row * LABEL_COUNT + label]! / step);
  }
  return step;
}

/**
 * Extracts one document's base features and runs both passes: `tagTokens(model, tokens, extractFeatures(tokens,
 * quotations))`, with the keys written to working memory kept between documents instead of a new array each time.
 */
export function tagDocument(model: AttributionModel, tokens: Tokens, quotations: QuotationResult): Uint8Array {
  const pack = packModel(model);
  // Keys go straight to the packed model's memory, hashed there, when the document is not too long to keep room for.
  if (pack === null || tokens.count > MAX_SCRATCH_TOKENS) return tagTokens(model, tokens, extractFeatures(tokens, quotations));
  const into = pack.sums.keys(tokens.count, TEMPLATE_COUNT, COLUMN_STAGING_BYTES);
  return tagTokens(model, tokens, extractFeatures(tokens, quotations, into, pack.sums));
}

/** Runs both passes over one document's base feature keys; returns one label per token. */
export function tagTokens(model: AttributionModel, tokens: Tokens, baseKeys: Uint32Array): Uint8Array {
  const pack = packModel(model);
  if (pack === null) {
    const firstPass = decode(model.first, baseKeys, tokens.count);
    if (model.second === null) return firstPass;
    return decode(model.second, baseKeys, tokens.count, extractStackedFeatures(tokens, firstPass));
  }
  const count = tokens.count;
  const width = pack.first.width;
  if (baseKeys.length !== count * width) throw new Error(`tagTokens: expected ${count * width} base keys for ${count} tokens, found ${baseKeys.length}`);
  const stackedWidth = pack.second.width - width;
  if (stackedWidth !== STACKED_TEMPLATE_COUNT) throw new Error(`tagTokens: expected ${STACKED_TEMPLATE_COUNT} stacked templates, found ${stackedWidth}`);
  if (count > MAX_SCRATCH_TOKENS) return tagLongTokens(pack, tokens, baseKeys, width, stackedWidth);
  // Keys, sums, back pointers and labels all live in the row memory (reused between documents): the first pass's
  // sums (lanes 0–6) and the second's base sums (lanes 8–14) come from one read of the base keys' rows, the stacked
  // keys' rows are added to the latter in place, and each pass's Viterbi reads its lanes there.
  const sums = pack.sums;
  if (!sums.holds(baseKeys)) sums.keys(count, width).set(baseKeys);
  sums.sum(count, width);
  // Room for the stacked keys first: taking it may grow the memory, which would detach the labels' view.
  const stackedKeys = sums.moreKeys(stackedWidth, COLUMN_STAGING_BYTES);
  const firstPass = sums.decode(0, 0, count);
  fillStackedFeatures(stackedKeys, tokens, firstPass, sums);
  sums.sum(count, stackedWidth, true);
  return sums.decode(1, SECOND_LANE, count).slice();
}

/** `tagTokens` of a document too long for the kept memory: keys summed in blocks, decoded in JavaScript. */
function tagLongTokens(pack: PackedModel, tokens: Tokens, baseKeys: Uint32Array, width: number, stackedWidth: number): Uint8Array {
  const count = tokens.count;
  const firstEmissions = new Float64Array(count * LABEL_COUNT);
  const secondEmissions = new Float64Array(count * LABEL_COUNT);
  const back = new Uint8Array(count * LABEL_COUNT);
  addRowSums(pack.sums, baseKeys, width, count, firstEmissions, secondEmissions, false);
  const firstPass = viterbi(firstEmissions, count, pack.firstTransitions, pack.first.starts, pack.firstScale, back);
  const stackedKeys = new Uint32Array(count * stackedWidth);
  fillStackedFeatures(stackedKeys, tokens, firstPass, pack.sums);
  addRowSums(pack.sums, stackedKeys, stackedWidth, count, null, secondEmissions, true);
  return viterbi(secondEmissions, count, pack.secondTransitions, pack.second.starts, pack.secondScale, back);
}

/** Documents up to this many tokens are tagged in the row memory (kept between documents: a few MB at most). */
const MAX_SCRATCH_TOKENS = 16384;

/**
 * Per token, the sums of the rows its `width` keys select: lanes 0–6 written to `first` (when given), lanes 8–14 written
 * to `second` (or, with `add`, added to it). Keys already in the row memory (written there by `tagDocument`) are summed
 * in place; others are copied in, at most SUM_BLOCK tokens at a time so the memory stays small. Integer sums: exact.
 */
function addRowSums(sums: RowSums, keys: Uint32Array, width: number, count: number, first: Float64Array | null, second: Float64Array, add: boolean): void {
  const inPlace = sums.holds(keys);
  for (let start = 0; start < count; start += inPlace ? count : SUM_BLOCK) {
    const end = inPlace ? count : Math.min(count, start + SUM_BLOCK);
    if (!inPlace) sums.keys(end - start, width).set(keys.subarray(start * width, end * width));
    const lanes = sums.sum(end - start, width);
    if (first !== null) copyLanes(lanes, 0, first, start, end);
    if (add) addLanes(lanes, SECOND_LANE, second, start, end);
    else copyLanes(lanes, SECOND_LANE, second, start, end);
  }
}

/** `emissions[token * 7 + label] = lanes[(token - start) * 16 + lane + label]` for tokens start … end - 1; unrolled over the labels. */
function copyLanes(lanes: Int16Array, lane: number, emissions: Float64Array, start: number, end: number): void {
  for (let token = start, at = lane, out = start * LABEL_COUNT; token < end; token++, at += SUM_LANES, out += LABEL_COUNT) {
    emissions[out] = lanes[at]!;
    emissions[out + 1] = lanes[at + 1]!;
    emissions[out + 2] = lanes[at + 2]!;
    emissions[out + 3] = lanes[at + 3]!;
    emissions[out + 4] = lanes[at + 4]!;
    emissions[out + 5] = lanes[at + 5]!;
    emissions[out + 6] = lanes[at + 6]!;
  }
}

/** `copyLanes`, adding to the emissions instead of replacing them. */
function addLanes(lanes: Int16Array, lane: number, emissions: Float64Array, start: number, end: number): void {
  for (let token = start, at = lane, out = start * LABEL_COUNT; token < end; token++, at += SUM_LANES, out += LABEL_COUNT) {
    emissions[out]! += lanes[at]!;
    emissions[out + 1]! += lanes[at + 1]!;
    emissions[out + 2]! += lanes[at + 2]!;
    emissions[out + 3]! += lanes[at + 3]!;
    emissions[out + 4]! += lanes[at + 4]!;
    emissions[out + 5]! += lanes[at + 5]!;
    emissions[out + 6]! += lanes[at + 6]!;
  }
}

/** Tokens whose keys are copied into the row memory at once. */
const SUM_BLOCK = 4096;
