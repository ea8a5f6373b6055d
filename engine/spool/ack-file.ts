import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Durability } from './durability';
import { SpoolCorruptError } from './errors';

/**
 * The small file beside the segments that says how far the Replica has got: every record
 * up to `ackedSeq` is done and may be deleted. It also keeps numbering going after reset()
 * (which acknowledges everything) or after every segment was acknowledged and deleted,
 * when no segment file is left to tell the last seq: the next seq is at least ackedSeq + 1,
 * so a seq is never handed out twice.
 */
export interface AckState {
  readonly ackedSeq: number;
}

const ACK_FILE = 'ack.json';
const TEMP_SUFFIX = '.tmp';
const VERSION = 1;

export const initialAckState: AckState = { ackedSeq: 0 };

/** The stored state, or the initial one for a new spool; an unreadable file is damage, not a fresh start. */
export async function readAckState(dir: string): Promise<AckState> {
  const file = path.join(dir, ACK_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return initialAckState;
    throw error;
  }
  const state = parseAckState(text);
  // Starting over at seq 1 would hand out seqs the Replica already applied, so refuse instead.
  if (!state) throw new SpoolCorruptError(file, 0, 'unreadable-ack-file');
  return state;
}

function parseAckState(text: string): AckState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, ackedSeq } = value as Record<string, unknown>;
  if (version !== VERSION || !isSeq(ackedSeq)) return undefined;
  return { ackedSeq };
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Replaces the state atomically: a crash leaves either the old file or the new one, never
 * a mix. Temp file + fsync, rename over the old one, fsync of the folder for the rename.
 */
export async function writeAckState(dir: string, state: AckState, durability: Durability): Promise<void> {
  const file = path.join(dir, ACK_FILE);
  const temp = file + TEMP_SUFFIX;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify({ version: VERSION, ackedSeq: state.ackedSeq }));
    await durability.syncFile(handle);
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await durability.syncDir(dir);
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
