/**
 * Rule ids: every parser's components are recorded with the id of the parser that made them
 * (configuration.ts), and read back here. A WeakMap rather than chrono's tags: reading tags
 * builds a Set each time, and this is asked for every result in every refiner.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';

const rules = new WeakMap<object, string>();

export function setRule(components: ParsedComponents, rule: string): void {
  rules.set(components, rule);
}

export function hasRule(result: ParsedResult): boolean {
  return rules.has(result.start) || (result.end !== undefined && result.end !== null && rules.has(result.end));
}

/** The id of the parser that found `result`: "envoy/year", "chrono/ENMonthNameParser" … */
export function ruleOf(result: ParsedResult): string {
  return rules.get(result.start) ?? (result.end ? rules.get(result.end) : undefined) ?? 'chrono';
}
