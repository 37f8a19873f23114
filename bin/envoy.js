#!/usr/bin/env -S node --v8-pool-size=1
// envoy is written in TypeScript; it runs from a bundle of its sources that bundle.js keeps
// current (or from source through tsx where no bundle can be built).
//
// --v8-pool-size=1: V8's background threads (its optimising compiler above all) compete with the
// pool's threads for the same cores; with one instead of four, a one-worker batch ran 15-25%
// faster and a two-worker batch no slower on a 2-core machine (README, Throughput). The npm
// scripts pass the same flag.
import { loadEntry } from './bundle.js';

// A closed pipe (`envoy extract … | head`) is a normal end, not a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await loadEntry('cli');
process.exitCode = await main(process.argv.slice(2));
