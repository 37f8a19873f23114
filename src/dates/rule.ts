/**
 * Rule ids: every parser's components are recorded with the id of the parser that made them
 * (configuration.ts), and read back here. Kept under a private symbol on the components object
 * rather than in chrono's tags (reading tags builds a Set each time, and this is asked for every
 * result in every refiner) or in a WeakMap (an entry per result costs the garbage collector). A
 * clone made by chrono does not carry it, as it does not carry the tags.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';

const RULE = Symbol('envoy rule');
type Recorded = { [RULE]?: string };

function recorded(components: ParsedComponents | null | undefined): string | undefined {
  return components ? (components as Recorded)[RULE] : undefined;
}

export function setRule(components: ParsedComponents, rule: string): void {
  (components as Recorded)[RULE] = rule;
}

export function hasRule(result: ParsedResult): boolean {
  return recorded(result.start) !== undefined || recorded(result.end) !== undefined;
}

/** The id of the parser that found `result`: "envoy/year", "chrono/ENMonthNameParser" … */
export function ruleOf(result: ParsedResult): string {
  return recorded(result.start) ?? recorded(result.end) ?? 'chrono';
}
