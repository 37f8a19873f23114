/** Sports pages: results and standings lines, fixtures, scorecards and athletes' countries ("Torquay 2 Exeter 0", "v Hampshire", "c Croft b Gough", "NAME ( SUI )") make teams and players of their names. */
import { nameAt, YEAR_OR_DATE } from '../lookup.ts';
import type { EntityMention, NameMention, SentenceState } from '../state.ts';
import { direct } from '../types.ts';
import { layoutCue, setPerson } from './layout.ts';

/** Punctuation between the entries of a line of scores. */
const SCORE_LIST = new Set([',', ':', ';']);

/** "Chicago 4 HOUSTON 3": a town or region in a results line is its team (a country's team stays the country). */
export function resultsTeam(st: SentenceState, { seg, m }: EntityMention): boolean {
  // A home nation ("England captain") is its national side, which stays the place.
  const place = seg.info.type === 'city' || seg.info.type === 'place';
  const town = seg.info.type === 'city' || (seg.info.type === 'place' && !seg.info.country);
  const scored = place && scoreEntry(st, seg.from, seg.to);
  const team = scored || (town && teamCueAround(st, seg.from, seg.to));
  if (!team) return false;
  m.type = 'organization';
  m.rule = scored ? 'score-line' : 'team-cue';
  m.entry = { name: m.name, country: null };
  return true;
}

/** "NAME ( Switzerland )": an athlete of that country. */
export function nationalityBracket(st: SentenceState, { seg, m }: NameMention): boolean {
  const country = bracketedCountry(st, seg.to);
  if (!country) return false;
  setPerson(m, 'nationality-bracket');
  m.evidence.push(direct(country, 'nationality-bracket'));
  return true;
}

export function scorecard(st: SentenceState, { seg, m }: NameMention): boolean {
  if (!scorecardCue(st, seg.from, seg.to)) return false;
  setPerson(m, 'scorecard');
  return true;
}

export const scoreLine = layoutCue('score-line', (st, seg) => scoreEntry(st, seg.from, seg.to));
export const teamCue = layoutCue('team-cue', (st, seg) => seg.to - seg.from === 1 && teamCueAround(st, seg.from, seg.to));
export const venue = layoutCue('venue', (st, seg) => isVenue(st, seg.from, seg.to));

/**
 * A name in a results or standings line: at the start of the line (or after a rank "2." or another
 * score) and followed by a score, perhaps after a bracketed qualifier ("Zeleznik ( B ) 0").
 */
function scoreEntry(st: SentenceState, from: number, to: number): boolean {
  let k = to;
  if (st.words[k]?.text === '(' && st.words[k + 2]?.text === ')' && k + 3 < st.end) k += 3;
  const score = st.words[k];
  if (k < st.end && visitingTeam(st, from, k)) return true;
  if (k >= st.end || score.kind !== 'number' || YEAR_OR_DATE.test(score.text)) return false;
  if (from === st.first) return st.words[from].lineStart;
  const prev = st.words[from - 1];
  if (prev.kind === 'number') return true;
  // "Bristol : Gloucestershire 183 and 185-6 , Northamptonshire 190": not "…, Kia 5 percent".
  const following = st.words[k + 1];
  if (SCORE_LIST.has(prev.text) && (k + 1 >= st.end || following.kind !== 'alpha' || following.cap || following.lower === 'and')) return true;
  const rank = st.words[from - 2];
  return prev.text === '.' && from - 2 === st.first && rank.kind === 'number' && rank.lineStart;
}

/** A schedule line "HOUSTON AT PITTSBURGH": the visiting team, at the start of the line, before "at" and the venue. */
function visitingTeam(st: SentenceState, from: number, k: number): boolean {
  if (from !== st.first || !st.words[from].lineStart || st.lowers[k] !== 'at' || k + 1 >= st.end || !st.words[k + 1].cap) return false;
  for (let e = k + 1; e < st.end; e++) if (st.words[e].kind !== 'alpha' || !st.words[e].cap) return false;
  return true;
}

/** "v Hampshire", "rivals Leicestershire", "Kent beat": a one-word name in a fixture or a result. */
function teamCueAround(st: SentenceState, from: number, to: number): boolean {
  if (from > st.first && !st.words[from - 1].cap && st.rules.teamBefore.endsBefore(st.lowers, from, st.first)) return true;
  return to < st.end && !st.words[to].cap && st.rules.teamAfter.startsAt(st.lowers, to, st.end);
}

/** "Hove : Sussex 363": the ground before a colon at the start of a line of scores. */
function isVenue(st: SentenceState, from: number, to: number): boolean {
  if (from !== st.first || !st.words[from].lineStart || st.words[to]?.text !== ':' || to + 2 >= st.end) return false;
  let e = to + 1;
  while (e < st.end && st.words[e].kind === 'alpha' && st.words[e].cap) e++;
  return e > to + 1 && scoreEntry(st, to + 1, e);
}

/** "( Switzerland )" or "( U.S. )" right after word `to`: the country's code. */
function bracketedCountry(st: SentenceState, to: number): string | null {
  if (st.words[to]?.text !== '(' || to + 2 >= st.end) return null;
  const name = nameAt(st, to + 1, 'anywhere');
  if (!name || name.entry.type !== 'country' || !name.entry.country || st.words[name.to]?.text !== ')' || name.to >= st.end) return null;
  return name.entry.country;
}

/** "c Croft b Gough", "lbw b Mullally"; a batsman at the start of a line before "c", "b", "lbw", "run out". */
function scorecardCue(st: SentenceState, from: number, to: number): boolean {
  const cue = st.words[from - 1];
  if (from > st.first && !cue.cap && st.rules.scorecardBefore.endsBefore(st.lowers, from, st.first)) return true;
  return from === st.first && st.words[from].lineStart && to < st.end && !st.words[to].cap && st.rules.scorecardAfter.startsAt(st.lowers, to, st.end);
}
