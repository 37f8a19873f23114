/**
 * Scoring against gold visit/figure annotations, as ../shared/eval/GOLD-FORMAT.md
 * describes: one-to-one visit matching per article on destination country and a
 * shared visitor surname (or no visitor on both sides), visitor country breaking
 * ties; figures matched on value (within 0.5%) and unit.
 */
import { z } from 'zod';
import type { Extraction, VisitEvent } from '../schema.ts';

export const GoldVisitSchema = z.object({
  visitors: z.array(z.string()),
  visitorCountry: z.string().nullable(),
  destinationCountry: z.string().nullable(),
  place: z.string().nullable(),
  met: z.array(z.string()),
  when: z.string().nullable(),
  status: z.enum(['planned', 'ongoing', 'completed', 'cancelled']),
  optional: z.boolean().default(false),
});
export const GoldFigureSchema = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(['exact', 'approx', 'over', 'under']),
});
export const GoldArticleSchema = z.object({
  id: z.string(),
  source: z.string().optional(),
  referenceDate: z.string().nullable(),
  visits: z.array(GoldVisitSchema),
  figures: z.array(GoldFigureSchema),
});
export type GoldArticle = z.infer<typeof GoldArticleSchema>;
export type GoldVisit = z.infer<typeof GoldVisitSchema>;

/** Name particles and honorifics that say nothing about who a person is. */
const NOT_NAME = new Set(['bin', 'bint', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'mr', 'mrs', 'ms', 'dr', 'sheikh', 'pope']);

export function nameTokens(name: string): Set<string> {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐–.’']/g, ' ');
  return new Set(plain.split(/\s+/).filter((t) => t.length > 1 && !NOT_NAME.has(t)));
}

/** Two names share a surname when they share a name word (order differs across cultures: "Kim Jong Un", "To Lam"). */
export function sharesName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  for (const t of nameTokens(b)) if (ta.has(t)) return true;
  return false;
}

function visitMatches(pred: VisitEvent, gold: GoldVisit): boolean {
  if (pred.destination.country !== gold.destinationCountry) return false;
  const predNames = pred.visitors.map((v) => v.name);
  if (predNames.length === 0 || gold.visitors.length === 0) return predNames.length === 0 && gold.visitors.length === 0;
  return predNames.some((p) => gold.visitors.some((g) => sharesName(p, g)));
}

/** ISO week "2016-W13" → the month its Thursday falls in, "2016-03". */
export function weekToMonth(value: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const thursday = new Date(mondayOfWeek1 + ((Number(m[2]) - 1) * 7 + 3) * 86_400_000);
  return `${thursday.getUTCFullYear()}-${String(thursday.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function whenMatches(pred: string | null, gold: string | null): boolean {
  if (pred === gold) return true;
  return pred !== null && gold !== null && weekToMonth(pred) === gold;
}

export interface VisitPair {
  pred: VisitEvent;
  gold: GoldVisit;
  when: boolean;
  status: boolean;
  country: boolean;
  met: boolean;
}

export interface FigureResult {
  text: string;
  value: number;
  unit: string;
  qualifier: string;
}

export interface ArticleScore {
  id: string;
  /** Matched pairs whose gold visit is not optional. */
  matched: VisitPair[];
  missed: GoldVisit[];
  spurious: VisitEvent[];
  figures: {
    matched: Array<{ pred: FigureResult; gold: FigureResult; qualifier: boolean }>;
    missed: FigureResult[];
    spurious: FigureResult[];
  };
}

function pairVisits(preds: VisitEvent[], golds: GoldVisit[]): { pairs: Array<[number, number]>; } {
  const candidates: Array<{ p: number; g: number; score: number }> = [];
  preds.forEach((pred, p) =>
    golds.forEach((gold, g) => {
      if (!visitMatches(pred, gold)) return;
      // Visitor country decides between otherwise equal candidates; then the closer facts.
      const score =
        (pred.visitorCountry === gold.visitorCountry ? 8 : 0) +
        (whenMatches(pred.when?.value ?? null, gold.when) ? 4 : 0) +
        (pred.status === gold.status ? 2 : 0) +
        (gold.optional ? 0 : 1);
      candidates.push({ p, g, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.p - b.p || a.g - b.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of candidates) {
    if (usedP.has(c.p) || usedG.has(c.g)) continue;
    usedP.add(c.p);
    usedG.add(c.g);
    pairs.push([c.p, c.g]);
  }
  return { pairs };
}

function figuresOf(extraction: Extraction): FigureResult[] {
  return extraction.figures.map((f) => ({ text: f.text, value: f.value, unit: f.unit, qualifier: f.qualifier }));
}

function figureMatches(pred: FigureResult, gold: FigureResult): boolean {
  if (pred.unit !== gold.unit) return false;
  return Math.abs(pred.value - gold.value) <= Math.abs(gold.value) * 0.005;
}

export function scoreArticle(extraction: Extraction, gold: GoldArticle): ArticleScore {
  const preds = extraction.events.filter((e) => e.type === 'visit');
  const { pairs } = pairVisits(preds, gold.visits);
  const pairedP = new Set(pairs.map(([p]) => p));
  const pairedG = new Set(pairs.map(([, g]) => g));
  const matched: VisitPair[] = [];
  for (const [p, g] of pairs) {
    const pred = preds[p];
    const gv = gold.visits[g];
    if (gv.optional) continue;
    const metNames = pred.met.map((m) => m.name);
    matched.push({
      pred,
      gold: gv,
      when: whenMatches(pred.when?.value ?? null, gv.when),
      status: pred.status === gv.status,
      country: pred.visitorCountry === gv.visitorCountry,
      met: gv.met.every((name) => metNames.some((m) => sharesName(m, name))),
    });
  }
  const missed = gold.visits.filter((v, g) => !pairedG.has(g) && !v.optional);
  const spurious = preds.filter((_, p) => !pairedP.has(p));

  const predFigures = figuresOf(extraction);
  const usedGold = new Set<number>();
  const figMatched: ArticleScore['figures']['matched'] = [];
  const figSpurious: FigureResult[] = [];
  for (const pf of predFigures) {
    const g = gold.figures.findIndex((gf, i) => !usedGold.has(i) && figureMatches(pf, gf));
    if (g < 0) {
      figSpurious.push(pf);
      continue;
    }
    usedGold.add(g);
    figMatched.push({ pred: pf, gold: gold.figures[g], qualifier: pf.qualifier === gold.figures[g].qualifier });
  }
  const figMissed = gold.figures.filter((_, i) => !usedGold.has(i));
  return { id: gold.id, matched, missed, spurious, figures: { matched: figMatched, missed: figMissed, spurious: figSpurious } };
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Summary {
  articles: number;
  visits: Prf;
  when: number;
  status: number;
  visitorCountry: number;
  met: number;
  figures: Prf;
  qualifier: number;
}

const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function summarise(scores: ArticleScore[]): Summary {
  const matched = scores.flatMap((s) => s.matched);
  const figMatched = scores.flatMap((s) => s.figures.matched);
  return {
    articles: scores.length,
    visits: prf(
      matched.length,
      scores.reduce((n, s) => n + s.spurious.length, 0),
      scores.reduce((n, s) => n + s.missed.length, 0),
    ),
    when: share(matched.filter((m) => m.when).length, matched.length),
    status: share(matched.filter((m) => m.status).length, matched.length),
    visitorCountry: share(matched.filter((m) => m.country).length, matched.length),
    met: share(matched.filter((m) => m.met).length, matched.length),
    figures: prf(
      figMatched.length,
      scores.reduce((n, s) => n + s.figures.spurious.length, 0),
      scores.reduce((n, s) => n + s.figures.missed.length, 0),
    ),
    qualifier: share(figMatched.filter((m) => m.qualifier).length, figMatched.length),
  };
}
