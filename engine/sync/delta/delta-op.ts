/**
 * The delta, in new-file order: copy = `length` bytes of the basis from `offset`; literal =
 * bytes the Replica does not have. Plus, out of order, place = copy `length` basis bytes from
 * `offset` to output position `at` now: the Master sends these while it is still scanning
 * (the first round's matches are final), so the Replica writes most of the file while the
 * Master works, as rsync's receiver does; the in-order copies that cover them later are skipped.
 */
export type DeltaOp =
  | { kind: 'copy'; offset: number; length: number }
  | { kind: 'literal'; data: Uint8Array }
  | { kind: 'place'; at: number; offset: number; length: number };

export interface DeltaStats {
  literalBytes: number;
  copiedBytes: number;
  ops: number;
  newSize: number;
}

export type EmitOp = (op: DeltaOp) => void | Promise<void>;
