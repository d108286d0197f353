const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** True for a real calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Normalizes a publication date found in metadata to ISO: YYYY-MM-DD stays as is, an ISO date-time keeps its
 * offset (with "T"), other parseable dates with a four-digit year (RFC 822 from RSS) become UTC ISO strings.
 * Returns null for anything else, so a bad meta tag never becomes a fact.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return null;
  if (isIsoDay(trimmed)) return trimmed;
  const match = DATE_TIME.exec(trimmed);
  if (match !== null) {
    if (!isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
    const iso = trimmed.replace(' ', 'T');
    return Number.isNaN(Date.parse(iso)) ? `${match[1]}-${match[2]}-${match[3]}` : iso;
  }
  // An ISO-looking date that failed above is wrong, not some other format (Date.parse would roll 02-30 over).
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) || !/\b\d{4}\b/.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
