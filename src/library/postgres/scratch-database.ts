import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests and benchmarks create their scratch databases on (any database there works for CREATE DATABASE). */
export const ADMIN_URL_VARIABLE = 'HEARSAY_TEST_POSTGRES';
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  /** Connection string of the new, empty database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return process.env[ADMIN_URL_VARIABLE] ?? DEFAULT_ADMIN_URL;
}

/**
 * Creates a uniquely named database (`<prefix>_<random>`) for one test run or benchmark, so nothing assumes an
 * empty server and runs never see each other's rows. The name is generated here (letters, digits, underscores),
 * which is what makes it safe to splice into CREATE/DROP DATABASE, which take no parameters.
 */
export async function createScratchDatabase(prefix = 'hearsay_test'): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/u.test(prefix)) throw new Error(`bad scratch database prefix ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = adminUrl();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop(): Promise<void> {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** True when the admin server answers (tests skip with a note instead of failing on a machine without PostgreSQL). */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
