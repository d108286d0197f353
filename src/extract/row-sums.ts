/**
 * Sums of weight rows for the tagger, in WebAssembly SIMD: a row is 16 signed bytes (the first pass's seven labels, a
 * zero, the second pass's seven, a zero); per token, the rows its keys select are widened to 16-bit lanes and added,
 * eight labels per instruction. The same sums as the JavaScript lane loop (integers, exact while a lane stays within
 * ±32767: at most 258 keys of ±127), about a fifth of its instructions per key. `mix` hashes the feature keys
 * themselves into the same memory, four tokens per instruction (see `RowSums.mix`), and `viterbi` decodes each pass
 * from its lanes of the sums where they lie (see `RowSums.decode`).
 */

/** Bytes per row and per token's sums (16 int16 lanes). */
export const ROW_BYTES = 16;
const SUM_BYTES = 32;
/** More keys per token could overflow a 16-bit lane (258 × 127 < 32768). */
export const MAX_ROW_KEYS = 258;
const PAGE_BYTES = 65536;

/** The part of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type SumRows = (keys: number, count: number, width: number, out: number, mask: number) => void;
type MixKeys = (seed: number, a: number, b: number, c: number, groups: number, out: number, stride: number) => void;
type Viterbi = (sums: number, count: number, constants: number, back: number, labels: number) => void;
/** Labels per pass (tagger.ts's LABEL_COUNT): the lanes a decoder reads, the back pointers per token. */
const LABEL_LANES = 7;

/** Bytes kept after the table for each of the two decoders' constants (`setDecoder`): 49 transitions, 7 starts, the scale, pairs. */
const DECODER_BYTES = 1024;
const DECODER_SLOTS = 2;
const TRANSITIONS_AT = 0, STARTS_AT = 8 * 49, SCALE_AT = 8 * 56;
/**
 * The same constants again in pairs of labels the decoder handles together, 16 bytes a pair: per previous label, its
 * transitions to O and B-SOURCE, then to B-CUE and B-CONTENT; from B-SOURCE and B-CUE to I-SOURCE and I-CUE, from
 * I-SOURCE and I-CUE to themselves; the starts of B-CUE and B-CONTENT.
 */
const TO_O_B1_AT = 464, TO_B3_B5_AT = TO_O_B1_AT + 16 * 7, BEGIN_TO_I2_I4_AT = TO_B3_B5_AT + 16 * 7;
const INSIDE_TO_I2_I4_AT = BEGIN_TO_I2_I4_AT + 16, STARTS_B3_B5_AT = INSIDE_TO_I2_I4_AT + 16;

/** Rounds a byte offset up to a multiple of 16 (vector loads and stores). */
function aligned(offset: number): number {
  return Math.ceil(offset / ROW_BYTES) * ROW_BYTES;
}

/**
 * One table of rows in its own WebAssembly memory, with room after it for one document's keys, their sums, and the
 * decoder's back pointers and labels: the table, the decoders' constants, then (from `keys`) keys, sums, back
 * pointers, labels, staged columns; `moreKeys` puts a second set of keys where the staged columns were.
 */
export class RowSums {
  private readonly memory: WasmMemory;
  private readonly sumRows: SumRows;
  private readonly sumRows4: SumRows;
  private readonly mixKeys: MixKeys;
  private readonly viterbi: Viterbi;
  private readonly tableBytes: number;
  private readonly mask: number;
  /** The layout of the last `keys` (or `moreKeys`) call: token count, keys per token, and where each part starts. */
  private count = 0;
  private width = 0;
  private keysAt = 0;
  private sumsAt = 0;
  private backAt = 0;
  private labelsAt = 0;
  private stagingAt = 0;
  private stagingBytes = 0;

  /** `rows` rows (a power of two), filled by `write(bytes)` with row r at bytes r × 16 … r × 16 + 15. */
  constructor(rows: number, write: (bytes: Int8Array) => void) {
    this.tableBytes = rows * ROW_BYTES;
    this.mask = rows - 1;
    this.memory = new wasm.Memory({ initial: Math.ceil((this.tableBytes + DECODER_SLOTS * DECODER_BYTES) / PAGE_BYTES) + 1 });
    const instance = new wasm.Instance(new wasm.Module(MODULE_BYTES), { env: { memory: this.memory } });
    this.sumRows = instance.exports['sum'] as SumRows;
    this.sumRows4 = instance.exports['sum4'] as SumRows;
    this.mixKeys = instance.exports['mix'] as MixKeys;
    this.viterbi = instance.exports['viterbi'] as Viterbi;
    write(new Int8Array(this.memory.buffer, 0, this.tableBytes));
    this.keys(0, 1);
  }

  /** Whether `keys` is the view `keys` or `moreKeys` last returned (its keys need no copying). */
  holds(keys: Uint32Array): boolean {
    return keys.buffer === this.memory.buffer && keys.byteOffset === this.keysAt;
  }

  /**
   * Room for `count` × `width` keys in this memory (write them, then call `sum`), and after their sums, back pointers
   * and labels `stagingBytes` for columns `stage` copies in; the view is valid until the next `keys` call.
   */
  keys(count: number, width: number, stagingBytes = 0): Uint32Array {
    this.count = count;
    this.keysAt = this.tableBytes + DECODER_SLOTS * DECODER_BYTES;
    this.sumsAt = aligned(this.keysAt + 4 * count * width);
    this.backAt = this.sumsAt + count * SUM_BYTES;
    this.labelsAt = aligned(this.backAt + count * LABEL_LANES);
    return this.placeKeys(this.keysAt, width, stagingBytes);
  }

  /**
   * Room for `width` more keys per token of the last `keys` call, where its staged columns were: its sums, back
   * pointers and labels stay, so `sum(count, width, true)` adds these keys' rows to them.
   */
  moreKeys(width: number, stagingBytes = 0): Uint32Array {
    return this.placeKeys(aligned(this.labelsAt + this.count), width, stagingBytes);
  }

  private placeKeys(at: number, width: number, stagingBytes: number): Uint32Array {
    this.width = width;
    this.keysAt = at;
    this.stagingAt = aligned(Math.max(at + 4 * this.count * width, this.labelsAt + this.count));
    this.stagingBytes = stagingBytes;
    const needed = this.stagingAt + stagingBytes;
    const have = this.memory.buffer.byteLength;
    if (needed > have) this.memory.grow(Math.ceil((needed - have) / PAGE_BYTES));
    return new Uint32Array(this.memory.buffer, this.keysAt, this.count * width);
  }

  /**
   * Copies the first `lengths[index]` bytes of each of `buffers` into the staging room of the last `keys` call; returns
   * where each starts in this memory (16-byte aligned, for `mix`), or null when they do not fit.
   */
  stage(buffers: readonly ArrayBuffer[], lengths: readonly number[]): number[] | null {
    let at = this.stagingAt;
    const end = at + this.stagingBytes;
    const offsets: number[] = [];
    for (let index = 0; index < buffers.length; index++) {
      const length = lengths[index]!;
      if (at + length > end) return null;
      new Uint8Array(this.memory.buffer, at, length).set(new Uint8Array(buffers[index]!, 0, length));
      offsets.push(at);
      at += aligned(length);
    }
    return offsets;
  }

  /**
   * `keys[token * width + column] = mixSeeded(seed, a[token], b[token], c[token])` (features.ts) into the view of the
   * last `keys` call, for tokens 0 … 4·⌊count / 4⌋ - 1 (four per SIMD step; the caller hashes the rest). `a`, `b`, `c`
   * are byte offsets of `count` 32-bit values each in this memory (from `stage`); returns the number of tokens done.
   */
  mix(count: number, width: number, column: number, seed: number, a: number, b: number, c: number): number {
    if (count * width > this.count * this.width || column >= width) throw new Error(`row sums: expected at most ${this.count * this.width} keys, found ${count} × ${width}`);
    const groups = count >>> 2;
    if (groups > 0) this.mixKeys(seed, a, b, c, groups, this.keysAt + 4 * column, 4 * width);
    return 4 * groups;
  }

  /**
   * Sums the rows of the keys last written to `keys(count, width)` (or `moreKeys(width)`): `sums[token * 16 + lane]`,
   * lanes 0–6 the first pass's labels, 8–14 the second's; with `add`, added to the sums already there. The view is
   * valid until the next `keys` call.
   */
  sum(count: number, width: number, add = false): Int16Array {
    if (width < 1 || width > MAX_ROW_KEYS) throw new Error(`row sums: expected 1 to ${MAX_ROW_KEYS} keys per token, found ${width}`);
    if (count !== this.count || width !== this.width) throw new Error(`row sums: expected ${this.count} × ${this.width} keys, found ${count} × ${width}`);
    const sums = new Int16Array(this.memory.buffer, this.sumsAt, count * (SUM_BYTES / 2));
    if (!add) sums.fill(0);
    if (count > 0) (width % 4 === 0 ? this.sumRows4 : this.sumRows)(this.keysAt, count, width, this.sumsAt, this.mask);
    return sums;
  }

  /** Sets decoder `slot` (0 or 1): `transitions[previous * 7 + label]` (-Infinity where not allowed), `starts[label]`, and the scale of a lane's sum. */
  setDecoder(slot: number, transitions: Float64Array, starts: Float32Array, scale: number): void {
    if (slot < 0 || slot >= DECODER_SLOTS || transitions.length !== LABEL_LANES * LABEL_LANES || starts.length !== LABEL_LANES) throw new Error(`row sums: expected decoder slot 0 or 1 with 49 transitions and 7 starts, found slot ${slot}`);
    const constants = new Float64Array(this.memory.buffer, this.tableBytes + slot * DECODER_BYTES, DECODER_BYTES / 8);
    constants.set(transitions, TRANSITIONS_AT / 8);
    constants.set(starts, STARTS_AT / 8);
    constants[SCALE_AT / 8] = scale;
    const pair = (at: number, low: number, high: number): void => {
      constants[at / 8] = low;
      constants[at / 8 + 1] = high;
    };
    for (let from = 0; from < LABEL_LANES; from++) {
      pair(TO_O_B1_AT + 16 * from, transitions[from * LABEL_LANES]!, transitions[from * LABEL_LANES + 1]!);
      pair(TO_B3_B5_AT + 16 * from, transitions[from * LABEL_LANES + 3]!, transitions[from * LABEL_LANES + 5]!);
    }
    pair(BEGIN_TO_I2_I4_AT, transitions[1 * LABEL_LANES + 2]!, transitions[3 * LABEL_LANES + 4]!);
    pair(INSIDE_TO_I2_I4_AT, transitions[2 * LABEL_LANES + 2]!, transitions[4 * LABEL_LANES + 4]!);
    pair(STARTS_B3_B5_AT, starts[3]!, starts[5]!);
  }

  /**
   * Viterbi over the sums of the last `sum` calls, lanes `lane` … `lane` + 6 (0 or 8) scaled by decoder `slot`'s scale,
   * under its transitions and starts: the same floating-point steps, in the same order, as tagger.ts's `viterbi`, so
   * the same labels. Returns one label per token, a view valid until the next `keys` call.
   */
  decode(slot: number, lane: number, count: number): Uint8Array {
    if (count !== this.count || (lane !== 0 && lane !== 8) || slot < 0 || slot >= DECODER_SLOTS) throw new Error(`row sums: expected ${this.count} tokens, lane 0 or 8 and slot 0 or 1, found ${count}, ${lane}, ${slot}`);
    if (count > 0) this.viterbi(this.sumsAt + 2 * lane, count, this.tableBytes + slot * DECODER_BYTES, this.backAt, this.labelsAt);
    return new Uint8Array(this.memory.buffer, this.labelsAt, count);
  }
}

/** Unsigned LEB128, as the binary format writes indices, sizes and memory offsets. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

function name(text: string): number[] {
  return [...leb(text.length), ...[...text].map((char) => char.charCodeAt(0))];
}

// Instructions used by `sum` (core and SIMD opcodes of the WebAssembly binary format).
const I32 = 0x7f, V128 = 0x7b;
const LOCAL_GET = 0x20, LOCAL_SET = 0x21, LOCAL_TEE = 0x22;
const I32_CONST = 0x41, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_MUL = 0x6c, I32_AND = 0x71, I32_SHL = 0x74, I32_LT_U = 0x49, I32_EQZ = 0x45;
const I32_LOAD = 0x28, I32_STORE = 0x36, BLOCK = 0x02, LOOP = 0x03, END = 0x0b, BR_IF = 0x0d, VOID = 0x40;
const V128_LOAD = [0xfd, 0x00], V128_STORE = [0xfd, 0x0b], V128_CONST = [0xfd, 0x0c];
const I16X8_ADD = [0xfd, 0x8e, 0x01], LOAD8X8_S = [0xfd, 0x01];
const I32X4_SPLAT = [0xfd, 0x11], V128_XOR = [0xfd, 0x51], I32X4_SHR_U = [0xfd, 0xad, 0x01], I32X4_MUL = [0xfd, 0xb5, 0x01];
const I32X4_EXTRACT_LANE = 0x1b; // followed by the lane: [0xfd, I32X4_EXTRACT_LANE, lane]

// Parameters and locals of `sum(keys, count, width, out, mask)`.
const KEYS = 0, COUNT = 1, WIDTH = 2, OUT = 3, MASK = 4, END_KEY = 5, LOW = 6, HIGH = 7, ROW = 8;

/** Adds the row of the key `offset` bytes past `keys` to the low and high sums. */
function addRow(offset: number): number[] {
  return [
    LOCAL_GET, KEYS, I32_LOAD, 2, offset, LOCAL_GET, MASK, I32_AND, I32_CONST, 4, I32_SHL, LOCAL_TEE, ROW,
    ...LOAD8X8_S, 3, 0, LOCAL_GET, LOW, ...I16X8_ADD, LOCAL_SET, LOW,
    LOCAL_GET, ROW, ...LOAD8X8_S, 3, 8, LOCAL_GET, HIGH, ...I16X8_ADD, LOCAL_SET, HIGH,
  ];
}

/**
 * `sum` (`keysPerStep` 1) and `sum4` (4, for a width that is a multiple of four: a quarter of the loop's steps): for
 * each of `count` tokens, adds the rows of its `width` keys (from byte `keys`) to the 16 lanes at `out`. A row's two
 * halves are loaded already widened (`load8x8_s`), so a key costs two loads and two adds.
 */
function sumBody(keysPerStep: number): number[] {
  return [
    // Locals: two i32 (the end of a token's keys, a row's address), two v128 (low and high sums).
    3, 1, I32, 2, V128, 1, I32,
    BLOCK, VOID,
    LOCAL_GET, COUNT, I32_EQZ, BR_IF, 0,
    LOOP, VOID,
    LOCAL_GET, OUT, ...V128_LOAD, 4, 0, LOCAL_SET, LOW,
    LOCAL_GET, OUT, ...V128_LOAD, 4, 16, LOCAL_SET, HIGH,
    LOCAL_GET, KEYS, LOCAL_GET, WIDTH, I32_CONST, 4, I32_MUL, I32_ADD, LOCAL_SET, END_KEY,
    LOOP, VOID,
    ...Array.from({ length: keysPerStep }, (_, index) => addRow(4 * index)).flat(),
    LOCAL_GET, KEYS, I32_CONST, 4 * keysPerStep, I32_ADD, LOCAL_TEE, KEYS, LOCAL_GET, END_KEY, I32_LT_U, BR_IF, 0,
    END,
    LOCAL_GET, OUT, LOCAL_GET, LOW, ...V128_STORE, 4, 0,
    LOCAL_GET, OUT, LOCAL_GET, HIGH, ...V128_STORE, 4, 16,
    LOCAL_GET, OUT, I32_CONST, SUM_BYTES, I32_ADD, LOCAL_SET, OUT,
    LOCAL_GET, COUNT, I32_CONST, 1, I32_SUB, LOCAL_TEE, COUNT, BR_IF, 0,
    END,
    END,
    END,
  ];
}
const SUM_BODY = sumBody(1);
const SUM4_BODY = sumBody(4);

/** Signed LEB128 of a 32-bit value, as `i32.const` takes it. */
function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

// Parameters and locals of `mix(seed, a, b, c, groups, out, stride)`.
const SEED = 0, COLUMN_A = 1, COLUMN_B = 2, COLUMN_C = 3, GROUPS = 4, MIX_OUT = 5, STRIDE = 6, HASH = 7;

/** hash = ((hash ^ (hash >>> shift)) × multiplier) ^ column[4 tokens]: one step of `mixSeeded`, four lanes at once. */
function mixStep(shift: number, multiplier: number, column: number): number[] {
  return [
    LOCAL_GET, HASH, LOCAL_GET, HASH, I32_CONST, shift, ...I32X4_SHR_U, ...V128_XOR,
    I32_CONST, ...signedLeb(multiplier), ...I32X4_SPLAT, ...I32X4_MUL,
    LOCAL_GET, column, ...V128_LOAD, 4, 0, ...V128_XOR, LOCAL_SET, HASH,
  ];
}

/** Stores lane `lane` of the hashes at `out` and moves `out` one row (`stride` bytes) on. */
function storeLane(lane: number): number[] {
  return [
    LOCAL_GET, MIX_OUT, LOCAL_GET, HASH, 0xfd, I32X4_EXTRACT_LANE, lane, I32_STORE, 2, 0,
    LOCAL_GET, MIX_OUT, LOCAL_GET, STRIDE, I32_ADD, LOCAL_SET, MIX_OUT,
  ];
}

/** Moves a column pointer on by four tokens. */
function nextGroup(column: number): number[] {
  return [LOCAL_GET, column, I32_CONST, 16, I32_ADD, LOCAL_SET, column];
}

/**
 * `mix`: for `groups` × 4 tokens, the key `mixSeeded(seed, a, b, c)` of features.ts from three 32-bit columns, stored
 * one per row (`stride` bytes apart) from `out`. The same integer operations, so the same keys.
 */
const MIX_BODY: number[] = [
  // Locals: one v128 (four tokens' hashes).
  1, 1, V128,
  BLOCK, VOID,
  LOCAL_GET, GROUPS, I32_EQZ, BR_IF, 0,
  LOOP, VOID,
  LOCAL_GET, SEED, ...I32X4_SPLAT, LOCAL_GET, COLUMN_A, ...V128_LOAD, 4, 0, ...V128_XOR, LOCAL_SET, HASH,
  ...mixStep(15, 0x85ebca6b, COLUMN_B),
  ...mixStep(13, 0xc2b2ae35, COLUMN_C),
  LOCAL_GET, HASH, LOCAL_GET, HASH, I32_CONST, 16, ...I32X4_SHR_U, ...V128_XOR, LOCAL_SET, HASH,
  ...storeLane(0), ...storeLane(1), ...storeLane(2), ...storeLane(3),
  ...nextGroup(COLUMN_A), ...nextGroup(COLUMN_B), ...nextGroup(COLUMN_C),
  LOCAL_GET, GROUPS, I32_CONST, 1, I32_SUB, LOCAL_TEE, GROUPS, BR_IF, 0,
  END,
  END,
  END,
];

// Instructions used by `viterbi` besides those above.
const F64 = 0x7c, F64_CONST = 0x44, F64_LOAD = 0x2b, F64_ADD = 0xa0, F64_MUL = 0xa2, F64_GT = 0x64, F64_CONVERT_I32_S = 0xb7;
const I32_LOAD16_S = 0x2e, I32_LOAD8_U = 0x2d, I32_STORE8 = 0x3a, SELECT = 0x1b, IF = 0x04;
const F64X2_SPLAT = [0xfd, 0x14], F64X2_EXTRACT_LANE = [0xfd, 0x21], F64X2_ADD = [0xfd, 0xf0, 0x01], F64X2_MUL = [0xfd, 0xf2, 0x01];
const F64X2_GT = [0xfd, 0x4a], BITSELECT = [0xfd, 0x52], SHUFFLE = [0xfd, 0x0d], STORE8_LANE = [0xfd, 0x58];
const I32X4_EXTEND_LOW_I16X8_S = [0xfd, 0xa7, 0x01], F64X2_CONVERT_LOW_I32X4_S = [0xfd, 0xfe, 0x01];
const MINUS_INFINITY = [F64_CONST, 0, 0, 0, 0, 0, 0, 0xf0, 0xff];

// Parameters and locals of `viterbi(sums, count, constants, back, labels)`: i32, f64, then v128 (pairs of labels).
const V_SUMS = 0, V_COUNT = 1, V_CONSTANTS = 2, V_BACK = 3, V_LABELS = 4, V_FROM = 5, V_LEFT = 6, V_LABEL = 7;
const V_BEST = 8, V_SCORE = 9, V_SCALE = 10, V_PREVIOUS6 = 11, V_CURRENT6 = 12, V_FINAL = 13; // V_FINAL + label: last scores
const V_SPLAT = V_FINAL + LABEL_LANES; // V_SPLAT + label: that label's previous score in both lanes
const V_O_B1 = V_SPLAT + LABEL_LANES, V_B3_B5 = V_O_B1 + 1, V_I2_I4 = V_O_B1 + 2; // previous scores in pairs
const V_NEXT_O_B1 = V_O_B1 + 3, V_NEXT_B3_B5 = V_O_B1 + 4, V_NEXT_I2_I4 = V_O_B1 + 5;
const V_SUMS16 = V_O_B1 + 6, V_SCALES = V_O_B1 + 7, V_MASK = V_O_B1 + 8;
const V_SCORES = V_O_B1 + 9, V_INDICES = V_SCORES + LABEL_LANES, V_END = V_INDICES + LABEL_LANES; // candidates

/** A shuffle of a ‖ b whose first `width` bytes are bytes `low` …, and the next `width` bytes `high` …. */
function shuffle(low: number, high: number, width: number): number[] {
  const lanes = new Array<number>(16).fill(0);
  for (let byte = 0; byte < width; byte++) {
    lanes[byte] = low + byte;
    lanes[width + byte] = high + byte;
  }
  return [...SHUFFLE, ...lanes];
}

/** Pushes the emissions × scale of labels `low` and `high` (two f64 lanes) from the token's int16 sums in V_SUMS16. */
function emissionPair(low: number, high: number): number[] {
  const pick = low === 0 && high === 1 ? [] : [LOCAL_GET, V_SUMS16, ...shuffle(2 * low, 2 * high, 2)];
  return [LOCAL_GET, V_SUMS16, ...pick, ...I32X4_EXTEND_LOW_I16X8_S, ...F64X2_CONVERT_LOW_I32X4_S, LOCAL_GET, V_SCALES, ...F64X2_MUL];
}

/** A v128 whose every byte is `value` (a label in both lanes' low bytes). */
function bytesOf(value: number): number[] {
  return [...V128_CONST, ...new Array<number>(16).fill(value)];
}

/** Keeps the better of candidates `left` and `right` (scores and labels, per lane) in `left`: `right` only when strictly higher. */
function combine(left: number, right: number): number[] {
  return [
    LOCAL_GET, V_SCORES + right, LOCAL_GET, V_SCORES + left, ...F64X2_GT, LOCAL_SET, V_MASK,
    LOCAL_GET, V_SCORES + right, LOCAL_GET, V_SCORES + left, LOCAL_GET, V_MASK, ...BITSELECT, LOCAL_SET, V_SCORES + left,
    LOCAL_GET, V_INDICES + right, LOCAL_GET, V_INDICES + left, LOCAL_GET, V_MASK, ...BITSELECT, LOCAL_SET, V_INDICES + left,
  ];
}

/**
 * Two outside-or-begin labels at once (`low` in lane 0, `high` in lane 1): each previous label's score plus its
 * transitions (`transitionsAt`); the best of the seven by a tree of comparisons in which the right candidate wins only
 * when strictly higher, so ties go to the lower label as in a left-to-right scan; best + emission into `next`; the two
 * back pointers stored.
 */
function beginPair(low: number, high: number, transitionsAt: number, next: number): number[] {
  const body: number[] = [];
  for (let from = 0; from < LABEL_LANES; from++) {
    body.push(LOCAL_GET, V_SPLAT + from, LOCAL_GET, V_CONSTANTS, ...V128_LOAD, 4, ...leb(transitionsAt + 16 * from), ...F64X2_ADD, LOCAL_SET, V_SCORES + from);
    body.push(...bytesOf(from), LOCAL_SET, V_INDICES + from);
  }
  body.push(...combine(0, 1), ...combine(2, 3), ...combine(4, 5), ...combine(0, 2), ...combine(4, 6), ...combine(0, 4));
  body.push(LOCAL_GET, V_SCORES, ...emissionPair(low, high), ...F64X2_ADD, LOCAL_SET, next);
  body.push(LOCAL_GET, V_BACK, LOCAL_GET, V_INDICES, ...STORE8_LANE, 0, low, 0);
  body.push(LOCAL_GET, V_BACK, LOCAL_GET, V_INDICES, ...STORE8_LANE, 0, high, 8);
  return body;
}

/** `if (score > best) { best = score; index = value; }` on scalars, without a branch. */
function keepBetter(score: number, best: number, index: number, value: number): number[] {
  return [
    I32_CONST, value, LOCAL_GET, index, LOCAL_GET, score, LOCAL_GET, best, F64_GT, SELECT, LOCAL_SET, index,
    LOCAL_GET, score, LOCAL_GET, best, LOCAL_GET, score, LOCAL_GET, best, F64_GT, SELECT, LOCAL_SET, best,
  ];
}

/** Sets `local` to `value` (a local). */
function copy(local: number, value: number): number[] {
  return [LOCAL_GET, value, LOCAL_SET, local];
}

/** Pushes lane 0 or 1 of the pair `pair` for `label`'s final score. */
function finalScore(label: number, pair: number, lane: number): number[] {
  return [LOCAL_GET, pair, ...F64X2_EXTRACT_LANE, lane, LOCAL_SET, V_FINAL + label];
}

/**
 * `viterbi`: tagger.ts's `viterbi` over `count` tokens' sums (32 bytes per token from `sums`, seven int16 lanes read),
 * with the constants at `constants` (see `setDecoder`); back pointers at `back` (7 bytes per token), one label per
 * token written at `labels`. Labels go in pairs of f64 lanes, (O, B-SOURCE), (B-CUE, B-CONTENT), (I-SOURCE, I-CUE),
 * and I-CONTENT alone; every score is the same sum, in the same order, as there, and the best previous label the same
 * one (scores are never NaN: weights are finite). Without branches on scores: on news text, measured about a third
 * faster than branching, which mispredicts wherever the best path turns.
 */
const VITERBI_BODY: number[] = [
  3, V_BEST - V_FROM, I32, V_SPLAT - V_BEST, F64, V_END - V_SPLAT, V128,
  BLOCK, VOID,
  LOCAL_GET, V_COUNT, I32_EQZ, BR_IF, 0,
  LOCAL_GET, V_CONSTANTS, F64_LOAD, 3, ...leb(SCALE_AT), LOCAL_TEE, V_SCALE, ...F64X2_SPLAT, LOCAL_SET, V_SCALES,
  // The first token: emission × scale + start; the inside labels cannot start.
  LOCAL_GET, V_SUMS, ...V128_LOAD, 4, 0, LOCAL_SET, V_SUMS16,
  ...emissionPair(0, 1), LOCAL_GET, V_CONSTANTS, ...V128_LOAD, 4, ...leb(STARTS_AT), ...F64X2_ADD, LOCAL_SET, V_O_B1,
  ...emissionPair(3, 5), LOCAL_GET, V_CONSTANTS, ...V128_LOAD, 4, ...leb(STARTS_B3_B5_AT), ...F64X2_ADD, LOCAL_SET, V_B3_B5,
  ...MINUS_INFINITY, LOCAL_TEE, V_PREVIOUS6, ...F64X2_SPLAT, LOCAL_SET, V_I2_I4,
  BLOCK, VOID,
  LOCAL_GET, V_COUNT, I32_CONST, 1, I32_SUB, LOCAL_TEE, V_LEFT, I32_EQZ, BR_IF, 0,
  LOOP, VOID,
  LOCAL_GET, V_SUMS, I32_CONST, SUM_BYTES, I32_ADD, LOCAL_TEE, V_SUMS, ...V128_LOAD, 4, 0, LOCAL_SET, V_SUMS16,
  LOCAL_GET, V_BACK, I32_CONST, LABEL_LANES, I32_ADD, LOCAL_SET, V_BACK,
  // Each previous label's score in both lanes.
  LOCAL_GET, V_O_B1, LOCAL_GET, V_O_B1, ...shuffle(0, 0, 8), LOCAL_SET, V_SPLAT + 0,
  LOCAL_GET, V_O_B1, LOCAL_GET, V_O_B1, ...shuffle(8, 8, 8), LOCAL_SET, V_SPLAT + 1,
  LOCAL_GET, V_I2_I4, LOCAL_GET, V_I2_I4, ...shuffle(0, 0, 8), LOCAL_SET, V_SPLAT + 2,
  LOCAL_GET, V_B3_B5, LOCAL_GET, V_B3_B5, ...shuffle(0, 0, 8), LOCAL_SET, V_SPLAT + 3,
  LOCAL_GET, V_I2_I4, LOCAL_GET, V_I2_I4, ...shuffle(8, 8, 8), LOCAL_SET, V_SPLAT + 4,
  LOCAL_GET, V_B3_B5, LOCAL_GET, V_B3_B5, ...shuffle(8, 8, 8), LOCAL_SET, V_SPLAT + 5,
  LOCAL_GET, V_PREVIOUS6, ...F64X2_SPLAT, LOCAL_SET, V_SPLAT + 6,
  ...beginPair(0, 1, TO_O_B1_AT, V_NEXT_O_B1),
  ...beginPair(3, 5, TO_B3_B5_AT, V_NEXT_B3_B5),
  // I-SOURCE and I-CUE: a scan from -Infinity over their begin labels (B-SOURCE, B-CUE), then themselves.
  ...MINUS_INFINITY, ...F64X2_SPLAT, LOCAL_SET, V_SCORES, ...bytesOf(0), LOCAL_SET, V_INDICES,
  LOCAL_GET, V_O_B1, LOCAL_GET, V_B3_B5, ...shuffle(8, 16, 8), LOCAL_GET, V_CONSTANTS, ...V128_LOAD, 4, ...leb(BEGIN_TO_I2_I4_AT), ...F64X2_ADD, LOCAL_SET, V_SCORES + 1,
  ...V128_CONST, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, LOCAL_SET, V_INDICES + 1,
  ...combine(0, 1),
  LOCAL_GET, V_I2_I4, LOCAL_GET, V_CONSTANTS, ...V128_LOAD, 4, ...leb(INSIDE_TO_I2_I4_AT), ...F64X2_ADD, LOCAL_SET, V_SCORES + 1,
  ...V128_CONST, 2, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, LOCAL_SET, V_INDICES + 1,
  ...combine(0, 1),
  LOCAL_GET, V_SCORES, ...emissionPair(2, 4), ...F64X2_ADD, LOCAL_SET, V_NEXT_I2_I4,
  LOCAL_GET, V_BACK, LOCAL_GET, V_INDICES, ...STORE8_LANE, 0, 2, 0,
  LOCAL_GET, V_BACK, LOCAL_GET, V_INDICES, ...STORE8_LANE, 0, 4, 8,
  // I-CONTENT: the same scan over B-CONTENT, then itself.
  ...MINUS_INFINITY, LOCAL_SET, V_BEST, I32_CONST, 0, LOCAL_SET, V_FROM,
  LOCAL_GET, V_B3_B5, ...F64X2_EXTRACT_LANE, 1, LOCAL_GET, V_CONSTANTS, F64_LOAD, 3, ...leb(TRANSITIONS_AT + 8 * (5 * LABEL_LANES + 6)), F64_ADD, LOCAL_SET, V_SCORE,
  ...keepBetter(V_SCORE, V_BEST, V_FROM, 5),
  LOCAL_GET, V_PREVIOUS6, LOCAL_GET, V_CONSTANTS, F64_LOAD, 3, ...leb(TRANSITIONS_AT + 8 * (6 * LABEL_LANES + 6)), F64_ADD, LOCAL_SET, V_SCORE,
  ...keepBetter(V_SCORE, V_BEST, V_FROM, 6),
  LOCAL_GET, V_BEST, LOCAL_GET, V_SUMS, I32_LOAD16_S, 1, 12, F64_CONVERT_I32_S, LOCAL_GET, V_SCALE, F64_MUL, F64_ADD, LOCAL_SET, V_CURRENT6,
  LOCAL_GET, V_BACK, LOCAL_GET, V_FROM, I32_STORE8, 0, 6,
  ...copy(V_O_B1, V_NEXT_O_B1), ...copy(V_B3_B5, V_NEXT_B3_B5), ...copy(V_I2_I4, V_NEXT_I2_I4), ...copy(V_PREVIOUS6, V_CURRENT6),
  LOCAL_GET, V_LEFT, I32_CONST, 1, I32_SUB, LOCAL_TEE, V_LEFT, BR_IF, 0,
  END,
  END,
  // The best last label (ties to the lower), then back along the pointers from the last token to the first.
  ...finalScore(0, V_O_B1, 0), ...finalScore(1, V_O_B1, 1), ...finalScore(2, V_I2_I4, 0), ...finalScore(3, V_B3_B5, 0),
  ...finalScore(4, V_I2_I4, 1), ...finalScore(5, V_B3_B5, 1), ...copy(V_FINAL + 6, V_PREVIOUS6),
  I32_CONST, 0, LOCAL_SET, V_LABEL, ...copy(V_BEST, V_FINAL),
  ...Array.from({ length: LABEL_LANES - 1 }, (_, index) => keepBetter(V_FINAL + index + 1, V_BEST, V_LABEL, index + 1)).flat(),
  LOCAL_GET, V_LABELS, LOCAL_GET, V_COUNT, I32_ADD, I32_CONST, 1, I32_SUB, LOCAL_SET, V_LABELS,
  LOOP, VOID,
  LOCAL_GET, V_LABELS, LOCAL_GET, V_LABEL, I32_STORE8, 0, 0,
  LOCAL_GET, V_BACK, LOCAL_GET, V_LABEL, I32_ADD, I32_LOAD8_U, 0, 0, LOCAL_SET, V_LABEL,
  LOCAL_GET, V_BACK, I32_CONST, LABEL_LANES, I32_SUB, LOCAL_SET, V_BACK,
  LOCAL_GET, V_LABELS, I32_CONST, 1, I32_SUB, LOCAL_SET, V_LABELS,
  LOCAL_GET, V_COUNT, I32_CONST, 1, I32_SUB, LOCAL_TEE, V_COUNT, BR_IF, 0,
  END,
  END,
  END,
];

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [2, 0x60, 5, I32, I32, I32, I32, I32, 0, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]),
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
  ...section(3, [4, 0, 1, 0, 0]),
  ...section(7, [4, ...name('sum'), 0x00, 0, ...name('mix'), 0x00, 1, ...name('viterbi'), 0x00, 2, ...name('sum4'), 0x00, 3]),
  ...section(10, [4, ...[SUM_BODY, MIX_BODY, VITERBI_BODY, SUM4_BODY].map((body) => [...leb(body.length), ...body]).flat()]),
]);
