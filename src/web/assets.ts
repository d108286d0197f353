import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
}

/** URL path → asset, built once at start; requests only ever look keys up in this map, never the file system. */
export type AssetMap = ReadonlyMap<string, Asset>;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The repository root, from this compiled file's place (dist/src/web/assets.js). */
export function repositoryRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url));
}

/**
 * Reads the web app into memory: web/index.html at "/", web/static/* at "/assets/NAME", and the compiled client
 * (dist/web, built by `npm run build:web`) at "/assets/js/PATH". Source maps are left out.
 */
export function loadAssets(root: string = repositoryRoot()): AssetMap {
  const assets = new Map<string, Asset>();
  const index = join(root, 'web', 'index.html');
  if (existsSync(index)) assets.set('/', { body: readFileSync(index), type: TYPES['.html']! });
  for (const file of listFiles(join(root, 'web', 'static'))) addFile(assets, `/assets/${relative(join(root, 'web', 'static'), file).split(sep).join('/')}`, file);
  for (const file of listFiles(join(root, 'dist', 'web'))) {
    if (extname(file) === '.js') addFile(assets, `/assets/js/${relative(join(root, 'dist', 'web'), file).split(sep).join('/')}`, file);
  }
  return assets;
}

function addFile(assets: Map<string, Asset>, path: string, file: string): void {
  const type = TYPES[extname(file)];
  if (type !== undefined) assets.set(path, { body: readFileSync(file), type });
}

function listFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}
