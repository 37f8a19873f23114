/**
 * Stage 5: visit events. Triggers from rules/visit.yaml fire on token
 * patterns; argument finders fill visitor, host and destination; the date
 * layer gives the time; rules/status.yaml decides the status. Mentions of one
 * trip across the article are then merged into one event, and meetings
 * ("met with", "summit with") are attached to the visit they belong to.
 */
import type { Diagnostic, Doc, Token } from '../doc.ts';
import { sentenceIndexAt, span } from '../doc.ts';
import type { StageContext } from '../stage-context.ts';
import { findAll, matchAt } from '../rules/matcher.ts';
import type { ActorRef, Span, VisitEvent, VisitStatus } from '../schema.ts';
import { partitionPoint } from '../sorted.ts';
import { visitRules, type CompiledTrigger, type CompiledVisitRules } from '../events/rules.ts';
import { indexMentions, isPerson, type DateRef, type MentionIndex, type MentionRef } from '../events/mentions.ts';
import {
  agent,
  coreference,
  modifierPlace,
  withinPlace,
  settingPlace,
  hostPlace,
  topic,
  object,
  objectPlace,
  possessor,
  since,
  subject,
  toPlace,
  type Actor,
  type FinderContext,
  type PlaceRef,
} from '../events/finders.ts';

interface Candidate {
  rule: CompiledTrigger;
  sentence: number;
  /** Token range of the trigger. */
  start: number;
  end: number;
  visitors: MentionRef[];
  visitorCountry: string | null;
  /** The visitor was "the <nationality> <title>": one particular person. */
  definiteActor: boolean;
  /** "the President's trip": the title that names the visitor (see nameUnnamed). */
  actorTitle?: string;
  hosts: MentionRef[];
  destination: PlaceRef | null;
  when: DateRef | null;
  status: VisitStatus;
  evidence: Span[];
  met: MentionRef[];
  attribution?: string;
  /** The event this candidate was merged into (itself when it founded one). */
  into?: Candidate;
}


function findVisitor(ctx: FinderContext, rule: CompiledTrigger, start: number, end: number): Actor | null {
  for (const finder of rule.visitor) {
    const found =
      finder === 'subject'
        ? subject(ctx, start)
        : finder === 'possessor'
          ? possessor(ctx, start)
          : finder === 'agent'
            ? agent(ctx, end)
            : finder === 'object'
              ? object(ctx, end)
              : finder === 'topic'
                ? topic(ctx, start)
                : since(ctx, end);
    if (found) return found;
  }
  return null;
}

function findHost(ctx: FinderContext, rule: CompiledTrigger, start: number, end: number): Actor | null {
  for (const finder of rule.host) {
    const found = finder === 'subject' ? subject(ctx, start) : finder === 'agent' ? agent(ctx, end) : finder === 'place' ? hostPlace(ctx, start) : object(ctx, end);
    if (found) return found;
  }
  return null;
}

/** The destinations of a trigger: one or more coordinated places ("a trip to Vanuatu and Fiji"). */
function findDestinations(ctx: FinderContext, rule: CompiledTrigger, start: number, end: number, host: Actor | null, visitorCountry: string | null): PlaceRef[] {
  for (const finder of rule.destination) {
    let found: PlaceRef[] = [];
    if (finder === 'object') found = objectPlace(ctx, end);
    else if (finder === 'to') found = toPlace(ctx, end);
    else if (finder === 'modifier') found = modifierPlace(ctx, start);
    else if (finder === 'within') found = withinPlace(ctx, start, end);
    else if (finder === 'setting') found = [settingPlace(ctx, start, end)].filter((p): p is PlaceRef => p !== null);
    else if (finder === 'coreference') found = [coreference(ctx, start, end, visitorCountry)].filter((p): p is PlaceRef => p !== null);
    else if (finder === 'host-country') {
      const country = host?.people[0]?.entity.country ?? host?.country ?? null;
      if (country && host) found = [{ mention: null, country, start: host.start, end: host.end }];
    }
    // 'sentence' is resolved once every trigger of the sentence is known.
    if (found.length) return found;
  }
  return [];
}

/** Whether the tokens from `from` to `to` hold "since" followed by a clause ("since he took office in June"). */
function sinceClauseBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (tokens[i].lower !== 'since') continue;
    for (let j = i + 1; j < to; j++) if (tokens[j].pos === 'VERB' || tokens[j].pos === 'PRON') return true;
  }
  return false;
}

const CALENDAR_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?/;
/** A date further than this many tokens from its trigger belongs to another clause. */
const MAX_DATE_DISTANCE = 20;

/** The date of the visit: the nearest calendar date in the sentence, not across another trigger or a since-clause. */
function findWhen(doc: Doc, index: MentionIndex, anchorStart: number, anchorEnd: number, sentenceStart: number, sentenceEnd: number, triggers: Array<[number, number]>): DateRef | null {
  let best: DateRef | null = null;
  let bestCost = Infinity;
  // Dates are in text order: start at the sentence's first one (binary search), stop after its last.
  const first = partitionPoint(index.dates.length, (k) => index.dates[k].start < sentenceStart);
  for (let k = first; k < index.dates.length && index.dates[k].start < sentenceEnd; k++) {
    const d = index.dates[k];
    if (d.end > sentenceEnd) continue;
    if ((d.date.type !== 'DATE' && d.date.type !== 'TIME') || !CALENDAR_VALUE.test(d.date.value)) continue;
    if (reportingDate(doc.tokens, d.start)) continue;
    // "the first visit since 2019": the date of an earlier trip (sinceDates), not this one's.
    if (d.start > 0 && doc.tokens[d.start - 1].lower === 'since') continue;
    const after = d.start >= anchorEnd;
    const [gapStart, gapEnd] = after ? [anchorEnd, d.start] : [d.end, anchorStart];
    if (after && sinceClauseBetween(doc.tokens, gapStart, gapEnd)) continue;
    if (gapEnd - gapStart > MAX_DATE_DISTANCE) continue;
    const crosses = triggers.some(([s, e]) => s >= gapStart && e <= gapEnd && !(s === anchorStart && e === anchorEnd));
    // "after first visiting Bhutan in June 2014, Modi visited the US": a date as near another trigger before it (or nearer) is that one's, not this one's.
    if (triggers.some(([s, e]) => e <= d.start && s !== anchorStart && d.start - e <= gapEnd - gapStart)) continue;
    const cost = gapEnd - gapStart + (crosses ? 100 : 0);
    if (cost < bestCost) {
      best = d;
      bestCost = cost;
    }
  }
  return best;
}

function partition<T>(items: readonly T[], keep: (item: T) => boolean): [T[], T[]] {
  return [items.filter(keep), items.filter((i) => !keep(i))];
}

/** A date after "since" in "the first (visit) … since 2019", before another trigger: a trip was made then. */
function firstSinceDates(doc: Doc, index: MentionIndex, start: number, end: number, sentenceStart: number, sentenceEnd: number, triggers: Array<[number, number]>): Array<DateRef & { since: true }> {
  let first = false;
  for (let i = Math.max(sentenceStart, start - 8); i < end; i++) if (doc.tokens[i].lower === 'first') first = true;
  if (!first) return [];
  const next = triggers.find(([s]) => s >= end)?.[0] ?? sentenceEnd;
  for (let i = end; i < Math.min(next, end + 8, sentenceEnd); i++) {
    if (doc.tokens[i].lower !== 'since') continue;
    const date = index.dateAt.get(i + 1);
    return date && date.end <= sentenceEnd && CALENDAR_VALUE.test(date.date.value) && date.date.type === 'DATE' ? [{ ...date, since: true }] : [];
  }
  return [];
}

/** Dates after "again" ("and again in June 2016", "then again in December") later in the sentence, before another trigger. */
function againDates(doc: Doc, index: MentionIndex, from: number, sentenceEnd: number, triggers: Array<[number, number]>): DateRef[] {
  const next = triggers.find(([s]) => s >= from)?.[0] ?? sentenceEnd;
  const found: DateRef[] = [];
  for (let i = from; i < Math.min(next, sentenceEnd); i++) {
    if (doc.tokens[i].lower !== 'again') continue;
    const date = [index.dateAt.get(i + 1), index.dateAt.get(i + 2)].find((d) => d !== undefined && d.end <= sentenceEnd && CALENDAR_VALUE.test(d.date.value));
    if (date) found.push(date);
  }
  return found;
}

const REPORTING_VERBS = new Set(['say', 'announce', 'tell', 'report', 'confirm', 'state', 'add', 'disclose', 'reveal']);

/** "the State Department announced Sunday", "he said on Monday": the day of the report, not of the visit. */
function reportingDate(tokens: readonly Token[], dateStart: number): boolean {
  let i = dateStart - 1;
  if (i >= 0 && /^(on|last|this)$/.test(tokens[i].lower)) i--;
  return i >= 0 && tokens[i].pos === 'VERB' && REPORTING_VERBS.has(tokens[i].lemma);
}

/** Compares a TimeML calendar value with the reference date at the precision both have. */
function compareToReference(value: string, reference: string | null): -1 | 0 | 1 | null {
  if (!reference) return null;
  const m = CALENDAR_VALUE.exec(value);
  if (!m) return null;
  const n = Math.min(m[0].length, reference.length);
  const a = m[0].slice(0, n);
  const b = reference.slice(0, n);
  return a < b ? -1 : a > b ? 1 : 0;
}

type Tense = 'past' | 'present' | null;
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', 'does', "'s"]);

function tenseOf(t: Token): Tense {
  const l = t.lower;
  if (PAST_AUX.has(l)) return 'past';
  // A possessive "'s" ("the President's trip") is no "is".
  if (PRESENT_AUX.has(l)) return l === "'s" && t.pos !== 'AUX' ? null : 'present';
  if (t.pos !== 'VERB') return null;
  if (l === t.lemma) return null;
  if (/ing$/.test(l)) return 'present';
  if (/s$/.test(l)) return 'present';
  if (/en$/.test(l) && !/ed$/.test(l)) return null;
  return 'past';
}

function decideStatus(
  doc: Doc,
  rules: CompiledVisitRules,
  c: { start: number; end: number; when: DateRef | null; implied?: VisitStatus },
  sentenceStart: number,
  sentenceEnd: number,
): VisitStatus | 'negated' {
  const from = Math.max(sentenceStart, c.start - rules.window.before);
  const to = Math.min(sentenceEnd, c.end + rules.window.after);
  for (const n of rules.negations) for (let i = from; i < c.start; i++) if (matchAt(n.pattern, doc.tokens, i, c.start) > i) return 'negated';
  const cueAt = (status: VisitStatus | null) => {
    // Nearest cue first: scan outwards from the trigger.
    // The trigger's own words count too ("arrived" says the visitor is there).
    for (let i = c.start; i < c.end; i++) {
      for (const cue of rules.cues) if ((status === null || cue.status === status) && matchAt(cue.pattern, doc.tokens, i, c.end) > i) return cue.status;
    }
    for (let d = 1; d <= Math.max(c.start - from, to - c.end); d++) {
      for (const i of [c.start - d, c.end + d - 1]) {
        if (i < from || i >= to) continue;
        for (const cue of rules.cues) if ((status === null || cue.status === status) && matchAt(cue.pattern, doc.tokens, i, sentenceEnd) > i) return cue.status;
      }
    }
    return null;
  };
  if (cueAt('cancelled')) return 'cancelled';
  if (c.implied) return c.implied;
  const relation = c.when ? compareToReference(c.when.date.value, doc.referenceDate.value) : null;
  if (relation === -1) return 'completed';
  if (relation === 1) return 'planned';
  if (relation === 0) {
    // The same month or year as the reference: the date phrase may still say which side it is on.
    if (/\b(later|coming|next|upcoming|forthcoming)\b/i.test(c.when!.date.text)) return 'planned';
    if (/\b(earlier|last|past|ago)\b/i.test(c.when!.date.text)) return 'completed';
  }
  const cued = cueAt(null);
  if (cued) return cued;
  // A visit dated on the reference day itself is under way as the article is written.
  // A visit dated on the reference day itself is under way as the article is written,
  // unless the trigger verb itself is in the past ("hosted … on Monday").
  if (relation === 0 && c.when!.date.value.length >= 10 && (doc.referenceDate.value?.length ?? 0) >= 10) {
    return tenseOf(doc.tokens[c.start]) === 'past' ? 'completed' : 'ongoing';
  }
  // An auxiliary right before the trigger sets the tense of the verb group ("has arrived" is present).
  for (let i = c.start - 1; i >= Math.max(sentenceStart, c.start - 2); i--) {
    if (doc.tokens[i].pos !== 'AUX') continue;
    const tense = tenseOf(doc.tokens[i]);
    if (tense) return tense === 'past' ? 'completed' : 'ongoing';
  }
  for (let d = 0; d <= rules.window.before; d++) {
    for (const i of [c.start - d, c.end + d]) {
      if (i < sentenceStart || i >= sentenceEnd) continue;
      const tense = tenseOf(doc.tokens[i]);
      if (tense === 'past') return 'completed';
      if (tense === 'present') return 'ongoing';
    }
  }
  return 'planned';
}

function attributionOf(doc: Doc, rules: CompiledVisitRules, sentence: { start: number; end: number }): string | undefined {
  const text = doc.plain.slice(sentence.start, sentence.end);
  for (const p of rules.attribution) {
    const m = p.regex.exec(text);
    if (m?.groups?.source) return m.groups.source.trim();
  }
  return undefined;
}

/** Per pattern, the token positions where it may start a match (undefined: anywhere); see `StartIndex`. */
type Starts = ReadonlyArray<readonly number[] | undefined>;

/** Whether some pattern's `starts` has a position in [from, to). */
function anyStartIn(starts: Starts, from: number, to: number, cursor: number[]): boolean {
  let any = false;
  for (let k = 0; k < starts.length; k++) {
    const positions = starts[k];
    if (!positions) {
      any = true;
      continue;
    }
    // Sentences come in order: each pattern's cursor only moves forward.
    let c = cursor[k];
    while (c < positions.length && positions[c] < from) c++;
    cursor[k] = c;
    if (c < positions.length && positions[c] < to) any = true;
  }
  return any;
}

function extractCandidates(doc: Doc, rules: CompiledVisitRules, index: MentionIndex, starts: Starts, diagnostics: Diagnostic[]): Candidate[] {
  const candidates: Candidate[] = [];
  let topic: MentionRef | null = null;
  const cursor = starts.map(() => 0);
  doc.sentences.forEach((sentence, si) => {
    // A sentence where no trigger can match leaves everything as it was.
    if (!anyStartIn(starts, sentence.firstToken, sentence.endToken, cursor)) return;
    const ctx: FinderContext = { doc, rules, index, sentenceStart: sentence.firstToken, sentenceEnd: sentence.endToken, topic };
    const taken = new Set<number>();
    const found: Array<{ rule: CompiledTrigger; start: number; end: number }> = [];
    rules.triggers.forEach((rule, k) => {
      for (const m of findAll(rule.pattern, doc.tokens, sentence.firstToken, sentence.endToken, starts[k])) {
        let free = true;
        for (let i = m.start; i < m.end; i++) if (taken.has(i)) free = false;
        if (!free) continue;
        for (let i = m.start; i < m.end; i++) taken.add(i);
        found.push({ rule, ...m });
      }
    });
    found.sort((a, b) => a.start - b.start);
    const triggerRanges = found.map((f): [number, number] => [f.start, f.end]);
    const inSentence: Candidate[] = [];
    for (const { rule, start, end } of found) {
      const triggerSpan = span(doc.text, doc.tokens[start].start, doc.tokens[end - 1].end);
      const nearMiss = (why: string) =>
        diagnostics.push({ stage: 'events', kind: 'near-miss', rule: rule.id, span: triggerSpan, message: `trigger '${triggerSpan.text}' (${rule.id}) ${why}` });
      const visitor = findVisitor(ctx, rule, start, end);
      if (!visitor) {
        nearMiss('has no visitor');
        continue;
      }
      const host = rule.host.length ? findHost(ctx, rule, start, end) : null;
      const visitorCountry = visitor.people.find((p) => p.entity.country)?.entity.country ?? visitor.country;
      const destinations = findDestinations(ctx, rule, start, end, host, visitorCountry);
      if (visitor.people.length) ctx.topic = topic = visitor.people[0];
      const [anchorStart, anchorEnd] = rule.anchor === 'visitor' ? [visitor.start, visitor.end] : [start, end];
      const when = findWhen(doc, index, anchorStart, anchorEnd, sentence.firstToken, sentence.endToken, triggerRanges);
      const status = decideStatus(doc, rules, { start, end, when, implied: rule.status }, sentence.firstToken, sentence.endToken);
      if (status === 'negated') {
        nearMiss('is negated');
        continue;
      }
      const evidence = [triggerSpan, span(doc.text, doc.tokens[visitor.start].start, doc.tokens[visitor.end - 1].end)];
      if (when) evidence.push(span(doc.text, when.date.start, when.date.end));
      // One visit per destination country of a tour; a listed place with a date of its own ("Bhutan in June, Brazil in July") takes it.
      for (const destination of destinations.length ? destinations : [null]) {
        // "Premier Li and Chilean President Bachelet attended … in Santiago": a listed person of the destination's country hosts.
        const [travellers, hosting] = destination && visitor.people.length > 1 ? partition(visitor.people, (p) => p.entity.country !== destination.country) : [visitor.people, []];
        const own = destination?.when;
        const ownStatus = own ? decideStatus(doc, rules, { start, end, when: own, implied: rule.status }, sentence.firstToken, sentence.endToken) : status;
        if (ownStatus === 'negated') continue;
        inSentence.push({
          rule,
          sentence: si,
          start,
          end,
          visitors: travellers.length ? travellers : visitor.people,
          visitorCountry,
          definiteActor: visitor.definite ?? false,
          ...(visitor.title ? { actorTitle: visitor.title } : {}),
          hosts: [...(host?.people ?? []), ...(travellers.length ? hosting : [])],
          destination,
          when: own ?? when,
          status: ownStatus,
          evidence: destination
            ? [...(own ? [...evidence.slice(0, 2), span(doc.text, own.date.start, own.date.end)] : evidence), span(doc.text, doc.tokens[destination.start].start, doc.tokens[destination.end - 1].end)]
            : [...evidence],
          met: [],
        });
      }
      // "visited Russia in July 2015 and again in December 2015": another trip to the same places;
      // "the first visit to Japan since 2019": an earlier one, made.
      const repeats: Array<DateRef & { since?: true }> = [...againDates(doc, index, end, sentence.endToken, triggerRanges), ...firstSinceDates(doc, index, start, end, sentence.firstToken, sentence.endToken, triggerRanges)];
      for (const again of repeats) {
        const againStatus = again.since ? 'completed' : decideStatus(doc, rules, { start, end, when: again, implied: rule.status }, sentence.firstToken, sentence.endToken);
        if (againStatus === 'negated') continue;
        for (const destination of destinations) {
          inSentence.push({
            rule,
            sentence: si,
            start,
            end,
            visitors: visitor.people,
            visitorCountry,
            definiteActor: visitor.definite ?? false,
            ...(visitor.title ? { actorTitle: visitor.title } : {}),
            hosts: host?.people ?? [],
            destination,
            when: { date: again.date, start: again.start, end: again.end },
            status: againStatus,
            evidence: [triggerSpan, evidence[1], span(doc.text, again.date.start, again.date.end), span(doc.text, doc.tokens[destination.start].start, doc.tokens[destination.end - 1].end)],
            met: [],
          });
        }
      }
    }
    // 'sentence' destinations: borrow the nearest destination found in the same sentence.
    for (const c of inSentence) {
      if (c.destination || !c.rule.destination.includes('sentence')) continue;
      const donor = inSentence
        .filter((o) => o !== c && o.destination)
        .sort((a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start))[0];
      if (donor) c.destination = { ...donor.destination!, mention: donor.destination!.mention };
    }
    const attribution = inSentence.length ? attributionOf(doc, rules, sentence) : undefined;
    for (const c of inSentence) {
      if (!c.destination) {
        diagnostics.push({ stage: 'events', kind: 'near-miss', rule: c.rule.id, span: c.evidence[0], message: `trigger '${c.evidence[0].text}' (${c.rule.id}) has no destination` });
        continue;
      }
      if (attribution) c.attribution = attribution;
      candidates.push(c);
    }
  });
  return candidates;
}

const REFERENCE_RULE = 'reference-date';

/** A visit under way with no date of its own happens at the reference date (news reports the day's events). */
function dateOngoing(doc: Doc, candidates: Candidate[]): void {
  const value = doc.referenceDate.value;
  if (!value) return;
  for (const c of candidates) {
    if (c.status !== 'ongoing' || c.when) continue;
    c.when = { date: { start: 0, end: 0, text: '', value, type: 'DATE', rule: REFERENCE_RULE }, start: -1, end: -1 };
  }
}

/**
 * An unnamed actor gets a name: "a Vietnamese leader … when party chief Nguyen Phu Trong …"
 * takes the person of that country nearest the trigger in the sentence; "the Ukrainian
 * president" with nobody of that country in the sentence takes the article's most
 * mentioned person of that country.
 */
function nameUnnamed(doc: Doc, index: MentionIndex, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.actorTitle && !c.visitors.length) {
      // "the President's trip": the article's most mentioned official with that title.
      const title = new RegExp(`\\b${c.actorTitle}\\b`, 'i');
      const holder = doc.entities.filter((e) => e.type === 'person' && e.official && e.titles.some((t) => title.test(t))).sort((a, b) => b.mentions.length - a.mentions.length)[0];
      const mention = holder && index.mentions.find((m) => m.entity === holder);
      if (mention) {
        c.visitors = [mention];
        c.visitorCountry ??= holder.country;
      }
      continue;
    }
    if (c.visitors.length || !c.visitorCountry) continue;
    const sentence = doc.sentences[c.sentence];
    const taken = new Set(candidates.filter((o) => o !== c && o.sentence === c.sentence && !whenCompatible(o, c)).flatMap((o) => o.visitors.map((v) => v.entity.id)));
    const hosts = new Set(c.hosts.map((h) => h.entity.id));
    const eligible = (m: MentionRef) => isPerson(m) && m.entity.country === c.visitorCountry && !taken.has(m.entity.id) && !hosts.has(m.entity.id);
    const inSentence = index.mentions.filter((m) => eligible(m) && m.start >= sentence.firstToken && m.end <= sentence.endToken);
    inSentence.sort((a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start));
    if (inSentence[0]) {
      c.visitors = [inSentence[0]];
      continue;
    }
    if (!c.definiteActor) continue;
    const prominent = index.mentions
      .filter(eligible)
      .map((m) => m.entity)
      .sort((a, b) => b.mentions.length - a.mentions.length)[0];
    const mention = prominent && index.mentions.find((m) => m.entity === prominent);
    if (mention) c.visitors = [mention];
  }
}

/** Days of one trip: a visit's mentions name the days of its programme ("arrives on the 13th … received on the 14th"). */
const TRIP_DAYS = 7;
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (value: string) => Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000;

function whenCompatible(a: { when: DateRef | null }, b: { when: DateRef | null }): boolean {
  if (!a.when || !b.when) return true;
  const x = a.when.date.value;
  const y = b.when.date.value;
  if (DAY_VALUE.test(x) && DAY_VALUE.test(y)) return Math.abs(dayOf(x) - dayOf(y)) <= TRIP_DAYS;
  return x.startsWith(y) || y.startsWith(x);
}

function sameVisitors(a: Candidate, b: Candidate): boolean {
  if (a.visitors.length && b.visitors.length) {
    const ids = new Set(a.visitors.map((v) => v.entity.id));
    return b.visitors.some((v) => ids.has(v.entity.id));
  }
  return a.visitorCountry === null || b.visitorCountry === null || a.visitorCountry === b.visitorCountry;
}

/**
 * A past trip and a planned or called-off one are different trips, even when one
 * of them has no date ("canceled a planned visit to South Korea" … "the last time
 * Pompeo visited Seoul was in June 2019"). Unnamed mentions are too vague to tell.
 */
function sameTrip(a: Candidate, b: Candidate): boolean {
  if (!a.visitors.length || !b.visitors.length || (a.when && b.when)) return true;
  const past = (c: Candidate) => c.status === 'completed';
  const ahead = (c: Candidate) => c.status === 'planned' || c.status === 'cancelled';
  return !((past(a) && ahead(b)) || (ahead(a) && past(b)));
}

/** How well a destination names the place: a city beats a site, a site an organisation, and any of them a bare country. */
const PLACE_RANK: Record<string, number> = { country: 0, organization: 1, place: 2, city: 3 };
function placeRank(d: PlaceRef | null): number {
  return d?.mention ? (PLACE_RANK[d.mention.entity.type] ?? 0) : 0;
}

/** Folds `c` into `into`: the more specific date (and its status), all evidence, named visitors. */
function absorb(into: Candidate, c: Candidate): void {
  // The more specific date; of two days of one trip, the first.
  const moreSpecific = c.when && (!into.when || c.when.date.value.length > into.when.date.value.length || (DAY_VALUE.test(c.when.date.value) && DAY_VALUE.test(into.when.date.value) && c.when.date.value < into.when.date.value));
  if (moreSpecific) {
    into.when = c.when;
    // A visit called off stays called off, whatever an earlier mention of the plan said.
    if (into.status !== 'cancelled') into.status = c.status;
  }
  if (c.status === 'cancelled') into.status = 'cancelled';
  if (!into.visitors.length && c.visitors.length) {
    into.visitors = c.visitors;
    into.rule = c.rule;
  } else {
    for (const v of c.visitors) if (!into.visitors.some((x) => x.entity.id === v.entity.id)) into.visitors.push(v);
  }
  into.visitorCountry ??= c.visitorCountry;
  if (placeRank(c.destination) > placeRank(into.destination)) into.destination = c.destination;
  into.hosts.push(...c.hosts);
  into.evidence.push(...c.evidence);
  into.attribution ??= c.attribution;
}

function merge(candidates: Candidate[]): Candidate[] {
  const events: Candidate[] = [];
  for (const c of candidates) {
    const options = events.filter((e) => e.destination!.country === c.destination!.country && sameVisitors(e, c) && whenCompatible(e, c) && sameTrip(e, c));
    options.sort((a, b) => {
      const exact = (e: Candidate) => (e.when && c.when && e.when.date.value === c.when.date.value ? 0 : 1);
      return exact(a) - exact(b) || Math.abs(a.sentence - c.sentence) - Math.abs(b.sentence - c.sentence);
    });
    if (options[0]) {
      absorb(options[0], c);
      c.into = options[0];
    } else {
      const founded: Candidate = { ...c, visitors: [...c.visitors], hosts: [...c.hosts], evidence: [...c.evidence], met: [] };
      events.push(founded);
      c.into = founded;
    }
  }
  return events;
}

/** "met with Y", "summit with Y": attach Y to the visit of that sentence, or to the subject's visit to Y's country. */
function attachMeetings(doc: Doc, rules: CompiledVisitRules, index: MentionIndex, starts: Starts, events: Candidate[]): void {
  const sentencesOf = (e: Candidate) => new Set(e.evidence.map((s) => sentenceIndexAt(doc, s.start)));
  const eventSentences = events.map(sentencesOf);
  const cursor = starts.map(() => 0);
  // People in text order; `next` is the first one not before the current sentence.
  const people = index.mentions.filter(isPerson);
  let next = 0;
  doc.sentences.forEach((sentence, si) => {
    if (anyStartIn(starts, sentence.firstToken, sentence.endToken, cursor)) {
      const ctx: FinderContext = { doc, rules, index, sentenceStart: sentence.firstToken, sentenceEnd: sentence.endToken, topic: null };
      rules.meetings.forEach((meeting, k) => {
        for (const m of findAll(meeting.pattern, doc.tokens, sentence.firstToken, sentence.endToken, starts[k])) {
          const met = object(ctx, m.end)?.people ?? [];
          if (!met.length) continue;
          const who = subject(ctx, m.start)?.people ?? [];
          const here = events.filter((_, i) => eventSentences[i].has(si));
          const target =
            here[0] ??
            events.find((e) => who.some((w) => e.visitors.some((v) => v.entity.id === w.entity.id)) && met.every((p) => p.entity.country === null || p.entity.country === e.destination!.country));
          if (target) target.met.push(...met);
        }
      });
    }
    while (next < people.length && people[next].start < sentence.firstToken) next++;
    const inSentence: MentionRef[] = [];
    for (let k = next; k < people.length && people[k].start < sentence.endToken; k++) if (people[k].end <= sentence.endToken) inSentence.push(people[k]);
    if (inSentence.length > 1) attachCoActors(doc, events, inSentence);
  });
}

/**
 * "Mr Morrison and Vanuatu's prime minister Charlot Salwai reached an agreement":
 * a person of the destination country named jointly with the visitor ("X and Y")
 * is someone the visitor met there. `people` are the persons of one sentence, in text order.
 */
function attachCoActors(doc: Doc, events: Candidate[], people: readonly MentionRef[]): void {
  for (let k = 0; k + 1 < people.length; k++) {
    const [a, b] = [people[k], people[k + 1]];
    const between = doc.tokens.slice(a.end, b.start);
    // Only "and" and what may stand before a name: titles, a possessive country, determiners.
    if (!between.some((t) => t.lower === 'and') || between.some((t) => t.pos === 'VERB' || t.lower === ',' || (t.pos === 'ADP' && t.lower !== 'of'))) continue;
    for (const [visitor, other] of [[a, b], [b, a]]) {
      for (const e of events) {
        if (!e.visitors.some((v) => v.entity.id === visitor.entity.id)) continue;
        if (other.entity.country && other.entity.country === e.destination!.country) e.met.push(other);
      }
    }
  }
}

function actorRef(m: MentionRef): ActorRef {
  const title = m.entity.titles[0];
  return { name: m.entity.name, entity: m.entity.id, ...(title ? { title } : {}) };
}

function uniqueActors(mentions: MentionRef[], exclude: Set<string>): ActorRef[] {
  const seen = new Set<string>(exclude);
  const out: ActorRef[] = [];
  for (const m of mentions) {
    if (seen.has(m.entity.id)) continue;
    seen.add(m.entity.id);
    out.push(actorRef(m));
  }
  return out;
}

function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans
    .filter((s) => {
      const key = `${s.start}:${s.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The place of a visit: the city or site named as its destination, else a city of that country in its sentences, else the organisation visited. */
function placeName(doc: Doc, index: MentionIndex, e: Candidate): string | null {
  const d = e.destination!;
  const type = d.mention?.entity.type;
  if (type === 'city' || type === 'place') return d.mention!.entity.name;
  const sentences = new Set(e.evidence.map((s) => sentenceIndexAt(doc, s.start)));
  const city = index.mentions.find((m) => m.entity.type === 'city' && m.entity.country === d.country && sentences.has(sentenceIndexAt(doc, m.charStart)));
  if (city) return city.entity.name;
  return type === 'organization' ? d.mention!.entity.name : null;
}

export function events(doc: Doc, ctx: StageContext): Doc {
  const rules = visitRules(ctx.rulesDir);
  const index = indexMentions(doc);
  const diagnostics: Diagnostic[] = [];
  // Where each trigger, then each meeting pattern may match.
  const starts = rules.starts.positions(doc.tokens);
  const candidates = extractCandidates(doc, rules, index, starts.slice(0, rules.triggers.length), diagnostics);
  nameUnnamed(doc, index, candidates);
  dateOngoing(doc, candidates);
  const dropped = new Map<Candidate, string>();
  const merged = merge(candidates).filter((e) => {
    const why =
      e.visitorCountry === e.destination!.country
        ? 'the visitor stays in their own country'
        : !e.visitors.length && !e.visitorCountry
          ? 'no visitor or visitor country'
          : e.visitors.length && !e.visitors.some((v) => v.entity.official)
            ? 'no visitor holds an office (a coach, a player, a band travels for itself)'
            : null;
    if (why) dropped.set(e, why);
    return why === null;
  });
  attachMeetings(doc, rules, index, starts.slice(rules.triggers.length), merged);
  merged.sort((a, b) => Math.min(...a.evidence.map((s) => s.start)) - Math.min(...b.evidence.map((s) => s.start)));
  const out: VisitEvent[] = merged.map((e, i) => {
    const visitorIds = new Set(e.visitors.map((v) => v.entity.id));
    return {
      id: `v${i + 1}`,
      type: 'visit',
      visitors: uniqueActors(e.visitors, new Set()),
      visitorCountry: e.visitorCountry,
      destination: { country: e.destination!.country as string | null, place: placeName(doc, index, e) },
      met: uniqueActors([...e.hosts, ...e.met], visitorIds),
      when: e.when
        ? { text: e.when.date.text, value: e.when.date.value, type: e.when.date.type, basis: e.when.date.rule === REFERENCE_RULE ? 'reference' : 'text' }
        : null,
      status: e.status,
      ...(e.attribution ? { attribution: e.attribution } : {}),
      cameo: e.rule.cameo,
      plover: { type: 'CONSULT', mode: 'visit' },
      evidence: uniqueSpans(e.evidence),
      rule: e.rule.id,
    };
  });
  // What each trigger made, so `envoy explain` can show why every visit is there.
  const idOf = new Map(merged.map((e, i) => [e, out[i].id]));
  for (const c of candidates) {
    const event = c.into!;
    const trigger = c.evidence[0];
    const what = `${c.visitors.map((v) => v.entity.name).join(', ') || `(unnamed${c.visitorCountry ? `, ${c.visitorCountry}` : ''})`} → ${c.destination!.country}, when ${c.when?.date.value ?? 'null'}, ${c.status}`;
    const why = dropped.get(event);
    diagnostics.push(
      why
        ? { stage: 'events', kind: 'dropped', rule: c.rule.id, span: trigger, message: `trigger '${trigger.text}' (${c.rule.id}): ${what}; dropped: ${why}` }
        : { stage: 'events', kind: 'fired', rule: c.rule.id, span: trigger, message: `trigger '${trigger.text}' (${c.rule.id}): ${what} → ${idOf.get(event)}` },
    );
  }
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { ...doc, events: out, diagnostics: [...doc.diagnostics, ...diagnostics] };
}

/** Compiles the rule files up front. */
export function prepareEvents(ctx: StageContext): void {
  visitRules(ctx.rulesDir);
}
