// Types of bundle.js (plain JavaScript, since it runs before any TypeScript loader) for the scripts and tests that use it.
/** Bundle entries: output name → source file, relative to the package root. */
export type BundleEntries = Record<string, string>;
export const ENVOY_ENTRIES: { cli: string; thread: string; pool: string };
export function bundleFingerprint(entries: BundleEntries, root?: string, esbuildVersion?: string): string;
export function ensureBundle(entries?: BundleEntries): Promise<string>;
export function loadEntry(name: string, entries?: BundleEntries): Promise<Record<string, unknown>>;
