/**
 * Sums of weight rows for the tagger, in WebAssembly SIMD: a row is 16 signed bytes (the first pass's seven labels, a
 * zero, the second pass's seven, a zero); per token, the rows its keys select are widened to 16-bit lanes and added,
 * eight labels per instruction. The same sums as the JavaScript lane loop (integers, exact while a lane stays within
 * ±32767: at most 258 keys of ±127), about a fifth of its instructions per key.
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

/** One table of rows in its own WebAssembly memory, with room after it for keys and sums. */
export class RowSums {
  private readonly memory: WasmMemory;
  private readonly sumRows: SumRows;
  private readonly tableBytes: number;
  private readonly mask: number;

  /** `rows` rows (a power of two), filled by `write(bytes)` with row r at bytes r × 16 … r × 16 + 15. */
  constructor(rows: number, write: (bytes: Int8Array) => void) {
    this.tableBytes = rows * ROW_BYTES;
    this.mask = rows - 1;
    this.memory = new wasm.Memory({ initial: Math.ceil(this.tableBytes / PAGE_BYTES) + 1 });
    const instance = new wasm.Instance(new wasm.Module(MODULE_BYTES), { env: { memory: this.memory } });
    this.sumRows = instance.exports['sum'] as SumRows;
    write(new Int8Array(this.memory.buffer, 0, this.tableBytes));
  }

  /** Whether `keys` is the view `keys(count, width)` returned (its keys need no copying). */
  holds(keys: Uint32Array): boolean {
    return keys.buffer === this.memory.buffer && keys.byteOffset === this.tableBytes;
  }

  /**
   * Room for `count` × `width` keys in this memory (write them, then call `sum`); the view is valid until the next
   * `keys` call.
   */
  keys(count: number, width: number): Uint32Array {
    this.reserve(count, width);
    return new Uint32Array(this.memory.buffer, this.tableBytes, count * width);
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

  private reserve(count: number, width: number): void {
    const needed = this.sumsOffset(count, width) + count * SUM_BYTES;
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
const I32_LOAD = 0x28, BLOCK = 0x02, LOOP = 0x03, END = 0x0b, BR_IF = 0x0d, VOID = 0x40;
const V128_LOAD = [0xfd, 0x00], V128_STORE = [0xfd, 0x0b], V128_CONST = [0xfd, 0x0c];
const I16X8_ADD = [0xfd, 0x8e, 0x01], EXTEND_LOW_S = [0xfd, 0x87, 0x01], EXTEND_HIGH_S = [0xfd, 0x88, 0x01];

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

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...name('sum'), 0x00, 0]),
  ...section(10, [1, ...leb(SUM_BODY.length), ...SUM_BODY]),
]);
