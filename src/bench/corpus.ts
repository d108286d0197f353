import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HearsayError } from '../model/errors.js';

/** Articles held in memory, so reading files never counts as extraction time. */
export interface BenchCorpus {
  readonly directory: string;
  readonly names: readonly string[];
  readonly texts: readonly string[];
  /** UTF-8 byte length of each text. */
  readonly bytes: readonly number[];
  readonly totalBytes: number;
}

/** Reads the `.txt` files of a directory (or of its `text/` folder, for a brat split), sorted by name, at most `limit`. */
export function readTextCorpus(directory: string, limit = Number.POSITIVE_INFINITY): BenchCorpus {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) throw new HearsayError('expected a directory of .txt files', { input: directory });
  const listTexts = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
  let folder = directory;
  let names = listTexts(folder);
  if (names.length === 0 && existsSync(join(directory, 'text'))) {
    folder = join(directory, 'text');
    names = listTexts(folder);
  }
  names = names.slice(0, limit);
  if (names.length === 0) throw new HearsayError('no .txt files found', { input: directory });
  const texts = names.map((name) => readFileSync(join(folder, name), 'utf8'));
  const bytes = texts.map((text) => Buffer.byteLength(text, 'utf8'));
  return { directory: folder, names, texts, bytes, totalBytes: bytes.reduce((sum, size) => sum + size, 0) };
}
