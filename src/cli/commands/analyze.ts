import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { loadAliasFile, type AliasOverrides } from '../../extract/aliases.js';
import { analyzeDocument } from '../../extract/pipeline.js';
import { readInputs, isIsoDay, type ReadOptions } from '../../ingest/index.js';
import { HearsayError } from '../../model/errors.js';
import type { Analysis, Statement } from '../../model/types.js';
import type { CliIo } from '../main.js';
import { jsonChunks } from '../json-chunks.js';

export type AnalyzeFormat = 'json' | 'jsonl' | 'text';

export interface AnalyzeArguments {
  readonly inputs: readonly string[];
  readonly format: AnalyzeFormat;
  readonly help: boolean;
  readonly read: Omit<ReadOptions, 'stdin'>;
  /** Alias override file given with --aliases. */
  readonly aliases?: string;
}

const USAGE = `usage: hearsay analyze [options] [PATH|URL|-]...

Extracts who said what from articles: .txt (UTF-8 or UTF-16 with BOM), .html/.htm, .jsonl (one
{"id"?, "text"|"html", "title"?, "url"?, "publishedAt"?} per line), directories (their .txt, .html,
.htm and .jsonl files, by name), RSS/Atom feeds, http(s) URLs, and - for stdin (the default when piped).

options:
  --format json|jsonl|text   json (default): one object, or an array for several documents;
                             jsonl: one analysis per line; text: a listing for reading
  --published YYYY-MM-DD     publication date for inputs that give none
  --aliases FILE             alias overrides, JSON {"merge": [["A","B"]], "forbid": [["A","B"]]};
                             default: ./hearsay-aliases.json when that file exists
  -r, --recursive            read sub-directories of directory inputs
  --allow-private-urls       allow URLs on loopback, private and link-local addresses
  --timeout-ms N             time limit per URL fetch (default 15000)
  --max-bytes N              size limit per URL fetch (default 10485760)
  -h, --help                 show this help

Exit status: 0 when every input was read, 1 when some input could not be (each one reported on
stderr, the others still analyzed), 2 for a usage error.
`;

const FORMATS: readonly AnalyzeFormat[] = ['json', 'jsonl', 'text'];

/** Parses `hearsay analyze` arguments; usage mistakes throw HearsayError with exit status 2. */
export function parseAnalyzeArguments(args: readonly string[]): AnalyzeArguments {
  const inputs: string[] = [];
  let format: AnalyzeFormat = 'json';
  let help = false;
  let read: Omit<ReadOptions, 'stdin'> = {};
  let aliases: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--') {
      inputs.push(...args.slice(index + 1));
      break;
    }
    if (argument === '-' || !argument.startsWith('-')) {
      inputs.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const inline = argument.startsWith('--') && equals > 0 ? argument.slice(equals + 1) : undefined;
    const value = (expected: string): string => {
      if (inline !== undefined) return inline;
      const next = args[index + 1];
      if (next === undefined) throw usage(name, `missing value (expected ${expected})`);
      index++;
      return next;
    };
    const flag = (): void => {
      if (inline !== undefined) throw usage(name, 'takes no value');
    };
    switch (name) {
      case '-h':
      case '--help':
        flag();
        help = true;
        break;
      case '--format': {
        const given = value('json, jsonl or text');
        if (!(FORMATS as readonly string[]).includes(given)) throw usage(name, `'${given}' is not a format (expected json, jsonl or text)`);
        format = given as AnalyzeFormat;
        break;
      }
      case '--published': {
        const given = value('a date YYYY-MM-DD');
        if (!isIsoDay(given)) throw usage(name, `'${given}' is not a date (expected YYYY-MM-DD, e.g. 2024-03-05)`);
        read = { ...read, publishedAt: given };
        break;
      }
      case '--aliases':
        aliases = value('a JSON alias file');
        break;
      case '-r':
      case '--recursive':
        flag();
        read = { ...read, recursive: true };
        break;
      case '--allow-private-urls':
        flag();
        read = { ...read, allowPrivate: true };
        break;
      case '--timeout-ms':
        read = { ...read, timeoutMs: positiveInteger(name, value('milliseconds, a positive integer')) };
        break;
      case '--max-bytes':
        read = { ...read, maxBytes: positiveInteger(name, value('bytes, a positive integer')) };
        break;
      default:
        throw usage(name, 'unknown option (expected --format, --published, --aliases, --recursive, --allow-private-urls, --timeout-ms, --max-bytes or --help)');
    }
  }
  return { inputs, format, help, read, ...(aliases === undefined ? {} : { aliases }) };
}

function positiveInteger(name: string, given: string): number {
  const number = /^[0-9]{1,15}$/.test(given) ? Number(given) : Number.NaN;
  if (!(number > 0)) throw usage(name, `'${given}' is not a positive integer (expected e.g. 5000)`);
  return number;
}

function usage(input: string, message: string): HearsayError {
  return new HearsayError(message, { input, exitCode: 2 });
}

/** `hearsay analyze [PATH|URL|-]...`: reads each input, analyzes each document, writes json, jsonl or text. */
export async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseAnalyzeArguments(args);
  if (parsed.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  let inputs = parsed.inputs;
  if (inputs.length === 0) {
    if ((io.stdin as { isTTY?: boolean }).isTTY === true) throw usage('analyze', 'no input (expected PATH, URL or - for stdin; see hearsay analyze --help)');
    inputs = ['-'];
  }
  const aliases = readAliasOverrides(parsed.aliases);
  const writer = new AnalysisWriter(io.stdout, parsed.format);
  let failed = false;
  for await (const result of readInputs(inputs, { ...parsed.read, stdin: io.stdin })) {
    if (writer.closed) return 1; // the reader went away (`| head`): stop quietly, like other Unix tools
    if (!result.ok) {
      failed = true;
      io.stderr.write(`hearsay: ${oneLine(result.input)}: ${oneLine(result.error.message)}\n`);
      continue;
    }
    const options = { ...(parsed.read.publishedAt === undefined ? {} : { publishedAt: parsed.read.publishedAt }), ...(aliases === undefined ? {} : { aliases }) };
    const analysis = analyzeDocument(result.document, options);
    // Reading diagnostics (e.g. HTML too deep for main-content detection) join the analysis's own.
    await writer.write(result.diagnostics === undefined ? analysis : { ...analysis, diagnostics: [...result.diagnostics, ...analysis.diagnostics] });
  }
  await writer.end();
  return failed || writer.closed ? 1 : 0;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/**
 * Writes analyses as they come: jsonl and text stream per document; json holds only the first one back,
 * to print a lone object for one document and an array for several.
 */
class AnalysisWriter {
  private first: Analysis | null = null;
  private count = 0;
  /** True once the output stream failed (EPIPE when the reader closed it). */
  closed = false;
  private readonly onError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
    this.closed = true;
  };

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly format: AnalyzeFormat,
  ) {
    // Stays attached: an EPIPE from a write still in flight can arrive after the run has returned.
    stream.on('error', this.onError);
  }

  async write(analysis: Analysis): Promise<void> {
    if (this.closed) return;
    this.count++;
    if (this.format === 'jsonl') return this.putAll(jsonChunks(analysis, 0), '\n');
    if (this.format === 'text') return this.put(`${this.count > 1 ? '\n' : ''}${formatAnalysisText(analysis)}`);
    if (this.count === 1) {
      this.first = analysis;
      return;
    }
    if (this.first !== null) {
      await this.put('[\n  ');
      await this.putAll(jsonChunks(this.first, 2, 3, 1), '');
      this.first = null;
    }
    await this.put(',\n  ');
    await this.putAll(jsonChunks(analysis, 2, 3, 1), '');
  }

  async end(): Promise<void> {
    if (this.format !== 'json') return;
    if (this.first !== null) await this.putAll(jsonChunks(this.first, 2), '\n');
    else if (this.count > 1) await this.put('\n]\n');
  }

  /**
   * Writes JSON pieces gathered into chunks of about a megabyte, then `after`: a huge analysis never becomes one
   * string (V8 caps a string near 512 MiB), and small pieces do not become one write each.
   */
  private async putAll(pieces: Iterable<string>, after: string): Promise<void> {
    let chunk = '';
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= 1 << 20) {
        await this.put(chunk);
        chunk = '';
      }
    }
    await this.put(chunk + after);
  }

  /** Writes one chunk, waiting for the stream to drain so a long run holds no more than one document. */
  private async put(chunk: string): Promise<void> {
    if (this.closed) return;
    if (this.stream.write(chunk)) return;
    try {
      await once(this.stream, 'drain');
    } catch (error) {
      // once() rejects on the stream's 'error'; a closed pipe ends the output, anything else is a real failure.
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      this.closed = true;
    }
  }
}

/** A journalist's listing of one analysis: the title, then each statement with speaker, cue, content and relays. */
export function formatAnalysisText(analysis: Analysis): string {
  const { document } = analysis;
  const lines: string[] = [`# ${document.title ?? document.id}`];
  const details = [document.id, document.url, document.publishedAt === null ? null : `published ${document.publishedAt}`].filter((detail) => detail !== null);
  lines.push(details.join(' · '));
  if (analysis.statements.length === 0) lines.push('  (no statements found)');
  analysis.statements.forEach((statement, index) => lines.push(...statementLines(statement, index + 1)));
  const problems = analysis.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  for (const diagnostic of problems) lines.push(`  ! ${diagnostic.severity} ${diagnostic.ruleId}: ${oneLine(diagnostic.reason)}`);
  return `${lines.join('\n')}\n`;
}

function statementLines(statement: Statement, number: number): string[] {
  const speaker = statement.speaker?.name ?? statement.source?.text ?? '(unattributed)';
  const cue = statement.cue === null ? 'no cue' : `${oneLine(statement.cue.text)} (${statement.cue.stance})`;
  const content = statement.content.map((piece) => oneLine(piece.text)).join(' … ');
  const lines = [`${String(number).padStart(3)}. ${statement.kind} · ${oneLine(speaker)} · ${cue}${statement.within === undefined ? '' : ` · within ${statement.within}`}`, `     ${content}`];
  if (statement.via.length > 0) lines.push(`     via ${statement.via.map((relay) => `${oneLine(relay.name)} (${relay.role})`).join(' → ')}`);
  if (statement.time?.said !== undefined) lines.push(`     said ${statement.time.said.value ?? statement.time.said.text}`);
  return lines;
}

/** The default alias file, read when present so that overrides made once are honoured by every later run. */
export const DEFAULT_ALIAS_FILE = 'hearsay-aliases.json';

/** Alias overrides from `--aliases FILE`, else from ./hearsay-aliases.json when it exists; a bad file is a user error. */
export function readAliasOverrides(path: string | undefined): AliasOverrides | undefined {
  if (path !== undefined) return loadAliasFile(path);
  return existsSync(DEFAULT_ALIAS_FILE) ? loadAliasFile(DEFAULT_ALIAS_FILE) : undefined;
}
