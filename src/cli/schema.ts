import { extractionJsonSchema } from '../schema.ts';
import { formatJson } from '../io/write.ts';

export function runSchema(): number {
  process.stdout.write(formatJson(extractionJsonSchema()));
  return 0;
}
