import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { finishFile, fsyncDirectory } from '../../replica/durable-fs';
import { resolveInsideRoot } from '../../replica/path-guard';
import { newTempFileName } from '../../replica/temp-files';
import { applyDelta, computeSignature, decodeDeltaOps, decodeRefinementRequest, encodeSignature, type DeltaOp } from '../../sync/delta';
import { OpChannel } from '../../sync/delta/op-channel';
import { UserError } from '../../messages/user-error';
import type { Channels } from '../../runtime/channel-registry';
import type { ReplicaSession } from './replica-session';

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const Where = z.object({ root: z.number().int().min(0).max(255), path: z.string().min(1).max(4096) });
const SignatureRequest = Where.extend({ refine: Bytes.optional() });
const PatchRef = z.object({ patch: z.number().int().min(0) });
const PatchOps = PatchRef.extend({ ops: Bytes });
const PatchClose = PatchRef.extend({ mtimeMs: z.number(), mode: z.number().int().min(0).max(0o7777) });

interface OpenPatch {
  target: string;
  temp: string;
  channel: OpChannel<DeltaOp>;
  applying: Promise<void>;
}

async function locate(session: ReplicaSession, root: number, relativePath: string): Promise<string> {
  const base = session.targets[root];
  if (base === undefined) throw new UserError('E1206', `no root ${root} in this scenario`);
  return resolveInsideRoot(base, relativePath);
}

/**
 * The Replica's half of block-level synchronization, per Master connection: signatures of
 * its copy (first round, then finer rounds for the regions the Master asks about), and
 * patches streamed into a temporary file that atomically replaces the copy when complete.
 */
export function blockSyncChannels(session: () => ReplicaSession): { channels: Channels; close(): Promise<void> } {
  const patches = new Map<number, OpenPatch>();
  let nextPatch = 0;

  const discard = async (id: number, error: unknown): Promise<void> => {
    const open = patches.get(id);
    if (!open) return;
    patches.delete(id);
    open.channel.fail(error);
    await open.applying.catch(() => undefined);
    await fs.rm(open.temp, { force: true });
  };

  const channels: Channels = {
    'rep.signature': async (body) => {
      const request = SignatureRequest.parse(body);
      const basis = await locate(session(), request.root, request.path);
      const stats = await fs.lstat(basis).catch(() => undefined);
      if (!stats?.isFile() || stats.size === 0) return { signature: null };
      if (!request.refine) return { signature: encodeSignature(await computeSignature(basis)) };
      const refinement = decodeRefinementRequest(request.refine, stats.size);
      return { signature: encodeSignature(await computeSignature(basis, { blockSize: refinement.blockSize, blocks: refinement.blocks })) };
    },
    'rep.patch-open': async (body) => {
      const request = Where.parse(body);
      const target = await locate(session(), request.root, request.path);
      const base = session().targets[request.root];
      if (base !== undefined) session().outsideWrites.expectPath(base, request.path);
      const temp = path.join(path.dirname(target), newTempFileName());
      const channel = new OpChannel<DeltaOp>();
      const applying = applyDelta(target, channel, temp);
      applying.catch(() => undefined);
      const id = nextPatch++;
      patches.set(id, { target, temp, channel, applying });
      return { patch: id };
    },
    'rep.patch-ops': async (body) => {
      const { patch, ops } = PatchOps.parse(body);
      const open = patches.get(patch);
      if (!open) throw new UserError('E1003', `no open patch ${patch}`);
      for (const op of decodeDeltaOps(ops)) await open.channel.push(op);
      return {};
    },
    'rep.patch-close': async (body) => {
      const { patch, mtimeMs, mode } = PatchClose.parse(body);
      const open = patches.get(patch);
      if (!open) throw new UserError('E1003', `no open patch ${patch}`);
      patches.delete(patch);
      open.channel.close();
      session().outsideWrites.expectPath(path.dirname(open.target), path.basename(open.target));
      try {
        await open.applying;
        const handle = await fs.open(open.temp, 'r+');
        try {
          await finishFile(handle, mtimeMs, mode);
        } finally {
          await handle.close();
        }
        await fs.rename(open.temp, open.target);
        await fsyncDirectory(path.dirname(open.target));
      } catch (error) {
        await fs.rm(open.temp, { force: true });
        throw error;
      }
      return {};
    },
    'rep.patch-abort': async (body) => {
      await discard(PatchRef.parse(body).patch, new Error('aborted by the Master'));
      return {};
    },
  };
  return {
    channels,
    close: async () => {
      for (const id of [...patches.keys()]) await discard(id, new Error('connection closed'));
    },
  };
}
