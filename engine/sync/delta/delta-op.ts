/** copy = `length` bytes of the basis from `offset`; literal = bytes the Replica does not have. */
export type DeltaOp = { kind: 'copy'; offset: number; length: number } | { kind: 'literal'; data: Uint8Array };

export interface DeltaStats {
  literalBytes: number;
  copiedBytes: number;
  ops: number;
  newSize: number;
}

export type EmitOp = (op: DeltaOp) => void | Promise<void>;
