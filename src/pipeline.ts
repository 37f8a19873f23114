/**
 * The pipeline is a list of named stages, like chrono's configuration: each
 * stage reads the layers before it and adds its own. A caller (or a test) can
 * run any prefix of it.
 */
import type { Doc } from './doc.ts';
import { DEFAULT_RULES_DIR } from './rules/load.ts';
import type { StageContext } from './stage-context.ts';
import { tokenise } from './stages/tokenise.ts';
import { entities, prepareEntities } from './stages/entities.ts';
import { dates, prepareDates } from './stages/dates.ts';
import { figures, prepareFigures } from './stages/figures.ts';
import { events, prepareEvents } from './stages/events.ts';

export interface Stage {
  name: string;
  run(doc: Doc, ctx: StageContext): Doc;
  /** Loads and compiles what the stage needs (rule files, gazetteers), so errors surface before any article. */
  prepare?(ctx: StageContext): void;
}

export const STAGES: readonly Stage[] = [
  { name: 'tokenise', run: (doc) => tokenise(doc) },
  { name: 'entities', run: entities, prepare: prepareEntities },
  { name: 'dates', run: dates, prepare: prepareDates },
  { name: 'figures', run: figures, prepare: prepareFigures },
  { name: 'events', run: events, prepare: prepareEvents },
];

export function defaultContext(rulesDir?: string): StageContext {
  return { rulesDir: rulesDir ?? DEFAULT_RULES_DIR };
}

/** Prepares every stage: a broken rule file fails here, once, naming its file and line. */
export function preparePipeline(ctx: StageContext = defaultContext(), stages: readonly Stage[] = STAGES): void {
  for (const stage of stages) stage.prepare?.(ctx);
}

/** Runs `stages` in order over `doc`. */
export function runPipeline(doc: Doc, ctx: StageContext = defaultContext(), stages: readonly Stage[] = STAGES): Doc {
  return stages.reduce((d, stage) => stage.run(d, ctx), doc);
}

/** The stages up to and including `last`. */
export function stagesThrough(last: string): readonly Stage[] {
  const i = STAGES.findIndex((s) => s.name === last);
  if (i < 0) throw new Error(`unknown stage '${last}'`);
  return STAGES.slice(0, i + 1);
}
