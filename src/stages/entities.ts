/**
 * Stage 2: people, organisations, countries, cities, other places and
 * nationalities, each with every mention and the rule that typed it.
 *
 * Capitalised runs of words are the candidates; the gazetteer (hash look-ups
 * of word n-grams), titles, organisation heads and the cues around a name type
 * them sentence by sentence (src/entities/sentence/, its cues listed in the
 * order they run in cues/index.ts), and the article as a whole decides which
 * mentions are one entity (src/entities/resolve.ts). No general-purpose tagger
 * runs here: compromise contributes only its lexicon. The places found, with the
 * dateline and credit lines, give the article's setting (src/entities/setting.ts).
 */
import type { Doc } from '../doc.ts';
import type { StageContext } from '../stage-context.ts';
import { entityRules } from '../entities/rules.ts';
import { buildWords } from '../entities/words.ts';
import { readSentence } from '../entities/sentence/reader.ts';
import type { Description, Mention } from '../entities/sentence/types.ts';
import { resolve } from '../entities/resolve.ts';
import { actorKnowledge } from '../actors/knowledge.ts';
import { findSetting } from '../entities/setting.ts';

/** Loads the rules and the actor knowledge base up front (for a pipeline's `prepare` hook); `entities` loads them on first use otherwise. */
export function prepareEntities(ctx: StageContext): void {
  entityRules(ctx.rulesDir);
  actorKnowledge(ctx.rulesDir);
}

export function entities(doc: Doc, ctx: StageContext): Doc {
  const rules = entityRules(ctx.rulesDir);
  const { words, lowers, ranges } = buildWords(doc, rules.hyphenPrefixes);
  const mentions: Mention[] = [];
  const descriptions: Description[] = [];
  for (const [first, end] of ranges) {
    if (first === end) continue;
    const read = readSentence(doc.plain, words, lowers, first, end, rules);
    mentions.push(...read.mentions);
    descriptions.push(...read.descriptions);
  }
  // In text order: sentences follow each other, so one sort of the article's mentions orders each sentence's.
  mentions.sort((a, b) => a.start - b.start);
  const world = { actors: actorKnowledge(ctx.rulesDir), date: doc.referenceDate.value ?? undefined };
  const found = resolve(mentions, descriptions, rules, doc.text, world);
  return { ...doc, entities: found, setting: findSetting(doc, found, rules.outlets) };
}
