/** Function words that carry little meaning on their own: differences in these alone do not change what was said. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else so than that this these those there here of in on at to for from by with about as into onto over under ' +
    'after before between through during without within upon off out up down again further once is are was were be been being am ' +
    'have has had having do does did doing will would shall should can could may might must i me my mine we us our ours you your yours he him his ' +
    'she her hers it its they them their theirs what which who whom whose when where why how all any both each few more most other some such ' +
    'only own same too very just also now even still yet s t ll ve re d m said says say told tell according added adding'
  ).split(' '),
);

/** Words whose loss turns a hedged claim into a flat one. */
export const HEDGES: ReadonlySet<string> = new Set(
  (
    'might may could perhaps possibly probably likely unlikely reportedly allegedly apparently seemingly supposedly purportedly ' +
    'suggest suggests suggested appear appears appeared seem seems seemed estimated roughly approximately nearly almost ' +
    'potentially presumably arguably believed expected unconfirmed'
  ).split(' '),
);

/** Words that flip or cancel meaning. */
export const NEGATIONS: ReadonlySet<string> = new Set(
  "not no never none nobody nothing neither nor without cannot can't won't don't doesn't didn't isn't aren't wasn't weren't shouldn't wouldn't couldn't hasn't haven't hadn't n't".split(' '),
);

/** True for a number-like token ("40", "3.5", "1,000", "forty"). */
export function isNumberWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return true;
  return NUMBER_WORDS.has(word);
}

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion half dozen percent'.split(' '),
);

/** Meaning-bearing: a number, a negation, or a content word outside the stopword list. */
export function isMeaningWord(word: string): boolean {
  return isNumberWord(word) || NEGATIONS.has(word) || HEDGES.has(word) || !STOPWORDS.has(word);
}
