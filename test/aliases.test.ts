import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { aliasKey, aliasKeyByRules, loadAliasFile, sameEntity } from '../src/extract/aliases.js';
import { isHearsayError } from '../src/model/errors.js';

test('aliasKey: spelling and transliteration variants meet', () => {
  const groups: string[][] = [
    ['Lukashenko', 'Lukashenka', 'Лукашенко', 'Лукашэнка'],
    ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Зеленський', 'Зеленский'],
    ['Türkiye', 'Turkey', 'Turkiye'],
    ['Kyiv', 'Kiev', 'Київ'],
    ['Navalny', 'Navalnyy', 'Навальный'],
    ['Shoigu', 'Shoygu'],
    ['Yevgeny', 'Evgeny', 'Yevgeniy'],
    ['Kharkiv', 'Harkiv', 'Kharkov'],
    ['Dmitriev', 'Dmitriyev'],
    ['Poroshenko', 'Порошенко'],
    ['United States', 'US', 'U.S.', 'America'],
    ['Erdoğan', 'Erdogan'],
  ];
  for (const group of groups) {
    const keys = group.map(aliasKey);
    for (const [index, key] of keys.entries()) assert.equal(key, keys[0], `${group[index]} vs ${group[0]}`);
  }
});

test('aliasKey: a plain name (keyed without the cache) meets its variants that need rewriting', () => {
  assert.equal(aliasKey('Anna Berg'), 'anna berg');
  const groups: string[][] = [
    ['Anna Berg', 'ANNA BERG', 'Anna  Berg', ' Anna Berg'],
    ['Han', 'Khan'],
    ['Petrenk', 'Petrenko', 'Petrenka'],
    ['Petrov Han', 'Petrov Khan'],
  ];
  for (const group of groups) {
    const keys = group.map(aliasKey);
    for (const [index, key] of keys.entries()) assert.equal(key, keys[0], `${group[index]} vs ${group[0]}`);
  }
});

test('aliasKey: the shortcut for plain names gives the key of the full rules (property)', () => {
  // Letters that the rules rewrite (y, k+h, final i/j, -ev, -nka/-nko) are drawn often, so the shortcut's refusals are tested too.
  const letter = fc.constantFrom(...'abcdeghijklnorstuvyzAEHIKNOVY'.split(''));
  const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((letters) => letters.join(''));
  const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '  ', '')).map(([words, space]) => `${space}${words.join(space === '' ? ' ' : space)}`);
  fc.assert(fc.property(name, (written) => aliasKey(written) === aliasKeyByRules(written)), { numRuns: 5000 });
  for (const written of ['Lukashenko', 'Lukashenka', 'Zelensky', 'Zelenskyy', 'Khan', 'Medvedev', 'Turkey', 'Kiev', 'Anna Berg']) assert.equal(aliasKey(written), aliasKeyByRules(written), written);
});

test('aliasKey: different names stay apart', () => {
  const pairs: Array<[string, string]> = [
    ['Clinton', 'Clifton'],
    ['Putin', 'Patin'],
    ['Maria', 'Mario'],
    ['Ivanov', 'Ivanova'],
    ['Medvedev', 'Medvedeva'],
    ['Smith', 'Smyth'],
    ['Trump', 'Tramp'],
    ['Obama', 'Osama'],
    ['Lukashenko', 'Lukashevich'],
    ['Janko', 'Janka'],
    ['Austria', 'Australia'],
    ['Sanders', 'Saunders'],
    ['Iran', 'Iraq'],
    ['Yanukovych', 'Yushchenko'],
  ];
  for (const [left, right] of pairs) assert.notEqual(aliasKey(left), aliasKey(right), `${left} vs ${right}`);
});

test('sameEntity: reasons', () => {
  const table: Array<[string, string, boolean, string | null]> = [
    ['Putin', 'Putin', true, 'same-name'],
    ['Vladimir  Putin', 'vladimir putin', true, 'same-name'],
    ['Turkey', 'Türkiye', true, 'known-alias'],
    ['Kiev', 'Kyiv', true, 'known-alias'],
    ['Lukashenka', 'Lukashenko', true, 'transliteration'],
    ['Лукашэнка', 'Lukashenko', true, 'transliteration'],
    ['Trump', 'Donald Trump', true, 'surname'],
    ['Donald Trump', 'Trump', true, 'surname'],
    ['Lukashenka', 'Alexander Lukashenko', true, 'transliteration'],
    ['Donald Trump', 'Ivanka Trump', false, null],
    ['Clinton', 'Clifton', false, null],
    ['', 'Putin', false, null],
  ];
  for (const [left, right, same, reason] of table) assert.deepEqual(sameEntity(left, right), { same, reason }, `${left} / ${right}`);
});

test('sameEntity: user overrides win, forbid beats everything', () => {
  const overrides = { merge: [['Bob Smith', 'Robert Smith']] as Array<[string, string]>, forbid: [['Trump', 'Donald Trump']] as Array<[string, string]> };
  assert.deepEqual(sameEntity('Robert Smith', 'Bob Smith', overrides), { same: true, reason: 'user-alias' });
  assert.deepEqual(sameEntity('Donald Trump', 'Trump', overrides), { same: false, reason: null });
  const both = { merge: [['A Person', 'B Person']] as Array<[string, string]>, forbid: [['B Person', 'A Person']] as Array<[string, string]> };
  assert.deepEqual(sameEntity('A Person', 'B Person', both), { same: false, reason: null });
  assert.deepEqual(sameEntity('Putin', 'Putin', { merge: [], forbid: [['Putin', 'Putin']] }), { same: false, reason: null });
});

test('loadAliasFile: reads a good file, names the file on a bad one', () => {
  const directory = mkdtempSync(join(tmpdir(), 'hearsay-aliases-'));
  const good = join(directory, 'good.json');
  writeFileSync(good, JSON.stringify({ merge: [['Bob Smith', 'Robert Smith']], forbid: [['Trump', 'Donald Trump']] }));
  assert.deepEqual(loadAliasFile(good), { merge: [['Bob Smith', 'Robert Smith']], forbid: [['Trump', 'Donald Trump']] });
  const onlyMerge = join(directory, 'merge.json');
  writeFileSync(onlyMerge, '{"merge": []}');
  assert.deepEqual(loadAliasFile(onlyMerge), { merge: [], forbid: [] });
  const cases: Array<[string, string]> = [
    ['broken.json', '{"merge": [['],
    ['array.json', '[]'],
    ['pair.json', '{"merge": [["only one"]]}'],
    ['types.json', '{"forbid": [[1, 2]]}'],
  ];
  for (const [name, content] of cases) {
    const path = join(directory, name);
    writeFileSync(path, content);
    assert.throws(
      () => loadAliasFile(path),
      (error: unknown) => isHearsayError(error) && error.message.includes(path) && error.message.includes('expected') && error.input === path,
      name,
    );
  }
  const missing = join(directory, 'missing.json');
  assert.throws(() => loadAliasFile(missing), (error: unknown) => isHearsayError(error) && error.message.includes(missing));
});
