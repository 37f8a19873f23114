/**
 * The events stage alone: entity and date layers are given by hand, so these
 * tests pin the visit rules and finders whatever the earlier stages do.
 */
import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc } from '../src/doc.ts';
import { defaultContext } from '../src/pipeline.ts';
import { tokenise } from '../src/stages/tokenise.ts';
import { events } from '../src/stages/events.ts';
import type { DateMention, Entity, EntityType, TimexType } from '../src/schema.ts';

interface E {
  name: string;
  type: EntityType;
  country: string | null;
  /** Surface forms to find in the text (default: the name). */
  forms?: string[];
  /** A person who holds an office (default); a coach or a singer does not. */
  official?: boolean;
}

function docWith(text: string, referenceDate: string | null, entities: E[], dates: Array<[string, string, TimexType?]> = []): Doc {
  const doc = tokenise(emptyDoc(text, { value: referenceDate, origin: referenceDate ? 'option' : 'none' }));
  const ents: Entity[] = entities.map((e, i) => {
    const mentions = [];
    for (const form of e.forms ?? [e.name]) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const before = text[at - 1];
        const after = text[at + form.length];
        if ((before && /\w/.test(before)) || (after && /\w/.test(after))) continue;
        mentions.push({ start: at, end: at + form.length, text: form });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: `e${i + 1}`, type: e.type, name: e.name, country: e.country, titles: [], ...(e.type === 'person' ? { official: e.official ?? true } : {}), mentions, rule: 'test' };
  });
  const dateLayer: DateMention[] = dates.map(([surface, value, type]) => {
    const at = text.indexOf(surface);
    return { start: at, end: at + surface.length, text: surface, value, type: type ?? 'DATE', rule: 'test' };
  });
  return { ...doc, entities: ents.filter((e) => e.mentions.length), dates: dateLayer };
}

const ctx = defaultContext();
const visits = (doc: Doc) => events(doc, ctx).events;
const summary = (doc: Doc) =>
  visits(doc).map((v) => ({
    visitors: v.visitors.map((p) => p.name),
    from: v.visitorCountry,
    to: v.destination.country,
    place: v.destination.place,
    when: v.when?.value ?? null,
    status: v.status,
    met: v.met.map((m) => m.name),
  }));

const macron: E = { name: 'Emmanuel Macron', type: 'person', country: 'FRA', forms: ['Emmanuel Macron', 'Macron'] };
const xi: E = { name: 'Xi Jinping', type: 'person', country: 'CHN', forms: ['Xi Jinping', 'Xi'] };
const china: E = { name: 'China', type: 'country', country: 'CHN' };
const beijing: E = { name: 'Beijing', type: 'city', country: 'CHN' };

describe('who makes a visit', () => {
  it('a person who holds no office does not: a coach taking a team on tour, a singer on a tour', () => {
    const coach: E = { name: 'Ruddock', type: 'person', country: 'GBR', official: false };
    const france: E = { name: 'France', type: 'country', country: 'FRA' };
    expect(summary(docWith("Ruddock is preparing for Saturday's trip to France.", '2005-02-10', [coach, france]))).toEqual([]);
    expect(summary(docWith('Macron is preparing for a trip to China.', '2025-02-10', [macron, china]))).toHaveLength(1);
  });
});

describe('visit triggers and arguments', () => {
  it('a verb trigger takes its subject as visitor and its object as destination', () => {
    const doc = docWith('Emmanuel Macron visited China in 2018.', '2019-01', [macron, china], [['2018', '2018']]);
    expect(summary(doc)).toEqual([{ visitors: ['Emmanuel Macron'], from: 'FRA', to: 'CHN', place: null, when: '2018', status: 'completed', met: [] }]);
  });

  it('a city destination gives the country and the place', () => {
    const doc = docWith('Macron arrived in Beijing on Monday.', '2018-01-09', [macron, beijing], [['Monday', '2018-01-08']]);
    expect(summary(doc)[0]).toMatchObject({ to: 'CHN', place: 'Beijing', when: '2018-01-08', status: 'completed' });
  });

  it('a possessive names the visitor of a noun trigger', () => {
    const doc = docWith("The summit would follow Macron's trip in January to China.", '2018-03', [macron, china], [['January', '2018-01']]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], to: 'CHN', when: '2018-01', status: 'completed' });
  });

  it('"visit to X by Y": the agent is the visitor', () => {
    const doc = docWith('The last visit to China by Emmanuel Macron was in 2018.', '2020', [macron, china], [['2018', '2018']]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], to: 'CHN', when: '2018', status: 'completed' });
  });

  it('"hosted by": the host is met and gives the destination country', () => {
    const doc = docWith('Macron was hosted by Xi Jinping.', '2018-01', [macron, xi]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], to: 'CHN', met: ['Xi Jinping'] });
  });

  it('the day a report was made is not the day of the visit', () => {
    const doc = docWith('Macron will visit China, his office said on Monday.', '2018-01-08', [macron, china], [['Monday', '2018-01-08']]);
    expect(summary(doc)[0]).toMatchObject({ when: null, status: 'planned' });
  });

  it('looks past a nationality and a place noun to the place: "in the Chinese capital Beijing"', () => {
    const doc = docWith('Macron visited slums in the Chinese capital Beijing.', '2018-01-08', [macron, { name: 'Chinese', type: 'nationality', country: 'CHN' }, beijing]);
    expect(summary(doc)[0]).toMatchObject({ to: 'CHN', place: 'Beijing' });
  });

  it('"the country" is the country the article is about, not a passing mention', () => {
    const japan: E = { name: 'Japan', type: 'country', country: 'JPN' };
    const doc = docWith(
      'China and France are close. China buys planes. Trade with Japan grew. Macron visited the country in 2017.',
      '2018-01',
      [macron, china, japan, { name: 'France', type: 'country', country: 'FRA' }],
      [['2017', '2017']],
    );
    expect(summary(doc)[0]).toMatchObject({ to: 'CHN', when: '2017' });
  });

  it('"the country" refers to the last country named', () => {
    const doc = docWith('China is isolated. Macron embarked on a trip to the country in 2018.', '2020', [macron, china], [['2018', '2018']]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], to: 'CHN', when: '2018' });
  });

  it('an unnamed actor ("a French president") is named by a person of that country in the sentence', () => {
    const doc = docWith(
      'The last time a French president visited China was in 2018, when Emmanuel Macron met Xi Jinping.',
      '2020',
      [{ name: 'French', type: 'nationality', country: 'FRA' }, macron, xi, china],
      [['2018', '2018']],
    );
    expect(summary(doc)).toEqual([{ visitors: ['Emmanuel Macron'], from: 'FRA', to: 'CHN', place: null, when: '2018', status: 'completed', met: ['Xi Jinping'] }]);
  });

  it('"the first visit … since X in 1957" is an earlier visit by X', () => {
    const doc = docWith(
      'Macron made a trip to China in 2018, the first visit by a French leader since President Charles de Gaulle in 1964.',
      '2020',
      [macron, china, { name: 'Charles de Gaulle', type: 'person', country: 'FRA' }],
      [['2018', '2018'], ['1964', '1964']],
    );
    expect(summary(doc).map((v) => [v.visitors, v.to, v.when])).toEqual([
      [['Emmanuel Macron'], 'CHN', '2018'],
      [['Charles de Gaulle'], 'CHN', '1964'],
    ]);
  });

  it('a tour gives one visit per destination country, whether the places follow or precede the trigger', () => {
    const morrison: E = { name: 'Scott Morrison', type: 'person', country: 'AUS', forms: ['Scott Morrison', 'Morrison'] };
    const places: E[] = [
      { name: 'Vanuatu', type: 'country', country: 'VUT' },
      { name: 'Fiji', type: 'country', country: 'FJI' },
    ];
    const after = docWith('Scott Morrison is wrapping up a three-day trip to Vanuatu and Fiji.', '2019-01-18', [morrison, ...places]);
    expect(summary(after).map((v) => v.to)).toEqual(['VUT', 'FJI']);
    const before = docWith('Morrison wraps up historic Vanuatu, Fiji trip.', '2019-01-18', [morrison, ...places]);
    expect(summary(before).map((v) => v.to)).toEqual(['VUT', 'FJI']);
  });

  it('coordinated visitors all travel', () => {
    const doc = docWith('Macron, Jean Castex and Bruno Le Maire visited China.', '2021', [
      macron,
      { name: 'Jean Castex', type: 'person', country: 'FRA' },
      { name: 'Bruno Le Maire', type: 'person', country: 'FRA' },
      china,
    ]);
    expect(summary(doc)[0].visitors).toEqual(['Emmanuel Macron', 'Jean Castex', 'Bruno Le Maire']);
  });

  it('"he" refers to the last person named', () => {
    const doc = docWith('Macron spoke on Monday. He will visit China next month.', '2018-01-08', [macron, china], [['next month', '2018-02']]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], to: 'CHN', status: 'planned' });
  });
});

describe('status', () => {
  const at = (text: string, ref: string, dates: Array<[string, string]> = []) => summary(docWith(text, ref, [macron, china], dates))[0]?.status;

  it('is planned for a date after the reference date, completed before', () => {
    expect(at('Macron will visit China in March.', '2018-01', [['March', '2018-03']])).toBe('planned');
    expect(at('Macron visited China in 2017.', '2018-01', [['2017', '2017']])).toBe('completed');
  });

  it('reads cues when the date does not decide', () => {
    expect(at('Macron is expected to visit China.', '2018-01')).toBe('planned');
    expect(at('Macron has called off his visit to China.', '2018-01')).toBe('cancelled');
    expect(at('Macron postponed a trip to China.', '2018-01')).toBe('cancelled');
    expect(at('Macron is currently on a visit to China.', '2018-01')).toBe('ongoing');
    expect(at('Macron visited China.', '2018-01')).toBe('completed');
  });

  it('on the reference day: ongoing, unless the trigger verb is past or the phrase says later', () => {
    expect(at('Macron arrives in China on Monday.', '2018-01-08', [['Monday', '2018-01-08']])).toBe('ongoing');
    expect(at('Macron visited China on Monday.', '2018-01-08', [['Monday', '2018-01-08']])).toBe('completed');
    expect(at('Macron is travelling to China later this month.', '2018-01-08', [['later this month', '2018-01']])).toBe('planned');
    expect(at('Macron has said during a visit to China that trade matters.', '2018-01-08')).toBe('ongoing');
  });

  it('a negated visit is no visit', () => {
    expect(at('Macron has no plans to visit China.', '2018-01')).toBeUndefined();
    expect(at('Macron will not visit China this year.', '2018-01')).toBeUndefined();
  });

  it('a phone call is not a visit', () => {
    expect(summary(docWith('Macron spoke by phone with Xi Jinping of China.', '2018-01', [macron, xi, china]))).toEqual([]);
  });

  it('a trip within the visitor\'s own country is not a diplomatic visit', () => {
    expect(summary(docWith('Xi Jinping visited Beijing.', '2018-01', [xi, beijing]))).toEqual([]);
  });
});

describe('merging and meetings', () => {
  it('mentions of one trip become one visit with the most specific date and the place', () => {
    const doc = docWith(
      'Macron is expected to make a state visit to China next month. Macron will hold talks with Xi Jinping after arriving in Beijing on Jan. 8.',
      '2017-12',
      [macron, xi, china, beijing],
      [['next month', '2018-01'], ['Jan. 8', '2018-01-08']],
    );
    expect(summary(doc)).toEqual([{ visitors: ['Emmanuel Macron'], from: 'FRA', to: 'CHN', place: 'Beijing', when: '2018-01-08', status: 'planned', met: ['Xi Jinping'] }]);
  });

  it('a called-off visit stays cancelled when a later mention gives its planned date', () => {
    const doc = docWith(
      'Macron cancelled a planned visit to China, his office announced Sunday. Macron would visit China on Wednesday.',
      '2018-01-07',
      [macron, china],
      [['Sunday', '2018-01-07'], ['Wednesday', '2018-01-10']],
    );
    expect(summary(doc)).toEqual([{ visitors: ['Emmanuel Macron'], from: 'FRA', to: 'CHN', place: null, when: '2018-01-10', status: 'cancelled', met: [] }]);
  });

  it('a called-off trip and an earlier completed one are two visits even when one has no date', () => {
    const doc = docWith('Macron cancelled a planned visit to China. The last time Macron visited China was in 2017.', '2018-01-07', [macron, china], [['2017', '2017']]);
    expect(summary(doc).map((v) => [v.status, v.when])).toEqual([
      ['cancelled', null],
      ['completed', '2017'],
    ]);
  });

  it('"arrived" says the visitor is there now', () => {
    const doc = docWith('Macron arrived in China and announced his plan for a new embassy.', '2018-01-08', [macron, china]);
    expect(summary(doc)[0]).toMatchObject({ status: 'ongoing', when: '2018-01-08' });
  });

  it('a country used as a modifier makes an unnamed actor: "the top French diplomat"', () => {
    const doc = docWith('Macron spoke. The top France diplomat will visit China.', '2018-01-08', [macron, { name: 'France', type: 'country', country: 'FRA' }, china]);
    expect(summary(doc)[0]).toMatchObject({ visitors: ['Emmanuel Macron'], from: 'FRA', to: 'CHN' });
  });

  it('two trips to one country at different times stay two visits', () => {
    const doc = docWith('Macron visited China in 2018. Macron visited China again in 2019.', '2020', [macron, china], [['2018', '2018'], ['2019', '2019']]);
    expect(summary(doc).map((v) => v.when)).toEqual(['2018', '2019']);
  });

  it('a meeting in another sentence joins the visit to the met person\'s country', () => {
    const doc = docWith('Macron will visit China next month. One official said Macron would meet Xi Jinping.', '2017-12', [macron, xi, china], [['next month', '2018-01']]);
    expect(summary(doc)[0].met).toEqual(['Xi Jinping']);
  });

  it('a person of the destination named jointly with the visitor is met ("X and China\'s Y")', () => {
    const doc = docWith("Macron visited China on Monday. Macron and China's president Xi Jinping signed a deal.", '2018-01-08', [macron, xi, china], [['Monday', '2018-01-08']]);
    expect(summary(doc)[0].met).toEqual(['Xi Jinping']);
    const notThere = docWith('Macron visited China on Monday. Macron and Angela Merkel spoke later.', '2018-01-08', [macron, china, { name: 'Angela Merkel', type: 'person', country: 'DEU' }], [['Monday', '2018-01-08']]);
    expect(summary(notThere)[0].met).toEqual([]);
  });

  it('every event carries evidence spans that slice the text, a rule id and attribution', () => {
    const text = 'Macron will visit China next month, two French officials said.';
    const [v] = events(docWith(text, '2017-12', [macron, china], [['next month', '2018-01']]), ctx).events;
    expect(v.rule).toBe('visit-verb');
    expect(v.attribution).toBe('two French officials');
    for (const s of v.evidence) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
