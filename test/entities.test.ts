import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc } from '../src/doc.ts';
import { defaultContext, runPipeline, stagesThrough } from '../src/pipeline.ts';
import { entities } from '../src/stages/entities.ts';
import { EntitySchema, type Entity } from '../src/schema.ts';

const ctx = defaultContext();
const extract = (text: string) => entities(runPipeline(emptyDoc(text, { value: null, origin: 'none' }), ctx, stagesThrough('tokenise')), ctx).entities;
const seed = (file: string) => extract(readFileSync(`seeds/${file}`, 'utf8'));

/** The entity with this name (exactly one). */
function named(found: Entity[], name: string): Entity {
  const hits = found.filter((e) => e.name === name);
  expect(hits, `${name} in ${JSON.stringify(found.map((e) => e.name))}`).toHaveLength(1);
  return hits[0];
}
const texts = (e: Entity) => e.mentions.map((m) => m.text);
const allMentions = (found: Entity[]) => found.flatMap(texts);

describe('entities: seed 000 (Reuters, To Lam to visit North Korea)', () => {
  const found = seed('000_8adeb89ad61cd016.txt');
  const text = readFileSync('seeds/000_8adeb89ad61cd016.txt', 'utf8');

  it('gives valid entities with ids in order of first mention and spans that slice the text', () => {
    found.forEach((e, i) => {
      expect(EntitySchema.parse(e)).toEqual(e);
      expect(e.id).toBe(`e${i + 1}`);
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(e.mentions[0].start).toBeGreaterThan(found[i - 1].mentions[0].start);
    });
  });

  it('finds To Lam with his title, country and every short mention, the caps headline included', () => {
    const lam = named(found, 'To Lam');
    expect(lam).toMatchObject({ type: 'person', country: 'VNM' });
    expect(lam.titles).toContain('Communist Party chief');
    expect(texts(lam)).toEqual(['To Lam', 'Lam', 'LAM', 'Lam', 'Lam']);
    // "Lam’s trip": the span stops before the possessive.
    const possessive = text.indexOf('Lam’s');
    expect(lam.mentions.some((m) => m.start === possessive && m.end === possessive + 3)).toBe(true);
  });

  it('joins "Kim" to Kim Jong Un and types the other leaders with their countries', () => {
    expect(named(found, 'Kim Jong Un')).toMatchObject({ type: 'person', country: 'PRK', titles: ['leader'] });
    expect(texts(named(found, 'Kim Jong Un'))).toContain('Kim');
    expect(named(found, 'Nong Duc Manh')).toMatchObject({ type: 'person', country: 'VNM', titles: ['head of the ruling Communist Party'] });
    expect(named(found, 'Donald Trump')).toMatchObject({ type: 'person', country: 'USA', titles: ['President'] });
    expect(named(found, 'Lee Jae Myung')).toMatchObject({ type: 'person', country: 'KOR', titles: ['President'] });
    expect(named(found, 'Michael Perry')).toMatchObject({ type: 'person', rule: 'byline' });
  });

  it('reads "the late President Ho Chi Minh" as a person, not the city', () => {
    expect(named(found, 'Ho Chi Minh')).toMatchObject({ type: 'person', country: 'VNM', titles: ['President'] });
  });

  it('finds the countries, cities, nationalities and organisations', () => {
    expect(named(found, 'Vietnam')).toMatchObject({ type: 'country', country: 'VNM' });
    expect(named(found, 'North Korea')).toMatchObject({ type: 'country', country: 'PRK' });
    expect(named(found, 'South Korea')).toMatchObject({ type: 'country', country: 'KOR' });
    expect(texts(named(found, 'South Korea'))).toContain('SOUTH KOREA');
    expect(named(found, 'United States')).toMatchObject({ type: 'country', country: 'USA', mentions: [{ text: 'U.S.' }] });
    for (const [city, country] of [['Hanoi', 'VNM'], ['Pyongyang', 'PRK'], ['Seoul', 'KOR']]) expect(named(found, city)).toMatchObject({ type: 'city', country });
    expect(texts(named(found, 'Hanoi'))).toContain('HANOI');
    expect(named(found, 'Vietnamese')).toMatchObject({ type: 'nationality', country: 'VNM' });
    expect(named(found, 'Korean')).toMatchObject({ type: 'nationality', country: null });
    expect(named(found, 'South Korean')).toMatchObject({ type: 'nationality', country: 'KOR' });
    expect(named(found, 'Reuters')).toMatchObject({ type: 'organization' });
    expect(named(found, 'Samsung Electronics')).toMatchObject({ type: 'organization', country: 'KOR' });
    expect(named(found, 'Communist Party')).toMatchObject({ type: 'organization', country: 'VNM' });
    expect(named(found, 'White House')).toMatchObject({ type: 'place', country: 'USA' });
  });

  it('makes no entity of sentence-initial words or the headline as a whole', () => {
    const mentions = allMentions(found);
    for (const word of ['Editing', 'Multiple', 'The', 'In', 'This', 'LAM VISITED SOUTH KOREA IN AUGUST', 'IN', 'AUGUST', 'Communist']) expect(mentions).not.toContain(word);
  });
});

describe('entities: seed 003 (Korea Economic Daily, To Lam to visit Seoul)', () => {
  const found = seed('003_ee4086bdbad132e3.txt');

  it('finds To Lam from the apposition after his name, and his short forms', () => {
    const lam = named(found, 'To Lam');
    expect(lam).toMatchObject({ type: 'person', country: 'VNM' });
    expect(lam.titles).toContain('general secretary');
    expect(texts(lam)).toEqual(['To Lam', 'Mr. Lam', 'Mr. Lam', 'Lam']);
  });

  it('resolves each "Lee" to the right Lee by role', () => {
    const president = named(found, 'Lee Jae-myung');
    const chairman = named(found, 'Lee Jae-yong');
    expect(president).toMatchObject({ type: 'person', country: 'KOR' });
    expect(president.titles).toContain('President');
    expect(texts(president)).toEqual(['Lee Jae-myung', 'Lee', 'Lee', 'Lee Jae-myung']);
    expect(chairman).toMatchObject({ type: 'person', country: 'KOR', titles: ['Executive Chairman'] });
    // "also known internationally as Jay Y. Lee", and "Samsung’s Lee"
    expect(texts(chairman)).toEqual(['Lee Jae-yong', 'Jay Y. Lee', 'Lee']);
  });

  it('types the other people with titles and countries', () => {
    const trong = named(found, 'Nguyen Phu Trong');
    expect(trong).toMatchObject({ country: 'VNM' });
    expect(trong.titles).toContain('then-party chief');
    expect(texts(trong)).toEqual(['Nguyen Phu Trong', 'Trong', 'Trong']);
    expect(named(found, 'Park Geun-hye')).toMatchObject({ country: 'KOR', titles: ['former President'] });
    expect(named(found, 'Chey Tae-won')).toMatchObject({ country: 'KOR', titles: ['SK Group Chairman'] });
    expect(named(found, 'Shin Dong-bin')).toMatchObject({ country: 'KOR', titles: ['Lotte Group Chairman'] });
    expect(named(found, 'Luong Cuong')).toMatchObject({ country: 'VNM', titles: ['President'] });
    for (const name of ['Jae-Young Han', 'Hyung-Kyu Kim', 'Sookyung Seo']) expect(named(found, name)).toMatchObject({ type: 'person', country: null });
  });

  it('finds organisations, places and countries, "Korea" as South Korea', () => {
    const samsung = named(found, 'Samsung Electronics');
    expect(samsung).toMatchObject({ type: 'organization', country: 'KOR' });
    expect(texts(samsung)).toEqual(['Samsung Electronics Co.', 'Samsung']);
    for (const org of ['SK Group', 'Lotte Group', 'Ministry of Trade, Industry and Energy', 'Presidential Office']) expect(named(found, org)).toMatchObject({ type: 'organization', country: 'KOR' });
    expect(named(found, 'Communist Party')).toMatchObject({ country: 'VNM' });
    expect(named(found, 'Vietnamese Embassy in Seoul')).toMatchObject({ type: 'place', country: 'KOR' });
    const korea = named(found, 'South Korea');
    expect(texts(korea).filter((t) => t === 'Korea')).toHaveLength(5);
    expect(named(found, 'China')).toMatchObject({ country: 'CHN' });
    expect(named(found, 'United States')).toMatchObject({ country: 'USA', mentions: [{ text: 'US' }] });
    expect(named(found, 'Seoul')).toMatchObject({ type: 'city', country: 'KOR' });
    expect(texts(named(found, 'Seoul'))).toContain('SEOUL');
    expect(named(found, 'Hanoi')).toMatchObject({ type: 'city', country: 'VNM' });
  });

  it('keeps the caps headline and sentence openers free of false entities', () => {
    const mentions = allMentions(found);
    for (const word of ['DEEPENING', 'TIES', 'BETWEEN', 'According', 'Last', 'During', 'Discussions', 'Bilateral', 'Write']) expect(mentions).not.toContain(word);
  });
});

describe('entities: rule families on sentences of our own', () => {
  it('titles: a title before a name types a person and records the role with its modifiers', () => {
    const found = extract('The summit was chaired by acting Foreign Minister Anna Berg and former Chancellor Otto Weiss.');
    expect(named(found, 'Anna Berg')).toMatchObject({ type: 'person', titles: ['acting Foreign Minister'] });
    expect(named(found, 'Otto Weiss')).toMatchObject({ type: 'person', titles: ['former Chancellor'] });
  });

  it('possessive country and demonym before a title give the country', () => {
    const found = extract("Chile's President Ana Soto met Peruvian Prime Minister Luis Vargas in Lima.");
    expect(named(found, 'Ana Soto')).toMatchObject({ country: 'CHL', titles: ['President'] });
    expect(named(found, 'Luis Vargas')).toMatchObject({ country: 'PER', titles: ['Prime Minister'] });
  });

  it('apposition: "Name, <country>\'s <title>" after the name', () => {
    const found = extract("Talks were led by Kofi Mensah, Ghana's foreign minister, on Tuesday.");
    expect(named(found, 'Kofi Mensah')).toMatchObject({ type: 'person', country: 'GHA', titles: ['foreign minister'] });
  });

  it('alias: "also known as" adds a mention to the person just named', () => {
    const found = extract('The group was founded by Chairman Park Min-ho, also known as Mike Park, in 1998.');
    const park = named(found, 'Park Min-ho');
    expect(texts(park)).toEqual(['Park Min-ho', 'Mike Park']);
  });

  it('short forms: a surname joins the full name; an East Asian family name joins by its first word', () => {
    const found = extract('Prime Minister Marta Lindqvist arrived on Monday. Lindqvist said the talks went well. Vice Premier Wang Qishan met her, and Wang spoke first.');
    expect(texts(named(found, 'Marta Lindqvist'))).toEqual(['Marta Lindqvist', 'Lindqvist']);
    expect(texts(named(found, 'Wang Qishan'))).toEqual(['Wang Qishan', 'Wang']);
  });

  it('Lee disambiguation: a titled short form goes to the Lee with that role, an organisation possessive to the Lee in business', () => {
    const found = extract(
      'President Lee Min-su hosted Chairman Lee Kun-woo of Hanwha Group. Hanwha’s Lee pledged new investment. Later President Lee thanked him.',
    );
    const president = named(found, 'Lee Min-su');
    const chairman = named(found, 'Lee Kun-woo');
    expect(texts(president)).toEqual(['Lee Min-su', 'Lee']);
    expect(texts(chairman)).toEqual(['Lee Kun-woo', 'Lee']);
    expect(chairman.country).toBe('KOR');
  });

  it('organisation suffixes: group, legal form, ministry with portfolios, party with a demonym', () => {
    const found = extract('Engineers from Daewoo Shipbuilding Co. and Mirae Holdings met the Ministry of Oceans and Fisheries and the Norwegian Labour Party.');
    expect(named(found, 'Daewoo Shipbuilding')).toMatchObject({ type: 'organization', mentions: [{ text: 'Daewoo Shipbuilding Co.' }] });
    expect(named(found, 'Mirae Holdings')).toMatchObject({ type: 'organization' });
    expect(named(found, 'Ministry of Oceans and Fisheries')).toMatchObject({ type: 'organization' });
    expect(named(found, 'Labour Party')).toMatchObject({ type: 'organization', country: 'NOR' });
  });

  it('nationality: "Korean" alone has no country, "North Korean" has', () => {
    const found = extract('Korean fans cheered as North Korean athletes arrived.');
    expect(named(found, 'Korean')).toMatchObject({ type: 'nationality', country: null });
    expect(named(found, 'North Korean')).toMatchObject({ type: 'nationality', country: 'PRK' });
  });

  it('a caps headline yields only known names, no new entities', () => {
    const found = extract('LEADERS MEET IN CANBERRA AFTER LONG TALKS\nPrime Minister Jane Doherty met officials.');
    expect(allMentions(found)).toEqual(['CANBERRA', 'Jane Doherty']);
    expect(named(found, 'Canberra')).toMatchObject({ type: 'city', country: 'AUS' });
  });

  it('city or person: a city name after a title is a person, and a city that is an ordinary word needs a location cue', () => {
    const found = extract('President Jackson flew in. Nice weather helped. The team arrived in Nice on Sunday.');
    expect(named(found, 'Jackson')).toMatchObject({ type: 'person' });
    const nice = named(found, 'Nice');
    expect(nice).toMatchObject({ type: 'city', country: 'FRA' });
    expect(texts(nice)).toEqual(['Nice']);
    expect(nice.mentions[0].start).toBeGreaterThan(40);
  });

  it('bylines name people; sentence-initial ordinary words name nothing', () => {
    const found = extract('Multiple officials attended.\n(Reporting by Tom Ashe; Editing by Clara Voss)');
    expect(named(found, 'Tom Ashe')).toMatchObject({ type: 'person', rule: 'byline' });
    expect(named(found, 'Clara Voss')).toMatchObject({ type: 'person', rule: 'byline' });
    expect(allMentions(found)).not.toContain('Multiple');
    expect(allMentions(found)).not.toContain('Editing');
  });

  it('a person joined across a misspelling is named in the spelling used most', () => {
    const found = extract('The Chilean president, Mateo Rivelo, arrived on Monday. Rivello will then travel to Peru. Critics say Rivello moved too fast.');
    const president = named(found, 'Rivello');
    expect(texts(president)).toEqual(['Mateo Rivelo', 'Rivello', 'Rivello']);
    expect(president.country).toBe('CHL');
  });

  it('a possessive kept inside a token by the tokeniser stays out of the mention', () => {
    const text = "Mr Blunkett's office";
    const token = (start: number, end: number, pos: string) => ({ start, end, text: text.slice(start, end), lower: text.slice(start, end).toLowerCase(), pos, lemma: text.slice(start, end).toLowerCase(), spaceBefore: start > 0, lineBefore: start === 0 });
    const doc: Doc = { ...emptyDoc(text, { value: null, origin: 'none' }), tokens: [token(0, 2, 'PROPN'), token(3, 13, 'PROPN'), token(14, 20, 'NOUN')], sentences: [{ start: 0, end: 20, firstToken: 0, endToken: 3 }] };
    expect(entities(doc, ctx).entities.map((e) => [e.name, texts(e)])).toEqual([['Blunkett', ['Mr Blunkett']]]);
  });
});

describe('entities: results, tables and layout', () => {
  const type = (found: Entity[], text: string) => found.find((e) => texts(e).includes(text))?.type;

  it('a results line makes teams of unknown names and of towns, and a country stays the country', () => {
    const found = extract('Results on Saturday:\nOakridge 3 Pelham United 1\nLeeds 2 Dunmore 2\nWales 1 Norway 0');
    expect(type(found, 'Oakridge')).toBe('organization');
    expect(type(found, 'Pelham United')).toBe('organization');
    expect(type(found, 'Leeds')).toBe('organization');
    expect(type(found, 'Norway')).toBe('country');
  });

  it('a team named by its layout is the same team in the running text, and a county in the results is the team throughout', () => {
    const found = extract('Scores:\nDunmore 312 and 45-2 , Surrey 198\nBy the close Dunmore had a lead of 159 and Surrey needed a draw.');
    const dunmore = found.find((e) => texts(e).includes('Dunmore'))!;
    expect(dunmore.type).toBe('organization');
    expect(texts(dunmore)).toHaveLength(2);
    expect(found.filter((e) => texts(e).includes('Surrey')).map((e) => e.type)).toEqual(['organization']);
  });

  it('a layout guess yields to a person the article names', () => {
    const found = extract('Okafor Brandt won the final.\n1. Brandt 2:10.40\n2. Halvorsen ( Norway ) 2:11.02');
    expect(named(found, 'Okafor Brandt').type).toBe('person');
    expect(texts(named(found, 'Okafor Brandt'))).toContain('Brandt');
    expect(named(found, 'Halvorsen')).toMatchObject({ type: 'person', country: 'NOR', rule: 'nationality-bracket' });
  });

  it('a scorecard names batsmen, fielders and bowlers, and initials make a person', () => {
    const found = extract('Dev Tanwar c Harlow b Penner 42\nOskar Brill lbw b Kestner 7\nTotal 250 ( R. Tamblyn 80 )');
    for (const name of ['Dev Tanwar', 'Harlow', 'Penner', 'Oskar Brill', 'Kestner', 'R. Tamblyn']) expect(type(found, name), name).toBe('person');
  });

  it('a schedule line in capitals names the visiting team; a dateline with a date names its city', () => {
    const found = extract('NEW YORK 2024-05-02\nSUNDAY SCHEDULE\nKESTREL AT ORLANDO');
    expect(type(found, 'NEW YORK')).toBe('city');
    expect(type(found, 'KESTREL')).toBe('organization');
  });

  it('a small town found after a location cue is the same place where the article names it without one', () => {
    const found = extract('Shots were fired near Herzliya on Monday. Herzliya police said two men were held.');
    expect(texts(named(found, 'Herzliya'))).toEqual(['Herzliya', 'Herzliya']);
    expect(named(found, 'Herzliya')).toMatchObject({ type: 'city', country: 'ISR' });
  });

  it('tables of figures, dates and ordinary words make no teams', () => {
    const found = extract('Quarterly results:\nSales 1,204 1,100\nNet 95 80\nMarch 12 2024');
    expect(allMentions(found)).not.toContain('Sales');
    expect(allMentions(found)).not.toContain('Net');
    expect(allMentions(found)).not.toContain('March');
  });
});

describe('entities: people the actor knowledge base knows', () => {
  const at = (text: string, date: string) => entities(runPipeline(emptyDoc(text, { value: date, origin: 'option' }), ctx, stagesThrough('tokenise')), ctx).entities;

  it('types a bare surname of an office holder as a person, with the country of the office at the date', () => {
    const found = at('Talks resumed on Monday. Netanyahu said the offer stood, and Sarkozy agreed.', '2009-06-10');
    expect(named(found, 'Netanyahu')).toMatchObject({ type: 'person', country: 'ISR', rule: 'actor-knowledge' });
    expect(named(found, 'Sarkozy')).toMatchObject({ type: 'person', country: 'FRA' });
  });

  it('gives a leader named with a title but no country the country of their office', () => {
    const found = at('Prime Minister Tony Blair arrived in Jerusalem on Sunday.', '2006-09-10');
    expect(named(found, 'Tony Blair')).toMatchObject({ type: 'person', country: 'GBR' });
  });

  it('lets the text say otherwise: its own nationality word wins over the knowledge base', () => {
    const found = at('The Canadian envoy Tony Blair, a namesake, arrived in Ottawa.', '2006-09-10');
    expect(named(found, 'Tony Blair').country).toBe('CAN');
  });

  it('leaves a common word, an abbreviation and an ambiguous name alone', () => {
    const found = at('May was a quiet month. NATO met. Kim spoke to reporters.', '2005-05-03');
    expect(found.filter((e) => e.type === 'person').map((e) => e.name)).toEqual([]);
  });
});

describe('entities: capitalised words that are nobody', () => {
  const people = (text: string) => extract(text).filter((e) => e.type === 'person').map((e) => e.name);

  it('an ordinary word a title line capitalises after a title ("Minister Travels")', () => {
    expect(people('Chilean Foreign Minister Travels to Peru after Official Visit to Bolivia\n\nSANTIAGO - The minister left on Monday.')).toEqual([]);
  });

  it('a compound of ordinary words after a title ("an official State-visit")', () => {
    expect(people('The president will be in Accra on an official State-visit next week.')).toEqual([]);
  });

  it('a phrase that starts a list of names ("On Monday, Pedro Gomez, …")', () => {
    expect(people('On Monday, Pedro Gomez, the foreign minister, flew to Madrid.')).toEqual(['Pedro Gomez']);
  });
});
