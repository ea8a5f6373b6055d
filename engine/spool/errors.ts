/** What is wrong with the bytes where a record should be. */
export type RecordProblem =
  | 'torn-header' // fewer bytes left than a header: a write cut short by a crash
  | 'torn-payload' // the length points past the end of the file: same
  | 'bad-length' // a length no append could have written
  | 'bad-seq' // a record out of sequence (not the seq its position implies)
  | 'bad-crc'; // the checksum does not match the seq, time and payload

/** Damage found in the spool folder: in a record, or in the acknowledgement file. */
export type SpoolDamage = RecordProblem | 'unreadable-ack-file';

/**
 * Bytes that were durable are damaged (disk fault, or a file changed by something else).
 * Raised by read() and acknowledge() instead of returning wrong content; the owner answers
 * it as it answers an overflow: reset() and resynchronize the Replica.
 */
export class SpoolCorruptError extends Error {
  readonly file: string;
  readonly offset: number;
  readonly problem: SpoolDamage;

  constructor(file: string, offset: number, problem: SpoolDamage) {
    super(`spool file ${file} is damaged at byte ${offset} (${problem})`);
    this.name = 'SpoolCorruptError';
    this.file = file;
    this.offset = offset;
    this.problem = problem;
  }
}

/** The log was closed, or a write or fsync failed and its state on disk is unknown until reopened. */
export class SpoolUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SpoolUnavailableError';
  }
}
