/**
 * Sums of weight rows for the tagger, in WebAssembly SIMD: a row is 16 signed bytes (the first pass's seven labels, a
 * zero, the second pass's seven, a zero); per token, the rows its keys select are widened to 16-bit lanes and added,
 * eight labels per instruction. The same sums as the JavaScript lane loop (integers, exact while a lane stays within
 * ±32767: at most 258 keys of ±127), about a fifth of its instructions per key. A second function, `mix`, hashes the
 * feature keys themselves into the same memory, four tokens per instruction (see `RowSums.mix`).
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

/** One table of rows in its own WebAssembly memory, with room after it for keys and sums. */
export class RowSums {
  private readonly memory: WasmMemory;
  private readonly sumRows: SumRows;
  private readonly mixKeys: MixKeys;
  private readonly tableBytes: number;
  private readonly mask: number;
  /** Count, width and room for staged columns of the last `keys` call. */
  private count = 0;
  private width = 0;
  private stagingBytes = 0;

  /** `rows` rows (a power of two), filled by `write(bytes)` with row r at bytes r × 16 … r × 16 + 15. */
  constructor(rows: number, write: (bytes: Int8Array) => void) {
    this.tableBytes = rows * ROW_BYTES;
    this.mask = rows - 1;
    this.memory = new wasm.Memory({ initial: Math.ceil(this.tableBytes / PAGE_BYTES) + 1 });
    const instance = new wasm.Instance(new wasm.Module(MODULE_BYTES), { env: { memory: this.memory } });
    this.sumRows = instance.exports['sum'] as SumRows;
    this.mixKeys = instance.exports['mix'] as MixKeys;
    write(new Int8Array(this.memory.buffer, 0, this.tableBytes));
  }

  /** Whether `keys` is the view `keys(count, width)` returned (its keys need no copying). */
  holds(keys: Uint32Array): boolean {
    return keys.buffer === this.memory.buffer && keys.byteOffset === this.tableBytes;
  }

  /**
   * Room for `count` × `width` keys in this memory (write them, then call `sum`), and after their sums `stagingBytes`
   * for columns `stage` copies in; the view is valid until the next `keys` call.
   */
  keys(count: number, width: number, stagingBytes = 0): Uint32Array {
    this.count = count;
    this.width = width;
    this.stagingBytes = stagingBytes;
    this.reserve(count, width, stagingBytes);
    return new Uint32Array(this.memory.buffer, this.tableBytes, count * width);
  }

  /**
   * Copies the first `lengths[index]` bytes of each of `buffers` into the staging room of the last `keys` call; returns
   * where each starts in this memory (16-byte aligned, for `mix`), or null when they do not fit.
   */
  stage(buffers: readonly ArrayBuffer[], lengths: readonly number[]): number[] | null {
    let at = this.stagingOffset();
    const end = at + this.stagingBytes;
    const offsets: number[] = [];
    for (let index = 0; index < buffers.length; index++) {
      const length = lengths[index]!;
      if (at + length > end) return null;
      new Uint8Array(this.memory.buffer, at, length).set(new Uint8Array(buffers[index]!, 0, length));
      offsets.push(at);
      at += Math.ceil(length / ROW_BYTES) * ROW_BYTES;
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
    if (groups > 0) this.mixKeys(seed, a, b, c, groups, this.tableBytes + 4 * column, 4 * width);
    return 4 * groups;
  }

  /**
   * Sums the rows of the keys last written to `keys(count, width)`: `sums[token * 16 + lane]`, lanes 0–6 the first
   * pass's labels, 8–14 the second's. The view is valid until the next `keys` call.
   */
  sum(count: number, width: number): Int16Array {
    if (width < 1 || width > MAX_ROW_KEYS) throw new Error(`row sums: expected 1 to ${MAX_ROW_KEYS} keys per token, found ${width}`);
    const out = this.sumsOffset(count, width);
    if (count > 0) this.sumRows(this.tableBytes, count, width, out, this.mask);
    return new Int16Array(this.memory.buffer, out, count * (SUM_BYTES / 2));
  }

  /** Where the sums start: after the keys, 16-byte aligned for the vector stores. */
  private sumsOffset(count: number, width: number): number {
    return this.tableBytes + Math.ceil((count * width * 4) / ROW_BYTES) * ROW_BYTES;
  }

  /** Where staged columns start: after the sums of the last `keys` call. */
  private stagingOffset(): number {
    return this.sumsOffset(this.count, this.width) + this.count * SUM_BYTES;
  }

  private reserve(count: number, width: number, stagingBytes = 0): void {
    const needed = this.sumsOffset(count, width) + count * SUM_BYTES + stagingBytes;
    const have = this.memory.buffer.byteLength;
    if (needed > have) this.memory.grow(Math.ceil((needed - have) / PAGE_BYTES));
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
const I16X8_ADD = [0xfd, 0x8e, 0x01], EXTEND_LOW_S = [0xfd, 0x87, 0x01], EXTEND_HIGH_S = [0xfd, 0x88, 0x01];
const I32X4_SPLAT = [0xfd, 0x11], V128_XOR = [0xfd, 0x51], I32X4_SHR_U = [0xfd, 0xad, 0x01], I32X4_MUL = [0xfd, 0xb5, 0x01];
const I32X4_EXTRACT_LANE = 0x1b; // followed by the lane: [0xfd, I32X4_EXTRACT_LANE, lane]

// Parameters and locals of `sum(keys, count, width, out, mask)`.
const KEYS = 0, COUNT = 1, WIDTH = 2, OUT = 3, MASK = 4, END_KEY = 5, LOW = 6, HIGH = 7, ROW = 8;

/** `sum`: for each of `count` tokens, adds the rows of its `width` keys (from byte `keys`) into 16 lanes at `out`. */
const SUM_BODY: number[] = [
  // Locals: one i32 (the end of a token's keys), three v128 (low and high sums, the row).
  2, 1, I32, 3, V128,
  BLOCK, VOID,
  LOCAL_GET, COUNT, I32_EQZ, BR_IF, 0,
  LOOP, VOID,
  ...V128_CONST, ...new Array<number>(16).fill(0), LOCAL_SET, LOW,
  ...V128_CONST, ...new Array<number>(16).fill(0), LOCAL_SET, HIGH,
  LOCAL_GET, KEYS, LOCAL_GET, WIDTH, I32_CONST, 4, I32_MUL, I32_ADD, LOCAL_SET, END_KEY,
  LOOP, VOID,
  // row = table[(key & mask) << 4]; low += widen(row bytes 0–7); high += widen(row bytes 8–15)
  LOCAL_GET, KEYS, I32_LOAD, 2, 0, LOCAL_GET, MASK, I32_AND, I32_CONST, 4, I32_SHL,
  ...V128_LOAD, 4, 0, LOCAL_TEE, ROW,
  ...EXTEND_LOW_S, LOCAL_GET, LOW, ...I16X8_ADD, LOCAL_SET, LOW,
  LOCAL_GET, ROW, ...EXTEND_HIGH_S, LOCAL_GET, HIGH, ...I16X8_ADD, LOCAL_SET, HIGH,
  LOCAL_GET, KEYS, I32_CONST, 4, I32_ADD, LOCAL_TEE, KEYS, LOCAL_GET, END_KEY, I32_LT_U, BR_IF, 0,
  END,
  LOCAL_GET, OUT, LOCAL_GET, LOW, ...V128_STORE, 4, 0,
  LOCAL_GET, OUT, LOCAL_GET, HIGH, ...V128_STORE, 4, 16,
  LOCAL_GET, OUT, I32_CONST, SUM_BYTES, I32_ADD, LOCAL_SET, OUT,
  LOCAL_GET, COUNT, I32_CONST, 1, I32_SUB, LOCAL_TEE, COUNT, BR_IF, 0,
  END,
  END,
  END,
];

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

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [2, 0x60, 5, I32, I32, I32, I32, I32, 0, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]),
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
  ...section(3, [2, 0, 1]),
  ...section(7, [2, ...name('sum'), 0x00, 0, ...name('mix'), 0x00, 1]),
  ...section(10, [2, ...leb(SUM_BODY.length), ...SUM_BODY, ...leb(MIX_BODY.length), ...MIX_BODY]),
]);
