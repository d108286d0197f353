/** Number words, scales, qualifiers and units used by the numeric-claim stage (lower case). */

/** Cardinal words that stand for one value. "one" is listed but the claim stage only takes it with a qualifier. */
export const CARDINALS: ReadonlyMap<string, number> = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
]);

/** Tens that combine with a unit word through a hyphen ("twenty-five"). */
export const TENS: ReadonlyMap<string, number> = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers written as words or newsroom abbreviations after a number ("1.2 million", "1.2bn", "$5m"). */
export const SCALES: ReadonlyMap<string, number> = new Map<string, number>([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/** Vague plural magnitudes ("hundreds of", "tens of thousands of"): the value is the base, the words become the qualifier. */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map<string, number>([
  ['dozens', 12], ['scores', 20], ['hundreds', 1e2], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['tens', 10],
]);

/** Fractions usable before a scale ("half a million"). */
export const FRACTIONS: ReadonlyMap<string, number> = new Map<string, number>([
  ['half', 0.5], ['quarter', 0.25],
]);

/** Qualifiers before a number, word by word, longest first so the first match wins. */
export const QUALIFIERS: ReadonlyArray<readonly string[]> = [
  ['no', 'more', 'than'], ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['as', 'many', 'as'], ['as', 'much', 'as'],
  ['as', 'few', 'as'], ['as', 'little', 'as'], ['in', 'excess', 'of'], ['an', 'estimated'],
  ['at', 'least'], ['at', 'most'], ['up', 'to'], ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['close', 'to'],
  ['upwards', 'of'], ['well', 'over'],
  ['nearly'], ['almost'], ['about'], ['around'], ['approximately'], ['roughly'], ['some'], ['over'], ['under'], ['only'],
  ['just'], ['estimated'], ['exactly'], ['below'], ['above'], ['barely'], ['circa'],
];

/** Currency signs before a number, and the unit they give. */
export const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map<string, string>([
  ['$', 'dollars'], ['€', 'euros'], ['£', 'pounds'], ['¥', 'yen'], ['₽', 'rubles'], ['₴', 'hryvnias'], ['₹', 'rupees'],
]);

/** Unit words that end a number expression by themselves (a currency or a percentage). */
export const UNIT_WORDS: ReadonlyMap<string, string> = new Map<string, string>([
  ['percent', 'percent'], ['pct', 'percent'], ['%', 'percent'], ['dollars', 'dollars'], ['euros', 'euros'], ['pounds', 'pounds'],
  ['rubles', 'rubles'], ['roubles', 'rubles'], ['yuan', 'yuan'], ['yen', 'yen'], ['hryvnias', 'hryvnias'],
]);

/** Plurals without a final s that head a counted noun phrase. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'troops', 'feet', 'teeth', 'mice', 'geese', 'cattle', 'livestock',
  'military', 'infantry', 'aircraft', 'sheep', 'fish', 'deer', 'clergy', 'youth', 'crew', 'population',
]);

/** Words that end a unit phrase after a number: function words, auxiliaries, pronouns. */
export const UNIT_STOPS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'nor', 'in', 'on', 'at', 'to', 'from', 'for', 'with', 'by', 'of', 'that', 'who', 'whom', 'which', 'whose',
  'were', 'was', 'are', 'is', 'be', 'been', 'being', 'had', 'have', 'has', 'will', 'would', 'could', 'should', 'may', 'might',
  'must', 'can', 'did', 'do', 'does', 'the', 'a', 'an', 'this', 'these', 'those', 'than', 'as', 'into', 'over', 'under', 'after',
  'before', 'since', 'during', 'while', 'when', 'where', 'if', 'because', 'so', 'not', 'no', 'them', 'us', 'it', 'they', 'we',
  'you', 'he', 'she', 'him', 'her', 'their', 'its', 'his', 'our', 'my', 'your', 'per', 'each', 'more', 'less', 'fewer', 'ago',
  'later', 'earlier', 'then', 'there', 'here', 'all', 'also', 'just', 'only', 'about', 'against', 'between', 'among', 'across',
  'through', 'out', 'up', 'down', 'off', 'again', 'too', 'very', 'such', 'other', 'others', 'another', 'what', 'how', 'why',
]);

/** Words right before a number that make it a name or a label, not a count ("Section 230", "No. 5"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'no.', 'no', 'nos.', 'number', '#', 'section', 'article', 'chapter', 'page', 'pages', 'vol.', 'volume', 'part', 'rule', 'room',
  'flight', 'route', 'highway', 'interstate', 'item', 'amendment', 'title', 'paragraph', 'clause', 'resolution', 'bill', 'proposition',
  'prop.', 'act', 'form', 'model', 'version', 'level', 'grade', 'district', 'precinct', 'ward', 'gate', 'platform', 'episode', 'season',
  'table', 'figure', 'fig.', 'exhibit', 'count', 'channel', 'station', 'unit', 'apartment', 'apt.', 'suite', 'box', 'code', 'line',
]);

/** Words right after a number that make it a clock time, a score or a label, not a count. */
export const NON_COUNT_FOLLOWERS: ReadonlySet<string> = new Set([
  'a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m', "o'clock", 'o’clock', 'gmt', 'utc', 'est', 'edt', 'pst', 'pdt', 'cet', 'bst',
]);

/** Irregular verb forms that govern a count ("won 3 seats", "lost 12 soldiers"); regular ones are recognised by "-ed". */
export const IRREGULAR_PREDICATES: ReadonlySet<string> = new Set([
  'won', 'lost', 'paid', 'spent', 'sent', 'held', 'left', 'hit', 'cut', 'took', 'taken', 'gave', 'given', 'made', 'sold', 'bought',
  'fought', 'caught', 'brought', 'built', 'drew', 'drawn', 'rose', 'risen', 'fell', 'fallen', 'grew', 'grown', 'died', 'fled', 'shot',
  'struck', 'stole', 'stolen', 'hid', 'hidden', 'kept', 'got', 'gotten', 'put', 'set', 'ran', 'run', 'raised', 'slew', 'slain',
  'kill', 'kills', 'killing', 'die', 'dies', 'dying', 'lose', 'loses', 'win', 'wins', 'pay', 'pays', 'spend', 'spends', 'cost', 'costs',
  'owe', 'owes', 'hold', 'holds', 'employ', 'employs', 'reach', 'reached', 'reaches', 'total', 'totals', 'exceed', 'exceeds', 'number',
  'numbers', 'detain', 'detains', 'arrest', 'arrests', 'injure', 'injures', 'wound', 'wounds', 'send', 'sends', 'receive', 'receives',
  'got', 'has', 'have', 'had',
]);

/** Words ending in "-ed" that are not verbs ("hundred", "red", "need"). */
export const NOT_ED_VERBS: ReadonlySet<string> = new Set([
  'hundred', 'red', 'need', 'bed', 'seed', 'feed', 'speed', 'indeed', 'breed', 'greed', 'shed', 'led', 'fled', 'sled', 'wed', 'bred',
  'united', 'limited', 'related', 'based', 'so-called', 'advanced', 'armed', 'alleged', 'supposed', 'estimated',
  'unprecedented', 'aged', 'beloved', 'naked', 'wicked', 'sacred', 'kindred', 'biased', 'skilled',
]);

/** The auxiliaries between a counted phrase and its passive participle ("75 were detained"). */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'were', 'was', 'are', 'is', 'been', 'be', 'being', 'have', 'has', 'had', 'got', 'get', 'reportedly', 'allegedly', 'also', 'all',
]);
