#!/usr/bin/env node
// envoy is written in TypeScript and runs from source: tsx registers the loader.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`envoy extract … | head`) is a normal end, not a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
