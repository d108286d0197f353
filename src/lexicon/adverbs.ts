/** Adverb word tables. */

/** Lower-case words in "-ly" that never modify a verb after them: nouns, adjectives ("the family", "the elderly") and "respectively". */
export const LY_NOT_VERB_MODIFIERS: ReadonlySet<string> = new Set([
  'family', 'rally', 'tally', 'assembly', 'anomaly', 'supply', 'reply', 'monopoly', 'homily', 'bully', 'belly', 'jelly',
  'folly', 'lily', 'italy', 'july', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'hourly', 'elderly', 'friendly',
  'early', 'holy', 'ugly', 'lonely', 'lovely', 'likely', 'unlikely', 'costly', 'deadly', 'orderly', 'butterfly', 'gadfly',
  'firefly', 'melancholy', 'wily', 'burly', 'curly', 'surly', 'silly', 'hilly', 'chilly', 'woolly', 'comply', 'apply',
  'imply', 'rely', 'multiply', 'ally', 'respectively',
]);
