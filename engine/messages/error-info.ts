import { z } from 'zod';

/** The wire form of a user-facing error: what the UI shows and the logs record. */
export const ErrorInfoSchema = z.object({
  code: z.string(),
  module: z.string(),
  message: z.string(),
  reason: z.string(),
  action: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;
