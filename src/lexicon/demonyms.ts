import type { EntityType } from '../model/types.js';
import { COUNTRIES, ORGANIZATIONS, PEOPLE, PLACES } from './gazetteer.js';
import { mayBeKey, shapesOf } from '../text/word-shapes.js';

/**
 * Lookups over the gazetteer, by lower-cased written name: places, countries of demonyms ("Belarusian" → Belarus),
 * and known entities with their canonical name. Built once at load.
 */

export interface KnownName {
  /** The canonical name ("United States" for "US", "Türkiye" for "Turkey"). */
  readonly canonical: string;
  readonly type: EntityType;
  /** The country a place name or alias stands for (the country itself, or null for other places and entities). */
  readonly country: string | null;
}

export interface DemonymInfo {
  readonly country: string;
  /** "Americans", "Danes": the people rather than the adjective. */
  readonly plural: boolean;
}

const known = new Map<string, KnownName>();
const demonyms = new Map<string, DemonymInfo>();

function add(name: string, entry: KnownName): void {
  const key = name.toLowerCase();
  // The first entry wins: countries come first, so "Georgia" is the country and "Paris" its capital entry.
  if (!known.has(key)) known.set(key, entry);
}

for (const country of COUNTRIES) {
  const entry: KnownName = { canonical: country.name, type: 'place', country: country.name };
  add(country.name, entry);
  for (const alias of country.aliases) add(alias, entry);
}
for (const country of COUNTRIES) {
  add(country.capital, { canonical: country.capital, type: 'place', country: null });
  const lowered = new Set(country.demonyms.map((demonym) => demonym.toLowerCase()));
  for (const demonym of lowered) {
    const plural = demonym.endsWith('s') && lowered.has(demonym.slice(0, -1));
    // "Congolese", "Dominican" belong to two countries; the first listed keeps the word.
    if (!demonyms.has(demonym)) demonyms.set(demonym, { country: country.name, plural });
  }
}
for (const [canonical, ...aliases] of PLACES) {
  if (canonical === undefined) continue;
  const entry: KnownName = { canonical, type: 'place', country: null };
  add(canonical, entry);
  for (const alias of aliases) add(alias, entry);
}
for (const [type, canonical, ...aliases] of ORGANIZATIONS) {
  if (canonical === undefined) continue;
  const entry: KnownName = { canonical, type: type === 'media' ? 'media' : 'organization', country: null };
  add(canonical, entry);
  for (const alias of aliases) add(alias, entry);
}
for (const [canonical, ...aliases] of PEOPLE) {
  if (canonical === undefined) continue;
  const entry: KnownName = { canonical, type: 'person', country: null };
  add(canonical, entry);
  for (const alias of aliases) add(alias, entry);
}

// What countryOfWord answers, in one map: one lookup instead of the demonym map, then the name map.
const countryWords = new Map<string, string>();
for (const [demonym, info] of demonyms) countryWords.set(demonym, info.country);
for (const [name, entry] of known) if (entry.country !== null && !countryWords.has(name)) countryWords.set(name, entry.country);

// The first words of the known names of more than one word: a capitalized run whose first word is not among them
// (and is followed by a space) cannot be a known name, so most runs skip lower-casing their text for the lookup.
const firstWords = new Set<string>();
for (const name of known.keys()) if (name.includes(' ')) firstWords.add(name.slice(0, name.indexOf(' ')));

const knownShapes = shapesOf(known.keys());
const demonymShapes = shapesOf(demonyms.keys());
const countryShapes = shapesOf(countryWords.keys());

/** First words that make a capitalized name a place ("San Bernardino", "Fort Worth", "Lake Placid"). Lower case. */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(
  'san santa santo são sao los las la el new north south east west upper lower fort mount mt. port lake cape saint st. st sainte'.split(' '),
);

/** Last words that make a name a place ("Mill Street", "Tarnova Province", "Carrow Point", "Shanti Nagar"); not surnames too (Hill, Lane, Bay, Rivers). */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  'street road avenue boulevard square highway motorway bridge county province district region island islands peninsula strait straits point harbour harbor valley gulf canal nagar'.split(' '),
);

/** The gazetteer entry for a written name (any case), or undefined. */
export function knownName(name: string): KnownName | undefined {
  return knownLower(name.toLowerCase());
}

/** The gazetteer entry for an already lower-cased name (no allocation: the token's `lower` string). */
export function knownLower(lower: string): KnownName | undefined {
  return mayBeKey(knownShapes, lower) ? known.get(lower) : undefined;
}

/** The country of a demonym ("belarusian" → Belarus), lower-case input. */
export function demonymOf(lower: string): DemonymInfo | undefined {
  return mayBeKey(demonymShapes, lower) ? demonyms.get(lower) : undefined;
}

/** The country a lower-case word stands for in a role: a demonym ("russian") or a country name or alias ("us"). */
export function countryOfWord(lower: string): string | undefined {
  return mayBeKey(countryShapes, lower) ? countryWords.get(lower) : undefined;
}

/** Whether some known name of several words starts with the lower-case word `lower` and a space. */
export function startsKnownName(lower: string): boolean {
  return firstWords.has(lower);
}
