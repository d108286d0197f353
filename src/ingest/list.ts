import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { HearsayError } from '../model/errors.js';
import { kindFromName } from './sniff.js';

/** One input after directories are expanded: a file, a URL, stdin, or an input that cannot be read at all. */
export type ListedInput =
  | { readonly source: 'file'; readonly input: string; readonly path: string; readonly id: string }
  | { readonly source: 'url'; readonly input: string }
  | { readonly source: 'stdin'; readonly input: '-' }
  | { readonly source: 'error'; readonly input: string; readonly error: HearsayError };

export interface ListOptions {
  readonly recursive?: boolean;
}

/** File kinds a directory contributes (feeds are read only when named explicitly). */
const DIRECTORY_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.jsonl']);
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** True when the input names a URL rather than a path. */
export function isUrlInput(input: string): boolean {
  return SCHEME.test(input);
}

/**
 * Expands inputs without reading them: a directory becomes its .txt, .html, .htm and .jsonl files sorted by
 * name (sub-directories too with `recursive`), so a caller knows the total up front. Paths that do not exist
 * come back as errors in place, keeping the order of the inputs.
 */
export async function listInputs(inputs: readonly string[], options: ListOptions = {}): Promise<ListedInput[]> {
  const listed: ListedInput[] = [];
  for (const input of inputs) listed.push(...(await expandInput(input, options.recursive === true)));
  return listed;
}

/** Expands one input (see listInputs). */
export async function expandInput(input: string, recursive: boolean): Promise<ListedInput[]> {
  if (input === '-') return [{ source: 'stdin', input: '-' }];
  if (isUrlInput(input)) return [{ source: 'url', input }];
  if (input.length === 0) return [{ source: 'error', input: "''", error: new HearsayError('empty path (expected a file, a directory, a URL or -)', { input: "''" }) }];
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    return [{ source: 'error', input, error: fileError(error, input) }];
  }
  if (info.isFile()) return [{ source: 'file', input, path: input, id: stripExtension(basename(input)) }];
  if (!info.isDirectory()) return [{ source: 'error', input, error: new HearsayError('not a regular file or directory (expected a file, a directory, a URL or -)', { input }) }];
  try {
    const files = await walkDirectory(input, recursive);
    if (files.length === 0) {
      return [{ source: 'error', input, error: new HearsayError(`no .txt, .html, .htm or .jsonl files in the directory${recursive ? '' : ' (use recursive to read sub-directories)'}`, { input }) }];
    }
    return files.map((path) => ({ source: 'file', input: path, path, id: stripExtension(relative(input, path).split(sep).join('/')) }));
  } catch (error) {
    return [{ source: 'error', input, error: fileError(error, input) }];
  }
}

/** The files of a directory in name order, depth-first; dot-files are skipped and symlinked directories visited once. */
async function walkDirectory(root: string, recursive: boolean): Promise<string[]> {
  return walk(root, recursive, new Set<string>([await realpath(root)]));
}

async function walk(directory: string, recursive: boolean, visited: Set<string>): Promise<string[]> {
  const entries = (await readdir(directory, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    let isFile = entry.isFile();
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      isFile = target?.isFile() ?? false;
      isDirectory = target?.isDirectory() ?? false;
    }
    if (isFile && DIRECTORY_EXTENSIONS.has(extensionOf(entry.name))) {
      files.push(path);
    } else if (isDirectory && recursive) {
      const real = await realpath(path);
      if (visited.has(real)) continue; // a symlink cycle
      visited.add(real);
      for (const file of await walk(path, recursive, visited)) files.push(file);
    }
  }
  return files;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** A file name without its extension ("notes.v2.txt" → "notes.v2"); names Hearsay does not know keep theirs. */
export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && kindFromName(name) !== null ? name.slice(0, dot) : name;
}

/** A file-system error as a user error naming the input. */
export function fileError(error: unknown, input: string): HearsayError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file or directory (expected a file, a directory, an http(s) URL or - for stdin)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied (expected a readable file)'
    : code === 'EISDIR' ? 'is a directory (expected a file)'
    : `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new HearsayError(reason, { input, cause: error });
}
