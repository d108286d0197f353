import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HearsayError } from '../model/errors.js';

/** One annotated span (a `T` line): its type and one or more pieces, in text order. */
export interface BratSpan {
  readonly id: string;
  readonly type: string;
  readonly pieces: ReadonlyArray<readonly [number, number]>;
}

/** One attribution relation (an `E` line), by span ids. */
export interface BratRelation {
  readonly id: string;
  readonly source: string | null;
  readonly cue: string | null;
  readonly content: string | null;
}

export interface BratAnnotation {
  /** The annotation file, for messages. */
  readonly path: string;
  readonly spans: ReadonlyMap<string, BratSpan>;
  readonly relations: readonly BratRelation[];
}

export interface BratDocument {
  readonly id: string;
  readonly text: string;
  /** One annotation per annotator (PolNeAR dev has a few articles with two). */
  readonly annotations: readonly BratAnnotation[];
}

/** Parses a brat standoff `.ann` file's text. Lines it does not know are skipped. */
export function parseBratAnnotation(content: string, path: string): BratAnnotation {
  const spans = new Map<string, BratSpan>();
  const relations: BratRelation[] = [];
  for (const line of content.split('\n')) {
    if (line.startsWith('T')) {
      const [id, header] = line.split('\t');
      if (id === undefined || header === undefined) continue;
      const space = header.indexOf(' ');
      const type = header.slice(0, space);
      const pieces: Array<[number, number]> = [];
      for (const range of header.slice(space + 1).split(';')) {
        const [start, end] = range.trim().split(' ').map(Number);
        if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end)) continue;
        pieces.push([start, end]);
      }
      pieces.sort((a, b) => a[0] - b[0]);
      spans.set(id, { id, type, pieces });
    } else if (line.startsWith('E')) {
      const [id, body] = line.split('\t');
      if (id === undefined || body === undefined) continue;
      const roles = new Map<string, string>();
      for (const part of body.trim().split(/\s+/)) {
        const colon = part.indexOf(':');
        if (colon > 0) roles.set(part.slice(0, colon), part.slice(colon + 1));
      }
      relations.push({ id, source: roles.get('Source') ?? null, cue: roles.get('Cue') ?? null, content: roles.get('Content') ?? null });
    }
  }
  return { path, spans, relations };
}

/**
 * Reads a brat corpus: either PolNeAR's layout (`<dir>/text/*.txt` with `<dir>/attributions/<doc>_<annotator>.ann`)
 * or a flat directory of `<doc>.txt` + `<doc>.ann` pairs. Documents come sorted by id.
 */
export function readBratCorpus(directory: string): BratDocument[] {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new HearsayError('expected a directory of brat .txt/.ann files (or a PolNeAR split with text/ and attributions/)', { input: directory });
  }
  const textDirectory = existsSync(join(directory, 'text')) ? join(directory, 'text') : directory;
  const annotationDirectory = existsSync(join(directory, 'attributions')) ? join(directory, 'attributions') : directory;
  const annotationFiles = readdirSync(annotationDirectory).filter((name) => name.endsWith('.ann')).sort();
  const documents: BratDocument[] = [];
  for (const name of readdirSync(textDirectory).filter((file) => file.endsWith('.txt')).sort()) {
    const id = basename(name, '.txt');
    const text = readFileSync(join(textDirectory, name), 'utf8');
    const mine = annotationFiles.filter((file) => file === `${id}.ann` || (file.startsWith(`${id}_`) && file.slice(id.length + 1, -4).indexOf('_') < 0));
    const annotations = mine.map((file) => parseBratAnnotation(readFileSync(join(annotationDirectory, file), 'utf8'), join(annotationDirectory, file)));
    documents.push({ id, text, annotations });
  }
  if (documents.length === 0) throw new HearsayError('no .txt files found', { input: directory });
  return documents;
}
