import { z } from 'zod';

/**
 * The replication channels between a Master engine (client) and a Replica engine (server),
 * authenticated with the scenario's replication token. Bodies are validated on arrival.
 */
// z.custom keeps the plain Uint8Array type (z.instanceof narrows it to an ArrayBuffer-backed one, which Buffers are not).
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const Seq = z.number().int().min(0);
const RootIndex = z.number().int().min(0).max(255);
const RelPath = z.string().max(4096);

export const SpooledWireRecordSchema = z.object({ seq: Seq.min(1), at: z.number(), payload: Bytes });
export type SpooledWireRecord = z.infer<typeof SpooledWireRecordSchema>;

export const ReplicaHelloSchema = z.object({ appliedSeq: Seq, receivedSeq: Seq, synced: z.boolean() });
export type ReplicaHello = z.infer<typeof ReplicaHelloSchema>;

export const RecordsRequestSchema = z.object({ records: z.array(SpooledWireRecordSchema).max(10_000) });
export const RecordsReplySchema = z.object({ receivedSeq: Seq });

export const ListOpenSchema = z.object({ root: RootIndex, prefix: RelPath });
export const ListNextSchema = z.object({ cursor: z.number().int().min(0), limit: z.number().int().min(1).max(10_000) });
export const ListEntrySchema = z.object({
  path: RelPath,
  kind: z.enum(['file', 'directory', 'other']),
  size: z.number().min(0),
  mtimeMs: z.number(),
  mode: z.number().int(),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;
export const ListPageSchema = z.object({ entries: z.array(ListEntrySchema), done: z.boolean() });

export const SignatureReplySchema = z.object({ signature: Bytes.nullable() });

export const SyncApplySchema = z.object({ records: z.array(Bytes).max(10_000) });
export const SyncCompleteSchema = z.object({ seq: Seq });
export const AppliedNoticeSchema = z.object({ appliedSeq: Seq });
