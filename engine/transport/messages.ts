import { z } from 'zod';
import { ErrorInfoSchema } from '../messages/error-info';

/** Version of the engine-to-engine protocol; a peer speaking another is refused with E1203. */
export const PROTOCOL_VERSION = 1;

const Id = z.string().min(1).max(200);

export const HelloSchema = z.object({ t: z.literal('hello'), product: z.literal('understudy'), protocol: z.number().int(), engineId: Id });

export const AuthSchema = z.discriminatedUnion('method', [
  z.object({ t: z.literal('auth'), method: z.literal('password'), user: z.string().max(200), password: z.string().max(1000) }),
  z.object({ t: z.literal('auth'), method: z.literal('token'), scenarioId: Id, replicaId: Id, token: z.string().max(200) }),
]);
export type AuthRequest = z.infer<typeof AuthSchema>;

export type Role = { kind: 'admin' } | { kind: 'replication'; scenarioId: string; replicaId: string };
export const RoleSchema: z.ZodType<Role> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }),
  z.object({ kind: z.literal('replication'), scenarioId: Id, replicaId: Id }),
]);

/** Everything that may follow the handshake: requests, replies, and keep-alives, in both directions. */
export const SessionMessageSchema = z.union([
  z.object({ t: z.literal('auth-ok'), role: RoleSchema }),
  z.object({ t: z.literal('error'), error: ErrorInfoSchema }),
  z.object({ t: z.literal('req'), id: z.number().int().min(0), ch: z.string().max(100), body: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int().min(0), ok: z.literal(true), body: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int().min(0), ok: z.literal(false), error: ErrorInfoSchema }),
  z.object({ t: z.literal('ping') }),
  z.object({ t: z.literal('pong') }),
]);
export type SessionMessage = z.infer<typeof SessionMessageSchema>;

export const WireMessageSchema = z.union([HelloSchema, AuthSchema, SessionMessageSchema]);
export type WireMessage = z.infer<typeof WireMessageSchema>;
