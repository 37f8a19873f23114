/**
 * Worker-thread half of `npm run bench`: times each pipeline stage over the
 * articles named in workerData, in a thread with the same heap settings as a
 * pool thread, and posts back the milliseconds per stage of each pass.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { emptyDoc } from '../src/doc.ts';
import { defaultContext, preparePipeline, STAGES } from '../src/pipeline.ts';
import { extract } from '../src/index.ts';

const { paths, passes } = workerData as { paths: string[]; passes: number };
const ctx = defaultContext();
preparePipeline(ctx);
const texts = paths.map((file) => readFileSync(file, 'utf8'));
extract(texts[0] ?? 'Warm up.');
const result: Array<Record<string, number>> = [];
for (let pass = 0; pass < passes; pass++) {
  const stageMs: Record<string, number> = Object.fromEntries(STAGES.map((s) => [s.name, 0]));
  for (const text of texts) {
    let doc = emptyDoc(text, { value: null, origin: 'none' });
    for (const stage of STAGES) {
      const s0 = performance.now();
      doc = stage.run(doc, ctx);
      stageMs[stage.name] += performance.now() - s0;
    }
  }
  result.push(stageMs);
}
parentPort!.postMessage(result);
