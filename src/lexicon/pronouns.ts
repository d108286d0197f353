/** Pronouns, and the closed-class and calendar words that are capitalized at a sentence start without naming anything. */

export interface PronounInfo {
  /** 'm' / 'f' for he/she forms; null for they forms. */
  readonly gender: 'm' | 'f' | null;
  readonly plural: boolean;
  /** True for the subject form (he, she, they): such a pronoun can be a sentence subject. */
  readonly subject: boolean;
}

/** Third-person pronouns that refer to people or groups (it/its left out: they mostly refer to things). */
export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map<string, PronounInfo>([
  ['he', { gender: 'm', plural: false, subject: true }],
  ['him', { gender: 'm', plural: false, subject: false }],
  ['his', { gender: 'm', plural: false, subject: false }],
  ['himself', { gender: 'm', plural: false, subject: false }],
  ['she', { gender: 'f', plural: false, subject: true }],
  ['her', { gender: 'f', plural: false, subject: false }],
  ['hers', { gender: 'f', plural: false, subject: false }],
  ['herself', { gender: 'f', plural: false, subject: false }],
  ['they', { gender: null, plural: true, subject: true }],
  ['them', { gender: null, plural: true, subject: false }],
  ['their', { gender: null, plural: true, subject: false }],
  ['theirs', { gender: null, plural: true, subject: false }],
  ['themselves', { gender: null, plural: true, subject: false }],
]);

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((word) => word !== ''));

/**
 * Words that never start a name though they are often capitalized (sentence starts, headlines): function words,
 * sentence adverbs, months and weekdays, compass adjectives, the labels of a wire credit line ("Editing by …"). Lower case.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = words(`
  the a an this that these those there here it its it's he she they we you i me my our your their his her him them us who whom whose
  what which when where why how whether if then than and or but nor so yet for of in on at by to from with without within into onto upon
  about above below after before during since until till while as because although though unless once also however moreover meanwhile
  furthermore nevertheless nonetheless still instead indeed thus hence therefore otherwise besides likewise similarly nor not no yes
  all any both each every either neither some many much more most few several such other another same own only just even ever never
  now today yesterday tomorrow tonight later earlier last next first second third finally read also watch listen see related more
  according despite amid amidst among against across along around behind beneath beside between beyond inside outside over under
  through throughout toward towards via per plus minus is are was were be been being has have had do does did will would shall should
  can could may might must let please mr mrs ms dr i’m i'm i’ll i'll i’d i'd i’ve i've we’re we're we’ll we'll it’s
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  western eastern northern southern central
  reporting editing writing additional
  photo video image file update editor's note advertisement breaking exclusive opinion analysis
`);

/** Possessive determiners ("his statement", "posted on its website"). */
/** Relative pronouns that open a clause on the noun before them (", who …", "a plan that …"). */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = words('which who that whom');

export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = words('his her their its');

/** Subject pronouns: a source may be one ("she | said"), and one opens a clause without "that" ("told reporters she would run"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we', 'it']);

/** Quantifiers that open a noun phrase ("many in the party", "most voters"). */
export const QUANTIFIERS: ReadonlySet<string> = new Set(['many', 'most', 'some', 'few', 'several', 'all', 'both', 'each']);

/** Determiners that open a subject noun phrase ("the port's director", "several officials", "another aide"). */
export const SUBJECT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'some', 'many', 'several', 'other', 'another']);

/** The articles. */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Articles and possessive determiners: the words that open a noun phrase ("the port authority", "its website"). */
export const ARTICLES_AND_POSSESSIVES: ReadonlySet<string> = new Set([...ARTICLES, ...POSSESSIVE_DETERMINERS]);

/** Prepositions: a name right after one is not the subject of its sentence ("with blogger Mario Naufal"). */
export const PREPOSITIONS: ReadonlySet<string> = words(`
  of in on at by to from with without within into onto upon about above below after before during since until between among against
  across along around behind beneath beside beyond inside outside over under through throughout toward towards via per for like
  including than despite amid versus vs vs.
`);
