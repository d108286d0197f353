import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SectionFigures } from './sections.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/bench-postgres.js', import.meta.url));

/** Runs the PostgreSQL benchmark script and flattens the figures it prints ("ingest, 1 worker process: {…}", "search: {…}"). */
export async function benchPostgres(): Promise<SectionFigures> {
  const output = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [SCRIPT], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => (error === null ? resolve(stdout) : reject(error)));
  });
  const figures: Record<string, number> = {};
  for (const line of output.split('\n')) {
    const colon = line.indexOf(': {');
    if (colon < 0) continue;
    const label = line.slice(0, colon);
    const prefix = label.startsWith('search') ? 'search' : `ingest${label.match(/(\d+) worker/)?.[1] ?? ''}Workers`;
    const values = JSON.parse(line.slice(colon + 2)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'number') figures[`${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`] = value;
    }
  }
  return figures;
}
