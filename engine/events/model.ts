import { z } from 'zod';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** One row of the Events pane: time, host, severity and text, errors with their code. */
export const EngineEventSchema = z.object({
  id: z.number().int(),
  time: z.string(),
  host: z.string(),
  severity: SeveritySchema,
  scenarioId: z.string().nullable(),
  code: z.string().nullable(),
  text: z.string(),
});
export type EngineEvent = z.infer<typeof EngineEventSchema>;
