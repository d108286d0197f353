import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveCoreference, type Anaphor, type ClusterFacts, type NamedMention } from '../src/extract/coreference.js';

const person = (roles: string[], countries: string[] = [], gender: 'm' | 'f' | null = null): ClusterFacts => ({ type: 'person', roles: new Set(roles), countries: new Set(countries), gender });
const group = (): ClusterFacts => ({ type: 'group', roles: new Set(), countries: new Set(), gender: null });
const mention = (start: number, sentence: number, cluster: number, subjectCandidate = true): NamedMention => ({ start, sentence, cluster, subjectCandidate });
const pronoun = (start: number, sentence: number, gender: 'm' | 'f' | null, subjectCandidate = true, plural = false): Anaphor => ({
  start, sentence, kind: 'pronoun', gender, plural, subjectCandidate, head: null, country: null, modifiers: [], ofOther: false, apposedTo: -1,
});
const nominal = (start: number, sentence: number, head: string, country: string | null, modifiers: string[] = [], ofOther = false, apposedTo = -1): Anaphor => ({
  start, sentence, kind: 'nominal', gender: null, plural: false, subjectCandidate: true, head, country, modifiers, ofOther, apposedTo,
});

test('resolveCoreference: a sentence-initial pronoun takes the previous subject, not the last object', () => {
  // "A spoke to B. He left."
  const result = resolveCoreference({ clusters: [person([]), person([])], mentions: [mention(0, 0, 0), mention(10, 0, 1)], anaphors: [pronoun(20, 1, 'm')] });
  assert.deepEqual([...result], [0]);
});

test('resolveCoreference: a pronoun after the subject of its own sentence takes that subject', () => {
  // "A said. B claims he ..."
  const result = resolveCoreference({ clusters: [person([]), person([])], mentions: [mention(0, 0, 0), mention(10, 1, 1)], anaphors: [pronoun(15, 1, 'm', true)] });
  assert.deepEqual([...result], [1]);
});

test('resolveCoreference: gender learnt from one pronoun steers the next', () => {
  // "A met B. She spoke. He agreed." — She takes A; He skips A (now female) and takes B.
  const clusters = [person([]), person([])];
  const result = resolveCoreference({ clusters, mentions: [mention(0, 0, 0), mention(6, 0, 1)], anaphors: [pronoun(12, 1, 'f'), pronoun(24, 2, 'm')] });
  assert.deepEqual([...result], [0, 1]);
});

test('resolveCoreference: a subject inside a preposition phrase is skipped', () => {
  const result = resolveCoreference({ clusters: [person([]), person([])], mentions: [mention(0, 0, 0, false), mention(10, 0, 1)], anaphors: [pronoun(30, 1, null)] });
  assert.deepEqual([...result], [1]);
});

test('resolveCoreference: descriptions by country and role, ties to salience', () => {
  const clusters = [person(['president'], ['Chile']), person(['president'], ['Brazil']), person(['blogger'])];
  const mentions = [mention(0, 0, 0), mention(10, 0, 1), mention(20, 0, 2, false)];
  const anaphors = [nominal(30, 1, 'leader', 'Brazil'), nominal(40, 2, 'president', null), nominal(50, 3, 'blogger', null), nominal(60, 4, 'senator', null), nominal(70, 5, 'leader', 'Peru')];
  const result = resolveCoreference({ clusters, mentions, anaphors });
  // "the president" alone goes to the subject of the previous sentence (Brazil's, just described).
  assert.deepEqual([...result], [1, 1, 2, -1, -1]);
});

test('resolveCoreference: "they" needs a group subject nearby', () => {
  const clusters = [group(), person([])];
  const near = resolveCoreference({ clusters, mentions: [mention(0, 0, 0)], anaphors: [pronoun(20, 1, null, true, true)] });
  assert.deepEqual([...near], [0]);
  const far = resolveCoreference({ clusters, mentions: [mention(0, 0, 0)], anaphors: [pronoun(40, 3, null, true, true)] });
  assert.deepEqual([...far], [-1]);
});

test('resolveCoreference: nothing to resolve, nothing named', () => {
  assert.deepEqual([...resolveCoreference({ clusters: [], mentions: [], anaphors: [pronoun(0, 0, 'm')] })], [-1]);
  assert.deepEqual([...resolveCoreference({ clusters: [], mentions: [], anaphors: [] })], []);
});

test('resolveCoreference: a description refers back, except to the name in apposition; "of" an organization is no generic leader', () => {
  // [clusters, named mentions, descriptions, the clusters expected]
  const cases: Array<[ClusterFacts[], NamedMention[], Anaphor[], number[]]> = [
    // "The minister spoke. Finance Minister Lea Brandt agreed.": the person named later is not meant.
    [[person(['finance', 'minister'])], [mention(30, 1, 0)], [nominal(0, 0, 'minister', null)], [-1]],
    // "The head of the bank, Aurel Vane, spoke. Finance Minister Lea Brandt agreed.": the apposed name is.
    [[person([]), person(['finance', 'minister'])], [mention(26, 0, 0), mention(60, 1, 1)], [nominal(0, 0, 'head', null, [], true, 26)], [0]],
    // "President Ada Moreno spoke. The head of the union said …": not the president.
    [[person(['president'])], [mention(10, 0, 0)], [nominal(30, 1, 'head', null, [], true)], [-1]],
    // "President Ada Moreno spoke. The leader said …": a generic leader is.
    [[person(['president'])], [mention(10, 0, 0)], [nominal(30, 1, 'leader', null)], [0]],
  ];
  for (const [clusters, mentions, anaphors, expected] of cases) assert.deepEqual([...resolveCoreference({ clusters, mentions, anaphors })], expected);
});
