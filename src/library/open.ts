import { openPostgresLibrary, type PostgresLibraryOptions } from './postgres/postgres-library.js';
import { DEFAULT_LIBRARY_PATH, openLibrary } from './sqlite-library.js';
import type { Library } from './types.js';

/** The environment variable naming the library when a command has no --db. */
export const LIBRARY_ENVIRONMENT_VARIABLE = 'HEARSAY_DB';

/** True for a PostgreSQL connection string (postgres://… or postgresql://…). */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//iu.test(spec.trim());
}

/** The library a command uses: --db when given, else $HEARSAY_DB when set, else the default SQLite file. */
export function librarySpec(db: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  if (db !== undefined) return db;
  const fromEnvironment = environment[LIBRARY_ENVIRONMENT_VARIABLE];
  return fromEnvironment !== undefined && fromEnvironment.trim() !== '' ? fromEnvironment : DEFAULT_LIBRARY_PATH;
}

/**
 * Opens the library a --db value names: a PostgreSQL connection string opens the PostgreSQL library (migrating
 * it when needed); anything else is the path of a SQLite file.
 */
export async function openLibraryFromSpec(spec: string, options: PostgresLibraryOptions = {}): Promise<Library> {
  if (isPostgresSpec(spec)) return openPostgresLibrary(spec.trim(), options);
  return openLibrary(spec);
}
