/**
 * What every stage is given besides the doc. It lives apart from the stage list (pipeline.ts), which
 * imports the stages: a stage imports this module, never the pipeline.
 */
export interface StageContext {
  /** Directory of the rule files to run with. */
  rulesDir: string;
}
