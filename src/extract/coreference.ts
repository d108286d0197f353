import { GENERIC_LEADER_HEADS, LEADER_TITLES, OFFICE_MODIFIERS } from '../lexicon/titles.js';
import type { EntityType } from '../model/types.js';

/** What the resolver knows of one cluster of named mentions. Mutable: genders are learnt from resolved pronouns. */
export interface ClusterFacts {
  readonly type: EntityType;
  /** Lower-case role words seen with the name ("president", "self-proclaimed", "blogger"). */
  readonly roles: ReadonlySet<string>;
  /** Canonical countries the roles link to ("US President" → United States). */
  readonly countries: ReadonlySet<string>;
  gender: 'm' | 'f' | null;
}

/** A named mention already assigned to a cluster, in text order. */
export interface NamedMention {
  readonly start: number;
  readonly sentence: number;
  readonly cluster: number;
  /** Outside quotations and not governed by a preposition or a possessive: may be its sentence's subject. */
  readonly subjectCandidate: boolean;
}

/** A pronoun or a description to resolve. */
export interface Anaphor {
  readonly start: number;
  readonly sentence: number;
  readonly kind: 'pronoun' | 'nominal';
  readonly gender: 'm' | 'f' | null;
  readonly plural: boolean;
  /** May become its sentence's subject once resolved ("He warned ..."). */
  readonly subjectCandidate: boolean;
  /** Nominal: the head title ("leader", "president"). */
  readonly head: string | null;
  /** Nominal: the country its demonym or "of X" names ("the Belarusian leader" → Belarus). */
  readonly country: string | null;
  /** Nominal: role modifiers written ("former", "late"). */
  readonly modifiers: readonly string[];
  /** Nominal: the title is "of" something else than a country ("the head of the central bank"): no generic leader. */
  readonly ofOther: boolean;
  /** Nominal: start of the person named in apposition right after it ("the head of the bank, Aurel Vane,"), else -1. */
  readonly apposedTo: number;
}

export interface CoreferenceInput {
  readonly mentions: readonly NamedMention[];
  readonly anaphors: readonly Anaphor[];
  readonly clusters: readonly ClusterFacts[];
}

function genderFits(cluster: ClusterFacts, gender: 'm' | 'f' | null): boolean {
  return gender === null || cluster.gender === null || cluster.gender === gender;
}

function isGroupish(type: EntityType): boolean {
  return type === 'group' || type === 'organization' || type === 'media';
}

/** How well a person cluster fits a description; negative when it cannot be meant. */
function nominalScore(cluster: ClusterFacts, anaphor: Anaphor): number {
  // A person named without any role cannot be meant by a description (most clusters): no set is asked.
  if (cluster.type !== 'person' || cluster.roles.size === 0) return -1;
  let score = 0;
  if (anaphor.country !== null) {
    if (!cluster.countries.has(anaphor.country)) return -1;
    score += 4;
  }
  const head = anaphor.head ?? '';
  // "the minister" is not the prime minister, "the president" not the vice president: such words name another office.
  for (const office of OFFICE_MODIFIERS) if (cluster.roles.has(office) && !anaphor.modifiers.includes(office)) return -1;
  if (cluster.roles.has(head)) score += 2;
  else if (!anaphor.ofOther && GENERIC_LEADER_HEADS.has(head) && [...cluster.roles].some((role) => LEADER_TITLES.has(role))) score += 1;
  else return -1;
  for (const modifier of anaphor.modifiers) if (cluster.roles.has(modifier)) score += 1;
  return score;
}

/**
 * Resolves pronouns and descriptions to clusters by salience, walking the text once: a pronoun goes to the subject of its
 * sentence when one came before it, else to the most recent earlier sentence subject, else the last person named;
 * a description goes to the person named in apposition right after it, else to the best-fitting person named before
 * it (country, role), ties to the most salient.
 * Returns the cluster of each anaphor, -1 when unresolved. Limits: no syntax (the subject is the first person named
 * outside quotations and prepositional phrases); pronouns inside quotations are left alone; "they" resolves only to a
 * group or organization subject of the current or previous sentence.
 */
export function resolveCoreference(input: CoreferenceInput): Int32Array {
  const { mentions, anaphors, clusters } = input;
  const result = new Int32Array(anaphors.length).fill(-1);
  // Recent sentence subjects (person clusters), most recent last.
  const history: number[] = [];
  let sentence = -1;
  let subject = -1;
  let groupSubject = -1;
  let previousGroupSubject = -1;
  let lastPerson = -1;
  const lastSeen: number[] = new Array<number>(clusters.length).fill(-1);

  const enterSentence = (next: number): void => {
    if (next === sentence) return;
    if (subject >= 0) {
      const at = history.lastIndexOf(subject);
      if (at >= 0) history.splice(at, 1);
      history.push(subject);
      if (history.length > 8) history.shift();
    }
    previousGroupSubject = next === sentence + 1 ? groupSubject : -1;
    sentence = next;
    subject = -1;
    groupSubject = -1;
  };

  const note = (cluster: number, position: number, subjectCandidate: boolean): void => {
    const facts = clusters[cluster];
    if (facts === undefined) return;
    lastSeen[cluster] = position;
    if (facts.type === 'person') {
      lastPerson = cluster;
      if (subjectCandidate && subject < 0) subject = cluster;
    } else if (isGroupish(facts.type) && subjectCandidate && groupSubject < 0) {
      groupSubject = cluster;
    }
  };

  let mentionIndex = 0;
  for (let anaphorIndex = 0; anaphorIndex <= anaphors.length; anaphorIndex++) {
    const anaphor = anaphors[anaphorIndex];
    const until = anaphor === undefined ? Number.POSITIVE_INFINITY : anaphor.start;
    for (; mentionIndex < mentions.length && mentions[mentionIndex]!.start < until; mentionIndex++) {
      const mention = mentions[mentionIndex]!;
      enterSentence(mention.sentence);
      note(mention.cluster, mention.start, mention.subjectCandidate);
    }
    if (anaphor === undefined) break;
    enterSentence(anaphor.sentence);
    let chosen = -1;
    if (anaphor.kind === 'pronoun') {
      if (anaphor.plural) {
        chosen = groupSubject >= 0 ? groupSubject : previousGroupSubject;
      } else {
        // The sentence subject, then recent subjects (most recent first), then the last person named; no list built per pronoun.
        const fits = (candidate: number): boolean => {
          const facts = clusters[candidate];
          return candidate >= 0 && facts !== undefined && facts.type === 'person' && genderFits(facts, anaphor.gender);
        };
        if (subject >= 0 && fits(subject)) chosen = subject;
        for (let at = history.length - 1; chosen < 0 && at >= 0; at--) if (fits(history[at]!)) chosen = history[at]!;
        if (chosen < 0 && fits(lastPerson)) chosen = lastPerson;
        // Fallback: the most recently named person that fits.
        for (let candidate = 0; chosen < 0 && candidate < clusters.length; candidate++) {
          const facts = clusters[candidate]!;
          if (facts.type !== 'person' || lastSeen[candidate]! < 0 || !genderFits(facts, anaphor.gender)) continue;
          let best = candidate;
          for (let other = candidate + 1; other < clusters.length; other++) {
            const otherFacts = clusters[other]!;
            if (otherFacts.type === 'person' && lastSeen[other]! > lastSeen[best]! && genderFits(otherFacts, anaphor.gender)) best = other;
          }
          chosen = best;
        }
        const facts = clusters[chosen];
        // Only a subject pronoun teaches a gender: "X wants him to retire" is seldom X, and a wrong gender sticks.
        if (facts !== undefined && facts.gender === null && anaphor.gender !== null && anaphor.subjectCandidate) facts.gender = anaphor.gender;
      }
    } else if (anaphor.apposedTo >= 0) {
      // The name in apposition says who is described; the mentions ahead are in text order, found by a forward scan.
      for (let ahead = mentionIndex; ahead < mentions.length && mentions[ahead]!.start <= anaphor.apposedTo; ahead++) {
        if (mentions[ahead]!.start === anaphor.apposedTo) chosen = mentions[ahead]!.cluster;
      }
    } else {
      let best = -1;
      let bestScore = 0;
      let bestRank = -1;
      for (let cluster = 0; cluster < clusters.length; cluster++) {
        // A description refers back: a person first named after it is not meant (apposition aside, above).
        if (lastSeen[cluster]! < 0) continue;
        const score = nominalScore(clusters[cluster]!, anaphor);
        if (score <= 0) continue;
        // Ties go to the current subject, then recent subjects, then the most recently named.
        const rank = cluster === subject ? 3e9 : history.includes(cluster) ? 2e9 + history.indexOf(cluster) : lastSeen[cluster]!;
        if (score > bestScore || (score === bestScore && rank > bestRank)) {
          best = cluster;
          bestScore = score;
          bestRank = rank;
        }
      }
      chosen = best;
    }
    result[anaphorIndex] = chosen;
    if (chosen >= 0) note(chosen, anaphor.start, anaphor.subjectCandidate);
  }
  return result;
}
