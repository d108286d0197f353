/**
 * Given names that say a person's gender, for pronoun agreement ("Rachel Stein and Victor Oduya … he said" is Oduya's).
 * Only names borne overwhelmingly by one gender across the news's usual languages; names used for both (Jordan, Alex,
 * Andrea, Jean, Nicola, Kim, Robin) are left out. Lower case. Limit: a first word read as a given name may be a
 * surname written first (East Asian order); such names are left out too (Lee, Kim, Park).
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((word) => word !== ''));

export const FEMALE_GIVEN_NAMES: ReadonlySet<string> = words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah sara karen nancy lisa betty margaret sandra ashley dorothy
  kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela
  helen anna anne ann brenda pamela nicole samantha katherine catherine christine debra rachel carolyn janet maria heather diane
  julie joyce victoria christina joan evelyn lauren judith olivia martha cheryl megan hannah jacqueline ann gloria
  teresa kathryn sophia sophie janice alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
  theresa diana natalie brittany charlotte marie kayla alexis lori ella emma isabella mia ava chloe zoe lucy hillary hilary
  nikki kamala nancy elise elena ilhan alexandria marjorie lauren tulsi elizabeth susan lisa kirsten dianne liz condoleezza
  madeleine michele nikki sarah kellyanne huma ivanka melania chelsea tiffany stormy omarosa betsy sheryl oprah meryl serena
  angela ursula theresa margaret marine ségolène segolene christine kristalina giorgia jacinda sanna mette magdalena annalena
  yulia svetlana tatiana tatyana olga irina natalia natalya ekaterina yekaterina maria anastasia oksana lyudmila valentina
  agnieszka katarzyna małgorzata beata ewa anna zuzana jana petra ingrid astrid birgit ulrike sabine claudia heike
  fatima aisha ayesha amina khadija zainab maryam leila layla yasmin yasmine nour noura samira rania hanan benazir malala
  priya sunita anjali pooja deepika indira sonia mamata nirmala smriti shreya
  yuki akiko yoko keiko haruko hana sakura
  ana lucia lucía carmen isabel sofia sofía valeria camila gabriela fernanda daniela paola claudia dilma cristina michelle
  francesca giulia chiara alessandra elisa federica
  ngozi chimamanda folake amara wanjiru wangari
  helena lena marta martha eva clara klara ruth esther miriam naomi deborah judith leah rebecca tamar golda
  jane joanna johanna joanne jo-ann susanna suzanne jessica jenny jennifer kate katie kathy cathy beth betsy peggy penny
  wendy tracy stacy heidi holly megan meghan kristen kristin kristina tina gina nina vera rosa rose lily daisy iris ivy
  alison allison amelia aurora beatrice bella caroline cecilia claire clare colleen connie constance delia
  edith eleanor elaine ellen eloise emilia esther fiona florence frances gemma georgia geraldine gwen harriet ida irene
  isabelle jill joyce juliet karin katrin kerstin laurie lorraine louise lydia mabel madeline marcia margot marianne
  marion marjorie maureen maxine melanie mildred miranda molly monica muriel nadia nadine natasha nora norma paula pauline
  phyllis priscilla rita roberta rosemary ruby sally selena sheila sylvia tanya thelma valerie vanessa veronica viola
  virginia vivian wilma yvonne
  aisha helena priya
`);

export const MALE_GIVEN_NAMES: ReadonlySet<string> = words(`
  james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven
  paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
  stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
  jose josé adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger austin sean
  gerald carl harold dylan arthur lawrence jesse bryan billy bruce gabriel joe logan albert willie alan juan wayne
  elijah randy roy vincent ralph eugene russell bobby mason philip louis
  barack bernie bernard mitt mitch marco ted rand jeb newt rudy rudolph mike mick chuck reince
  steve stephen rex jared sean reince rahm joe beto pete cory kirk
  vladimir dmitry dmitri sergei sergey alexei alexey aleksandr alexandr nikolai nikolay mikhail ivan igor oleg yuri yury
  viktor victor volodymyr petro andriy andrii oleksandr oleksiy mykola vitali vitaly vitaliy boris leonid ramzan yevgeny
  emmanuel nicolas françois francois jacques jean-luc jean-marie jean-claude pierre olaf gerhard helmut friedrich markus
  wolfgang horst heiko jürgen juergen matteo giuseppe silvio mario sergio luigi giorgio enrico pedro mariano alberto
  santiago luis carlos jorge miguel alejandro andrés andres fernando javier jair lula nicolás evo hugo fidel raúl raul
  recep tayyip ahmet mehmet mustafa kemal benjamin binyamin naftali yair ehud shimon yitzhak moshe
  mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hussein hossein abdullah abdul omar umar khalid tariq bashar
  hafez hosni anwar imran nawaz shehbaz narendra rahul manmohan arvind amit yogi jinping shinzo fumio yoshihide
  jair emmerson cyril jacob thabo nelson uhuru yoweri paul muhammadu bola goodluck olusegun abiy isaias
  tony gordon keir rishi nigel jeremy liam sean seamus declan leo micheál enda
  justin stephen pierre jagmeet doug jason
  kofi martin tobias lucas lukas omar diego marco anders henrik lars nils sven erik eric olaf magnus jens
  daniel tomas tomás tomasz piotr pawel paweł andrzej lech jarosław jaroslaw mateusz donald viktor milos miloš aleksandar
  ilya ilia pavel sergiy dmytro taras bohdan
  alan alfred allen andre andy angus ben benedict bill bob brad calvin cameron cecil chad clarence clifford clint colin
  craig curtis dale dan darren dean derek dominic don duncan dwight earl ed eddie edgar edwin elliot ernest floyd francis
  fred frederick geoffrey glenn graham grant greg guy harry harvey herbert howard ian isaac jake jim jimmy joel jon
  julian karl ken kurt lance leon leonard lewis lloyd luke malcolm marcus marvin matt maurice max melvin miles
  milton morris neil nathaniel neville nick norman oliver oscar owen percy perry phil ray reginald rick ricky rob rod
  rodney ron ross rupert seth shane sidney simon stanley stuart ted theodore tim todd tom tommy travis trevor
  troy vernon wallace warren wesley wilbur wilson
  paolo dario gianni fabio roberto massimo stefano giovanni antonio francesco alessandro
  diego pablo rafael ricardo eduardo gustavo rodrigo
`);
