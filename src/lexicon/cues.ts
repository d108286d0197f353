import type { Stance } from '../model/types.js';

/**
 * Reporting verbs by lemma, with the stance their use signals. Inflected forms are generated below;
 * irregular forms are listed explicitly.
 */
const VERB_STANCES: ReadonlyArray<readonly [Stance, readonly string[]]> = [
  ['neutral', ['say', 'state', 'tell', 'add', 'note', 'explain', 'report', 'write', 'announce', 'declare', 'comment', 'remark', 'mention', 'describe', 'recall', 'respond', 'reply', 'answer', 'continue', 'tweet', 'post', 'testify', 'indicate', 'confirm', 'acknowledge', 'observe', 'relate', 'recount', 'inform', 'brief', 'quote', 'cite', 'put', 'speak', 'pledge', 'promise', 'vow', 'predict', 'estimate', 'forecast', 'conclude', 'find', 'show', 'learn', 'hear', 'announce', 'clarify', 'specify', 'concur', 'agree', 'joke', 'quip', 'muse', 'shout', 'yell', 'whisper', 'scream', 'sing', 'boast', 'brag', 'praise', 'thank', 'welcome', 'call']],
  ['emphatic', ['emphasize', 'emphasise', 'stress', 'insist', 'underline', 'underscore', 'highlight', 'maintain', 'reiterate', 'repeat', 'affirm', 'reaffirm', 'assure', 'guarantee', 'proclaim', 'urge', 'demand', 'press']],
  ['distancing', ['allege', 'claim', 'assert', 'contend', 'purport', 'charge', 'accuse']],
  ['admission', ['admit', 'concede', 'confess', 'grant', 'allow', 'apologize', 'apologise']],
  ['denial', ['deny', 'reject', 'dismiss', 'refute', 'rebut', 'dispute', 'disagree', 'contradict', 'counter', 'protest', 'object']],
  ['warning', ['warn', 'threaten', 'caution', 'alert', 'fear']],
  ['revelation', ['reveal', 'disclose', 'divulge', 'leak', 'expose', 'uncover', 'discover']],
  ['argument', ['argue', 'suggest', 'propose', 'reason', 'hint', 'imply', 'signal', 'recommend', 'advise', 'criticize', 'criticise', 'complain', 'lament', 'blast', 'slam', 'attack', 'condemn', 'decry', 'mock']],
  ['question', ['ask', 'wonder', 'question', 'inquire', 'enquire', 'query', 'doubt']],
  ['belief', ['believe', 'think', 'feel', 'hope', 'expect', 'worry', 'know', 'understand', 'consider', 'insist', 'assume', 'suspect', 'reckon', 'guess', 'figure', 'want', 'acknowledge', 'recognize', 'recognise', 'realize', 'realise', 'see', 'view']],
];

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  think: ['thought', 'thinks', 'thinking'],
  feel: ['felt', 'feels', 'feeling'],
  know: ['knew', 'known', 'knows', 'knowing'],
  understand: ['understood', 'understands', 'understanding'],
  find: ['found', 'finds', 'finding'],
  show: ['showed', 'shown', 'shows', 'showing'],
  hear: ['heard', 'hears', 'hearing'],
  learn: ['learned', 'learnt', 'learns', 'learning'],
  put: ['puts', 'putting'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  sing: ['sang', 'sung', 'sings', 'singing'],
  see: ['saw', 'seen', 'sees', 'seeing'],
  forecast: ['forecast', 'forecasts', 'forecasting'],
};

/** Regular English inflections: -s, -ed, -ing with the common spelling changes. */
function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular !== undefined) return [lemma, ...irregular];
  const forms = [lemma];
  const last = lemma[lemma.length - 1];
  const stem = lemma.slice(0, -1);
  if (last === 'e') {
    forms.push(`${lemma}s`, `${lemma}d`, `${stem}ing`);
  } else if (last === 'y' && !'aeiou'.includes(lemma[lemma.length - 2] ?? '')) {
    forms.push(`${stem}ies`, `${stem}ied`, `${lemma}ing`);
  } else if (/(s|sh|ch|x|z)$/.test(lemma)) {
    forms.push(`${lemma}es`, `${lemma}ed`, `${lemma}ing`);
  } else {
    forms.push(`${lemma}s`, `${lemma}ed`, `${lemma}ing`);
    // Doubling for short CVC verbs (admit → admitted, slam → slammed).
    if (/[^aeiou][aeiou][bdglmnprt]$/.test(lemma) && !/(en|er|on|it)$/.test(lemma.slice(-2)) || /^(admit|commit|regret|omit|refer|concur|confer|prefer|slam|quip)$/.test(lemma)) {
      forms.push(`${lemma}${last}ed`, `${lemma}${last}ing`);
    }
  }
  return forms;
}

export interface CueEntry {
  readonly lemma: string;
  readonly stance: Stance;
}

function buildVerbTable(): Map<string, CueEntry> {
  const table = new Map<string, CueEntry>();
  for (const [stance, lemmas] of VERB_STANCES) {
    for (const lemma of lemmas) {
      for (const form of inflect(lemma)) {
        // The first stance listed for a form wins (e.g. "insist" is emphatic before belief).
        if (!table.has(form)) table.set(form, { lemma, stance });
      }
    }
  }
  return table;
}

/** Stances of verbs that report an utterance or a speech act, not a belief, a finding or a question. */
export const UTTERANCE_STANCES: ReadonlySet<Stance> = new Set<Stance>(['neutral', 'emphatic', 'distancing', 'admission', 'denial', 'warning', 'revelation', 'argument']);

/** Every inflected form of a reporting verb (lower case) → its lemma and stance. */
export const CUE_VERBS: ReadonlyMap<string, CueEntry> = buildVerbTable();

/** Nouns that name an utterance ("his remarks", "the statement", "in an interview"). */
export const CUE_NOUNS: ReadonlyMap<string, CueEntry> = new Map<string, CueEntry>(
  (
    [
      ['statement', 'neutral'], ['statements', 'neutral'], ['remarks', 'neutral'], ['remark', 'neutral'], ['comments', 'neutral'], ['comment', 'neutral'],
      ['interview', 'neutral'], ['speech', 'neutral'], ['address', 'neutral'], ['post', 'neutral'], ['tweet', 'neutral'], ['tweets', 'neutral'],
      ['announcement', 'neutral'], ['testimony', 'neutral'], ['letter', 'neutral'], ['report', 'evidential'], ['memo', 'neutral'], ['message', 'neutral'],
      ['claim', 'distancing'], ['claims', 'distancing'], ['allegation', 'distancing'], ['allegations', 'distancing'], ['accusation', 'distancing'],
      ['denial', 'denial'], ['admission', 'admission'], ['warning', 'warning'], ['view', 'belief'], ['opinion', 'belief'], ['belief', 'belief'],
      ['words', 'neutral'], ['assertion', 'distancing'], ['argument', 'argument'], ['suggestion', 'argument'], ['promise', 'neutral'], ['pledge', 'neutral'],
    ] as const
  ).map(([noun, stance]) => [noun, { lemma: noun, stance }]),
);

/**
 * Multi-word cue phrases, lower case, word by word. "according to X" makes X a source (or a relay when a
 * speaker is already named); "in an interview with X" makes X an interview relay.
 */
export const CUE_PHRASES: ReadonlyArray<{ readonly words: readonly string[]; readonly entry: CueEntry }> = [
  { words: ['according', 'to'], entry: { lemma: 'according to', stance: 'evidential' } },
  { words: ['in', 'the', 'words', 'of'], entry: { lemma: 'in the words of', stance: 'neutral' } },
  { words: ['as', 'quoted', 'by'], entry: { lemma: 'quoted by', stance: 'neutral' } },
  { words: ['cited', 'by'], entry: { lemma: 'cited by', stance: 'neutral' } },
  { words: ['quoted', 'by'], entry: { lemma: 'quoted by', stance: 'neutral' } },
  { words: ['in', 'a', 'statement'], entry: { lemma: 'in a statement', stance: 'neutral' } },
  { words: ['in', 'an', 'interview'], entry: { lemma: 'in an interview', stance: 'neutral' } },
  { words: ['in', 'a', 'post'], entry: { lemma: 'in a post', stance: 'neutral' } },
  { words: ['in', 'a', 'tweet'], entry: { lemma: 'in a tweet', stance: 'neutral' } },
];

/**
 * Verbs of trying, going on and failing whose infinitive is the report ("continued to attack", "tried to portray",
 * "failed to mention"): the infinitive belongs to the cue and gives it its stance.
 */
export const ASPECTUAL_VERBS: ReadonlySet<string> = new Set([
  'try', 'tries', 'tried', 'trying', 'attempt', 'attempts', 'attempted', 'attempting', 'continue', 'continues', 'continued', 'continuing',
  'fail', 'fails', 'failed', 'failing', 'begin', 'begins', 'began', 'begun', 'beginning', 'start', 'starts', 'started', 'starting',
  'tend', 'tends', 'tended', 'need', 'needs', 'needed', 'struggle', 'struggles', 'struggled', 'struggling', 'come', 'came', 'comes',
  // "has to explain", "was quick to deny", "is likely to argue": obligation, readiness and likelihood work the same way.
  'has', 'have', 'had', 'quick', 'slow', 'careful', 'ready', 'likely', 'unlikely', 'able', 'unable', 'hard',
]);

/** The stance of a cue written as `words` (lower case), looking at its head word. */
export function stanceOf(words: readonly string[]): CueEntry {
  for (const phrase of CUE_PHRASES) {
    if (phrase.words.length <= words.length && phrase.words.every((word, index) => words[index] === word)) return phrase.entry;
  }
  // "continued to deny": the verb after an aspectual verb and "to" is the report (and the head, if no reporting verb).
  let infinitive: string | undefined;
  for (let index = 0; index + 2 < words.length && infinitive === undefined; index++) {
    if (!ASPECTUAL_VERBS.has(words[index]!) || words[index + 1] !== 'to') continue;
    infinitive = words[index + 2]!;
    const verb = CUE_VERBS.get(infinitive);
    if (verb !== undefined) return verb;
  }
  for (const word of words) {
    const verb = CUE_VERBS.get(word);
    if (verb !== undefined) return verb;
  }
  for (const word of words) {
    const noun = CUE_NOUNS.get(word);
    if (noun !== undefined) return noun;
  }
  const head = infinitive ?? words.find((word) => /^\p{L}/u.test(word)) ?? words[0] ?? '';
  return { lemma: head, stance: 'neutral' };
}

/**
 * Adverbs and auxiliaries that stand between a subject and its reporting verb and belong to the cue, as PolNeAR's
 * annotators mark it ("has also said", "often says", "did not deny"): on its train split these words open a cue far
 * more often than they sit just outside one.
 */
export const CUE_MODIFIERS: ReadonlySet<string> = new Set([
  'also', 'further', 'previously', 'has', 'had', 'have', 'later', 'repeatedly', 'again', 'reportedly', 'once', 'already',
  'never', 'not', 'recently', 'initially', 'subsequently', 'directly', 'openly', 'publicly', 'privately', 'personally',
  'is', 'was', 'were', 'are', 'would', 'will', 'could', 'did', 'does', 'do', 'even', 'now', 'still', 'just', 'first', 'last',
  'earlier', 'separately', 'similarly', 'likewise', 'often', 'frequently', 'explicitly', 'bluntly', 'flatly', 'angrily',
]);

/** Words that may stand between a subject and its reporting verb without belonging to the cue ("the mayor himself said"). */
export const BETWEEN_SUBJECT_AND_CUE: ReadonlySet<string> = new Set([...CUE_MODIFIERS, 'himself', 'herself', 'however', 'then']);


/**
 * Hedges that open the outlet's own reading of a statement after a comma ("…, likely referring to the protests"; "…,
 * in an apparent reference to …"): the words from there on are the outlet's inference, not what was said.
 */
export const INFERENCE_HEDGES: ReadonlySet<string> = new Set(['likely', 'probably', 'apparently', 'presumably', 'seemingly', 'possibly', 'perhaps', 'evidently', 'apparent']);

/** Reporting verbs whose object is the person told ("told the council that …"): the reported clause starts at "that". */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set([
  'told', 'tell', 'tells', 'telling', 'informed', 'inform', 'informs', 'assured', 'assure', 'assures', 'reminded', 'remind', 'reminds',
]);

/** Verbs of asking whose object is the person asked ("asked the mayor whether …"): the question starts at its question word. */
export const QUESTION_VERBS: ReadonlySet<string> = new Set(['asked', 'ask', 'asks', 'asking', 'questioned', 'question', 'questions', 'questioning', 'pressed', 'press', 'presses', 'pressing', 'quizzed', 'polled', 'surveyed']);

/** Verbs whose person addressed may stand between them and the that-clause ("warned Ortiz that …", "promised voters that …"). */
export const ADDRESSEE_THAT_VERBS: ReadonlySet<string> = new Set([
  ...ADDRESSEE_VERBS,
  ...['warned', 'warn', 'warns', 'warning', 'promised', 'promise', 'promises', 'promising', 'reassured', 'reassure', 'reassures', 'notified', 'notify'],
  ...['convinced', 'convince', 'persuaded', 'persuade', 'advised', 'advise', 'advises', 'cautioned', 'caution', 'alerted', 'alert', 'urged', 'urge', 'urges'],
]);

/** Participles of naming a source: "asked not to be named", "declined to be identified", "not to be quoted". */
export const NAMING_PARTICIPLES: ReadonlySet<string> = new Set(['named', 'identified', 'quoted']);

/**
 * Past forms of reporting verbs that, after "but" with no subject of their own, open the speaker's second, contrasting
 * report ("said sales were strong but warned that costs could rise"); other verbs there often go on with the reported
 * subject or a belief ("the report … but revealed nothing", "was relieved but still doubted").
 */
export const CONTRASTED_SPEECH_ACTS: ReadonlySet<string> = new Set(['warned', 'urged', 'cautioned', 'insisted', 'added', 'stressed', 'acknowledged', 'conceded', 'argued', 'admitted', 'denied', 'maintained', 'vowed', 'promised']);

/**
 * Lemmas of reporting verbs that make a sentence-opening "as" clause an attribution ("As Ortiz noted, …", "As the
 * paper reported on Monday, …"); verbs of talking without a reported clause ("As he spoke, …") are left out, as such an
 * "as" tells the time. "point" stands for "point out", which is not in the verb table.
 */
export const AS_CLAUSE_LEMMAS: ReadonlySet<string> = new Set([
  'say', 'put', 'note', 'report', 'write', 'explain', 'observe', 'point', 'reveal', 'tell', 'mention', 'state', 'argue', 'claim',
  'suggest', 'predict', 'warn', 'acknowledge', 'admit', 'recall', 'conclude', 'indicate', 'confirm', 'announce', 'declare', 'remark',
  'comment', 'tweet', 'post', 'sing', 'quip', 'joke', 'show', 'find', 'insist', 'stress', 'emphasize', 'detail', 'document', 'testify',
]);

/** Words that may open an adjunct between an "as" clause's reporting verb and its comma ("As Ortiz said last week, …"). */
export const AS_CLAUSE_ADJUNCT_OPENERS: ReadonlySet<string> = new Set([
  'last', 'earlier', 'later', 'recently', 'back', 'yesterday', 'today', 'this', 'just', 'once', 'famously', 'memorably', 'bluntly',
  'so', 'aptly', 'succinctly', 'then', 'often', 'repeatedly', 'again', 'previously',
]);
