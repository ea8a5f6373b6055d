/**
 * Why a delta exchange was refused. Signatures, refinement requests and deltas arrive from
 * the network, so every check names the message and what was wrong with it; the engine logs
 * the text and keeps serving. (When the messages catalogue gains a code for "malformed
 * synchronization message", wrap these in a UserError at the transport boundary.)
 */
export type DeltaMessage = 'signature' | 'refinement request' | 'delta' | 'delta operation';

export class DeltaFormatError extends Error {
  readonly what: DeltaMessage;

  constructor(what: DeltaMessage, detail: string) {
    super(`Malformed ${what}: ${detail}`);
    this.name = 'DeltaFormatError';
    this.what = what;
  }
}

/** A file changed under us while it was being read; the caller retries after its quiet period. */
export class FileChangedError extends Error {
  constructor(path: string, detail: string) {
    super(`${path} changed while it was being read (${detail}); synchronize it again`);
    this.name = 'FileChangedError';
  }
}
