/**
 * Corpus-like articles for order tests, made from the seeds' paragraphs and
 * sentences of our own around invented names wink-nlp has never seen. The
 * names recur across articles in the forms whose tokens wink would learn and
 * reuse ("Dravolin's," then "Dravolin's"), so what one article teaches wink can
 * reach the next. Deterministic: the same `count` gives the same articles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../scripts/seeded-random.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

const SYLLABLES = ['dra', 'vo', 'lin', 'ke', 'zu', 'mar', 'thi', 'ok', 'bel', 'wa', 'nyo', 'rek', 'sa', 'qui', 'tor', 'fen', 'ul', 'ga'];
const COUNTRIES = ['France', 'Japan', 'Kenya', 'Brazil', 'India', 'Germany', 'Vietnam', 'Nigeria', 'Indonesia', 'Canada'];
const CITIES = ['Paris', 'Tokyo', 'Nairobi', 'Brasilia', 'New Delhi', 'Berlin', 'Hanoi', 'Abuja', 'Jakarta', 'Ottawa'];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Vice President', 'Trade Minister'];
const DAYS = ['on Monday', 'on Tuesday', 'next week', 'last month', 'in March', 'on 14 April', 'yesterday'];

const TEMPLATES: Array<(n: Names) => string> = [
  (n) => `${n.title} ${n.first} ${n.last}'s visit to ${n.country} began ${n.day}.`,
  (n) => `${n.first} ${n.last}'s, the delegation's head, said trade with ${n.country} would grow.`,
  (n) => `${n.title} ${n.last} arrived in ${n.city} ${n.day} for talks with ${n.other}.`,
  (n) => `Officials close to ${n.last}'s. office said the trip was postponed.`,
  (n) => `${n.last}'s government said ${n.other} will travel to ${n.country} ${n.day}.`,
  (n) => `Trade with ${n.country} reached $${n.amount} billion, ${n.last}'s office said.`,
  (n) => `"We welcome ${n.last}'s," said ${n.other}, who met the ${n.last}-${n.otherLast} delegation in ${n.city}.`,
  (n) => `Mr. ${n.last}'s aide said ${n.last} met ${n.otherLast}'s ministers in ${n.city} ${n.day}.`,
  (n) => `${n.title} ${n.other} will visit ${n.country} ${n.day}, ${n.last}'s: spokesman said.`,
  // wink tokenises an ellipsis after a possessive it has learned differently: "'s…" then "." ".." or "...".
  (n) => `It was ${n.last}'s... ${n.title} ${n.other} arrived in ${n.city} ${n.day}.`,
  (n) => `${n.title} ${n.first} ${n.last} visited ${n.country} ${n.day}, the first trip of ${n.otherLast}'s... era.`,
  (n) => `${n.title} ${n.first} ${n.last}'s... visit to ${n.country} ${n.day} ended with ${n.other}'s... pledge of $${n.amount} billion.`,
  (n) => `Critics said ${n.last}'s... ${n.last} left for ${n.city}, where ${n.title} ${n.other} met him ${n.day}.`,
];

interface Names {
  title: string;
  first: string;
  last: string;
  other: string;
  otherLast: string;
  country: string;
  city: string;
  day: string;
  amount: string;
}

export function unseenArticles(count: number): Array<{ name: string; text: string }> {
  const next = seededRandom(12);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const word = () => {
    let w = '';
    for (let k = 2 + Math.floor(next() * 2); k > 0; k--) w += pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  // A pool smaller than the articles' needs, so every name recurs in many articles.
  const firsts = Array.from({ length: 40 }, word);
  const lasts = Array.from({ length: 80 }, word);
  const paragraphs = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split(/\n\s*\n/))
    .filter((p) => p.trim().length > 40);
  return Array.from({ length: count }, (_, i) => {
    const lines: string[] = [`${pick(lasts)} to visit ${pick(COUNTRIES)}`, ''];
    for (let s = 3 + Math.floor(next() * 5); s > 0; s--) {
      const names: Names = {
        title: pick(TITLES),
        first: pick(firsts),
        last: pick(lasts),
        other: `${pick(firsts)} ${pick(lasts)}`,
        otherLast: pick(lasts),
        country: pick(COUNTRIES),
        city: pick(CITIES),
        day: pick(DAYS),
        amount: (1 + Math.floor(next() * 90)).toString(),
      };
      lines.push(pick(TEMPLATES)(names));
      if (next() < 0.3) lines.push('', pick(paragraphs), '');
    }
    return { name: `unseen-${String(i).padStart(3, '0')}`, text: lines.join('\n') + '\n' };
  });
}
