/**
 * Catastrophic-backtracking check for regular expressions written in rule
 * files, with recheck (automaton and fuzz analysis). A pattern that recheck
 * cannot prove safe within the time limit is rejected too: no user pattern may
 * hang the pipeline. recheck takes from milliseconds to a few seconds per
 * pattern, so verdicts are cached on disk by pattern hash and paid once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from '../paths.ts';
import { checkSync } from 'recheck';

type Verdict = { status: 'safe' } | { status: 'vulnerable'; complexity: string; attack: string } | { status: 'unknown' };

const CACHE_FILE = path.join(CACHE_DIR, 'regex-safety.json');
/** How long recheck may think about one pattern. */
const CHECK_TIMEOUT_MS = 4000;

let cache: Record<string, Verdict> | undefined;

function loadCache(): Record<string, Verdict> {
  if (!cache) {
    try {
      cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, Verdict>;
    } catch {
      cache = {};
    }
  }
  return cache;
}

function saveCache(): void {
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, CACHE_FILE);
  } catch {
    // A read-only install still checks every pattern; it only cannot remember the verdicts.
  }
}

function check(pattern: string, flags: string): Verdict {
  const key = createHash('sha256').update(`${flags}/${pattern}`).digest('hex').slice(0, 32);
  const known = loadCache()[key];
  if (known) return known;
  const result = checkSync(pattern, flags.replace(/[gy]/g, ''), { timeout: CHECK_TIMEOUT_MS });
  const verdict: Verdict =
    result.status === 'vulnerable'
      ? { status: 'vulnerable', complexity: result.complexity.type, attack: result.attack.pattern }
      : result.status === 'safe'
        ? { status: 'safe' }
        : { status: 'unknown' };
  loadCache()[key] = verdict;
  saveCache();
  return verdict;
}

/** Returns a plain sentence when `pattern` can backtrack catastrophically (or cannot be shown not to), else null. */
export function assertLinearRegex(pattern: string, flags: string): string | null {
  const verdict = check(pattern, flags);
  if (verdict.status === 'safe') return null;
  if (verdict.status === 'vulnerable') {
    return `regular expression can backtrack catastrophically (${verdict.complexity} time, e.g. on ${verdict.attack}); rewrite it without nested or overlapping repetition`;
  }
  return `regular expression could not be shown safe from catastrophic backtracking within ${CHECK_TIMEOUT_MS / 1000} s; simplify it`;
}
