/**
 * Builds src/lexicon/gazetteer.ts from the tables below (general public knowledge: countries, demonyms,
 * capitals, well-known places, organizations, media and common alias spellings). No downloads.
 * Run from the repository root: npx tsc -p tsconfig.json && node dist/scripts/build-gazetteer.js
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Country | demonyms (comma) | capital | other names (comma). The first name is the canonical one.
const COUNTRIES = `
Afghanistan|Afghan,Afghans|Kabul|
Albania|Albanian,Albanians|Tirana|
Algeria|Algerian,Algerians|Algiers|
Andorra|Andorran|Andorra la Vella|
Angola|Angolan,Angolans|Luanda|
Antigua and Barbuda|Antiguan|Saint John's|
Argentina|Argentine,Argentinian,Argentinians,Argentines|Buenos Aires|
Armenia|Armenian,Armenians|Yerevan|
Australia|Australian,Australians|Canberra|
Austria|Austrian,Austrians|Vienna|
Azerbaijan|Azerbaijani,Azeri,Azerbaijanis|Baku|
Bahamas|Bahamian|Nassau|The Bahamas
Bahrain|Bahraini,Bahrainis|Manama|
Bangladesh|Bangladeshi,Bangladeshis|Dhaka|
Barbados|Barbadian|Bridgetown|
Belarus|Belarusian,Belarusians,Belorussian,Byelorussian|Minsk|Belorussia,Byelorussia,Republic of Belarus
Belgium|Belgian,Belgians|Brussels|
Belize|Belizean|Belmopan|
Benin|Beninese|Porto-Novo|
Bhutan|Bhutanese|Thimphu|
Bolivia|Bolivian,Bolivians|Sucre|
Bosnia and Herzegovina|Bosnian,Bosnians|Sarajevo|Bosnia
Botswana|Botswanan,Motswana|Gaborone|
Brazil|Brazilian,Brazilians|Brasilia|Brasil
Brunei|Bruneian|Bandar Seri Begawan|
Bulgaria|Bulgarian,Bulgarians|Sofia|
Burkina Faso|Burkinabe|Ouagadougou|
Burundi|Burundian|Gitega|
Cambodia|Cambodian,Cambodians|Phnom Penh|
Cameroon|Cameroonian,Cameroonians|Yaounde|
Canada|Canadian,Canadians|Ottawa|
Cape Verde|Cape Verdean|Praia|Cabo Verde
Central African Republic|Central African|Bangui|CAR
Chad|Chadian,Chadians|N'Djamena|
Chile|Chilean,Chileans|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC,Peking
Colombia|Colombian,Colombians|Bogota|
Comoros|Comoran|Moroni|
Congo|Congolese|Brazzaville|Republic of the Congo
Democratic Republic of the Congo|Congolese|Kinshasa|DRC,DR Congo,Democratic Republic of Congo
Costa Rica|Costa Rican|San Jose|
Croatia|Croatian,Croat,Croats,Croatians|Zagreb|
Cuba|Cuban,Cubans|Havana|
Cyprus|Cypriot,Cypriots|Nicosia|
Czech Republic|Czech,Czechs|Prague|Czechia
Denmark|Danish,Dane,Danes|Copenhagen|
Djibouti|Djiboutian|Djibouti City|
Dominica|Dominican|Roseau|
Dominican Republic|Dominican,Dominicans|Santo Domingo|
East Timor|Timorese|Dili|Timor-Leste
Ecuador|Ecuadorian,Ecuadorians|Quito|
Egypt|Egyptian,Egyptians|Cairo|
El Salvador|Salvadoran,Salvadorans|San Salvador|
Equatorial Guinea|Equatoguinean|Malabo|
Eritrea|Eritrean,Eritreans|Asmara|
Estonia|Estonian,Estonians|Tallinn|
Eswatini|Swazi|Mbabane|Swaziland
Ethiopia|Ethiopian,Ethiopians|Addis Ababa|
Fiji|Fijian,Fijians|Suva|
Finland|Finnish,Finn,Finns|Helsinki|
France|French|Paris|
Gabon|Gabonese|Libreville|
Gambia|Gambian,Gambians|Banjul|The Gambia
Georgia|Georgian,Georgians|Tbilisi|
Germany|German,Germans|Berlin|Deutschland
Ghana|Ghanaian,Ghanaians|Accra|
Greece|Greek,Greeks|Athens|Hellas
Grenada|Grenadian|St. George's|
Guatemala|Guatemalan,Guatemalans|Guatemala City|
Guinea|Guinean,Guineans|Conakry|
Guinea-Bissau|Bissau-Guinean|Bissau|
Guyana|Guyanese|Georgetown|
Haiti|Haitian,Haitians|Port-au-Prince|
Honduras|Honduran,Hondurans|Tegucigalpa|
Hungary|Hungarian,Hungarians|Budapest|
Iceland|Icelandic,Icelander,Icelanders|Reykjavik|
India|Indian,Indians|New Delhi|Bharat
Indonesia|Indonesian,Indonesians|Jakarta|
Iran|Iranian,Iranians,Persian|Tehran|Islamic Republic of Iran,Persia
Iraq|Iraqi,Iraqis|Baghdad|
Ireland|Irish|Dublin|Republic of Ireland,Eire
Israel|Israeli,Israelis|Jerusalem|
Italy|Italian,Italians|Rome|
Ivory Coast|Ivorian,Ivorians|Yamoussoukro|Cote d'Ivoire
Jamaica|Jamaican,Jamaicans|Kingston|
Japan|Japanese|Tokyo|
Jordan|Jordanian,Jordanians|Amman|
Kazakhstan|Kazakh,Kazakhs,Kazakhstani|Astana|
Kenya|Kenyan,Kenyans|Nairobi|
Kiribati|I-Kiribati|Tarawa|
Kosovo|Kosovar,Kosovan,Kosovars|Pristina|
Kuwait|Kuwaiti,Kuwaitis|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|Kirghizia
Laos|Lao,Laotian|Vientiane|
Latvia|Latvian,Latvians|Riga|
Lebanon|Lebanese|Beirut|
Lesotho|Basotho|Maseru|
Liberia|Liberian,Liberians|Monrovia|
Libya|Libyan,Libyans|Tripoli|
Liechtenstein|Liechtensteiner|Vaduz|
Lithuania|Lithuanian,Lithuanians|Vilnius|
Luxembourg|Luxembourgish,Luxembourger|Luxembourg City|
Madagascar|Malagasy|Antananarivo|
Malawi|Malawian,Malawians|Lilongwe|
Malaysia|Malaysian,Malaysians|Kuala Lumpur|
Maldives|Maldivian|Malé|
Mali|Malian,Malians|Bamako|
Malta|Maltese|Valletta|
Marshall Islands|Marshallese|Majuro|
Mauritania|Mauritanian,Mauritanians|Nouakchott|
Mauritius|Mauritian|Port Louis|
Mexico|Mexican,Mexicans|Mexico City|
Micronesia|Micronesian|Palikir|
Moldova|Moldovan,Moldovans|Chisinau|Moldavia
Monaco|Monegasque|Monaco|
Mongolia|Mongolian,Mongolians|Ulaanbaatar|
Montenegro|Montenegrin,Montenegrins|Podgorica|
Morocco|Moroccan,Moroccans|Rabat|
Mozambique|Mozambican,Mozambicans|Maputo|
Myanmar|Burmese|Naypyidaw|Burma
Namibia|Namibian,Namibians|Windhoek|
Nauru|Nauruan|Yaren|
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam|Holland,The Netherlands
New Zealand|New Zealander,New Zealanders|Wellington|
Nicaragua|Nicaraguan,Nicaraguans|Managua|
Niger|Nigerien|Niamey|
Nigeria|Nigerian,Nigerians|Abuja|
North Korea|North Korean,North Koreans|Pyongyang|DPRK,Democratic People's Republic of Korea
North Macedonia|Macedonian,Macedonians|Skopje|Macedonia
Norway|Norwegian,Norwegians|Oslo|
Oman|Omani,Omanis|Muscat|
Pakistan|Pakistani,Pakistanis|Islamabad|
Palau|Palauan|Ngerulmud|
Palestine|Palestinian,Palestinians|Ramallah|State of Palestine,Palestinian territories
Panama|Panamanian,Panamanians|Panama City|
Papua New Guinea|Papua New Guinean|Port Moresby|PNG
Paraguay|Paraguayan,Paraguayans|Asuncion|
Peru|Peruvian,Peruvians|Lima|
Philippines|Filipino,Filipinos,Philippine|Manila|The Philippines
Poland|Polish,Pole,Poles|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari,Qataris|Doha|
Romania|Romanian,Romanians|Bucharest|
Russia|Russian,Russians|Moscow|Russian Federation
Rwanda|Rwandan,Rwandans|Kigali|
Saint Kitts and Nevis|Kittitian|Basseterre|
Saint Lucia|Saint Lucian|Castries|
Saint Vincent and the Grenadines|Vincentian|Kingstown|
Samoa|Samoan,Samoans|Apia|
San Marino|Sammarinese|San Marino|
Sao Tome and Principe|Santomean|Sao Tome|
Saudi Arabia|Saudi,Saudis,Saudi Arabian|Riyadh|KSA
Senegal|Senegalese|Dakar|
Serbia|Serbian,Serb,Serbs,Serbians|Belgrade|
Seychelles|Seychellois|Victoria|
Sierra Leone|Sierra Leonean|Freetown|
Singapore|Singaporean,Singaporeans|Singapore|
Slovakia|Slovak,Slovaks,Slovakian|Bratislava|
Slovenia|Slovenian,Slovene,Slovenians|Ljubljana|
Solomon Islands|Solomon Islander|Honiara|
Somalia|Somali,Somalis|Mogadishu|
South Africa|South African,South Africans|Pretoria|
South Korea|South Korean,South Koreans|Seoul|Republic of Korea,ROK
South Sudan|South Sudanese|Juba|
Spain|Spanish,Spaniard,Spaniards|Madrid|Espana
Sri Lanka|Sri Lankan,Sri Lankans|Colombo|Ceylon
Sudan|Sudanese|Khartoum|
Suriname|Surinamese|Paramaribo|
Sweden|Swedish,Swede,Swedes|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian,Syrians|Damascus|
Taiwan|Taiwanese|Taipei|Republic of China,ROC
Tajikistan|Tajik,Tajiks|Dushanbe|
Tanzania|Tanzanian,Tanzanians|Dodoma|
Thailand|Thai|Bangkok|Siam
Togo|Togolese|Lome|
Tonga|Tongan|Nuku'alofa|
Trinidad and Tobago|Trinidadian|Port of Spain|
Tunisia|Tunisian,Tunisians|Tunis|
Türkiye|Turkish,Turk,Turks|Ankara|Turkey,Turkiye,Republic of Türkiye
Turkmenistan|Turkmen|Ashgabat|
Tuvalu|Tuvaluan|Funafuti|
Uganda|Ugandan,Ugandans|Kampala|
Ukraine|Ukrainian,Ukrainians|Kyiv|the Ukraine
United Arab Emirates|Emirati,Emiratis|Abu Dhabi|UAE,Emirates
United Kingdom|British,Briton,Britons,Brit,Brits|London|UK,U.K.,Britain,Great Britain
United States|American,Americans|Washington|US,U.S.,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan,Uruguayans|Montevideo|
Uzbekistan|Uzbek,Uzbeks|Tashkent|
Vanuatu|Ni-Vanuatu|Port Vila|
Vatican City|Vatican|Vatican City|Holy See,Vatican
Venezuela|Venezuelan,Venezuelans|Caracas|
Vietnam|Vietnamese|Hanoi|Viet Nam
Yemen|Yemeni,Yemenis|Sanaa|
Zambia|Zambian,Zambians|Lusaka|
Zimbabwe|Zimbabwean,Zimbabweans|Harare|
`;

// Other places (cities, regions, US states): canonical | alias, alias.
const PLACES = `
Kyiv|Kiev,Kyyiv,Kiyiv
Kharkiv|Kharkov
Odesa|Odessa
Lviv|Lvov,Lwow
Mykolaiv|Nikolaev,Nikolayev
Zaporizhzhia|Zaporozhye,Zaporizhia
Dnipro|Dnipropetrovsk,Dnepr
Luhansk|Lugansk
Donetsk|
Donbas|Donbass
Crimea|
Kherson|
Mariupol|
Bakhmut|Artemivsk
Bucha|
Irpin|
Chernihiv|Chernigov
Sumy|
Kursk|
Belgorod|
Homel|Gomel
Hrodna|Grodno
Mahilyow|Mogilev,Mahilioŭ
Vitebsk|Viciebsk
Brest|
Saint Petersburg|St Petersburg,St. Petersburg,Petersburg,Leningrad
Istanbul|Constantinople
Geneva|
Brussels|
Munich|
Davos|
The Hague|Hague
Gaza|Gaza Strip
West Bank|
Jerusalem|
Tel Aviv|
Aleppo|
Idlib|
Mosul|
Benghazi|
Hong Kong|
Shanghai|
Xinjiang|
Tibet|
Kashmir|
Chechnya|
Abkhazia|
South Ossetia|
Transnistria|
Nagorno-Karabakh|Karabakh
Europe|
Asia|
Africa|
Latin America|
Middle East|
Balkans|
Caucasus|
Scandinavia|
Siberia|
Arctic|
New York|New York City,NYC
Los Angeles|LA
Chicago|
Houston|
Philadelphia|
Boston|
San Francisco|
Miami|
Atlanta|
Dallas|
Detroit|
Seattle|
Denver|
Las Vegas|
Baltimore|
Cleveland|
Des Moines|
Manchester|
Paris|
Alabama|
Alaska|
Arizona|
Arkansas|
California|
Colorado|
Connecticut|
Delaware|
Florida|
Hawaii|
Idaho|
Illinois|
Indiana|
Iowa|
Kansas|
Kentucky|
Louisiana|
Maine|
Maryland|
Massachusetts|
Michigan|
Minnesota|
Mississippi|
Missouri|
Montana|
Nebraska|
Nevada|
New Hampshire|
New Jersey|
New Mexico|
North Carolina|
North Dakota|
Ohio|
Oklahoma|
Oregon|
Pennsylvania|
Rhode Island|
South Carolina|
South Dakota|
Tennessee|
Texas|
Utah|
Vermont|
Virginia|
West Virginia|
Wisconsin|
Wyoming|
Washington D.C.|Washington DC,D.C.
`;

// Organizations (type | canonical | aliases). "media" are outlets; "organization" includes platforms and institutions.
const ORGANIZATIONS = `
organization|United Nations|UN,U.N.
organization|NATO|North Atlantic Treaty Organization,Nato
organization|European Union|EU,E.U.
organization|European Commission|
organization|OSCE|Organization for Security and Co-operation in Europe
organization|International Atomic Energy Agency|IAEA
organization|World Health Organization|WHO
organization|International Monetary Fund|IMF
organization|World Bank|
organization|International Criminal Court|ICC
organization|Red Cross|International Committee of the Red Cross,ICRC
organization|Kremlin|
organization|White House|
organization|Pentagon|
organization|State Department|Department of State
organization|Congress|U.S. Congress,US Congress
organization|Senate|
organization|Supreme Court|
organization|FBI|Federal Bureau of Investigation
organization|CIA|Central Intelligence Agency
organization|NSA|National Security Agency
organization|KGB|
organization|FSB|Federal Security Service
organization|SBU|Security Service of Ukraine
organization|Verkhovna Rada|Rada
organization|Duma|State Duma
organization|Downing Street|
organization|Democratic Party|Democrats
organization|Republican Party|Republicans,GOP
organization|Hamas|
organization|Hezbollah|Hizbollah,Hizbullah
organization|Taliban|
organization|Islamic State|ISIS,ISIL,Daesh
organization|Wagner Group|Wagner
organization|Telegram|
organization|Facebook|Meta
organization|Twitter|
organization|YouTube|
organization|Instagram|
organization|TikTok|
organization|Google|Alphabet
organization|Apple|
organization|Microsoft|
organization|Amazon|
media|Reuters|
media|Associated Press|AP
media|Agence France-Presse|AFP
media|BBC|British Broadcasting Corporation
media|CNN|
media|Fox News|Fox
media|MSNBC|
media|NBC|NBC News
media|CBS|CBS News
media|ABC News|
media|NPR|National Public Radio
media|The New York Times|New York Times,NYT
media|The Washington Post|Washington Post
media|The Wall Street Journal|Wall Street Journal,WSJ
media|The Guardian|Guardian
media|Bloomberg|
media|Politico|
media|Breitbart|Breitbart News
media|Axios|
media|The Hill|
media|Al Jazeera|
media|TASS|ITAR-TASS
media|RIA Novosti|RIA
media|Interfax|
media|RT|Russia Today
media|Sputnik|
media|BelTA|
media|Ukrinform|
media|Ukrainska Pravda|
media|Kyiv Independent|The Kyiv Independent
media|Kyiv Post|
media|Meduza|
media|Kommersant|
media|Der Spiegel|Spiegel
media|Le Monde|
media|Financial Times|FT
media|The Economist|Economist
media|Pool Pervogo|
`;

// People whose alias spellings a transliteration key alone does not join: canonical | aliases.
const PEOPLE = `
Volodymyr Zelenskyy|Volodymyr Zelensky,Vladimir Zelensky,Volodymyr Zelenskiy,Wolodymyr Selenskyj
Zelenskyy|Zelensky,Zelenskiy,Zelenskyi,Selenskyj,Zelenski
Alexander Lukashenko|Aliaksandr Lukashenka,Alyaksandr Lukashenka,Aleksandr Lukashenko
Sviatlana Tsikhanouskaya|Svetlana Tikhanovskaya,Sviatlana Tsikhanovskaya
Tsikhanouskaya|Tikhanovskaya,Tsikhanovskaya
Muammar Gaddafi|Muammar Qaddafi,Moammar Gadhafi,Muammar al-Gaddafi
Gaddafi|Qaddafi,Gadhafi,Kadhafi
Recep Tayyip Erdogan|Tayyip Erdogan
Kim Jong Un|Kim Jong-un,Kim Jong-Un
Bashar al-Assad|Bashar Assad,Bashar al-Asad
Assad|al-Assad,Asad
Osama bin Laden|Usama bin Ladin,Osama Bin Laden
Benjamin Netanyahu|Bibi Netanyahu
Xi Jinping|President Xi
Mohammed bin Salman|MBS,Mohammad bin Salman
Dmitry Peskov|Dmitri Peskov
Dmitry Medvedev|Dmitri Medvedev
Sergei Lavrov|Sergey Lavrov
Sergei Shoigu|Sergey Shoigu,Sergei Shoygu
Yevgeny Prigozhin|Evgeny Prigozhin,Yevgeniy Prigozhin
Alexei Navalny|Alexey Navalny,Aleksei Navalny
`;

interface Country { name: string; demonyms: string[]; capital: string; aliases: string[] }

function rows(table: string): string[][] {
  return table.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => line.split('|').map((cell) => cell.trim()));
}
function list(cell: string | undefined): string[] {
  return (cell ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

const countries: Country[] = rows(COUNTRIES).map(([name, demonyms, capital, aliases]) => {
  if (name === undefined || capital === undefined) throw new Error('build-gazetteer: a country row needs name and capital');
  return { name, demonyms: list(demonyms), capital, aliases: list(aliases) };
});
const places = rows(PLACES).map(([name, aliases]) => [name ?? '', ...list(aliases)]);
const organizations = rows(ORGANIZATIONS).map(([type, name, aliases]) => [type ?? '', name ?? '', ...list(aliases)]);
const people = rows(PEOPLE).map(([name, aliases]) => [name ?? '', ...list(aliases)]);

const header = `// Generated by scripts/build-gazetteer.ts from general public knowledge; edit the script, not this file.\n`;
const body = `${header}
/** One country: canonical name, demonyms (adjective and people), capital, other names. */
export interface GazetteerCountry { readonly name: string; readonly demonyms: readonly string[]; readonly capital: string; readonly aliases: readonly string[] }

export const COUNTRIES: readonly GazetteerCountry[] = ${JSON.stringify(countries)};

/** Other places: [canonical, ...aliases]. */
export const PLACES: readonly (readonly string[])[] = ${JSON.stringify(places)};

/** Organizations and media: [type, canonical, ...aliases]. */
export const ORGANIZATIONS: readonly (readonly string[])[] = ${JSON.stringify(organizations)};

/** People whose alias spellings a transliteration key alone does not join: [canonical, ...aliases]. */
export const PEOPLE: readonly (readonly string[])[] = ${JSON.stringify(people)};
`;

// Run from the repository root; an argument overrides the output path.
const target = resolve(process.argv[2] ?? 'src/lexicon/gazetteer.ts');
writeFileSync(target, body);
process.stdout.write(`build-gazetteer: ${countries.length} countries, ${places.length} places, ${organizations.length} organizations, ${people.length} people, ${body.length} bytes → ${target}\n`);
