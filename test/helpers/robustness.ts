import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runCli } from '../../src/cli/main.js';
import type { SourceDocument } from '../../src/model/types.js';
import { seededRandom } from '../../src/library/synthetic.js';

/** Shared by the robustness tests and scripts/robustness-report.ts: CLI runs, generated articles, timing ratios, a loopback server. */

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  /** Bytes written to stdout (counted even when the output is not kept). */
  readonly stdoutBytes: number;
  readonly stderr: string;
  readonly thrown: unknown;
}

/**
 * Runs `hearsay ...args` in-process with fake streams. `keepStdout: false` counts the output without holding it (for
 * giant inputs). A thrown exception (which the real CLI would print with a stack trace) is caught and returned.
 */
export async function runHearsay(args: readonly string[], options: { stdin?: string | Buffer; keepStdout?: boolean } = {}): Promise<CliRun> {
  const keep = options.keepStdout !== false;
  let out = '';
  let bytes = 0;
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (keep) out += buffer.toString('utf8');
      callback();
    },
  });
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  let code = -1;
  let thrown: unknown = undefined;
  try {
    code = await runCli(args, { stdout, stderr, stdin });
  } catch (error) {
    thrown = error;
  }
  return { code, stdout: out, stdoutBytes: bytes, stderr: err, thrown };
}

/** Every stderr line is `hearsay: <input>: <what was wrong>` (or an ingest summary line), and nothing looks like a stack trace. */
export function assertCleanErrors(run: CliRun, where = ''): void {
  assert.equal(run.thrown, undefined, `${where}: the CLI threw ${String(run.thrown instanceof Error ? run.thrown.stack : run.thrown)}`);
  assert.ok(!/\n\s+at \S/u.test(run.stderr), `${where}: stack trace on stderr:\n${run.stderr}`);
  assert.ok(!/SQLITE_|sqlite3?|fts5/iu.test(run.stderr), `${where}: raw SQLite error on stderr: ${run.stderr}`);
}

/** Asserts exit 1 with one `hearsay: ...: <message>` line matching `pattern`. */
export function assertOneLineError(run: CliRun, pattern: RegExp, where = ''): void {
  assertCleanErrors(run, where);
  assert.equal(run.code, 1, `${where}: exit status (stderr: ${run.stderr})`);
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  assert.ok(lines.length >= 1, `${where}: an error line`);
  for (const line of lines) assert.match(line, /^hearsay: \S.*: .+/u, `${where}: stderr line`);
  assert.ok(lines.some((line) => pattern.test(line)), `${where}: expected ${pattern} in ${run.stderr}`);
}

/** A small deterministic PRNG (mulberry32), so generated inputs are the same on every run. */
export const randomSource = seededRandom;

export const FIRST_NAMES = ['Lena', 'Omar', 'Sofia', 'Dmitri', 'Aiko', 'Kwame', 'Ingrid', 'Mateo', 'Priya', 'Jonas'];
export const SURNAMES = ['Fischer', 'Haddad', 'Kovalenko', 'Moreau', 'Tanaka', 'Mensah', 'Lindqvist', 'Alvarez', 'Raman', 'Berg'];
export const ROLES = ['Mayor', 'Minister', 'President', 'spokeswoman', 'the council chair', 'Senator', 'the city engineer'];
export const CUES = ['said', 'told reporters', 'claimed', 'warned', 'insisted', 'denied', 'admitted', 'added', 'argued', 'stressed'];
export const TOPICS = ['the bridge', 'the rail link', 'the budget', 'the harbour', 'the new school', 'the tax plan', 'the ceasefire'];
export const DATES = ['on Tuesday', 'on 3 March 2024', 'last week', 'in May', 'on Monday evening', 'yesterday', 'on 2024-05-01', 'in 1998'];
export const NUMBERS = ['4.5 million euros', '12 percent', 'about 300 people', '7 km', 'nearly 2,000 homes', '$1.2bn', 'three times'];
/** Quotation styles: straight, curly, guillemets, German, single curly. */
export const QUOTE_STYLES: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['\u201c', '\u201d'], ['\u00ab', '\u00bb'], ['\u201e', '\u201c'], ['\u2018', '\u2019']];

/**
 * One generated sentence from templates: direct, partial and indirect quotes, relays, dates and numbers. `relays:
 * false` leaves out the relay phrases (according to, interview with, citing), for inputs so large that findRelays'
 * quadratic scan (docs/robustness.md) would dominate.
 */
export function sentence(random: () => number, relays = true): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const name = `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`;
  const [open, close] = pick(QUOTE_STYLES);
  const quote = `${pick(TOPICS)} will cost ${pick(NUMBERS)}`;
  const choice = Math.floor(random() * 8);
  switch (relays || (choice !== 2 && choice !== 4 && choice !== 5) ? choice : 1) {
    case 0:
      return `${open}We will finish ${quote},${close} ${pick(ROLES)} ${name} ${pick(CUES)} ${pick(DATES)}.`;
    case 1:
      return `${name} ${pick(CUES)} ${pick(DATES)} that ${quote}.`;
    case 2:
      return `According to ${name}, ${quote} ${pick(DATES)}.`;
    case 3:
      return `${open}It is a disgrace,${close} ${pick(SURNAMES)} ${pick(CUES)}. ${open}Nobody asked us.${close}`;
    case 4:
      return `In an interview with ${pick(FIRST_NAMES)} TV ${pick(DATES)}, ${name} ${pick(CUES)} the plan was ${open}dead on arrival${close}.`;
    case 5:
      return `He ${pick(CUES)} ${quote}, citing a report by ${pick(SURNAMES)} (${pick(DATES)}).`;
    case 6:
      return `The ${pick(TOPICS).replace('the ', '')} grew by ${pick(NUMBERS)} ${pick(DATES)}, officials ${pick(CUES)}.`;
    default:
      return `${pick(ROLES)} ${name}, who ${pick(CUES)} ${open}no${close} ${pick(DATES)}, later changed course.`;
  }
}

/** A generated article of `paragraphs` paragraphs (1–4 sentences each, "\n\n" between them). */
export function article(random: () => number, paragraphs: number, relays = true): string {
  const parts: string[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const count = 1 + Math.floor(random() * 4);
    const sentences: string[] = [];
    for (let inner = 0; inner < count; inner++) sentences.push(sentence(random, relays));
    parts.push(sentences.join(' '));
  }
  return parts.join('\n\n');
}

/** A text of at least `length` code units made of generated paragraphs. */
export function articleOfLength(random: () => number, length: number, relays = true): string {
  const parts: string[] = [];
  let total = 0;
  while (total < length) {
    const paragraph = article(random, 1, relays);
    parts.push(paragraph);
    total += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

export function documentOf(text: string, id = 'doc', publishedAt: string | null = '2024-05-01'): SourceDocument {
  return { id, text, title: null, url: null, publishedAt };
}

/**
 * Best-of-`rounds` time per call of `run()` in milliseconds, after one warm-up call. Each round repeats the call until
 * it has taken at least `floorMs`, so tiny stages are not measured at the timer's noise level.
 */
// A full collection before each timed round: garbage left by earlier runs (of another size) otherwise lands its pause
// in whichever round comes next, and on a loaded machine that alone gave a linear stage a ratio of 9.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function bestTime(run: () => unknown, rounds = 3, floorMs = 20): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    collectGarbage();
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    } while (elapsed < floorMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

export interface Scaling {
  readonly n: number;
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

/** time(make(factor·n)) / time(make(n)) per call, best of 3 after a warm-up (see bestTime). */
export function scaling(make: (n: number) => string, run: (input: string) => unknown, n: number, factor = 4): Scaling {
  let size = n;
  let smallInput = make(size);
  let small = bestTime(() => run(smallInput));
  // Runs under a millisecond time mostly noise and compilation (a ratio of 0.1 ms to 0.9 ms says nothing): the base
  // size grows until a run is measurable, at most twice. A super-linear stage only shows more clearly at larger sizes.
  for (let grown = 0; grown < 2 && small < 1; grown++) {
    size *= factor;
    smallInput = make(size);
    small = bestTime(() => run(smallInput));
  }
  const largeInput = make(size * factor);
  const large = bestTime(() => run(largeInput));
  return { n: size, small, large, ratio: large / Math.max(small, 0.001) };
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback HTTP server with named routes, counting requests; `close()` also drops hanging responses. */
export async function loopbackServer(routes: Record<string, Route>): Promise<{ base: string; port: number; hits: () => number; close: () => Promise<void> }> {
  let count = 0;
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    count++;
    open.add(response);
    response.on('close', () => open.delete(response));
    const route = routes[(request.url ?? '').split('?')[0] ?? ''];
    if (route === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    hits: () => count,
    close: async () => {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Pathological text families for the linearity checks: each makes a text of about `n` code units. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'straight quotes': (n) => '"'.repeat(n),
  'curly quotes': (n) => '\u201c\u201d\u201c'.repeat(Math.ceil(n / 3)).slice(0, n),
  'mixed quote styles': (n) => '\u201c\u2018\u00ab\u201e"\u2019\u00bb\u201d\''.repeat(Math.ceil(n / 9)).slice(0, n),
  'quoted words': (n) => '"a" \u201cb\u201d \u00abc\u00bb '.repeat(Math.ceil(n / 14)),
  'unterminated quotes': (n) => 'He said \u201cwe will '.repeat(Math.ceil(n / 18)),
  'capitalized words': (n) => 'Alpha Bravo Charlie Delta Echo Kovalenko Fischer '.repeat(Math.ceil(n / 48)),
  'numbers': (n) => '12 345 6.7 1,000,000 4.5% $3bn 1998 '.repeat(Math.ceil(n / 36)),
  'dates': (n) => 'on Monday 3 March 2024 and in May 1998 last week '.repeat(Math.ceil(n / 48)),
  'said said said': (n) => 'said '.repeat(Math.ceil(n / 5)),
  'cue and name runs': (n) => 'Smith said Jones told Brown claimed '.repeat(Math.ceil(n / 36)),
  'nested parentheses': (n) => `${'('.repeat(Math.floor(n / 2))}x${')'.repeat(Math.floor(n / 2))}`,
  'one giant sentence': (n) => 'the minister of Hope said that the council would meet Tuesday and then Smith argued that 12 more '.repeat(Math.ceil(n / 98)),
  'many paragraphs': (n) => 'He said yes.\n\n'.repeat(Math.ceil(n / 14)),
  'many lines': (n) => 'Kovalenko\n'.repeat(Math.ceil(n / 10)),
  'pronouns': (n) => 'He said she told them it was his. '.repeat(Math.ceil(n / 34)),
  'generated article': (n) => articleOfLength(randomSource(n), n),
};
