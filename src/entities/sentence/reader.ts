/**
 * One sentence at a time: cut the words into segments (titles, gazetteer
 * names, organisations, unknown capitalised names, other words), then turn
 * the segments into mentions, typing unknown names from the cues around them
 * (a title before, an apposition after, a byline, a given name …) and noting
 * the country evidence the sentence gives for each. The cues run in the order
 * cues/index.ts lists them.
 */
import type { EntityRules } from '../rules.ts';
import type { Word } from '../words.ts';
import { ENTITY_CUES, NAME_CUES, SENTENCE_CUES } from './cues/index.ts';
import { nameMention } from './cues/phrase.ts';
import { segment, segmentCaps } from './segment.ts';
import { sentenceMode } from './shape.ts';
import { newMention, sentenceState, type SentenceState } from './state.ts';
import type { SentenceResult } from './types.ts';

/** Reads the sentence made of words [first, end); `lowers` are the normalised forms of all words. */
export function readSentence(text: string, words: readonly Word[], lowers: readonly string[], first: number, end: number, rules: EntityRules): SentenceResult {
  const st = sentenceState(text, words, lowers, first, end, rules);
  const mode = sentenceMode(st);
  if (mode === 'caps') segmentCaps(st);
  else segment(st, mode === 'headline');
  typeMentions(st, mode === 'headline');
  return { mentions: st.mentions, descriptions: st.descriptions };
}

function typeMentions(st: SentenceState, headline: boolean): void {
  // Names look at organisations on both sides ("To Lam, general secretary of Vietnam's Communist Party"), so those come first.
  st.segs.forEach((seg, s) => {
    if (seg.kind !== 'entity') return;
    const m = newMention(st, seg.from, seg.to, seg.info.type, seg.info.rule);
    m.entry = { name: seg.info.name, country: seg.info.country, domain: seg.info.domain };
    seg.mention = m;
    const entity = { s, seg, m };
    for (const cue of ENTITY_CUES) if (cue(st, entity)) break;
  });
  st.segs.forEach((seg, s) => {
    if (seg.kind !== 'name') return;
    const name = nameMention(st, s, seg, headline);
    for (const cue of NAME_CUES) if (cue(st, name)) break;
  });
  for (const cue of SENTENCE_CUES) cue(st);
}
