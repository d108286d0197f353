/** Words of time expressions (lower case, as the tokenizer writes them: abbreviations keep their period). */

export interface MonthWord {
  /** 1..12 */
  readonly month: number;
  /** True for names that are also ordinary words or given names (May, March, April, June, August) and for abbreviations: they need context. */
  readonly ambiguous: boolean;
}

function monthTable(): Map<string, MonthWord> {
  const names = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const ambiguousNames = new Set(['march', 'april', 'may', 'june', 'august']);
  const abbreviations: ReadonlyArray<readonly [string, number]> = [
    ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ];
  const table = new Map<string, MonthWord>();
  names.forEach((name, index) => table.set(name, { month: index + 1, ambiguous: ambiguousNames.has(name) }));
  for (const [abbreviation, month] of abbreviations) {
    table.set(abbreviation, { month, ambiguous: true });
    table.set(`${abbreviation}.`, { month, ambiguous: true });
  }
  return table;
}

/** Month names and their abbreviations (with and without the period) → month number. */
export const MONTHS: ReadonlyMap<string, MonthWord> = monthTable();

/** Weekday names → JavaScript weekday number (Sunday 0). Abbreviations are left out: "Sun", "Wed" are too often other words. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map<string, number>([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Time-zone words after a clock time ("9 p.m. EST", "noon Eastern"), lower case, with and without a period. */
export const TIME_ZONE_WORDS: ReadonlySet<string> = new Set([
  'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'akst', 'hst',
  'eastern', 'central', 'mountain', 'pacific', 'local', 'et.', 'est.', 'edt.', 'ct.', 'cst.', 'pt.', 'pst.', 'pdt.', 'mt.', 'gmt.', 'utc.',
]);

/** Days named relative to the publication date → offset in days. */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map<string, number>([
  ['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1],
]);

/** Parts of a day that extend a day expression ("Monday night", "yesterday morning"). */
export const DAY_PARTS: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night', 'midday', 'noon']);

/** Direction words before a calendar unit, month or weekday: -1 past, +1 future, 0 current. */
export const DIRECTIONS: ReadonlyMap<string, -1 | 0 | 1> = new Map<string, -1 | 0 | 1>([
  ['last', -1], ['past', -1], ['previous', -1], ['next', 1], ['coming', 1], ['this', 0],
]);

export type CalendarUnit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'weekend';

/** Calendar unit words, singular and plural. */
export const CALENDAR_UNITS: ReadonlyMap<string, CalendarUnit> = new Map<string, CalendarUnit>([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'], ['weekend', 'weekend'],
]);

/** Small counts before "days/weeks/... ago" and "the past N weeks". */
export const SMALL_COUNTS: ReadonlyMap<string, number> = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20], ['thirty', 30], ['fifty', 50],
]);

/** Parts of a month, year or decade. */
export type PeriodPart = 'early' | 'mid' | 'late';
export const PERIOD_PARTS: ReadonlyMap<string, PeriodPart> = new Map<string, PeriodPart>([
  ['early', 'early'], ['mid', 'mid'], ['late', 'late'], ['middle', 'mid'],
]);

/** Words before a bare month name that make it a date ("in January", "since March"). */
export const MONTH_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'by', 'before',
  'after', 'from', 'of', 'between', 'for', 'into',
]);

/** The part of MONTH_CONTEXT strong enough for month names that are also words or names (May, March). */
export const STRONG_MONTH_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'early', 'late', 'mid', 'last', 'next', 'this',
]);

/** Words before a bare year that make it a date ("in 2022", "since 2014"). */
export const YEAR_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'by', 'before', 'after', 'from', 'of', 'between', 'year',
  'early', 'late', 'mid', 'circa', 'around', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter',
]);

/** Determiners before an adjectival year ("the 2016 election"). */
export const YEAR_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', '’s', "'s"]);

/** Nouns after an adjectival year ("the 2016 election", "the 2022 invasion"). */
export const YEAR_NOUNS: ReadonlySet<string> = new Set([
  'election', 'elections', 'campaign', 'race', 'war', 'invasion', 'olympics', 'census', 'budget', 'vote', 'referendum', 'primary',
  'primaries', 'midterm', 'midterms', 'presidential', 'attack', 'attacks', 'crisis', 'protests', 'revolution', 'agreement', 'accord',
  'accords', 'deal', 'report', 'law', 'summit', 'talks', 'convention', 'world', 'season', 'ceasefire', 'offensive', 'annexation',
  'coup', 'uprising', 'massacre', 'financial', 'general', 'parliamentary', 'local', 'state', 'federal', 'fiscal', 'cup', 'games',
]);

/** Words after a number that make it an amount rather than a day or year ("May 30 percent", "in 2000 people"). */
export const AMOUNT_FOLLOWERS: ReadonlySet<string> = new Set([
  '%', 'percent', 'per', 'pct', 'million', 'billion', 'trillion', 'thousand', 'hundred', 'people', 'of', 'bn', 'm',
]);

/** Words that put a clause in the future ("will meet on Monday"). */
export const FUTURE_CUES: ReadonlySet<string> = new Set([
  'will', 'shall', '’ll', "'ll", 'upcoming', 'scheduled', 'planned', 'plans', 'plan', 'next', 'tomorrow', 'forthcoming', 'going',
  // Reported futures: "said the team would begin work in September", "a vote expected in October".
  'would', 'expected', 'due', 'aims', 'intends',
]);

/** Words that make a clause hypothetical ("might make such decisions that tomorrow …"). */
export const MODAL_CUES: ReadonlySet<string> = new Set([
  'might', 'could', 'would', 'will', 'if', 'may', 'should', 'shall', 'unless', 'would’ve', "would've", 'could’ve', "could've", '’ll', "'ll",
]);

/** Event head nouns an earlier time expression can anchor, with the family of heads that may co-refer. */
export const EVENT_HEADS: ReadonlyMap<string, { readonly head: string; readonly family: string }> = new Map(
  (
    [
      ['invasion', 'war'], ['invasions', 'war'], ['war', 'war'], ['attack', 'war'], ['offensive', 'war'], ['counteroffensive', 'war'],
      ['election', 'election'], ['elections', 'election'], ['vote', 'election'], ['referendum', 'election'],
      ['talks', 'talks'], ['negotiations', 'talks'], ['meeting', 'meeting'], ['summit', 'meeting'],
      ['ceasefire', 'ceasefire'], ['truce', 'ceasefire'], ['annexation', 'annexation'], ['coup', 'coup'], ['massacre', 'massacre'],
      ['protests', 'protests'], ['uprising', 'protests'], ['pandemic', 'pandemic'], ['occupation', 'occupation'],
    ] as const
  ).map(([word, family]) => [word, { head: word.endsWith('s') && word !== 'talks' && word !== 'negotiations' && word !== 'protests' ? word.slice(0, -1) : word, family }]),
);

/** "the early days of …": phase words, and how many days past the anchor's end the phase reaches. */
export const PHASE_SPANS: ReadonlyMap<string, number> = new Map<string, number>([
  ['hours', 2], ['days', 14], ['weeks', 30], ['months', 90],
]);
export const PHASE_OPENERS: ReadonlySet<string> = new Set(['early', 'first', 'initial', 'opening']);
/** "the start of …": points that take the anchor's own time. */
export const PHASE_POINTS: ReadonlySet<string> = new Set(['start', 'beginning', 'outbreak', 'onset', 'launch']);

/** Function words that end a run of modifiers before an event head ("the full-scale invasion" → full-scale). */
export const MODIFIER_STOPS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'of', 'in', 'on', 'at',
  'to', 'from', 'for', 'with', 'by', 'and', 'or', 'but', 'since', 'after', 'before', 'during', 'until', 'as', 'was', 'were', 'is',
  'are', 'be', 'been', 'had', 'has', 'have', 'that', 'which', 'who', 'than', 'into', 'against', 'between', 'first', 'early', 'days',
  'weeks', 'months', 'hours', 'start', 'beginning',
]);

/**
 * First words of a sentence-opening phrase that names the occasion of what follows ("When she described the bridge plan
 * in December, the mayor said …", "In an interview on Sunday, …"): a time in it dates the saying even when a cue stands inside it.
 */
export const OCCASION_OPENERS: ReadonlySet<string> = new Set(['when', 'while', 'after', 'before', 'during', 'in', 'on', 'at', 'as', 'asked', 'speaking', 'since', 'following']);
