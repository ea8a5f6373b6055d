import { z } from 'zod';

/** Pure schemas of a directory listing (the UI type-checks against them). */
export const BrowseRequestSchema = z.object({
  path: z.string().min(1).max(4096),
  limit: z.number().int().min(1).max(10_000).default(1000),
});

export const BrowseEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(['file', 'directory', 'other']),
  size: z.number(),
  mtimeMs: z.number(),
});
export type BrowseEntry = z.infer<typeof BrowseEntrySchema>;

export const BrowseReplySchema = z.object({ path: z.string(), entries: z.array(BrowseEntrySchema), truncated: z.boolean() });
export type BrowseReply = z.infer<typeof BrowseReplySchema>;
