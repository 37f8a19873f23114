/** Names in a list ("A and B", "Write to A and B", "Commissioners for Agriculture, A and B"): typed like the first, and joined to each other. */
import { isComma, isWord } from '../phrase-parts.ts';
import type { SentenceState } from '../state.ts';
import type { Mention } from '../types.ts';

/** Names listed after a plural title or byline cue: "Write to A and B", "Commissioners for Agriculture, A and B". */
export function listAfter(st: SentenceState, s: number, m: Mention): void {
  for (let k = s + 1; k + 1 < st.segs.length; k += 2) {
    const joiner = st.segs[k];
    const next = st.segs[k + 1];
    const word = st.words[joiner.from].lower;
    if (!((joiner.kind === 'punct' && word === ',') || (joiner.kind === 'word' && word === 'and'))) return;
    if (next.kind !== 'name') return;
    next.weak = false;
    next.listedWith = m;
    if (word === 'and') return;
  }
}

/** Unknown names listed with a person are persons: "Scott Morrison and Frank Bainimarama". */
export function linkCoordinated(st: SentenceState): void {
  for (let s = 0; s < st.segs.length; s++) {
    const seg = st.segs[s];
    if ((seg.kind !== 'name' && seg.kind !== 'entity') || !seg.mention) continue;
    const m = seg.mention;
    // A list after a plural title or byline cue types its names, over a guess from their shape alone.
    if (seg.kind === 'name' && seg.listedWith && (m.type === null || m.rule === 'unknown-full-name')) {
      m.type = 'person';
      m.rule = seg.listedWith.rule;
      m.byline = seg.listedWith.byline;
      m.ownedBy = seg.listedWith.ownedBy;
      m.weak = false;
      continue;
    }
    const joiner = st.segs[s + 1];
    const other = st.segs[s + 2];
    if ((other?.kind !== 'name' && other?.kind !== 'entity') || !other.mention) continue;
    const and = joiner?.kind === 'word' && st.words[joiner.from].lower === 'and';
    // "Given , Breen , Staunton": a comma joins names of a list, not "Lebed , Russia 's …" (the next name ends at a list joiner too).
    const after = st.segs[s + 3];
    const listed = isComma(st, joiner) && (!after || isComma(st, after) || isWord(st, after, 'and') || (after.kind === 'punct' && /^[.;)]$/.test(st.words[after.from].text)));
    if (and || listed) {
      m.coordinated.push(other.mention);
      other.mention.coordinated.push(m);
    }
  }
}
