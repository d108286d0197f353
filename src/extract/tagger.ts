import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Tokens } from '../text/tokenize.js';
import { extractStackedFeatures } from './features.js';

/** Token labels: outside, and begin/inside for each span type PolNeAR annotates. */
export const LABELS = ['O', 'B-SOURCE', 'I-SOURCE', 'B-CUE', 'I-CUE', 'B-CONTENT', 'I-CONTENT'] as const;
export const LABEL_COUNT = 7; // LABELS.length; decode() unrolls over exactly these seven
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
 * The emission sums are unrolled over the seven labels: this loop is the extractor's hot spot.
 */
export function decode(model: TaggerModel, keys: Uint32Array, count: number, extraKeys: Uint32Array | null = null): Uint8Array {
  const labels = new Uint8Array(count);
  if (count === 0) return labels;
  // Rebuilt per call (49 entries): training mutates the transitions between calls.
  const transitions = constrainedTransitions(model);
  const weights = model.weights;
  const scale = model.scale;
  // The model's templates are the base keys' templates followed by the extra (stacked) keys' templates.
  const extraWidth = extraKeys === null ? 0 : extraKeys.length / Math.max(1, count);
  const width = model.width - extraWidth;
  if (keys.length !== count * width) throw new Error(`decode: expected ${count * width} base keys for ${count} tokens, found ${keys.length}`);
  const mask = (1 << model.bits) - 1;
  const back = new Uint8Array(count * LABEL_COUNT);
  let previous = new Float64Array(LABEL_COUNT);
  let current = new Float64Array(LABEL_COUNT);
  const emission = new Float64Array(LABEL_COUNT);
  for (let token = 0; token < count; token++) {
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
    const base = token * width;
    for (let template = 0; template < width; template++) {
      const row = (keys[base + template]! & mask) * 7;
      e0 += weights[row]!;
      e1 += weights[row + 1]!;
      e2 += weights[row + 2]!;
      e3 += weights[row + 3]!;
      e4 += weights[row + 4]!;
      e5 += weights[row + 5]!;
      e6 += weights[row + 6]!;
    }
    if (extraKeys !== null) {
      const extraBase = token * extraWidth;
      for (let template = 0; template < extraWidth; template++) {
        const row = (extraKeys[extraBase + template]! & mask) * 7;
        e0 += weights[row]!;
        e1 += weights[row + 1]!;
        e2 += weights[row + 2]!;
        e3 += weights[row + 3]!;
        e4 += weights[row + 4]!;
        e5 += weights[row + 5]!;
        e6 += weights[row + 6]!;
      }
    }
    emission[0] = e0 * scale;
    emission[1] = e1 * scale;
    emission[2] = e2 * scale;
    emission[3] = e3 * scale;
    emission[4] = e4 * scale;
    emission[5] = e5 * scale;
    emission[6] = e6 * scale;
    if (token === 0) {
      for (let label = 0; label < LABEL_COUNT; label++) {
        previous[label] = label === 2 || label === 4 || label === 6 ? -Infinity : emission[label]! + model.starts[label]!;
      }
      continue;
    }
    const backBase = token * LABEL_COUNT;
    // Outside and begin labels may follow any label; an inside label only its own begin or inside label.
    for (let label = 0; label < LABEL_COUNT; label++) {
      const inside = label === 2 || label === 4 || label === 6;
      let best = -Infinity;
      let bestFrom = 0;
      for (let from = inside ? label - 1 : 0; from <= (inside ? label : LABEL_COUNT - 1); from++) {
        const score = previous[from]! + transitions[from * LABEL_COUNT + label]!;
        if (score > best) {
          best = score;
          bestFrom = from;
        }
      }
      current[label] = best + emission[label]!;
      back[backBase + label] = bestFrom;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  let bestLabel = 0;
  for (let label = 1; label < LABEL_COUNT; label++) if (previous[label]! > previous[bestLabel]!) bestLabel = label;
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

/** Runs both passes over one document's base feature keys; returns one label per token. */
export function tagTokens(model: AttributionModel, tokens: Tokens, baseKeys: Uint32Array): Uint8Array {
  const firstPass = decode(model.first, baseKeys, tokens.count);
  if (model.second === null) return firstPass;
  return decode(model.second, baseKeys, tokens.count, extractStackedFeatures(tokens, firstPass));
}
