/**
 * Titles, roles and the head nouns that type a name: a title before a name makes a person, an organization
 * or media word after it makes an organization or outlet, a document head makes a document. All lower case.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((word) => word !== ''));

/** Titles and roles that can stand before a name ("President", "blogger") or head a description ("the leader"). */
export const TITLE_WORDS: ReadonlySet<string> = words(`
  president vice-president minister premier chancellor king queen prince princess pope emperor empress emir sultan sheikh shah monarch
  senator congressman congresswoman congressperson representative rep. rep sen. sen governor gov. gov mayor councillor councilman councilwoman
  lawmaker legislator deputy mp mep mla msp speaker leader chairman chairwoman chairperson chair secretary ambassador envoy diplomat consul commissioner
  director chief ceo cfo founder co-founder executive manager head spokesman spokeswoman spokesperson press-secretary adviser advisor aide
  judge justice attorney prosecutor lawyer general gen. admiral adm. colonel col. major maj. captain capt. lieutenant lt. sergeant sgt. commander commandant
  officer official candidate nominee frontrunner challenger incumbent ruler dictator strongman autocrat
  mr. mrs. ms. dr. prof. mr mrs ms dr prof sir dame lord lady rev. reverend father bishop archbishop cardinal patriarch rabbi imam ayatollah
  blogger journalist reporter correspondent editor columnist commentator anchor host presenter broadcaster analyst economist historian professor
  researcher scientist expert activist campaigner dissident author writer novelist poet artist actor actress singer rapper comedian
  businessman businesswoman billionaire tycoon entrepreneur investor banker strategist pollster consultant lobbyist organizer
  coach player striker midfielder defender goalkeeper winger referee manager owner negotiator mediator
  inspector superintendent constable detective magistrate sheriff corporator
`);

/** Abbreviated titles (and party names) and the role word a description uses for them ("Sen. Ana Reyes" … "the senator", "the GOP nominee" … "Republican nominee"). */
export const TITLE_EXPANSIONS: ReadonlyMap<string, string> = new Map(
  [
    ['gop', 'republican'], ['sen', 'senator'], ['rep', 'representative'], ['gov', 'governor'], ['pres', 'president'], ['gen', 'general'], ['lt', 'lieutenant'],
    ['col', 'colonel'], ['maj', 'major'], ['capt', 'captain'], ['cmdr', 'commander'], ['adm', 'admiral'], ['sgt', 'sergeant'],
    ['rev', 'reverend'], ['prof', 'professor'], ['amb', 'ambassador'], ['atty', 'attorney'], ['supt', 'superintendent'],
  ].flatMap(([short, role]) => [[short!, role!], [`${short!}.`, role!]] as Array<[string, string]>),
);

/** Heads of state or government: "the leader" and "the Belarusian leader" match any of these roles. */
export const LEADER_TITLES: ReadonlySet<string> = words(`
  president premier chancellor king queen emir sultan monarch leader ruler dictator strongman autocrat prime minister head
`);

/** Generic heads that match any leader title ("the leader", "the ruler"). */
export const GENERIC_LEADER_HEADS: ReadonlySet<string> = words('leader ruler head strongman dictator autocrat');

/** Titles that say the holder's gender. */
export const FEMALE_TITLES: ReadonlySet<string> = words('queen princess empress congresswoman councilwoman chairwoman spokeswoman businesswoman actress mrs. ms. mrs ms dame lady');
export const MALE_TITLES: ReadonlySet<string> = words('king prince emperor congressman councilman chairman spokesman businessman mr. mr sir lord father');

/** Party words written before a person's name as a role ("Republican Ana Reyes"; "Labour MP …" has its title). */
export const PARTY_WORDS: ReadonlySet<string> = words('republican democrat democratic gop conservative tory labour liberal libertarian');

/** Words that qualify a title without being one ("former", "self-proclaimed", "foreign" in "foreign minister"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = words(`
  former late current then acting interim outgoing incumbent new newly elected newly-elected self-proclaimed self-declared de facto
  deputy vice first top senior chief junior assistant associate executive general special principal longtime long-time veteran exiled ousted
  opposition ruling foreign defense defence finance interior justice economy economic health education energy trade labor labour culture
  prime national state federal regional local security intelligence military press communications campaign party white house
  democratic republican gop conservative liberal independent presidential
`);

/** Words after which a name ends an organization ("Ministry of Defence", "Communist Party"); first or last word of the name. */
export const ORGANIZATION_WORDS: ReadonlySet<string> = words(`
  party ministry council committee commission inc inc. corp corp. corporation company co. ltd ltd. llc plc group holdings agency administration
  senate congress parliament assembly court department office bureau service services institute institution university college school academy
  foundation fund bank union federation confederation association organization organisation alliance coalition league movement front
  campaign society watch forum initiative
  army navy force forces guard police militia brigade battalion regiment command cabinet government secretariat directorate authority
  church mosque synagogue hospital airlines airways motors industries systems technologies labs laboratory center centre club team
  foods lines
  duma rada knesset bundestag kremlin pentagon house
  capital partners estates properties investments securities bancorp trust insurance energy petroleum oil gas mining
  pharmaceuticals therapeutics logistics shipping railways utilities telecom communications consulting
`);

/** Last words of an outlet's name ("Fox News", "The Kyiv Independent"). */
export const MEDIA_SUFFIXES: ReadonlySet<string> = words(`
  news times post journal herald gazette tribune telegraph daily weekly press radio tv television broadcasting network media magazine
  review chronicle observer independent pravda novosti today wire insider examiner courier mail express standard sun star register
  monitor reporter bulletin dispatch inquirer channel
`);

/** Words that introduce an outlet or channel by name ("the Telegram channel “Pool Pervogo”", "the newspaper Kommersant"). */
export const MEDIA_WORDS: ReadonlySet<string> = words(`
  channel channels newspaper paper agency outlet broadcaster magazine network station website site tabloid daily weekly blog podcast
  account publication newsletter portal show programme program
`);

/** Heads of document names ("the Istanbul Communiqué", "the Minsk Agreement", "the Constitution"). */
export const DOCUMENT_HEADS: ReadonlySet<string> = words(`
  communiqué communique accord accords treaty agreement agreements memorandum act report constitution declaration charter convention
  protocol protocols resolution bill directive manifesto pact plan doctrine statute code
`);

/** Nouns that name a group of speakers ("officials", "a source", "Ukrainian authorities"). */
export const GROUP_NOUNS: ReadonlySet<string> = words(`
  critics sources officials authorities analysts experts observers diplomats lawmakers legislators residents witnesses
  investigators prosecutors protesters demonstrators activists militants rebels troops soldiers leaders politicians negotiators
  spokespeople aides advisers advisors insiders voters citizens supporters opponents commentators economists scientists researchers
  doctors journalists reporters people members delegates monitors mediators allies partners
`);

/** Group heads too generic to stand alone: a group only with a modifier ("Ukrainian citizens", not "people"). */
export const GROUP_NEEDS_MODIFIER: ReadonlySet<string> = words('people members allies partners citizens residents voters supporters opponents leaders');

/** Single-word document names ("the Constitution"); other document heads need a name before them ("the Minsk Agreement"). */
export const STANDALONE_DOCUMENTS: ReadonlySet<string> = words('constitution charter bible quran koran torah');

/** Group heads that are speakers even when singular, with "a"/"an"/"one" ("a source", "an official"). */
export const SINGULAR_GROUP_HEADS: ReadonlySet<string> = words('source official diplomat insider witness aide adviser advisor spokesperson');

/** Modifiers kept inside a group mention ("international critics", "senior officials", "Western diplomats"). */
export const GROUP_MODIFIERS: ReadonlySet<string> = words(`
  international western eastern foreign local senior top unnamed anonymous government administration military intelligence security
  european american russian ukrainian belarusian regional federal state city police defense defence diplomatic independent many some
  several other two three four five humanitarian medical human rights rights opposition
`);

/** Words of degree that open an unnamed collective source ("strong international criticism") without saying who spoke. */
export const DEGREE_MODIFIERS: ReadonlySet<string> = words(`
  strong stronger widespread growing mounting fierce harsh sharp heavy broad intense loud vocal scathing stiff strident
  vehement considerable significant swift immediate
`);

/** Words before a title that make it another office ("prime minister", "vice president", "deputy mayor"). */
export const OFFICE_MODIFIERS: readonly string[] = ['prime', 'vice', 'deputy', 'assistant', 'under'];

/** Lower-case words joining capitalized name parts ("Bank of England", "Charles de Gaulle", "Ursula von der Leyen"). */
export const NAME_CONNECTORS: ReadonlySet<string> = words('of de da di del della du des la le van von der den ter bin ibn al el y');

/** Determiners that open a description ("the Belarusian leader") and are kept out of a name. */
export const DETERMINERS: ReadonlySet<string> = words('the a an this that these those');
