import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeDocument } from '../src/extract/pipeline.js';
import type { Analysis, Statement } from '../src/model/types.js';
import { assertAnalysisSpans } from './helpers/spans.js';

const fixture = readFileSync(new URL('../../test/fixtures/harbour-talks.txt', import.meta.url), 'utf8');
const analyze = (text: string, publishedAt: string | null = '2025-06-10'): Analysis => analyzeDocument({ id: 'test', text, title: null, url: null, publishedAt });
const byContent = (analysis: Analysis, words: string): Statement => {
  const found = analysis.statements.find((statement) => statement.content.some((piece) => piece.text.includes(words)));
  assert.ok(found, `expected a statement whose content contains “${words}”`);
  return found;
};

test('pipeline: a quotation split by its attribution is one statement in two pieces, with speaker and stance', () => {
  const analysis = analyze(fixture);
  assertAnalysisSpans(analysis);
  const split = byContent(analysis, 'We can meet here next week');
  assert.equal(split.kind, 'direct');
  assert.equal(split.content.length, 2);
  assert.ok(split.content[1]!.text.includes('settle this before the summer timetable'));
  assert.equal(split.cue?.text, 'said');
  assert.equal(split.cue?.stance, 'neutral');
  assert.equal(split.source?.text, 'Vell');
  assert.equal(split.speaker?.name, 'Marta Vell');
});

test('pipeline: a pronoun source and a colon-introduced quotation resolve to the named speaker, with evidence spans', () => {
  const analysis = analyze(fixture);
  const door = byContent(analysis, 'My door is open');
  assert.equal(door.kind, 'direct');
  assert.equal(door.source?.text, 'She');
  assert.equal(door.speaker?.name, 'Marta Vell');
  assert.ok(door.speaker!.evidence.some((span) => span.text === 'Marta Vell'), 'the resolution names the mention it rests on');
});

test('pipeline: relay chains run innermost first, and a known relay brings the relays inside it', () => {
  const analysis = analyze(fixture);
  const stressed = byContent(analysis, 'the need for a quick deal');
  assert.deepEqual(stressed.via.map((relay) => [relay.role, relay.name]), [['interview', 'Jonas Ebbe'], ['relay', 'Harbour FM']]);
  assert.equal(stressed.speaker?.name, 'Marta Vell');
  // "Marta Vell … offered to host talks, according to the Selin Courier": the Courier is the source of an "according
  // to" statement over the clause, or, when the offer is read as Vell's statement, its relay.
  const courier = byContent(analysis, 'to host talks between the two ferry unions');
  if (courier.cue?.lemma === 'according to') assert.equal(courier.source?.text, 'the Selin Courier');
  else assert.deepEqual([courier.speaker?.name, courier.via.map((relay) => [relay.role, relay.name])], ['Marta Vell', [['relay', 'Selin Courier']]]);
});

test('pipeline: stance follows the cue, partial quotations are partial, numbers become claims of their statement', () => {
  const analysis = analyze(fixture);
  const warned = byContent(analysis, 'might stop running by June');
  assert.equal(warned.kind, 'partial');
  assert.equal(warned.cue?.stance, 'warning');
  const insisted = byContent(analysis, '40,000 euros a day');
  assert.equal(insisted.cue?.stance, 'emphatic');
  const claim = analysis.claims.find((candidate) => candidate.statement === insisted.id);
  assert.ok(claim, 'the figure in the statement is a numeric claim');
  assert.equal(claim.value, 40000);
});

test('pipeline: names in quotation marks and text without attribution give no statements', () => {
  const analysis = analyze('The radio station “Harbour FM” moved to a new building. The weather was calm all week.');
  assertAnalysisSpans(analysis);
  assert.equal(analysis.statements.length, 0);
});

test('pipeline: statements nested in a report are marked within it, with the reporter as relay', () => {
  const analysis = analyze('Marta Vell revealed that Piet Aros apologized to the crews and denied any role in the lockout.');
  assertAnalysisSpans(analysis);
  const outer = byContent(analysis, 'Piet Aros apologized');
  assert.equal(outer.within, undefined);
  const inner = analysis.statements.filter((statement) => statement.within === outer.id);
  assert.ok(inner.length >= 1, 'expected a statement within the outer one');
  const denial = inner.find((statement) => statement.cue?.stance === 'denial');
  assert.ok(denial, 'the denial inside the report is a statement of its own');
  assert.equal(denial.speaker?.name, 'Piet Aros');
  assert.equal(denial.via[0]?.name, 'Marta Vell');
});

test('pipeline: any text, however mangled, gives valid spans and never throws (property)', () => {
  const pieces = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', ' said ', ' according to ', 'He ', 'Marta Vell', ', ', '. ', '\n\n', ':', '75', 'In January', '😀', 'e\u0301', '\u200b', 'مرحبا', '—');
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 60 }), (parts) => {
      const analysis = analyze(parts.join(''));
      assertAnalysisSpans(analysis);
      for (const statement of analysis.statements) {
        assert.ok(statement.id.length > 0);
        if (statement.within !== undefined) assert.ok(analysis.statements.some((other) => other.id === statement.within));
      }
    }),
    { numRuns: 150 },
  );
});

test('pipeline: attributions made by layout — a transcript speaker with a colon, a quotation closed by a dash and a name', () => {
  const text = 'HOST: Will the ferries run next week?\n\nVELL: They will run, and on time.\n\n“The harbour has never been calmer.” ― Jonas Ebbe';
  const analysis = analyze(text);
  assertAnalysisSpans(analysis);
  const question = byContent(analysis, 'Will the ferries run');
  assert.deepEqual([question.source?.text, question.cue?.text, question.content[0]!.text], ['HOST', ':', 'Will the ferries run next week?']);
  const answer = byContent(analysis, 'They will run');
  assert.equal(answer.source?.text, 'VELL');
  assert.equal(answer.kind, 'direct', 'a transcript gives the speaker’s own words');
  const dashed = byContent(analysis, 'never been calmer');
  assert.deepEqual([dashed.kind, dashed.source?.text, dashed.cue?.text, dashed.content[0]!.text], ['direct', 'Jonas Ebbe', '―', '“The harbour has never been calmer.”']);
});

test('pipeline: a report inside a transcript line is kept as a statement of its own, once', () => {
  const text = 'HOST: Will the bridge open on time?\n\nVARGA: We will not cut corners. The chief engineer says the deck is sound, and I believe her. Critics claimed the steel came late.\n';
  const analysis = analyze(text);
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'We will not cut corners').source?.text, 'VARGA');
  const inner = analysis.statements.find((statement) => statement.cue?.text === 'claimed');
  assert.deepEqual([inner?.source?.text, inner?.content[0]?.text], ['Critics', 'the steel came late']);
  assert.equal(analysis.statements.filter((statement) => statement.cue?.text === 'claimed').length, 1, 'not found twice (tagger and nested stage)');
});

test('pipeline: an interview in Q&A form — each answer is the interviewee’s, running on to the next question', () => {
  const bridge = 'Mayor vows bridge will open on time\n\nAn interview with Mayor Ilona Varga, who took office in March.\n\nQ: Will the bridge open on time?\n\nA: We will not cut corners. The engineers have told me the deck is sound.\n\nThe council has approved the final payment.\n\nQ: What about the cost overruns?\n\nA: They are real, and I will not hide them.\n';
  const ferries = 'Q&A with Tomas Orlik, the harbour master.\n\nQuestion: Are the ferries running next week?\n\nAnswer: Yes. Every crew has signed the new roster.\n';
  // [text, words of the content, source as written, speaker, content pieces]
  const cases: ReadonlyArray<readonly [string, string, string, string, number]> = [
    [bridge, 'Will the bridge open on time?', 'Q', 'Q', 1],
    [bridge, 'We will not cut corners', 'A', 'Ilona Varga', 2],
    [bridge, 'The council has approved the final payment.', 'A', 'Ilona Varga', 2],
    [bridge, 'They are real, and I will not hide them', 'A', 'Ilona Varga', 1],
    [ferries, 'Are the ferries running next week?', 'Question', 'Question', 1],
    [ferries, 'Every crew has signed the new roster', 'Answer', 'Tomas Orlik', 1],
  ];
  for (const [text, words, source, speaker, pieces] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, words);
    assert.deepEqual(
      [statement.kind, statement.source?.text, statement.cue?.text, statement.speaker?.name, statement.content.length],
      ['direct', source, ':', speaker, pieces],
      `${words} in ${text.slice(0, 30)}`,
    );
  }
  // The answer stops at the next question: the question is no part of it.
  const answer = byContent(analyze(bridge), 'We will not cut corners');
  assert.equal(answer.content.some((piece) => piece.text.includes('cost overruns')), false);
  // A line that does not end like a sentence ends the interview: what follows is not the answer.
  const listed = byContent(analyze(`${bridge}\nRead also\n\nBridge tolls to rise in May\n`), 'They are real, and I will not hide them');
  assert.equal(listed.content.length, 1);
  assert.equal(listed.content.some((piece) => piece.text.includes('Read also') || piece.text.includes('tolls')), false);
  // "A:" with no question before it is no interview.
  assert.equal(analyze('A: We will not cut corners.\n').statements.length, 0);
});

test('pipeline: user alias overrides add and forbid merges, and say why', () => {
  const text = 'Marta Vell said the port would reopen. Lena Sandoval said the ferries were ready.';
  const merged = analyzeDocument({ id: 'a', text, title: null, url: null, publishedAt: null }, { aliases: { merge: [['Marta Vell', 'Lena Sandoval']], forbid: [] } });
  const marta = merged.entities.find((entity) => entity.name === 'Marta Vell' || entity.aliases.includes('Marta Vell'));
  assert.ok(marta, 'Marta Vell is an entity');
  assert.ok(marta.why.some((reason) => reason.reason === 'user-alias'), 'the merge says it came from the user');
  const unmerged = analyzeDocument({ id: 'c', text, title: null, url: null, publishedAt: null });
  assert.equal(unmerged.entities.filter((entity) => entity.type === 'person').length, 2, 'without the override they are two people');
  const forbidden = analyzeDocument({ id: 'b', text: 'Marta Vell spoke first. Later Vell said the port would reopen.', title: null, url: null, publishedAt: null }, { aliases: { merge: [], forbid: [['Marta Vell', 'Vell']] } });
  const cluster = forbidden.entities.find((entity) => entity.name === 'Marta Vell');
  assert.ok(cluster, 'Marta Vell is an entity');
  assert.ok(!cluster.mentions.some((mention) => mention.text === 'Vell'), 'a forbidden merge is not made');
});

test('pipeline: an attribution set off by commas mid-sentence splits one indirect statement into two pieces', () => {
  const analysis = analyze('Ferry traffic was light on Monday.\nIn March, the harbour council said, the port lost money every day.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'the port lost money');
  assert.equal(statement.cue?.text, 'said');
  assert.deepEqual(
    statement.content.map((piece) => piece.text),
    ['In March', 'the port lost money every day'],
  );
});

test('pipeline: an auxiliary before the cue is not part of the source as written', () => {
  const analysis = analyze('Earlier in the week, the minister had said that an audit would only delay the project further.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'an audit would only delay');
  assert.equal(statement.source?.text, 'the minister');
});

test('pipeline: adverbs and auxiliaries between a source and its verb belong to the cue, as annotators mark it', () => {
  const cases: ReadonlyArray<readonly [string, string, string, string]> = [
    ['Earlier in the week, the minister had said that an audit would only delay the project further.\n', 'an audit would only delay', 'the minister', 'had said'],
    ['The harbour master often says that the old quay cannot take larger ships.\n', 'the old quay cannot take', 'The harbour master', 'often says'],
  ];
  for (const [text, words, source, cue] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, words);
    assert.equal(statement.source?.text, source, text);
    assert.equal(statement.cue?.text, cue, text);
  }
});

test('pipeline: a quotation ending in a question mark keeps the attribution after it, and the quotation that follows', () => {
  const analysis = analyze('Vell spoke at the harbour on Monday. “Is anyone listening to the crews at the quay?” Vell asked. “Nobody is.”\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'Is anyone listening');
  assert.equal(statement.cue?.text, 'asked');
  assert.deepEqual(
    statement.content.map((piece) => piece.text),
    ['“Is anyone listening to the crews at the quay?”', '“Nobody is.”'],
  );
});

test('pipeline: unnamed speakers are named by what the text says of them, with the evidence', () => {
  const analysis = analyze('Residents trusted a local engineer, who said the bridge was unsafe. The council won a vote that faced strong international criticism calling it a “sham.”\n');
  assertAnalysisSpans(analysis);
  const engineer = byContent(analysis, 'the bridge was unsafe');
  assert.equal(engineer.source?.text, 'who');
  assert.equal(engineer.speaker?.name, 'a local engineer');
  assert.equal(engineer.speaker?.entity, null);
  const sham = byContent(analysis, 'sham');
  assert.equal(sham.speaker?.name, 'international criticism');
});

test('pipeline: a report inside an "according to" attribution: the speaker as a noun phrase, the document as relay', () => {
  const analysis = analyze('The port authority of Selin warned on Monday that a strike could halt grain exports, according to a statement posted on its website.\n');
  assertAnalysisSpans(analysis);
  // Whether the tagger reads the warning inside the "according to" statement (then it is nested) or on its own.
  const inner = analysis.statements.find((statement) => statement.cue?.text === 'warned');
  assert.ok(inner, 'expected the warning as a statement');
  assert.equal(inner.source?.text, 'The port authority of Selin');
  assert.equal(inner.content[0]?.text.startsWith('that a strike could halt'), true, inner.content[0]?.text);
  assert.deepEqual(inner.via.map((relay) => [relay.role, relay.name]), [['document', 'a statement']]);
});

test('pipeline: what a "cited by" relay directly follows is what it cites, so it comes first in the chain', () => {
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
    ['General Ada Marr said the truce was holding, according to a statement cited by the news agency Tarva.\n', [['document', 'a statement'], ['relay', 'Tarva']]],
    ['General Ada Marr said the truce was holding, according to Tarva.\n', [['relay', 'Tarva']]],
  ];
  for (const [text, expected] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, 'the truce was holding');
    assert.deepEqual(statement.via.map((relay) => [relay.role, relay.name]), expected, text);
  }
});

test('pipeline: a title that opens a sentence is the role of the name after it, so a later description resolves', () => {
  const analysis = analyze('Senator Anna Berg visited the port on Monday. The senator said the plan would fail.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'the plan would fail');
  assert.equal(statement.source?.text, 'The senator');
  assert.equal(statement.speaker?.name, 'Anna Berg');
});

test('pipeline: "according to X" before a speaker makes X a relay, not the speaker; so does the platform a post was written on', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['According to Iron Ledger, Arkady Voss said the plant was destroyed.\n', 'Arkady Voss', 'Iron Ledger'],
    ['According to state media, the minister said the plant was destroyed.\n', 'the minister', 'state media'],
    ['Arkady Voss wrote on Telegram that the plant was destroyed.\n', 'Arkady Voss', 'Telegram'],
  ];
  for (const [text, speaker, relay] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, 'the plant was destroyed');
    assert.equal(statement.speaker?.name, speaker, text);
    assert.deepEqual(statement.via.map((step) => step.name), [relay], text);
  }
});

test('pipeline: "According to X, …" with no other cue in the sentence is X\'s statement, the clause after the comma its content', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["According to the harbour master's office, the pier was closed.\n", "the harbour master's office", 'the pier was closed'],
    ['According to police, four people were hurt in the crash.\n', 'police', 'four people were hurt in the crash'],
  ];
  for (const [text, source, content] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, content);
    assert.equal(statement.source?.text, source, text);
    assert.equal(statement.cue?.text, 'According to', text);
  }
});

test('pipeline: an age set off by commas is not the source; a colon after the next sentence\'s cue is not an earlier cue\'s', () => {
  const analysis = analyze('Vera Holm, 52, told reporters the bank would act if needed. Growth slowed again, a Reuters poll showed. She added: "Nobody expected this."\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'the bank would act if needed').source?.text, 'Vera Holm');
  const quotation = byContent(analysis, 'Nobody expected this.');
  assert.equal(quotation.cue?.text.startsWith('added'), true);
  assert.equal(quotation.source?.text, 'She');
});

test('pipeline: a cue at a sentence end does not take the next sentence\'s quotation or subject when another cue claims them', () => {
  const analysis = analyze('Crews fought the fire for hours, officials said. "It spread very fast," said fire chief Tom Reyes. Ash fell across the valley, police said. "We never saw anything like it," one witness said.\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'It spread very fast').source?.text, 'fire chief Tom Reyes');
  assert.equal(byContent(analysis, 'We never saw anything like it').source?.text, 'one witness');
});

test('pipeline: an attribution closing a sentence after a comma reports the clause before it', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['Ash fell across the valley, police said.\n', 'Ash fell across the valley', 'police'],
    ['The bridge will stay closed until May, the council said on Monday.\n', 'The bridge will stay closed until May', 'the council'],
  ];
  for (const [text, content, source] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, content);
    assert.equal(statement.content[0]?.text, content, text);
    assert.equal(statement.source?.text, source, text);
  }
});

test('pipeline: a platform named by one letter is not a person described by the role after it', () => {
  const analysis = analyze('In a post on X, the governor said she had ordered an inquiry.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'she had ordered an inquiry');
  assert.equal(statement.speaker?.name, 'the governor');
  assert.equal(statement.speaker?.entity, null);
  assert.deepEqual(statement.via.map((step) => step.name), ['X']);
});

test('pipeline: a dateline is not part of the source; a subject before an aside set off by commas is', () => {
  const dateline = analyze('OSLO, May 4 (Wirepress) - Norway said on Sunday it had closed two border crossings.\n');
  assertAnalysisSpans(dateline);
  assert.equal(byContent(dateline, 'it had closed two border crossings').source?.text, 'Norway');
  const aside = analyze('The storm flooded the coast. Halvorsen, speaking in his weekly radio address, urged residents to leave the islands.\n');
  assertAnalysisSpans(aside);
  assert.equal(byContent(aside, 'residents to leave the islands').source?.text, 'Halvorsen');
});

test('pipeline: a cue ending in a colon takes the quotation of the next paragraphs, continued paragraph by paragraph', () => {
  const analysis = analyze('The mayor said on Friday:\n\n"We have failed this city. I take responsibility.\n\n"I will step down at the end of the month."\n');
  assertAnalysisSpans(analysis);
  assert.equal(analysis.statements.length, 1);
  const statement = analysis.statements[0]!;
  assert.equal(statement.source?.text, 'The mayor');
  assert.equal(statement.kind, 'direct');
  assert.equal(statement.content.map((piece) => piece.text).join(' ').includes('I will step down'), true);
});

test('pipeline: asking not to be named is no statement, and the noun phrase before ", who asked …" speaks', () => {
  const analysis = analyze('A doctor at the hospital, who asked not to be identified, said 38 people had died. "Nobody wins here," one trader said, asking not to be named.\n');
  assertAnalysisSpans(analysis);
  assert.equal(analysis.statements.some((statement) => statement.content.some((piece) => piece.text.startsWith('not to be'))), false);
  assert.equal(byContent(analysis, '38 people had died').source?.text, 'A doctor at the hospital');
});

test('pipeline: the speaker is the head of a complex source — not a possessor, an employer after "of", or a description before a name', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['Military analyst Noor Halvorsen of the Kestrel Institute said the images showed damage.\n', 'the images showed damage', 'Noor Halvorsen'],
    ["After the briefing, the head of the Nurses' Federation, Elise Varga, said the minister was wrong.\n", 'the minister was wrong', 'Elise Varga'],
    ['Gideon Farrow denies all charges. Farrow\'s company, Harbourline Estates, said in a statement that it would cooperate.\n', 'it would cooperate', 'Harbourline Estates'],
  ];
  for (const [text, words, speaker] of cases) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    assert.equal(byContent(analysis, words).speaker?.name, speaker, text);
  }
});

test('pipeline: "the minister" is not the prime minister, "the prime minister" is', () => {
  const analysis = analyze('Energy Minister Marta Silva rejected calls to resign. Prime Minister Pedro Alves backed her. The minister said she would stay. The prime minister said the budget was safe.\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'she would stay').speaker?.name, 'Marta Silva');
  assert.equal(byContent(analysis, 'the budget was safe').speaker?.name, 'Pedro Alves');
});

test('pipeline: a transcript label with the speaker in parentheses ("QUESTION (Ida Moen, Radio Selin): …") names that speaker', () => {
  const analysis = analyze('QUESTION (Ida Moen, Radio Selin): Will the ferries run next week?\n\nVELL: They will.\n');
  assertAnalysisSpans(analysis);
  const question = byContent(analysis, 'Will the ferries run');
  assert.deepEqual([question.kind, question.source?.text, question.cue?.text], ['direct', 'Ida Moen', ':']);
});

test('pipeline: "I said …" inside a speaker’s own quotation is that speaker’s statement, with no relay to themself', () => {
  const analysis = analyze('“I said in May that the ferries would run,” Marta Vell told reporters on Monday.\n');
  assertAnalysisSpans(analysis);
  const inner = analysis.statements.find((statement) => statement.within !== undefined);
  assert.ok(inner, 'expected the nested report');
  assert.equal(inner.speaker?.name, 'Marta Vell');
  assert.deepEqual(inner.via, []);
  assert.equal(inner.content[0]?.text, 'that the ferries would run');
});

test('pipeline: the subject of a passive cue is what the statement is about, not its speaker', () => {
  for (const text of ['Mr. Aros was accused of hiding the harbour accounts.\n', 'A property developer accused of paying bribes appeared in court on Monday.\n']) {
    const analysis = analyze(text);
    assertAnalysisSpans(analysis);
    const statement = analysis.statements.find((candidate) => candidate.cue?.text.includes('accused'));
    assert.ok(statement, text);
    assert.equal(statement.source, null, text);
    assert.equal(statement.speaker, null, text);
  }
  assert.equal(byContent(analyze('Trump accused Clinton of lying.\n'), 'Clinton').source?.text, 'Trump', 'the active voice keeps its speaker');
});

test('pipeline: a relay phrase the source began with is cut off the source and kept in the chain', () => {
  const analysis = analyze('In an interview with Pavel Dremin, cited by Iron Ledger, Lieutenant General Arkady Voss said the plant was destroyed.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'the plant was destroyed');
  assert.equal(statement.source?.text, 'Lieutenant General Arkady Voss');
  assert.deepEqual(statement.via.map((step) => [step.role, step.name]), [['interview', 'Pavel Dremin'], ['relay', 'Iron Ledger']]);
});

test('pipeline: "according to the channel" names the channel introduced before, and keeps the words as written', () => {
  const analysis = analyze('The plant was hit, according to the Telegram channel “Iron Ledger”.\n\n“They will not rebuild it,” Voss said, according to the channel.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'They will not rebuild it');
  const relay = statement.via.find((step) => step.text === 'the channel');
  assert.ok(relay, JSON.stringify(statement.via));
  assert.equal(relay.name, 'Iron Ledger');
});

test('pipeline: a headline without a final period keeps its last words in the content', () => {
  const analysis = analyze('Mayor blames "a culture of fear" at city hall\n\nThe mayor resigned on Friday.\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'a culture of fear').content.at(-1)?.text.endsWith('at city hall'), true);
});

test('pipeline: a refusal after the reported clause ("and declined to give details") is not part of what was said', () => {
  const analysis = analyze('She said both complaints were still under review and declined to give details.\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'both complaints').content.at(-1)?.text, 'both complaints were still under review');
});

test('pipeline: a speaker named with a party resolves without it, and "supporters of" such a speaker are not that speaker', () => {
  const analysis = analyze('Republican Ana Reyes said the port would stay open. On Friday, supporters of Democrat Jo Marsh said the vote was rigged.');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'the port would stay open').speaker?.name, 'Ana Reyes');
  const supporters = byContent(analysis, 'the vote was rigged');
  assert.notEqual(supporters.speaker?.name, 'Jo Marsh');
  assert.equal(supporters.speaker?.entity ?? null, null);
});

test('pipeline: a relative pronoun speaks for its antecedent — the head before a place, not a modifier, the name before a description', () => {
  const cases: Array<[text: string, content: string, speaker: string]> = [
    ['The proposal angered Democrats in Westmark, who said the levy would ruin farmers.', 'the levy would ruin farmers', 'Democrats'],
    ['The plan angered Republicans across the country, who said it would ruin farmers.', 'it would ruin farmers', 'Republicans'],
    ['The talks were hosted by the Norwegian government, which said a deal was close.', 'a deal was close', 'the Norwegian government'],
    ["The levy was criticised by Ilona Varga, the union's treasurer, who said it would ruin farmers.", 'it would ruin farmers', 'Ilona Varga'],
    ['The plan drew a reply from Ilona Varga, who said it would ruin farmers.', 'it would ruin farmers', 'Ilona Varga'],
    ['Talks stalled with the crews who load grain at the quay and who said they had not been paid in weeks.', 'they had not been paid', 'who'],
  ];
  for (const [text, content, speaker] of cases) {
    const analysis = analyze(`${text}\n`);
    assertAnalysisSpans(analysis);
    assert.equal(byContent(analysis, content).speaker?.name, speaker, text);
  }
});

test('pipeline: "who declined to be named because …" is an aside on the source, like "on condition of anonymity"', () => {
  const analysis = analyze('A harbour official, who declined to be named because he was not authorised to brief the press, said the cranes would restart on Monday.\n');
  assertAnalysisSpans(analysis);
  const statement = byContent(analysis, 'the cranes would restart');
  assert.equal(statement.source?.text, 'A harbour official');
  assert.equal(statement.cue?.text, 'said');
  assert.equal(analysis.statements.filter((other) => other.content.some((piece) => piece.text.includes('to be named'))).length, 0);
});

test('pipeline: the subject before a relative clause set off by commas speaks, a plural possessive included; a noun cue\'s relative clause is no content', () => {
  const cases: Array<[text: string, content: string, source: string]> = [
    ['The council, which meets on Fridays, said the bridge would reopen.', 'the bridge would reopen', 'The council'],
    ["The dockers' union, which represents 900 crane drivers, said in a statement that the offer was an insult.", 'that the offer was an insult', "The dockers' union"],
    ["The pilots' association said the runway was unsafe.", 'the runway was unsafe', "The pilots' association"],
  ];
  for (const [text, content, source] of cases) {
    const analysis = analyze(`${text}\n`);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, content);
    assert.equal(statement.source?.text, source, text);
    assert.equal(statement.content.length, 1, text);
  }
  const analysis = analyze('Ortiz accused the operators of hiring replacement crews, a claim the company denied.\n');
  assertAnalysisSpans(analysis);
  assert.deepEqual(analysis.statements.map((statement) => statement.content.map((piece) => piece.text).join(' … ')), ['the operators of hiring replacement crews']);
});

test('pipeline: an adverbial gerund clause ("by dismissing", "After arguing …,") takes the main clause\'s subject as its source', () => {
  const cases: Array<[text: string, content: string, source: string]> = [
    ['The council made a mistake by dismissing Ortiz as a protest candidate.', 'Ortiz as a protest candidate', 'The council'],
    ['After arguing that the ballot was rigged, the union said it would appeal.', 'that the ballot was rigged', 'the union'],
  ];
  for (const [text, content, source] of cases) {
    const analysis = analyze(`${text}\n`);
    assertAnalysisSpans(analysis);
    assert.equal(byContent(analysis, content).source?.text, source, text);
  }
});

test('pipeline: an outlet\'s report closing a sentence ("…, the news agency Selpress reported") is a relay of the statement before it', () => {
  const cases: Array<[text: string, via: string[]]> = [
    ['The port director said in an interview with the weekly Harbourline that the cranes would restart, the state news agency Selpress reported on Sunday, citing the interview.', ['Harbourline/interview', 'Selpress/relay']],
    ['The port director told reporters the cranes would restart, the daily Selin Courier reported, citing port officials.', ['Selin Courier/relay']],
  ];
  for (const [text, via] of cases) {
    const analysis = analyze(`${text}\n`);
    assertAnalysisSpans(analysis);
    assert.equal(analysis.statements.length, 1, text);
    assert.deepEqual(byContent(analysis, 'the cranes would restart').via.map((relay) => `${relay.name}/${relay.role}`), via, text);
  }
});

test('pipeline: the people polled speak, not the pollster after "by" ("economists surveyed by Selpress expected …")', () => {
  const analysis = analyze('Economists surveyed by Selpress expected the central bank to hold rates.\n');
  assertAnalysisSpans(analysis);
  assert.equal(byContent(analysis, 'the central bank to hold rates').source?.text, 'Economists surveyed by Selpress');
});

test('pipeline: a sentence opening with an "as" attribution ("As Ortiz put it, …") reports its main clause; a temporal or idiomatic "as" does not', () => {
  const cases: Array<[text: string, source: string, cue: string, content: string]> = [
    ['As Ortiz put it, the levy is a tax on hope.', 'Ortiz', 'put it', 'the levy is a tax on hope'],
    ['As Mirela Tosk puts it, the ferry fares have doubled since spring.', 'Mirela Tosk', 'puts it', 'the ferry fares have doubled since spring'],
    ['As reported by the Herald, the port will close.', 'the Herald', 'reported', 'the port will close'],
    ['As stated in the council’s annual review, the quay needs new pilings.', 'the council’s annual review', 'stated', 'the quay needs new pilings'],
    ['As one harbour pilot pointed out with a shrug, the channel silts up every winter.', 'one harbour pilot', 'pointed out', 'the channel silts up every winter'],
    ['SELIN, June 3 (Harbourwire) - As Ortiz noted in March, the plan had no budget.', 'Ortiz', 'noted', 'the plan had no budget'],
  ];
  for (const [text, source, cue, content] of cases) {
    const analysis = analyze(`${text}\n`);
    assertAnalysisSpans(analysis);
    const statement = byContent(analysis, content);
    assert.deepEqual([statement.source?.text, statement.cue?.text, statement.content.map((piece) => piece.text)], [source, cue, [content]], text);
  }
  const none: Array<[text: string, clause: string]> = [
    ['As a result, the port will close.', 'the port will close'],
    ['As expected, the port will close.', 'the port will close'],
    ['As of Monday, the port will close.', 'the port will close'],
    ['As reported in March, the port will close.', 'the port will close'],
    ['As Ortiz wrote the letter, the port was closing.', 'the port was closing'],
    ['As he left, reporters shouted questions at him.', 'reporters shouted questions at him'],
    ['As he spoke to the crews, the rain began to fall.', 'the rain began to fall'],
  ];
  for (const [text, clause] of none) {
    const analysis = analyze(`${text}\n`);
    assert.ok(!analysis.statements.some((statement) => statement.content.some((piece) => piece.text === clause)), text);
  }
  // "As well as" inside a sentence is no attribution.
  assert.equal(analyze('The port, as well as the mill, will close in May.\n').statements.length, 0);
});

test('pipeline: a person told by name is addressed, not an interviewer; an outlet or a described journalist told is a relay', () => {
  const via = (text: string): string[] => analyze(`${text}\n`).statements.flatMap((statement) => statement.via.map((relay) => `${relay.name}/${relay.role}`));
  assert.deepEqual(via('Judge Ann Lee told Raymond Bellweather that his conduct had been reckless.'), []);
  assert.deepEqual(via('Ortiz told Selpress that the port would close.'), ['Selpress/interview']);
  assert.deepEqual(via('Ortiz told blogger Mario Naufal that the port would close.'), ['Mario Naufal/interview']);
});
