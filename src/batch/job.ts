/** The payload of a queued article: everything a worker on another machine needs, with no access to the file. */
import { z } from 'zod';

export const DEFAULT_QUEUE = 'envoy';

export const ArticleJobSchema = z
  .object({
    id: z.string().min(1).describe('document id: the file stem'),
    source: z.string().min(1).describe('the path the article was enqueued from'),
    outputStem: z.string().min(1).describe('output path under --out, without extension'),
    referenceDate: z.string().optional().describe('--reference-date given to enqueue'),
    article: z
      .object({
        text: z.string().min(1),
        metadataReferenceDate: z.string().optional(),
        encoding: z.string().optional(),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
        fileSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      })
      .strict(),
  })
  .strict();
export type ArticleJob = z.infer<typeof ArticleJobSchema>;
