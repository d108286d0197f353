import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLayoutAttributions } from '../src/extract/layout-attributions.js';
import { findQuotations } from '../src/extract/quotations.js';
import { findRelays } from '../src/extract/relays.js';
import { completeSources } from '../src/extract/sources.js';
import { makeSourceResolver } from '../src/extract/speakers.js';
import { assembleStatements, type DraftStatement } from '../src/extract/statements.js';
import type { SpanType, TaggedSpan } from '../src/extract/tagger.js';
import type { Entity } from '../src/model/types.js';
import { tokenize, type Tokens } from '../src/text/tokenize.js';

/** The token range of the first occurrence of `words` (as tokens) in `tokens`. */
function rangeOf(tokens: Tokens, words: string): [number, number] {
  const wanted = tokenize(words).lower;
  for (let first = 0; first + wanted.length <= tokens.count; first++) {
    if (wanted.every((word, offset) => tokens.lower[first + offset] === word)) return [first, first + wanted.length - 1];
  }
  throw new Error(`'${words}' is not in the text`);
}

/** Assembles statements from spans written as [type, words], as if the tagger had labelled exactly those. */
function assemble(text: string, tagged: ReadonlyArray<readonly [SpanType, string]>): { tokens: Tokens; drafts: DraftStatement[] } {
  const tokens = tokenize(text);
  const spans: TaggedSpan[] = tagged.map(([type, words]) => {
    const [first, last] = rangeOf(tokens, words);
    return { type, first, last };
  });
  spans.sort((a, b) => a.first - b.first);
  return { tokens, drafts: assembleStatements({ tokens, spans, quotations: findQuotations(tokens) }) };
}

test('assembleStatements: a that-clause the tagger found without its verb takes the reporting verb just before it', () => {
  const { drafts } = assemble('The auditor, Ida Moen, confirmed on Friday that her office had received two complaints.', [['content', 'that her office had received two complaints']]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text)]), [['confirmed', ['that her office had received two complaints']]]);
  // Without a reporting verb there, a bare clause is no statement.
  assert.deepEqual(assemble('The auditor, Ida Moen, walked home on Friday that her office had closed.', [['content', 'that her office had closed']]).drafts, []);
});

test('assembleStatements: content before its cue that the tagger began a few words late starts at the sentence', () => {
  const { drafts } = assemble('The port authority of Selin expects a strike, a statement said.', [
    ['content', 'Selin expects a strike'],
    ['source', 'a statement'],
    ['cue', 'said'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['The port authority of Selin expects a strike']]);
});

test('findRelays: a source that begins with a relay phrase starts after it, and the relay joins the chain', () => {
  const text = 'Cited by Iron Ledger, General Arkady Voss said the plant was destroyed.';
  const { tokens, drafts } = assemble(text, [
    ['source', 'Cited by Iron Ledger, General Arkady Voss'],
    ['cue', 'said'],
    ['content', 'the plant was destroyed'],
  ]);
  const result = findRelays({ tokens, drafts, quotations: findQuotations(tokens) });
  assert.equal(result.drafts[0]?.source?.text, 'General Arkady Voss');
  assert.deepEqual(result.via[0]?.map((relay) => [relay.role, relay.name]), [['relay', 'Iron Ledger']]);
});

test('assembleStatements: the subject the tagger marked after "According to X," opens the relay\'s content', () => {
  const { drafts } = assemble('According to court filings, Brandt accepted $90,000 from two contractors.', [
    ['cue', 'According to'],
    ['source', 'court filings'],
    ['source', 'Brandt'],
    ['content', 'accepted $90,000 from two contractors'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text)]), [['court filings', 'According to', ['Brandt accepted $90,000 from two contractors']]]);
});

test('assembleStatements: an attribution without content takes the clause around it, set off by commas', () => {
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<readonly [SpanType, string]>, readonly string[]]> = [
    ['Ash fell across the valley, police said.', [['source', 'police'], ['cue', 'said']], ['Ash fell across the valley']],
    ['Ash fell across the valley, police said on Monday.', [['source', 'police'], ['cue', 'said']], ['Ash fell across the valley']],
    ['According to police, four people were hurt in the crash.', [['cue', 'According to'], ['source', 'police']], ['four people were hurt in the crash']],
    ['In March, the harbour council said, the port lost money every day.', [['source', 'the harbour council'], ['cue', 'said']], ['In March', 'the port lost money every day']],
    // Too short to be a report, or not set off by a comma: nothing.
    ['It fell, police said.', [['source', 'police'], ['cue', 'said']], []],
    ['Ash fell and police said nothing.', [['source', 'police'], ['cue', 'said']], []],
  ];
  for (const [text, spans, pieces] of cases) {
    const { drafts } = assemble(text, spans);
    assert.deepEqual(drafts.flatMap((draft) => draft.content.map((piece) => piece.text)), pieces, text);
  }
});

test('assembleStatements: an age after a source is no source, and a colon introduces a quotation only for its own sentence\'s cue', () => {
  const { drafts } = assemble('Vera Holm, 52, told reporters the bank would act. Prices rose again in May, a poll showed. She added: "Nobody expected this."', [
    ['source', 'Vera Holm'],
    ['source', '52 ,'],
    ['cue', 'told'],
    ['content', 'the bank would act'],
    ['source', 'a poll'],
    ['cue', 'showed'],
    ['source', 'She'],
    ['cue', 'added :'],
    ['content', '" Nobody expected this . "'],
  ]);
  const bySource = new Map(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]));
  assert.deepEqual(bySource.get('Vera Holm'), ['the bank would act']);
  assert.deepEqual(bySource.get('She'), ['"Nobody expected this."']);
  assert.deepEqual(bySource.get('a poll'), ['Prices rose again in May']);
});

test('assembleStatements: a head noun the cue took from its source before a participle goes back to the source', () => {
  const { drafts } = assemble('The vote faced strong international criticism calling it a sham.', [
    ['source', 'strong international'],
    ['cue', 'criticism calling'],
    ['content', 'it a sham'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text]), [['strong international criticism', 'calling']]);
  // A name is a whole source: "Voss | avoids naming" keeps its cue.
  const named = assemble('Voss avoids naming the donors.', [['source', 'Voss'], ['cue', 'avoids naming'], ['content', 'the donors']]).drafts;
  assert.deepEqual(named.map((draft) => [draft.source?.text, draft.cue?.text]), [['Voss', 'avoids naming']]);
});

test('assembleStatements: a dateline opening the paragraph is cut from the source', () => {
  const { drafts } = assemble('OSLO, May 4 (Wirepress) - Norway said it had closed two crossings.', [
    ['source', 'May 4 ( Wirepress ) - Norway'],
    ['cue', 'said'],
    ['content', 'it had closed two crossings'],
  ]);
  assert.equal(drafts[0]?.source?.text, 'Norway');
});

test('assembleStatements: a dateline opening the paragraph is cut from reported content before its cue', () => {
  const cases: ReadonlyArray<readonly [string, string, string, string]> = [
    ['BRESKA, June 9 (Wirepress) - The harbour will reopen on Friday, two officials said.', 'BRESKA , June 9 ( Wirepress ) - The harbour will reopen on Friday', 'The harbour will reopen on Friday', 'two officials'],
    ['Quay news\n\nTORVIK: The harbour will reopen on Friday, two officials said.', 'TORVIK : The harbour will reopen on Friday', 'The harbour will reopen on Friday', 'two officials'],
  ];
  for (const [text, content, expected, source] of cases) {
    const { drafts } = assemble(text, [['content', content], ['source', source], ['cue', 'said']]);
    assert.equal(drafts[0]?.content.map((piece) => piece.text).join(' | '), expected, text);
  }
});

test('findLayoutAttributions: a place in capitals and a colon opening the paragraph after the headline is a dateline, not a speaker', () => {
  const dateline = tokenize('Quay news\n\nTORVIK: Dock workers walked out on Monday over pay.\n');
  assert.deepEqual(findLayoutAttributions(dateline), []);
  // Further down, or before a lower-case word, the label is a transcript's speaker.
  const transcript = tokenize('Quay news\n\nThe debate began.\n\nVARGA: We will win this election.\n');
  assert.deepEqual(findLayoutAttributions(transcript).map((draft) => draft.source?.text), ['VARGA']);
  // A transcript's second line is its speaker's, when other lines open with labels too.
  const labelled = tokenize('HOST: Will the quay open?\n\nVARGA: We will open it in May.\n');
  assert.deepEqual(findLayoutAttributions(labelled).map((draft) => draft.source?.text), ['HOST', 'VARGA']);
});

test('assembleStatements: a role between a quotation and the name after it is the source\'s, not the quotation\'s', () => {
  const text = '"We will not move yet," the head of the central bank, Ana Roe, told reporters.';
  const tagged = [
    ['content', '" We will not move yet , " the head of the central bank'],
    ['source', 'Ana Roe ,'],
    ['cue', 'told'],
  ] as const;
  const { drafts } = assemble(text, tagged);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]), [['the head of the central bank, Ana Roe', ['"We will not move yet,"']]]);
  // Words that are not a role (the writer's own description) are left where the tagger put them.
  const other = assemble('"We will not move yet," his secret weapon, Ana Roe, told reporters.', [['content', '" We will not move yet , " his secret weapon'], ['source', 'Ana Roe ,'], ['cue', 'told']]);
  assert.equal(other.drafts[0]?.source?.text, 'Ana Roe,');
});

test('assembleStatements: the outlet\'s hedged reading after a comma is cut from the reported clause', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Brenner said that certain forces were at work, likely referring to the protests.', 'that certain forces were at work'],
    ['Brenner said the border would stay shut, in an apparent reference to the camps.', 'the border would stay shut'],
    // A hedge inside the reported clause itself stays.
    ['Brenner said the vote would probably fail, which surprised nobody.', 'the vote would probably fail, which surprised nobody'],
  ];
  for (const [text, content] of cases) {
    const clause = text.slice(text.indexOf('said ') + 5, text.length - 1);
    const { drafts } = assemble(text, [['source', 'Brenner'], ['cue', 'said'], ['content', clause]]);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [[content]], text);
  }
});

test('completeSources: the agent after a passive cue ending in "by" is the source', () => {
  const text = 'The plan has been criticised by several EU governments.';
  const { tokens, drafts } = assemble(text, [['content', 'The plan'], ['cue', 'has been criticised by']]);
  const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
  assert.equal(result.drafts[0]?.source?.text, 'several EU governments');
});

test('assembleStatements: spans inside an anonymity aside are dropped, and words of the outlet before a quotation make it partial', () => {
  const text = 'The diplomat, who spoke on condition of anonymity because he was not allowed to speak, said Tehran was "testing the limits".';
  const { tokens, drafts } = assemble(text, [
    ['source', 'he was not allowed to speak'],
    ['cue', 'said'],
    ['content', 'Tehran was " testing the limits "'],
  ]);
  const completed = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] }).drafts;
  assert.deepEqual(completed.map((draft) => [draft.source?.text, draft.kind]), [['The diplomat', 'partial']]);
});

test('assembleStatements: a closing "according to X" takes the clause the tagger misread as a statement without a reporting verb', () => {
  const { drafts } = assemble('The firm is weighing a sale of two wind farms, according to people familiar with the matter.', [
    ['source', 'The firm'],
    ['cue', 'is'],
    ['content', 'weighing a sale of two wind farms'],
    ['cue', 'according to'],
    ['source', 'people familiar with the matter'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text)]), [
    ['people familiar with the matter', 'according to', ['The firm is weighing a sale of two wind farms']],
  ]);
  // With a reporting verb, the clause is the speaker's statement and "according to" names its relay (the relays stage).
  const reported = assemble('Voss said talks were possible, according to Iron Ledger.', [
    ['source', 'Voss'],
    ['cue', 'said'],
    ['content', 'talks were possible'],
    ['cue', 'according to'],
    ['source', 'Iron Ledger'],
  ]).drafts;
  assert.deepEqual(reported.map((draft) => draft.cue?.text), ['said']);
});

test('makeSourceResolver: an unnamed source is named without its relative clause or trailing comma', () => {
  const text = "Denmark's government, which owns half of the firm, said it backed the plan.";
  const written = "Denmark's government, which owns half of the firm,";
  const speaker = makeSourceResolver([], text)({ start: 0, end: written.length, text: written });
  assert.equal(speaker.name, "Denmark's government");
  assert.deepEqual(speaker.evidence.map((span) => span.text), [written]);
});

test('assembleStatements: reported content the tagger stopped in mid-phrase runs on to the clause end, not past other spans', () => {
  const text = 'The registrar said the firm has been insolvent since May, a filing shows.';
  const { drafts } = assemble(text, [
    ['source', 'The registrar'],
    ['cue', 'said'],
    ['content', 'the firm has'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['the firm has been insolvent since May']]);
  // Stopped before a word another span holds, the content stays as the tagger ended it.
  const held = assemble(text, [
    ['source', 'The registrar'],
    ['cue', 'said'],
    ['content', 'the firm has'],
    ['source', 'been'],
  ]);
  assert.deepEqual(held.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['the firm has']]);
  // Ended at punctuation, it is left alone.
  const ended = assemble('The registrar said the firm closed, and the staff left.', [['source', 'The registrar'], ['cue', 'said'], ['content', 'the firm closed']]);
  assert.deepEqual(ended.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['the firm closed']]);
});

test('assembleStatements: a quotation split by its attribution continues after "and" or a participle aside', () => {
  const joined = assemble('Lund “kept the keys,” Ortiz said, and still “ran the office alone.”', [
    ['content', 'Lund “kept the keys,”'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', 'and still “ran the office alone.”'],
  ]);
  assert.deepEqual(joined.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['Lund “kept the keys,”', 'and still “ran the office alone.”']]);
  const aside = assemble('“Each time you say that,” Ortiz said, pointing at the chart, “the numbers move.”', [
    ['content', '“Each time you say that,”'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', 'pointing at the chart, “the numbers move.”'],
  ]);
  assert.deepEqual(aside.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['“Each time you say that,”', '“the numbers move.”']]);
  // A participle aside with no quotation after it is no continuation.
  const plain = assemble('“Each time you say that,” Ortiz said, pointing at the chart.', [
    ['content', '“Each time you say that,”'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', 'pointing at the chart'],
  ]);
  assert.deepEqual(plain.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['“Each time you say that,”']]);
});

test('assembleStatements: a quotation after an inverted speaker\'s appositive continues the quoted statement, not the appositive\'s', () => {
  const text = '“The depot is full,” said Ada Holm, who runs it and has backed the plan. “We need a second site.”';
  const { drafts } = assemble(text, [
    ['content', '“The depot is full,”'],
    ['cue', 'said'],
    ['source', 'Ada Holm'],
    ['cue', 'has backed'],
    ['content', 'the plan'],
    ['content', '“We need a second site.”'],
  ]);
  assert.deepEqual(
    drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text)]),
    [
      ['said', ['“The depot is full,”', '“We need a second site.”']],
      ['has backed', ['the plan']],
    ],
  );
});

test('assembleStatements: an inverted source ending on a relative pronoun takes its clause, and the clause\'s statement goes', () => {
  const text = '“The depot is full,” said Ada Holm, who runs the depot for the county.';
  const { drafts } = assemble(text, [
    ['content', '“The depot is full,”'],
    ['cue', 'said'],
    ['source', 'Ada Holm, who'],
    ['cue', 'runs'],
    ['content', 'the depot for the county'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.source?.text]), [['said', 'Ada Holm, who runs the depot for the county']]);
});

test('assembleStatements: the clause right after a cue is its content, not a scene-setting clause before its source', () => {
  const text = 'When she bought the mill, Rhee said she expected a profit by spring.';
  const { drafts } = assemble(text, [
    ['content', 'When she bought the mill'],
    ['source', 'Rhee'],
    ['cue', 'said'],
    ['content', 'she expected a profit by spring'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text)]), [['said', ['she expected a profit by spring']]]);
  // A quotation before the source is the report: “…,” Rhee said, then what follows the cue is hers only if it continues.
  const quoted = assemble('“We expect a profit,” Rhee said Monday night.', [
    ['content', '“We expect a profit,”'],
    ['source', 'Rhee'],
    ['cue', 'said'],
    ['content', 'Monday night'],
  ]);
  assert.deepEqual(quoted.drafts[0]?.content.map((piece) => piece.text), ['“We expect a profit,”']);
  // A quoted title inside the opening adjunct is no report.
  const titled = assemble('In an interview on “Harbour Hour,” Rhee said she expected a profit.', [
    ['content', '“Harbour Hour,”'],
    ['source', 'Rhee'],
    ['cue', 'said'],
    ['content', 'she expected a profit'],
  ]);
  assert.deepEqual(titled.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['she expected a profit']]);
});

test('assembleStatements: a source the tagger began at an appositive starts at the name or description it follows', () => {
  const sourcesOf = (text: string, source: string): Array<string | undefined> =>
    assemble(text, [['source', source], ['cue', 'noted'], ['content', 'that the dredging was late']]).drafts.map((draft) => draft.source?.text);
  assert.deepEqual(sourcesOf("Ada Holm, the county's harbour master, noted that the dredging was late.", "the county's harbour master,"), ["Ada Holm, the county's harbour master,"]);
  assert.deepEqual(sourcesOf('Another critic, Bo Lind, noted that the dredging was late.', 'Bo Lind,'), ['Another critic, Bo Lind,']);
  // A sentence's opening adjunct is no name: "In October" stays out.
  assert.deepEqual(sourcesOf("In October, the county's harbour master, noted that the dredging was late.", "the county's harbour master,"), ["the county's harbour master,"]);
});

test('assembleStatements: a cue ending on a colon takes the quotation that opens the next paragraph', () => {
  const text = 'The vote was close. Ortiz continued:\n\n"The depot is full. We need a second site."';
  const { drafts } = assemble(text, [
    ['source', 'Ortiz'],
    ['cue', 'continued:'],
    ['content', '"The depot is full. We need a second site."'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.source?.text]), [['continued:', 'Ortiz']]);
});

test('assembleStatements: the occasion of a speech at the end of reported content is cut, other phrases are kept', () => {
  const contentOf = (text: string, content: string): string[] =>
    assemble(text, [['source', 'Keron Blair'], ['cue', 'called for'], ['content', content]]).drafts.flatMap((draft) => draft.content.map((piece) => piece.text));
  assert.deepEqual(contentOf('Keron Blair called for more school funding in a statement on Thursday.', 'more school funding in a statement on Thursday'), ['more school funding']);
  assert.deepEqual(contentOf('Keron Blair called for more school funding during a campaign stop in Leeds.', 'more school funding during a campaign stop in Leeds'), ['more school funding']);
  assert.deepEqual(contentOf('Keron Blair called for more school funding in the poorest districts.', 'more school funding in the poorest districts'), ['more school funding in the poorest districts']);
});

test('assembleStatements: a statement hung on a lone function word as its cue is dropped', () => {
  const { drafts } = assemble('She is the editor of a science blog.', [['cue', 'of'], ['content', 'a science blog']]);
  assert.deepEqual(drafts, []);
  assert.deepEqual(assemble('The plan was a failure.', [['cue', 'was'], ['content', 'a failure']]).drafts, []);
  assert.deepEqual(assemble('Some buyers would pay more.', [['cue', 'would'], ['content', 'pay more']]).drafts, []);
  const kept = assemble('She wrote of a science blog.', [['cue', 'wrote of'], ['content', 'a science blog']]);
  assert.deepEqual(kept.drafts.map((draft) => draft.cue?.text), ['wrote of']);
});

test('assembleStatements: a short quotation nobody said inside the outlet\'s sentence is a title, not a statement or a turn', () => {
  const text = '“We will rebuild,” Ortiz said. The crew watched her film “Salt Roads.” on a bus.';
  const { drafts } = assemble(text, [
    ['content', '“We will rebuild,”'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', '“Salt Roads.”'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['“We will rebuild,”']]);
  // A quotation that opens its sentence is the speaker's next turn.
  const turn = assemble('“We will rebuild,” Ortiz said. “The port comes first.”', [
    ['content', '“We will rebuild,”'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', '“The port comes first.”'],
  ]);
  assert.deepEqual(turn.drafts.map((draft) => draft.content.map((piece) => piece.text)), [['“We will rebuild,”', '“The port comes first.”']]);
});

test('assembleStatements: a sentence adverb the tagger put at the head of a source is cut', () => {
  const sourceOf = (text: string, source: string): string | undefined =>
    assemble(text, [['source', source], ['cue', 'said'], ['content', 'the port would close']]).drafts[0]?.source?.text;
  assert.equal(sourceOf('However, Rep. Ada Holm said the port would close.', 'However, Rep. Ada Holm'), 'Rep. Ada Holm');
  assert.equal(sourceOf('Later Ortiz said the port would close.', 'Later Ortiz'), 'Ortiz');
  assert.equal(sourceOf('Harbour officials said the port would close.', 'Harbour officials'), 'Harbour officials');
});

test('assembleStatements: a closing ", sources said." takes the clause the tagger misread as a statement of its own', () => {
  const { drafts } = assemble('The board moved the vote to two wards, sources said.', [
    ['source', 'The board'],
    ['cue', 'moved'],
    ['content', 'the vote to two wards'],
    ['source', 'sources'],
    ['cue', 'said'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text)]), [
    ['sources', 'said', ['The board moved the vote to two wards']],
  ]);
});

test('assembleStatements: before a closing speaker, a clause with its own reporting verb is that speaker\'s report', () => {
  const { drafts } = assemble('Holm had told the crews that the port would close, a source added.', [
    ['source', 'Holm'],
    ['cue', 'had told'],
    ['content', 'the crews that the port would close'],
    ['source', 'a source'],
    ['cue', 'added'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text)]), [
    ['a source', 'added', ['Holm had told the crews that the port would close']],
  ]);
});

test('assembleStatements: the outlet\'s hedged reading read as a statement of its own is nobody\'s statement', () => {
  const { drafts } = assemble('Ortiz said the talks had failed, likely referring to the vote in March.', [
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', 'the talks had failed'],
    ['source', 'likely'],
    ['cue', 'referring to'],
    ['content', 'the vote in March'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.cue?.text), ['said']);
  // Without the hedge, a participle after a comma is a report of its own.
  const kept = assemble('Ortiz spoke for an hour, urging calm in the port.', [['source', 'Ortiz'], ['cue', 'urging'], ['content', 'calm in the port']]);
  assert.deepEqual(kept.drafts.map((draft) => draft.cue?.text), ['urging']);
});

test('assembleStatements: a coordinated clause with its own named speaker and speech verb is a report of its own', () => {
  const text = 'Farmers said the new levy was unfair and Mayor Ilona Varga accused them of spreading rumours.';
  const { drafts } = assemble(text, [
    ['source', 'Farmers'],
    ['cue', 'said'],
    ['content', 'the new levy was unfair and Mayor Ilona Varga accused them of spreading rumours'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text)]), [
    ['Farmers', 'said', ['the new levy was unfair']],
    ['Mayor Ilona Varga', 'accused', ['them of spreading rumours']],
  ]);
  // A compound subject ("the harbour and Northport") or a verb of belief keeps the content whole.
  for (const content of ['the harbour board and Northport Council accused the ministry of delays', 'the levy was unfair and Ilona Varga wanted a new vote']) {
    const kept = assemble(`Farmers said ${content}.`, [
      ['source', 'Farmers'],
      ['cue', 'said'],
      ['content', content],
    ]);
    assert.deepEqual(kept.drafts.map((draft) => draft.content.map((piece) => piece.text)), [[content]]);
  }
});

test('completeSources: a plural group noun without a determiner is the subject before an aside', () => {
  // [text, the cue as tagged, the source expected]
  const cases: Array<[string, string]> = [
    ['Western diplomats, speaking on condition of anonymity, said both sides were rearming.', 'Western diplomats'],
    ['Senior officials, asked about the delay, said the report was late.', 'Senior officials'],
  ];
  for (const [text, expected] of cases) {
    const content = text.slice(text.indexOf(' said ') + 6, -1);
    const { tokens, drafts } = assemble(text, [['cue', 'said'], ['content', content]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
  }
});

test('makeSourceResolver: a place in apposition to a governed noun is not the speaker; a person or a bare place is', () => {
  // [text, source as written, the named mention inside it and its type, the speaker name expected]
  const cases: Array<[string, string, string, Entity['type'], string]> = [
    ['Residents of the capital, Port Adel, said they heard blasts.', 'Residents of the capital, Port Adel,', 'Port Adel', 'place', 'Residents of the capital, Port Adel'],
    ['The head of the dockers union, Ines Varga, said the strike goes on.', 'The head of the dockers union, Ines Varga,', 'Ines Varga', 'person', 'Ines Varga'],
    ['Port Adel said it would reopen the harbour.', 'Port Adel', 'Port Adel', 'place', 'Port Adel'],
  ];
  for (const [text, written, name, type, expected] of cases) {
    const start = text.indexOf(name);
    const entity: Entity = { id: 'e1', name, type, aliases: [], mentions: [{ start, end: start + name.length, text: name, form: 'name' }], why: [] };
    const speaker = makeSourceResolver([entity], text)({ start: 0, end: written.length, text: written });
    assert.equal(speaker.name, expected, text);
  }
});

test('completeSources: a participle takes the subject opening its sentence after a dateline, never a word of its own object', () => {
  // [text, the participle cue, its content, the source expected (null: none written)]
  const cases: Array<[string, string, string, string | null]> = [
    ["VELDANA, March 4 (Reuters) - Tarvonia's central bank kept its rate unchanged on Tuesday, saying inflation was slowing.", 'saying', 'inflation was slowing', "Tarvonia's central bank"],
    ['OSLO, May 2 (Reuters) - The company cut its forecast on Thursday, saying demand had weakened.', 'saying', 'demand had weakened', 'The company'],
    ['Mayor Ines Roth kept the plan, saying it would pay off.', 'saying', 'it would pay off', 'Mayor Ines Roth'],
    ['The court is weighing the case, claiming Orvel Bank broke the law.', 'claiming', 'Orvel Bank broke the law', null],
  ];
  for (const [text, cue, content, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['cue', cue], ['content', content]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text ?? null, expected, text);
  }
});

test('assembleStatements: the person told is not part of what was said; a clause opening at once is kept whole', () => {
  // [text, the cue, the content as tagged, the content expected]
  const cases: Array<[string, string, string, string]> = [
    ['The envoy told the Security Council that the rebels wanted talks.', 'told', 'the Security Council that the rebels wanted talks', 'that the rebels wanted talks'],
    ['Ines Roth assured her supporters that the plan would pass.', 'assured', 'her supporters that the plan would pass', 'that the plan would pass'],
    ['Ines Roth told reporters how surprised she was that it passed.', 'told', 'reporters how surprised she was that it passed', 'reporters how surprised she was that it passed'],
    ['Ines Roth told she believed that the plan would pass.', 'told', 'she believed that the plan would pass', 'she believed that the plan would pass'],
    // A clause without "that" opens at its subject pronoun; an indirect question after the person asked at its question word.
    ['Ines Roth told reporters she would run again.', 'told', 'reporters she would run again', 'she would run again'],
    ['Ines Roth asked the mayor whether the bridge was safe.', 'asked', 'the mayor whether the bridge was safe', 'whether the bridge was safe'],
    ['Ines Roth asked the board to find out whether the bridge was safe.', 'asked', 'the board to find out whether the bridge was safe', 'the board to find out whether the bridge was safe'],
    // A determiner or possessive after the person told opens the clause's subject when its auxiliary follows.
    ['Ines Roth told the tribunal her nephew had signed the lease.', 'told', 'the tribunal her nephew had signed the lease', 'her nephew had signed the lease'],
    ['Ines Roth told the weekly the ferry would stop running.', 'told', 'the weekly the ferry would stop running', 'the ferry would stop running'],
    ['Ines Roth told the tribunal her nephew was abroad that winter.', 'told', 'her nephew was abroad that winter', 'her nephew was abroad that winter'],
    ['Ines Roth told him and his partners to sell the boats.', 'told', 'him and his partners to sell the boats', 'him and his partners to sell the boats'],
  ];
  for (const [text, cue, content, expected] of cases) {
    const { drafts } = assemble(text, [['source', text.startsWith('The envoy') ? 'The envoy' : 'Ines Roth'], ['cue', cue], ['content', content]]);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [[expected]], text);
  }
});

test('assembleStatements: a cue of telling the tagger left without content takes the clause after the person told', () => {
  const cases: Array<[string, string[]]> = [
    ['The skipper told the tribunal the ferry had left without lights.', ['the ferry had left without lights']],
    ['The skipper told the tribunal that the ferry had left without lights.', ['that the ferry had left without lights']],
  ];
  for (const [text, expected] of cases) {
    const { drafts } = assemble(text, [['source', 'The skipper'], ['cue', 'told']]);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text).join(' / ')), expected, text);
  }
});

test('assembleStatements: the writer\'s background after a closing attribution ("…, the union said, after …") is no piece of the report', () => {
  const cases: Array<[string, string, string, string]> = [
    ['Crane drivers at Selin stopped work, the union said on Friday, after the wage talks broke down.', 'the union', 'Crane drivers at Selin stopped work', 'Crane drivers at Selin stopped work'],
    ['The ferry will stop in May, the operator said, despite a petition from the islanders.', 'the operator', 'The ferry will stop in May', 'The ferry will stop in May'],
    ['The ferry will stop in May, the operator said, and the islands will get a bus.', 'the operator', 'The ferry will stop in May', 'The ferry will stop in May / and the islands will get a bus'],
  ];
  for (const [text, source, before, expected] of cases) {
    // With the clause before tagged as content, and with no content tagged (the clause around the attribution).
    for (const tagged of [[['content', before], ['source', source], ['cue', 'said']], [['source', source], ['cue', 'said']]] as const) {
      const { drafts } = assemble(text, tagged);
      assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text).join(' / ')), [expected], text);
    }
  }
});

test('makeSourceResolver: a person governed by a preposition through the role before the name is not the speaker', () => {
  // [text, the source as written, the person, their role, the speaker name expected]
  const cases: Array<[string, string, string, string, string]> = [
    ['Critics of President Ana Ruiz said the plan failed.', 'Critics of President Ana Ruiz', 'Ana Ruiz', 'President', 'Critics of President Ana Ruiz'],
    ['A spokesman for Mayor Ines Roth said she was away.', 'A spokesman for Mayor Ines Roth', 'Ines Roth', 'Mayor', 'A spokesman for Mayor Ines Roth'],
    // A title cut after "of the" leaves the name the head.
    ['Speaker of the Assembly Rep. Ivo Marr said the vote would go ahead.', 'Speaker of the Assembly Rep. Ivo Marr', 'Ivo Marr', 'Assembly Rep.', 'Ivo Marr'],
    ['President Ana Ruiz said the plan worked.', 'President Ana Ruiz', 'Ana Ruiz', 'President', 'Ana Ruiz'],
  ];
  for (const [text, written, name, roleText, expected] of cases) {
    const start = text.indexOf(name);
    const roleStart = text.indexOf(roleText);
    const role = { start: roleStart, end: roleStart + roleText.length, text: roleText };
    const entity: Entity = { id: 'e1', name, type: 'person', aliases: [], mentions: [{ start, end: start + name.length, text: name, form: 'name', role }], why: [] };
    const speaker = makeSourceResolver([entity], text)({ start: 0, end: written.length, text: written });
    assert.equal(speaker.name, expected, text);
  }
});

test('assembleStatements: "…, she said, adding: “…”" is two statements — the words before for "said", the rest for "adding"', () => {
  // [text, tagged spans, expected [cue, source, content] per draft]
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<readonly [SpanType, string]>, ReadonlyArray<readonly [string, string, string]>]> = [
    [
      'The bridge will open in October, she said, adding: “We will not cut corners.”',
      [['source', 'she'], ['cue', 'said'], ['cue', 'adding :'], ['content', '“We will not cut corners.”']],
      [['said', 'she', 'The bridge will open in October'], ['adding:', 'she', '“We will not cut corners.”']],
    ],
    [
      '“The bridge will open in October,” Varga said, adding later, “We will not cut corners.”',
      [['content', '“The bridge will open in October,”'], ['source', 'Varga'], ['cue', 'said'], ['cue', 'adding'], ['content', '“We will not cut corners.”']],
      [['said', 'Varga', '“The bridge will open in October,”'], ['adding later', '', '“We will not cut corners.”']],
    ],
    [
      'The bridge will open in October, she said, adding that no corners would be cut.',
      [['source', 'she'], ['cue', 'said'], ['cue', 'adding'], ['content', 'that no corners would be cut']],
      [['said', 'she', 'The bridge will open in October'], ['adding', 'she', 'that no corners would be cut']],
    ],
  ];
  for (const [text, tagged, expected] of cases) {
    const { drafts } = assemble(text, tagged);
    assert.deepEqual(
      drafts.map((draft) => [draft.cue?.text ?? '', draft.source?.text ?? '', draft.content.map((piece) => piece.text).join(' | ')]),
      expected,
      text,
    );
  }
});

test('assembleStatements: "X who asked not to be named said …" without commas is X\'s statement after the request', () => {
  // [text, the source as tagged, the content as tagged, [source, cue, content] expected]
  const cases: Array<[string, string, string, [string, string, string]]> = [
    ['A nurse who asked not to be named said morale was low.', 'A nurse who', 'not to be named said morale was low', ['A nurse', 'said', 'morale was low']],
    ['A senior official who asked not to be identified told reporters that the talks had stalled.', 'A senior official who', 'not to be identified told reporters that the talks had stalled', ['A senior official', 'told', 'that the talks had stalled']],
    // A verb right after a pronoun belongs to the reason given inside the request.
    ['A guard who asked not to be named because he feared reprisals said the gate was open.', 'A guard who', 'not to be named because he feared reprisals said the gate was open', ['A guard', 'said', 'the gate was open']],
  ];
  for (const [text, source, content, expected] of cases) {
    const { drafts } = assemble(text, [['source', source], ['cue', 'asked'], ['content', content]]);
    assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.cue?.text, draft.content.map((piece) => piece.text).join(' / ')]), [expected], text);
  }
});

test('completeSources: a source tagged with the head noun and "that" is the relative clause\'s subject', () => {
  // [text, the source as tagged, the cue, the content, the source expected]
  const cases: Array<[string, string, string, string, string]> = [
    ['The council backed bus lanes, a plan that shopkeepers say will hurt trade.', 'a plan that shopkeepers', 'say', 'will hurt trade', 'shopkeepers'],
    ['It was a blast that Mayor Ines Roth described as deliberate.', 'a blast that Mayor Ines Roth', 'described', 'as deliberate', 'Mayor Ines Roth'],
    ['Ivo Marr lost a vote, which the party leaders denied was rigged.', 'a vote, which the party leaders', 'denied', 'was rigged', 'the party leaders'],
    // A participle closes the clause inside the source; a demonstrative after a preposition opens none.
    ['Most of the chairs that the paper interviewed predicted a win.', 'Most of the chairs that the paper interviewed', 'predicted', 'a win', 'Most of the chairs that the paper interviewed'],
    ['A majority of that group still said the plan was fair.', 'A majority of that group', 'said', 'the plan was fair', 'A majority of that group'],
  ];
  for (const [text, source, cue, content, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['source', source], ['cue', cue], ['content', content]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
  }
});

test('findRelays: after "according to a statement" or "an analysis", the author after "from" or "by" is the source; a name modifying the noun after it stays', () => {
  // [text, the source as tagged, the source expected]
  const cases: Array<[string, string, string]> = [
    ['According to a statement from the dockers union, the cuts could affect 300 jobs.', 'a statement from the dockers union', 'the dockers union'],
    ['The tax would raise little, according to an analysis by Ines Roth.', 'an analysis by Ines Roth', 'Ines Roth'],
    // A name that modifies the noun after it is part of the source, not a relay before it.
    ['The tax would raise little, according to a Selin Herald tally.', 'a Selin Herald tally', 'a Selin Herald tally'],
    ['The tax would raise little, according to Harbour Board records.', 'Harbour Board records', 'Harbour Board records'],
  ];
  for (const [text, source, expected] of cases) {
    const cue = text.includes('According') ? 'According to' : 'according to';
    const content = text.startsWith('According') ? text.slice(text.indexOf(', ') + 2, -1) : text.slice(0, text.indexOf(', '));
    const { tokens, drafts } = assemble(text, [['cue', cue], ['source', source], ['content', content]]);
    const result = findRelays({ tokens, drafts, quotations: findQuotations(tokens) });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
  }
});

test('assembleStatements: an attribution set off by commas inside a sentence takes the content on both sides', () => {
  const { drafts } = assemble('In the years after the flood, Ortiz says, far too little has been rebuilt.', [
    ['content', 'In the years after the flood'],
    ['source', 'Ortiz'],
    ['cue', 'says'],
    ['content', 'far too little has been rebuilt'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['In the years after the flood', 'far too little has been rebuilt']]);
  // A sentence that ends before the attribution is a report of its own: the cue keeps one side.
  const closed = assemble('The flood came twice. Ortiz says, far too little has been rebuilt.', [
    ['content', 'The flood came twice.'],
    ['source', 'Ortiz'],
    ['cue', 'says'],
    ['content', 'far too little has been rebuilt'],
  ]);
  assert.equal(closed.drafts.find((draft) => draft.cue?.text === 'says')?.content.length, 1);
});

test('assembleStatements: statements hung on a programme "show", a lone relative word, "reported from", "click" or "found himself" go; reports stay', () => {
  // [text, tagged spans, the cue of the statement expected to go, or null when it stays]
  const cases: Array<[string, ReadonlyArray<readonly [SpanType, string]>, string | null]> = [
    ['Ada Holm, host of the reality TV show “Harbor Lights,” moved to Selin.', [['source', 'the reality TV'], ['cue', 'show'], ['content', '“Harbor Lights,”']], 'show'],
    ["Ortiz's show ran for nine years on a local station.", [['source', "Ortiz's"], ['cue', 'show'], ['content', 'ran for nine years on a local station']], 'show'],
    ['Because what Ortiz says is taken as fact, the port stays shut.', [['content', 'what'], ['source', 'Ortiz'], ['cue', 'says']], 'says'],
    ['Voss, whom he criticized often, left the council.', [['content', 'whom'], ['source', 'he'], ['cue', 'criticized often']], 'criticized often'],
    ['Ada Holm reported from Selin, and Ivo Marr from Vassby.', [['source', 'Ada Holm'], ['cue', 'reported'], ['content', 'Selin, and Ivo Marr from Vassby']], 'reported'],
    ['Sign up with your email and click “Subscribe.”', [['cue', 'click'], ['content', '“Subscribe.”']], 'click'],
    ['By May, Ortiz found himself on the defensive over the port.', [['source', 'Ortiz'], ['cue', 'found'], ['content', 'himself on the defensive over the port']], 'found'],
    // Evidence ("polls show", "an audit found") and a wh-clause after its cue are reports.
    ['An audit found that the port lost money.', [['source', 'An audit'], ['cue', 'found'], ['content', 'that the port lost money']], null],
    ['Ada Holm reported that the port lost money.', [['source', 'Ada Holm'], ['cue', 'reported'], ['content', 'that the port lost money']], null],
    ['Polls show Ortiz ahead by four points.', [['source', 'Polls'], ['cue', 'show'], ['content', 'Ortiz ahead by four points']], null],
    ['Ortiz explained what the port needs.', [['source', 'Ortiz'], ['cue', 'explained'], ['content', 'what the port needs']], null],
  ];
  for (const [text, spans, gone] of cases) {
    const { drafts } = assemble(text, spans);
    const cues = drafts.map((draft) => draft.cue?.text);
    if (gone === null) assert.equal(drafts.length, 1, text);
    else assert.ok(!cues.includes(gone), text);
  }
});

test('findLayoutAttributions: a rubric label opening a line ("BYLINE:", "WATCH:") names no speaker', () => {
  const cases: Array<[string, number]> = [
    ['BYLINE: Ada Holm\n\nThe port reopened on Monday.', 0],
    ['WATCH: Divers raise the old ferry in Selin harbor\n\nThe port reopened on Monday.', 0],
    ['HOLM: We will reopen the port on Monday.\n\nThe port reopened on Monday.', 1],
  ];
  for (const [text, expected] of cases) assert.equal(findLayoutAttributions(tokenize(text)).length, expected, text);
});

test('findRelays: a "citing" statement whose content runs past the name it cites is kept; one citing only a name is a relay', () => {
  // [text, the content after "citing", whether a "citing" statement stays]
  const cases: Array<[string, string, boolean]> = [
    ["The mayor said the port would close, citing Selin Harbour's falling trade figures.", "Selin Harbour's falling trade figures", true],
    ['The mayor said the port would close, citing Iron Ledger.', 'Iron Ledger', false],
  ];
  for (const [text, cited, kept] of cases) {
    const { tokens, drafts } = assemble(text, [['source', 'The mayor'], ['cue', 'said'], ['content', 'the port would close'], ['cue', 'citing'], ['content', cited]]);
    const result = findRelays({ tokens, drafts, quotations: findQuotations(tokens) });
    assert.equal(result.drafts.some((draft) => draft.cue?.text === 'citing'), kept, text);
  }
});

test('assembleStatements: the that-clause after the person addressed is the content, not the person', () => {
  // [text, the first content as tagged, the second, the content expected]
  const cases: Array<[string, string, string, string]> = [
    ['Ortiz warned the council on Monday that the port would close.', 'the council', 'that the port would close', 'that the port would close'],
    ['Ortiz explained to the council that the port would close.', 'to the council', 'that the port would close', 'that the port would close'],
    // "that" and a verb open a relative clause: the object stays the content.
    ['Ortiz promised a new bridge that was never built.', 'a new bridge', 'that was never built', 'a new bridge'],
  ];
  for (const [text, first, second, expected] of cases) {
    const cue = text.split(' ')[1]!;
    const { drafts } = assemble(text, [['source', 'Ortiz'], ['cue', cue], ['content', first], ['content', second]]);
    assert.equal(drafts.find((draft) => draft.cue?.text === cue)?.content.map((piece) => piece.text).join(' / '), expected, text);
  }
});

test('assembleStatements: "according to" takes the source after it and the clause before it, whatever follows the source', () => {
  const { drafts } = assemble('The port lost money in four quarters, according to officials.', [['source', 'quarters'], ['cue', 'according to'], ['source', 'officials']]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]), [['officials', ['The port lost money in four quarters']]]);
  const tail = assemble('The plant will close in May, according to two engineers who saw the plan.', [['cue', 'according to'], ['source', 'two engineers who'], ['cue', 'saw'], ['content', 'the plan']]);
  assert.deepEqual(tail.drafts.find((draft) => draft.cue?.text === 'according to')?.content.map((piece) => piece.text), ['The plant will close in May']);
});

test('assembleStatements: a verb of seeming or a passive before "to" makes its subject the first piece of the content, with no source', () => {
  // [text, spans as tagged, the cue, the content pieces expected]
  const cases: Array<[string, Array<[SpanType, string]>, string, string]> = [
    ['The new bridge seemed to sway in the wind.', [['source', 'The new bridge'], ['cue', 'seemed'], ['content', 'to sway in the wind']], 'seemed', 'The new bridge / to sway in the wind'],
    ['The new bridge had appeared unsafe for months.', [['cue', 'had appeared'], ['content', 'unsafe for months']], 'had appeared', 'The new bridge / unsafe for months'],
    ['It seems unfair to charge the fishermen.', [['source', 'It'], ['cue', 'seems'], ['content', 'unfair to charge the fishermen']], 'seems', 'unfair to charge the fishermen'],
    ['The vote is expected to pass on Monday.', [['content', 'The vote'], ['cue', 'is expected'], ['content', 'to pass on Monday']], 'is expected', 'The vote / to pass on Monday'],
    ['The vote is expected to pass on Monday.', [['cue', 'is expected'], ['content', 'to pass on Monday']], 'is expected', 'The vote / to pass on Monday'],
    ['The mayor seemed tired.', [['content', 'The mayor'], ['cue', 'seemed'], ['content', 'tired']], 'seemed', 'The mayor / tired'],
    ['The old mill was once thought to be haunted.', [['cue', 'was once thought'], ['content', 'to be haunted']], 'was once thought', 'The old mill / to be haunted'],
    // "It" is no part of what is expected.
    ['It is expected to rise this year.', [['content', 'It'], ['cue', 'is expected'], ['content', 'to rise this year']], 'is expected', 'to rise this year'],
  ];
  for (const [text, spans, cue, expected] of cases) {
    const { tokens, drafts } = assemble(text, spans);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.deepEqual(result.drafts.map((draft) => [draft.cue?.text, draft.source, draft.content.map((piece) => piece.text).join(' / ')]), [[cue, null, expected]], text);
  }
  // "…, saying": the subject of seeming is the participle's speaker.
  const { tokens, drafts } = assemble('The mayor seemed unmoved, saying the port must close.', [['source', 'The mayor'], ['cue', 'seemed'], ['content', 'unmoved'], ['cue', 'saying'], ['content', 'the port must close']]);
  const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
  assert.equal(result.drafts.find((draft) => draft.cue?.text === 'saying')?.source?.text, 'The mayor');
});

test('assembleStatements: the subject of a participle of feeling ("are worried") is its source, not content', () => {
  const { drafts } = assemble('Many farmers are worried that the river will flood.', [['source', 'Many farmers'], ['cue', 'are worried'], ['content', 'that the river will flood']]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]), [['Many farmers', ['that the river will flood']]]);
});

test('assembleStatements: a reporting verb with content on both sides takes the that-clause a few words after it', () => {
  const { drafts } = assemble('Pressing his advantage, Ortiz said on radio that the port would close.', [
    ['content', 'Pressing his advantage'],
    ['source', 'Ortiz'],
    ['cue', 'said'],
    ['content', 'that the port would close'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text)]), [['said', ['that the port would close']]]);
  // A quotation before the cue stays its content.
  const quoted = assemble('“We are ready,” Ortiz said on radio that morning.', [['content', '“We are ready,”'], ['source', 'Ortiz'], ['cue', 'said'], ['content', 'that morning']]);
  assert.equal(quoted.drafts.find((draft) => draft.cue?.text === 'said')?.content[0]?.text, '“We are ready,”');
});

test('assembleStatements: a source right after a cue set off by a comma is the inverted subject, not the source before', () => {
  const { drafts } = assemble('The port is under pressure from cheap imports, said the port director, Ana Roe.', [
    ['source', 'cheap imports'],
    ['cue', 'said'],
    ['source', 'the port director, Ana Roe'],
  ]);
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]), [['the port director, Ana Roe', ['The port is under pressure from cheap imports']]]);
});

test('completeSources: a cue after a relative clause\'s closing comma is the named person\'s, not the pronoun\'s', () => {
  // [text, tagged spans, the sources expected in statement order]
  const cases: Array<[string, Array<[SpanType, string]>, Array<string | undefined>]> = [
    // The clause's own report keeps "who"; the report after the clause shares it, and is the name's.
    [
      'The vote was close. Varga, who says the port should close, said the council had failed.',
      [['source', 'who'], ['cue', 'says'], ['content', 'the port should close'], ['cue', 'said'], ['content', 'the council had failed']],
      ['who', 'Varga'],
    ],
    // The tagger drew the source over the whole clause.
    ['In the debate, Ines Roth, who chairs the panel, warned that the budget was short.', [['source', 'who chairs the panel ,'], ['cue', 'warned'], ['content', 'that the budget was short']], ['Ines Roth']],
    // A cue inside the clause is the pronoun's; a clause with a comma of its own is left alone.
    ['The vote was close. Varga, who said the port should close, left early.', [['source', 'who'], ['cue', 'said'], ['content', 'the port should close']], ['who']],
    ['Ines Roth, who chairs it, a new post, warned that the budget was short.', [['source', 'who'], ['cue', 'warned'], ['content', 'that the budget was short']], ['who']],
  ];
  for (const [text, spans, expected] of cases) {
    const { tokens, drafts } = assemble(text, spans);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.deepEqual(result.drafts.map((draft) => draft.source?.text), expected, text);
  }
});

test('completeSources: an article the tagger took for a source is none', () => {
  const { tokens, drafts } = assemble('Ortiz made a pledge that the pier would reopen.', [['source', 'a'], ['cue', 'pledge'], ['content', 'that the pier would reopen']]);
  const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
  assert.notEqual(result.drafts[0]?.source?.text, 'a');
});

test('assembleStatements: the subject of a raising verb or a passive with an irregular participle opens the content', () => {
  // [text, source as tagged, cue, content as tagged, [source, content pieces] expected after completeSources]
  const cases: Array<[string, string, string, string, [string | undefined, string[]]]> = [
    ['Voss seemed to concede the point.', 'Voss', 'seemed', 'to concede the point', [undefined, ['Voss', 'to concede the point']]],
    ['The mayor had appeared to rule out a new tax.', 'The mayor', 'had appeared', 'to rule out a new tax', [undefined, ['The mayor', 'to rule out a new tax']]],
    ['The fund was said to be short of cash.', 'The fund', 'was said', 'to be short of cash', [undefined, ['The fund', 'to be short of cash']]],
    ['Lind is seen as a likely successor.', 'Lind', 'is seen as', 'a likely successor', [undefined, ['Lind', 'a likely successor']]],
    // An empty "it" before a that-clause is neither speaker nor content.
    ['It seems that the pier will stay shut.', 'It', 'seems', 'that the pier will stay shut', [undefined, ['that the pier will stay shut']]],
    // A speaker who says so keeps the source.
    ['Voss said the pier will stay shut.', 'Voss', 'said', 'the pier will stay shut', ['Voss', ['the pier will stay shut']]],
    // A cue headed by the verb after the raising verb is the subject's own report.
    ['Voss seemed to mock the plan.', 'Voss', 'seemed to mock', 'the plan', ['Voss', ['the plan']]],
    // "appeared on" is showing up somewhere, not seeming.
    ['Voss appeared on television to defend the plan.', 'Voss', 'appeared', 'on television to defend the plan', ['Voss', ['on television to defend the plan']]],
  ];
  for (const [text, source, cue, content, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['source', source], ['cue', cue], ['content', content]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    const draft = result.drafts[0]!;
    assert.deepEqual([draft.source?.text, draft.content.map((piece) => piece.text)], expected, text);
  }
});

test('assembleStatements: a contracted verb after a pronoun source leaves the source for the cue; a possessive stays', () => {
  // [text, source as tagged, cue as tagged, [source, cue] expected]
  const cases: Array<[string, string, string, [string, string]]> = [
    ["She's argued that the pier should close.", "She's", 'argued', ['She', "'s argued"]],
    ['Varga named a panel, who’s urged that the pier should close.', 'who’s', 'urged', ['who', '’s urged']],
    ["Lind's aide argued that the pier should close.", "Lind's aide", 'argued', ["Lind's aide", 'argued']],
  ];
  for (const [text, source, cue, expected] of cases) {
    const { drafts } = assemble(text, [['source', source], ['cue', cue], ['content', 'that the pier should close']]);
    assert.deepEqual([drafts[0]?.source?.text, drafts[0]?.cue?.text], expected, text);
  }
});

test('completeSources: after a closing quotation mark, the phrase after an inverted cue is the speaker', () => {
  // [text, the quotation as tagged, the cue, the source expected]
  const cases: Array<[string, string, string | undefined]> = [
    ['“The pier must close,” said the harbour master of Selin, a former diver.', 'said', 'the harbour master of Selin'],
    ['“Who pays for it?” asked a fisherman who sells at the pier.', 'asked', 'a fisherman who sells at the pier'],
    // Not after a quotation mark: "the council" is the object of "slammed", and the speaker is the subject before.
    ['Ortiz, a former diver, slammed the council for its silence.', 'slammed', 'Ortiz'],
  ];
  for (const [text, cue, expected] of cases) {
    const quoted = text.startsWith('“');
    const content = quoted ? text.slice(0, text.indexOf('”') + 1) : 'for its silence';
    const { tokens, drafts } = assemble(text, [['content', content], ['cue', cue]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
  }
});

test('assembleStatements: the subject of a raising cue ("seemed", "is expected", "is seen as") is the first piece of the report, with no source', () => {
  // [text, spans as tagged, the pieces expected, the source expected (undefined: not this test's concern)]
  const cases: Array<[string, ReadonlyArray<readonly [SpanType, string]>, string[], string | null | undefined]> = [
    // The tagger's source right before the cue moves into the content.
    ['Mayor Ines Roth seemed to soften her stance on the harbour.', [['source', 'Mayor Ines Roth'], ['cue', 'seemed'], ['content', 'to soften her stance on the harbour']], ['Mayor Ines Roth', 'to soften her stance on the harbour'], null],
    // Content on both sides of the cue, the first right before it: one report in two pieces.
    ['The new ferry line is widely expected to open in May.', [['content', 'The new ferry line'], ['cue', 'is widely expected'], ['content', 'to open in May']], ['The new ferry line', 'to open in May'], null],
    ['The old ferry was widely seen as a safe bet.', [['content', 'The old ferry'], ['cue', 'was widely seen as'], ['content', 'a safe bet']], ['The old ferry', 'a safe bet'], null],
    // No source tagged: the untagged words back to the comma are the subject.
    ['Last week, the port authority was seen as a safe pair of hands.', [['cue', 'was seen as'], ['content', 'a safe pair of hands']], ['the port authority', 'a safe pair of hands'], null],
    // A relative pronoun right before the cue is the whole subject.
    ['Voters backed the levy, which is expected to raise two million.', [['cue', 'is expected'], ['content', 'to raise two million']], ['which', 'to raise two million'], null],
    // A dummy "it" before a clause is no part of the report; a reporting verb keeps its speaker.
    ['It seems unfair that the mill closed.', [['cue', 'seems'], ['content', 'unfair that the mill closed']], ['unfair that the mill closed'], undefined],
    // Nor is an "it" before the cue, even before an infinitive.
    ['The council met. It is expected to vote in May.', [['content', 'It'], ['cue', 'is expected'], ['content', 'to vote in May']], ['to vote in May'], undefined],
    ['Ines Roth said the mill would close.', [['source', 'Ines Roth'], ['cue', 'said'], ['content', 'the mill would close']], ['the mill would close'], 'Ines Roth'],
  ];
  for (const [text, spans, pieces, source] of cases) {
    const { tokens, drafts } = assemble(text, spans);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [pieces], text);
    if (source === undefined) continue;
    const completed = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(completed.drafts[0]?.source?.text ?? null, source, text);
  }
  // "He's said" is "he has said": an active report keeps its speaker (spans by token: "'s" does not tokenize alone).
  const tokens = tokenize("He's said the mill would close.");
  const spans: TaggedSpan[] = [{ type: 'source', first: 0, last: 0 }, { type: 'cue', first: 1, last: 2 }, { type: 'content', first: 3, last: 6 }];
  const drafts = assembleStatements({ tokens, spans, quotations: findQuotations(tokens) });
  assert.deepEqual(drafts.map((draft) => [draft.source?.text, draft.content.map((piece) => piece.text)]), [['He', ['the mill would close']]]);
});

test('assembleStatements: an attribution set off by commas takes the unclaimed words on its other side as a piece of the report', () => {
  // [text, spans as tagged, the pieces expected]
  const cases: Array<[string, ReadonlyArray<readonly [SpanType, string]>, string[]]> = [
    // The words after the closing comma, to the sentence's end, continue the report.
    ['The fix, Ortiz said, was simple.', [['content', 'The fix'], ['source', 'Ortiz'], ['cue', 'said']], ['The fix', 'was simple']],
    // The person told belongs to the attribution, before the comma that closes it.
    ['The harbour fees, Ortiz told reporters, would double next year.', [['content', 'The harbour fees'], ['source', 'Ortiz'], ['cue', 'told']], ['The harbour fees', 'would double next year']],
    ['Instead, Ortiz told reporters, the council will vote in June.', [['source', 'Ortiz'], ['cue', 'told'], ['content', 'the council will vote in June']], ['Instead', 'the council will vote in June']],
    // A clause on a noun of the attribution, a passive aside or a relay's closing is not the report's rest.
    ['The fix was cheap, Ortiz said, which pleased the council.', [['content', 'The fix was cheap'], ['source', 'Ortiz'], ['cue', 'said']], ['The fix was cheap']],
    ['The levy, opposed by the council, never passed.', [['content', 'The levy'], ['cue', 'opposed by'], ['source', 'the council']], ['The levy']],
    ['The mill lost money, according to the audit, and closed in May.', [['content', 'The mill lost money'], ['cue', 'according to'], ['source', 'the audit']], ['The mill lost money']],
  ];
  for (const [text, spans, pieces] of cases) {
    const { drafts } = assemble(text, spans);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [pieces], text);
  }
});

test('assembleStatements: content before its cue takes back an opening adjunct closed by a comma, not a framing clause', () => {
  // [text, the content as tagged, the content expected]
  const cases: Array<[string, string, string]> = [
    ['In past winters, the ferry ran twice a day, Ortiz said.', 'the ferry ran twice a day', 'In past winters, the ferry ran twice a day'],
    ['Some 40 to 60 boats came to each auction, Ortiz said.', 'boats came to each auction', 'Some 40 to 60 boats came to each auction'],
    // The writer's link or a framing clause stays out.
    ['Still, the ferry ran twice a day, Ortiz said.', 'the ferry ran twice a day', 'the ferry ran twice a day'],
    ['As it stands, the ferry runs twice a day, Ortiz said.', 'the ferry runs twice a day', 'the ferry runs twice a day'],
  ];
  for (const [text, content, expected] of cases) {
    const { drafts } = assemble(text, [['content', content], ['source', 'Ortiz'], ['cue', 'said']]);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [[expected]], text);
  }
});

test('assembleStatements: a relative pronoun before the source of a clause that lacks its subject is the first piece', () => {
  // [text, spans as tagged, the pieces expected]
  const cases: Array<[string, ReadonlyArray<readonly [SpanType, string]>, string[]]> = [
    ['The council passed a levy which Ortiz says will hurt the port.', [['source', 'Ortiz'], ['cue', 'says'], ['content', 'will hurt the port']], ['which', 'will hurt the port']],
    // A clause with its own subject keeps the pronoun out ("the levy that Ortiz says the port needs").
    ['The council passed a levy that Ortiz says the port needs.', [['source', 'Ortiz'], ['cue', 'says'], ['content', 'the port needs']], ['the port needs']],
    // "which", "whom" and "what" may stand for the object of the reported clause.
    ['The council passed a levy, which Ortiz called unfair to the fishermen.', [['source', 'Ortiz'], ['cue', 'called'], ['content', 'unfair to the fishermen']], ['which', 'unfair to the fishermen']],
    // A pronoun the tagger marked as content of its own, that no statement holds, is the first piece all the same.
    ['The council passed a levy which Ortiz says will hurt the port.', [['content', 'which'], ['source', 'Ortiz'], ['cue', 'says'], ['content', 'will hurt the port']], ['which', 'will hurt the port']],
    // After a preposition the pronoun names the occasion, not the report.
    ['Ortiz gave an interview in which she said the levy was unfair.', [['source', 'she'], ['cue', 'said'], ['content', 'the levy was unfair']], ['the levy was unfair']],
  ];
  for (const [text, spans, pieces] of cases) {
    const { drafts } = assemble(text, spans);
    assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [pieces], text);
  }
});

test('assembleStatements: where reported content ends (time and adverbial tails, coordinated cues, appositions, fronted adverbials)', () => {
  // [text, the spans as tagged, the statements expected as "source | cue | piece / piece"]
  const cases: Array<[string, ReadonlyArray<readonly [SpanType, string]>, string[]]> = [
    // A time adjunct after a bare object dates the speech; a clause keeps its date.
    ['Ortiz praised the harbour plan on Monday.', [['source', 'Ortiz'], ['cue', 'praised'], ['content', 'the harbour plan on Monday']], ['Ortiz | praised | the harbour plan']],
    ['Ortiz endorsed Ada Lind last week.', [['source', 'Ortiz'], ['cue', 'endorsed'], ['content', 'Ada Lind last week']], ['Ortiz | endorsed | Ada Lind']],
    ['Ortiz said the vote would be held on Monday.', [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the vote would be held on Monday']], ['Ortiz | said | the vote would be held on Monday']],
    ['Ortiz praised the plan later this week.', [['source', 'Ortiz'], ['cue', 'praised'], ['content', 'the plan later this week']], ['Ortiz | praised | the plan later this week']],
    // An adverbial after a one- or two-word object tells when or why it was said.
    ['Ortiz thanked the crew after the storm had passed.', [['source', 'Ortiz'], ['cue', 'thanked'], ['content', 'the crew after the storm had passed']], ['Ortiz | thanked | the crew']],
    ['Ortiz thanked the harbour crew of Selin after the storm.', [['source', 'Ortiz'], ['cue', 'thanked'], ['content', 'the harbour crew of Selin after the storm']], ['Ortiz | thanked | the harbour crew of Selin after the storm']],
    // A past reporting verb joined by "and" without a subject is the speaker's second statement.
    [
      'Ortiz said the pier was unsafe and urged the council to close it.',
      [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the pier was unsafe and urged the council to close it']],
      ['Ortiz | said | the pier was unsafe', 'Ortiz | urged | the council to close it'],
    ],
    [
      'Ortiz said the fees would rise and called for a review.',
      [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the fees would rise and called for a review']],
      ['Ortiz | said | the fees would rise', 'Ortiz | called for | a review'],
    ],
    // "but" before a contrasting speech act does the same; before other verbs it stays inside the report.
    [
      'Ortiz said the repairs were "solid" but warned that the pier could flood again.',
      [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the repairs were "solid" but warned that the pier could flood again']],
      ['Ortiz | said | the repairs were "solid"', 'Ortiz | warned | that the pier could flood again'],
    ],
    ['Ortiz said the survey was long but revealed little about the pier.', [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the survey was long but revealed little about the pier']], ['Ortiz | said | the survey was long but revealed little about the pier']],
    ['Ortiz said the pier was unsafe and spoke with the crews.', [['source', 'Ortiz'], ['cue', 'said'], ['content', 'the pier was unsafe and spoke with the crews']], ['Ortiz | said | the pier was unsafe and spoke with the crews']],
    ['Ortiz said wages and continued risks worry the port.', [['source', 'Ortiz'], ['cue', 'said'], ['content', 'wages and continued risks worry the port']], ['Ortiz | said | wages and continued risks worry the port']],
    // A description after an attribution set inside the sentence is the speaker's, not the report's.
    [
      'Rents rose by a third, according to Ada Holm, an analyst at the bank.',
      [['content', 'Rents rose by a third'], ['cue', 'according to'], ['source', 'Ada Holm'], ['content', 'an analyst at the bank']],
      ['Ada Holm | according to | Rents rose by a third'],
    ],
    // A clause ended at the comma after its fronted adverbial runs on to its subject and verb.
    [
      'Ortiz said that as the vote nears, the council will meet daily.',
      [['source', 'Ortiz'], ['cue', 'said'], ['content', 'that as the vote nears']],
      ['Ortiz | said | that as the vote nears, the council will meet daily'],
    ],
  ];
  for (const [text, tagged, expected] of cases) {
    const { drafts } = assemble(text, tagged);
    assert.deepEqual(drafts.map((draft) => `${draft.source?.text ?? ''} | ${draft.cue?.text ?? ''} | ${draft.content.map((piece) => piece.text).join(' / ')}`), expected, text);
  }
});

test('completeSources: a relative clause in a source leaves its subject: the pronoun before the cue, the phrase after an opening pronoun', () => {
  // [text, source as tagged, cue, content, the source expected]
  const cases: Array<[string, string, string, string, string]> = [
    ['The board met the dockers who warned that the pier would close.', 'the dockers who', 'warned', 'that the pier would close', 'who'],
    ['Lind wrote to the firms that have argued the levy is unfair.', 'the firms that', 'have argued', 'the levy is unfair', 'that'],
    ['It is the levy which Senator Ivo Marr says is unfair.', 'which Senator Ivo Marr', 'says', 'is unfair', 'Senator Ivo Marr'],
    ['Ortiz, who many skippers blame for the delay, stayed home.', 'who many skippers', 'blame', 'for the delay', 'many skippers'],
    // "of whom" keeps its quantity: the pronoun alone would lose "most".
    ['Ten skippers, most of whom said the pier was unsafe, left.', 'most of whom', 'said', 'the pier was unsafe', 'most of whom'],
  ];
  for (const [text, source, cue, content, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['source', source], ['cue', cue], ['content', content]]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
  }
});

test('completeSources: an adverb or a time adjunct between a speaker and the cue is no part of the source', () => {
  // [text, source as tagged, cue as tagged, [source, cue] expected]
  const cases: Array<[string, string, string, [string, string]]> = [
    ['Mayor Ines Roth on Tuesday said the pier would close.', 'Mayor Ines Roth on Tuesday', 'said', ['Mayor Ines Roth', 'said']],
    ['Senator Ivo Marr (D-Ore.) late last week warned the pier would close.', 'Senator Ivo Marr (D-Ore.) late last week', 'warned', ['Senator Ivo Marr (D-Ore.)', 'warned']],
    ['Voss at the time said the pier would close.', 'Voss at the time', 'said', ['Voss', 'said']],
    ['The harbour board firmly denied the pier would close.', 'The harbour board firmly', 'denied', ['The harbour board', 'firmly denied']],
    ['The skippers however said the pier would close.', 'The skippers however', 'said', ['The skippers', 'said']],
    // A participle may own the time, a common noun may carry it, and a noun in "-ly" is no adverb.
    ['A survey released by the union last month said the pier would close.', 'A survey released by the union last month', 'said', ['A survey released by the union last month', 'said']],
    ['The Lind family said the pier would close.', 'The Lind family', 'said', ['The Lind family', 'said']],
  ];
  for (const [text, source, cue, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['source', source], ['cue', cue], ['content', 'the pier would close']]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.deepEqual([result.drafts[0]?.source?.text, result.drafts[0]?.cue?.text], expected, text);
  }
});

test('completeSources: a contracted verb written onto the source\'s last word is cut from the source', () => {
  // [text, source as tagged, cue, the source expected]
  const cases: Array<[string, string, string, string]> = [
    ['They’re convinced that the pier will close.', 'They’re', 'convinced', 'They'],
    ["I'd argue that the pier will close.", "I'd", 'argue', 'I'],
    ["We'll insist that the pier will close.", "We'll", 'insist', 'We'],
  ];
  for (const [text, source, cue, expected] of cases) {
    const { tokens, drafts } = assemble(text, [['source', source], ['cue', cue], ['content', 'that the pier will close']]);
    const result = completeSources({ tokens, drafts, quotations: findQuotations(tokens), entities: [] });
    assert.equal(result.drafts[0]?.source?.text, expected, text);
    // The contracted verb opens the cue right after it.
    assert.equal(result.drafts[0]?.cue?.text, text.slice(expected.length, text.indexOf(' that')), text);
  }
});

test('assembleStatements: after a verb of trying, going on or having to, the infinitive joins the cue and gives its stance', () => {
  // [text, source, cue, content, expected cue, expected content, expected lemma]
  const cases: ReadonlyArray<readonly [string, string, string, string, string, string, string]> = [
    ['The mayor continued to attack the harbour plan on Friday.', 'The mayor', 'continued', 'to attack the harbour plan on Friday', 'continued to attack', 'the harbour plan on Friday', 'attack'],
    ['Ortiz has tried to focus on the ferry fares.', 'Ortiz', 'has tried', 'to focus on the ferry fares', 'has tried to focus on', 'the ferry fares', 'focus'],
    ['The council was quick to deny the rumour about the mill.', 'The council', 'was quick', 'to deny the rumour about the mill', 'was quick to deny', 'the rumour about the mill', 'deny'],
    // A verb of refusing is a report of its own: the infinitive stays the content.
    ['The union declined to comment on the offer.', 'The union', 'declined', 'to comment on the offer', 'declined', 'to comment on the offer', 'declined'],
  ];
  for (const [text, source, cue, content, wantCue, wantContent, wantLemma] of cases) {
    const { drafts } = assemble(text, [
      ['source', source],
      ['cue', cue],
      ['content', content],
    ]);
    assert.deepEqual(
      drafts.map((draft) => [draft.cue?.text, draft.content.map((piece) => piece.text), draft.cue?.lemma]),
      [[wantCue, [wantContent], wantLemma]],
      text,
    );
  }
});

test('assembleStatements: a scene-setting phrase opening the sentence is no piece of the quotation after the attribution', () => {
  const scene = (opening: string): string[][] =>
    assemble(`${opening}, Ortiz said, “The cranes will restart on Monday.”`, [
      ['content', opening],
      ['source', 'Ortiz'],
      ['cue', 'said'],
      ['content', '“The cranes will restart on Monday.”'],
    ]).drafts.map((draft) => draft.content.map((piece) => piece.text));
  assert.deepEqual(scene('On the subject of the port'), [['“The cranes will restart on Monday.”']]);
  assert.deepEqual(scene('Holding up a map'), [['“The cranes will restart on Monday.”']]);
});

test('assembleStatements: a relative clause set off after the source describes it; the content starts after its closing comma', () => {
  const { drafts } = assemble('According to Mira Osk, who spoke to reporters, the government is collapsing.', [
    ['cue', 'According to'],
    ['source', 'Mira Osk'],
    ['content', 'who spoke to reporters, the government is collapsing'],
  ]);
  assert.deepEqual(drafts.map((draft) => draft.content.map((piece) => piece.text)), [['the government is collapsing']]);
});

test('assembleStatements: speaking to an audience with no topic reports nothing; with a topic it does', () => {
  const spoke = (text: string, content: string): string[][] =>
    assemble(text, [
      ['source', 'who'],
      ['cue', 'spoke'],
      ['content', content],
    ]).drafts.map((draft) => draft.content.map((piece) => piece.text));
  assert.deepEqual(spoke('The mayor, who spoke to reporters at the quay, left before noon.', 'to reporters at the quay'), []);
  assert.deepEqual(spoke('The mayor, who spoke to reporters about the flooded quay, left before noon.', 'to reporters about the flooded quay'), [['to reporters about the flooded quay']]);
});
