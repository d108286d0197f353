import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { analyzeDocument } from '../../extract/pipeline.js';
import { HearsayError } from '../../model/errors.js';
import type { Stance, StatementKind } from '../../model/types.js';
import { EXPORT_FORMATS, exportLibrary, type ExportFormat } from '../../library/export.js';
import { ingestInputs } from '../../library/ingest-inputs.js';
import { librarySpec, openLibraryFromSpec } from '../../library/open.js';
import type { Library, SearchQuery, StatementCluster, StatementHit } from '../../library/types.js';
import type { CliIo } from '../main.js';

export const LIBRARY_COMMANDS: ReadonlySet<string> = new Set(['ingest', 'search', 'speaker', 'cluster', 'stats', 'export', 'article']);

const STANCES: readonly Stance[] = ['neutral', 'emphatic', 'distancing', 'admission', 'denial', 'warning', 'revelation', 'argument', 'question', 'belief', 'evidential'];
const KINDS: readonly StatementKind[] = ['direct', 'partial', 'indirect'];
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;

type OptionKind = 'string' | 'boolean';
interface ParsedArgs {
  readonly positional: string[];
  readonly strings: Map<string, string>;
  readonly flags: Set<string>;
}

const HELP: Record<string, string> = {
  ingest: 'usage: hearsay ingest PATH|URL|FEED... [--db PATH|postgres://…] [--published YYYY-MM-DD] [--allow-private-urls]\n',
  search:
    'usage: hearsay search QUERY [--speaker NAME] [--outlet HOST] [--from DATE] [--to DATE] [--stance S] [--kind K] [--limit N] [--offset N] [--originals-only] [--format text|json] [--db PATH|postgres://…]\n' +
    '  QUERY: words (all must match), "quoted phrases", OR between words, -word to exclude, word* for a prefix\n',
  speaker: 'usage: hearsay speaker NAME [--from DATE] [--to DATE] [--limit N] [--format text|json] [--db PATH|postgres://…]\n',
  cluster: 'usage: hearsay cluster [ID] [--speaker NAME] [--limit N] [--format text|json] [--db PATH|postgres://…]   (no ID: list clusters)\n',
  stats: 'usage: hearsay stats [--format text|json] [--db PATH|postgres://…]\n',
  export: 'usage: hearsay export [--format jsonl|csv|annotations] [--out FILE] [--db PATH|postgres://…]\n',
  article: 'usage: hearsay article ID [--db PATH|postgres://…]   (the stored article as JSON, analysis and version links included)\n',
};

const OPTIONS: Record<string, Record<string, OptionKind>> = {
  ingest: { db: 'string', published: 'string', 'allow-private-urls': 'boolean' },
  search: {
    db: 'string',
    speaker: 'string',
    outlet: 'string',
    from: 'string',
    to: 'string',
    stance: 'string',
    kind: 'string',
    limit: 'string',
    offset: 'string',
    'originals-only': 'boolean',
    format: 'string',
  },
  speaker: { db: 'string', from: 'string', to: 'string', limit: 'string', offset: 'string', format: 'string' },
  cluster: { db: 'string', speaker: 'string', limit: 'string', offset: 'string', format: 'string' },
  stats: { db: 'string', format: 'string' },
  export: { db: 'string', format: 'string', out: 'string' },
  article: { db: 'string' },
};

/** The statement library's commands: ingest, search, speaker, cluster, stats, export, article. */
export async function runLibraryCommand(command: string, args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP[command] ?? '');
    return 0;
  }
  const parsed = parseArgs(command, args, OPTIONS[command] ?? {});
  if (command === 'ingest') return runIngest(parsed, io);
  const library = await openLibraryFromSpec(librarySpec(parsed.strings.get('db')));
  try {
    if (command === 'search') return await runSearch(library, parsed, io);
    if (command === 'speaker') return await runSpeaker(library, parsed, io);
    if (command === 'cluster') return await runCluster(library, parsed, io);
    if (command === 'stats') return await runStats(library, parsed, io);
    if (command === 'export') return await runExport(library, parsed, io);
    if (command === 'article') return await runArticle(library, parsed, io);
    throw new HearsayError(`unknown library command (expected one of: ${[...LIBRARY_COMMANDS].join(', ')})`, { input: command, exitCode: 2 });
  } finally {
    await library.close();
  }
}

/** Parses `--name value`, `--name=value` and boolean `--flag`; anything unknown is a usage error naming it. */
export function parseArgs(command: string, args: readonly string[], options: Record<string, OptionKind>): ParsedArgs {
  const positional: string[] = [];
  const strings = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      positional.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const kind = options[name];
    if (kind === undefined) {
      throw new HearsayError(`unknown option for ${command} (expected one of: ${Object.keys(options).map((option) => `--${option}`).join(', ')})`, { input: `--${name}`, exitCode: 2 });
    }
    if (kind === 'boolean') {
      if (equals !== -1) throw new HearsayError('takes no value', { input: `--${name}`, exitCode: 2 });
      flags.add(name);
      continue;
    }
    const value = equals === -1 ? args[++index] : arg.slice(equals + 1);
    if (value === undefined) throw new HearsayError('needs a value', { input: `--${name}`, exitCode: 2 });
    strings.set(name, value);
  }
  return { positional, strings, flags };
}

async function runIngest(parsed: ParsedArgs, io: CliIo): Promise<number> {
  if (parsed.positional.length === 0) throw new HearsayError('nothing to ingest (expected one or more files, directories, URLs or feeds)', { input: 'ingest', exitCode: 2 });
  const published = dateOption(parsed, 'published');
  const library = await openLibraryFromSpec(librarySpec(parsed.strings.get('db')));
  try {
    const { counts } = await ingestInputs({
      inputs: parsed.positional,
      library,
      read: { recursive: true, allowPrivate: parsed.flags.has('allow-private-urls'), stdin: io.stdin, ...(published === undefined ? {} : { publishedAt: published }) },
      analyze: (document) => analyzeDocument(document, published === undefined ? {} : { publishedAt: published }),
      stream: io.stderr,
    });
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await library.close();
  }
}

async function runSearch(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(parsed, ['text', 'json'], 'text');
  const stance = parsed.strings.get('stance');
  if (stance !== undefined && !STANCES.includes(stance as Stance)) throw new HearsayError(`unknown stance '${stance}' (expected one of: ${STANCES.join(', ')})`, { input: '--stance', exitCode: 2 });
  const kind = parsed.strings.get('kind');
  if (kind !== undefined && !KINDS.includes(kind as StatementKind)) throw new HearsayError(`unknown kind '${kind}' (expected one of: ${KINDS.join(', ')})`, { input: '--kind', exitCode: 2 });
  const from = dateOption(parsed, 'from');
  const to = dateOption(parsed, 'to');
  const query: SearchQuery = {
    text: parsed.positional.join(' '),
    limit: numberOption(parsed, 'limit', 20),
    offset: numberOption(parsed, 'offset', 0),
    ...optional('speaker', parsed.strings.get('speaker')),
    ...optional('outlet', parsed.strings.get('outlet')),
    ...optional('from', from),
    ...optional('to', to),
    ...optional('stance', stance as Stance | undefined),
    ...optional('kind', kind as StatementKind | undefined),
    ...(parsed.flags.has('originals-only') ? { originalsOnly: true } : {}),
  };
  if (query.text === '' && query.speaker === undefined && query.outlet === undefined && from === undefined && to === undefined && stance === undefined && kind === undefined) {
    throw new HearsayError('nothing to search for (expected QUERY words or a filter such as --speaker)', { input: 'search', exitCode: 2 });
  }
  const results = await library.search(query);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(results.items.map(hitJson), null, 2)}\n`);
    return 0;
  }
  if (results.items.length === 0) {
    io.stdout.write('no statements found\n');
    return 0;
  }
  results.items.forEach((hit, index) => io.stdout.write(formatHit(hit, results.offset + index + 1)));
  const order = results.order === 'newest' ? ' (newest first: too many matches, or only very common words, to rank; add words to narrow)' : '';
  io.stdout.write(`${results.offset + 1}–${results.offset + results.items.length} of ${results.total}${results.approximate === true ? '+' : ''}${order}\n`);
  return 0;
}

async function runSpeaker(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const name = parsed.positional.join(' ').trim();
  if (name === '') throw new HearsayError('no speaker given (expected a name or entity id)', { input: 'speaker', exitCode: 2 });
  const format = formatOption(parsed, ['text', 'json'], 'text');
  const entity = await library.getEntity(name);
  if (entity === null) throw new HearsayError('no such speaker in the library (expected a name, alias or entity id; try hearsay search)', { input: name, exitCode: 1 });
  const from = dateOption(parsed, 'from');
  const to = dateOption(parsed, 'to');
  const timeline = await library.timeline(entity.id, { limit: numberOption(parsed, 'limit', 100), offset: numberOption(parsed, 'offset', 0), ...optional('from', from), ...optional('to', to) });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ entity, timeline: timeline.items.map(hitJson), total: timeline.total }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`${entity.name} (entity ${entity.id}, ${entity.type}) — ${entity.statementCount} statement${entity.statementCount === 1 ? '' : 's'}\n`);
  io.stdout.write(`aliases: ${entity.aliases.join(', ')}\n`);
  for (const reason of entity.why) io.stdout.write(`  merged "${reason.alias}": ${reason.reason}\n`);
  if (entity.relays.length > 0) io.stdout.write(`relayed by: ${entity.relays.map((relay) => `${relay.name} (${relay.count})`).join(', ')}\n`);
  io.stdout.write('\n');
  for (const hit of timeline.items) {
    const when = hit.statement.time?.said?.value ?? hit.publishedAt ?? 'undated';
    const cluster = hit.clusterId === null ? '' : ` [cluster ${hit.clusterId}]`;
    io.stdout.write(`${when}  ${hit.statement.kind.padEnd(8)} ${quoteOf(hit)} — ${hit.outlet ?? 'unknown outlet'}, article ${hit.articleId}${cluster}\n`);
  }
  if (timeline.total > timeline.items.length) io.stdout.write(`(${timeline.items.length} of ${timeline.total}; use --limit/--offset)\n`);
  return 0;
}

async function runCluster(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(parsed, ['text', 'json'], 'text');
  const id = parsed.positional[0];
  if (id === undefined) {
    const speaker = parsed.strings.get('speaker');
    const clusters = await library.listClusters({ limit: numberOption(parsed, 'limit', 20), offset: numberOption(parsed, 'offset', 0), ...optional('speaker', speaker) });
    if (format === 'json') io.stdout.write(`${JSON.stringify(clusters, null, 2)}\n`);
    else if (clusters.items.length === 0) io.stdout.write('no statement reported more than once yet\n');
    else for (const cluster of clusters.items) io.stdout.write(`cluster ${cluster.id}: ${cluster.speaker ?? 'unknown speaker'}, ${cluster.reports.length} reports, first: "${cluster.reports[0]?.text ?? ''}"\n`);
    return 0;
  }
  const cluster = await library.getCluster(id);
  if (cluster === null) throw new HearsayError('no such cluster (expected a cluster id from hearsay search or hearsay cluster)', { input: id, exitCode: 1 });
  io.stdout.write(format === 'json' ? `${JSON.stringify(cluster, null, 2)}\n` : formatCluster(cluster));
  return 0;
}

async function runStats(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(parsed, ['text', 'json'], 'text');
  const stats = await library.stats();
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const lines: Array<[string, number | undefined]> = [
    ['articles (current versions)', stats.articles],
    ['article versions stored', stats.versions],
    ['updated articles (new versions)', stats.updated],
    ['syndicated copies', stats.copies],
    ['outlets', stats.outlets],
    ['statements', stats.statements],
    ['speakers (entities)', stats.entities],
    ['statements reported more than once (clusters)', stats.clusters],
    ['statements in those clusters', stats.clusteredStatements],
    ['failed jobs (work queue)', stats.failedJobs],
  ];
  for (const [label, value] of lines) if (value !== undefined) io.stdout.write(`${label.padEnd(48)}${value}\n`);
  return 0;
}

async function runExport(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(parsed, EXPORT_FORMATS, 'jsonl') as ExportFormat;
  const out = parsed.strings.get('out');
  if (out === undefined || out === '-') {
    await exportLibrary(library, format, (chunk) => writeChunk(io.stdout, chunk));
    return 0;
  }
  try {
    await mkdir(dirname(out), { recursive: true });
  } catch (error) {
    throw new HearsayError('cannot create the output directory (expected a writable path)', { input: out, cause: error });
  }
  const stream = createWriteStream(out);
  const failed = new Promise<never>((_, reject) => stream.once('error', (error) => reject(new HearsayError(`cannot write (${error.message})`, { input: out, cause: error }))));
  failed.catch(() => undefined);
  await Promise.race([exportLibrary(library, format, (chunk) => writeChunk(stream, chunk)), failed]);
  await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  return 0;
}

async function runArticle(library: Library, parsed: ParsedArgs, io: CliIo): Promise<number> {
  const id = parsed.positional[0];
  if (id === undefined) throw new HearsayError('no article id given (expected an id from hearsay search)', { input: 'article', exitCode: 2 });
  const article = await library.getArticle(id);
  if (article === null) throw new HearsayError('no such article (expected an article id from hearsay search)', { input: id, exitCode: 1 });
  io.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
  return 0;
}

/** A search result as printed by --format json: the statement as in the analyze contract plus where it came from. */
function hitJson(hit: StatementHit): Record<string, unknown> {
  return {
    statement: hit.statement,
    articleId: hit.articleId,
    title: hit.title,
    publishedAt: hit.publishedAt,
    url: hit.url,
    outlet: hit.outlet,
    speakerEntity: hit.speakerEntity,
    clusterId: hit.clusterId,
    snippet: hit.snippet,
    score: hit.score,
  };
}

function quoteOf(hit: StatementHit): string {
  const text = hit.statement.content.map((piece) => piece.text).join(' … ');
  return quoted(hit.statement.kind, text);
}

function formatHit(hit: StatementHit, rank: number): string {
  const statement = hit.statement;
  const speaker = statement.speaker?.name ?? statement.source?.text ?? 'unknown speaker';
  const via = statement.via.length === 0 ? '' : ` via ${statement.via.map((relay) => relay.name).join(' via ')}`;
  const cue = statement.cue === null ? '' : `, ${statement.cue.stance}`;
  const cluster = hit.clusterId === null ? '' : `, cluster ${hit.clusterId}`;
  return (
    `${rank}. ${speaker}${via} (${statement.kind}${cue}${cluster})\n` +
    `   ${quoteOf(hit)}\n` +
    `   … ${hit.snippet} …\n` +
    `   — ${hit.outlet ?? 'unknown outlet'}, ${hit.publishedAt ?? 'undated'}, article ${hit.articleId}${hit.title === null ? '' : `: ${hit.title}`}\n\n`
  );
}

function formatCluster(cluster: StatementCluster): string {
  let output = `cluster ${cluster.id}: ${cluster.speaker ?? 'unknown speaker'} — ${cluster.reports.length} report${cluster.reports.length === 1 ? '' : 's'}, earliest first\n\n`;
  cluster.reports.forEach((report, index) => {
    const via = report.via.length === 0 ? '' : ` via ${report.via.map((relay) => relay.name).join(' via ')}`;
    output += `[${index}] ${report.publishedAt ?? 'undated'}  ${report.outlet ?? 'unknown outlet'}${via} (${report.kind}${report.copy ? ', syndicated copy' : ''}, article ${report.articleId})\n    ${quoted(report.kind, report.text)}\n`;
  });
  if (cluster.drift.length > 0) output += '\ndrift:\n';
  for (const drift of cluster.drift) {
    const diff = drift.changes.map((change) => (change.op === 'same' ? change.words : change.op === 'delete' ? `[-${change.words}-]` : `{+${change.words}+}`)).join(' ');
    output += `[${drift.from}] → [${drift.to}] ${drift.flags.length === 0 ? 'identical' : drift.flags.join(', ')}\n    ${diff}\n`;
  }
  return output;
}

function formatOption<T extends string>(parsed: ParsedArgs, allowed: readonly T[], fallback: T): T {
  const value = parsed.strings.get('format') ?? fallback;
  if (!allowed.includes(value as T)) throw new HearsayError(`unknown format '${value}' (expected one of: ${allowed.join(', ')})`, { input: '--format', exitCode: 2 });
  return value as T;
}

function dateOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.strings.get(name);
  if (value !== undefined && !DATE.test(value)) throw new HearsayError(`'${value}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`, { input: `--${name}`, exitCode: 2 });
  return value;
}

function numberOption(parsed: ParsedArgs, name: string, fallback: number): number {
  const value = parsed.strings.get(name);
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/u.test(value)) throw new HearsayError(`'${value}' is not a count (expected a whole number)`, { input: `--${name}`, exitCode: 2 });
  return Number(value);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Writes with backpressure, so a large export does not pile up in memory. */
function writeChunk(stream: NodeJS.WritableStream, chunk: string): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** Direct and partial statements shown in quotation marks, unless their words already carry their own. */
function quoted(kind: string, text: string): string {
  return kind === 'indirect' || /^[“"«„‘'‹]/u.test(text) ? text : `“${text}”`;
}
