import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { type ChangeRecord, decodeChangeRecord, encodeChangeRecord, recordDataBytes } from '../../../engine/replication/change-record';

const MTIME = 1_700_000_000_123.5;

const records: Array<[ChangeRecord['op'], ChangeRecord]> = [
  ['mkdir', { op: 'mkdir', root: 0, path: 'docs/reports', mtimeMs: MTIME, mode: 0o755 }],
  ['put', { op: 'put', root: 3, path: 'docs/a.txt', data: new Uint8Array([0, 1, 2, 254, 255]), mtimeMs: MTIME, mode: 0o644 }],
  [
    'write',
    {
      op: 'write',
      root: 255,
      path: 'big/file.bin',
      ranges: [
        { offset: 0, data: new Uint8Array([9, 9]) },
        { offset: 65_536 * 70_000, data: new Uint8Array(100).fill(7) },
      ],
      size: 65_536 * 80_000,
      mtimeMs: -5.25,
      mode: 0o7777,
    },
  ],
  ['remove', { op: 'remove', root: 1, path: 'old tree' }],
  ['rename', { op: 'rename', root: 2, from: 'a/b.txt', to: 'c/d é.txt' }],
  ['attrs', { op: 'attrs', root: 0, path: 'x', mtimeMs: 0, mode: 0 }],
];

describe('change records', () => {
  it.each(records)('a %s record survives encode → decode unchanged', (_op, record) => {
    expect(decodeChangeRecord(encodeChangeRecord(record))).toEqual(record);
  });

  it('a put with empty data and a write with no ranges round-trip', () => {
    const put: ChangeRecord = { op: 'put', root: 0, path: 'empty', data: new Uint8Array(0), mtimeMs: MTIME, mode: 0o600 };
    const truncate: ChangeRecord = { op: 'write', root: 0, path: 'f', ranges: [], size: 0, mtimeMs: MTIME, mode: 0o600 };
    expect(decodeChangeRecord(encodeChangeRecord(put))).toEqual(put);
    expect(decodeChangeRecord(encodeChangeRecord(truncate))).toEqual(truncate);
  });

  it('decoded data is bytes (a Uint8Array), not a string or an array', () => {
    const decoded = decodeChangeRecord(encodeChangeRecord({ op: 'put', root: 0, path: 'a', data: new Uint8Array([1, 2]), mtimeMs: 0, mode: 0o644 }));
    expect(decoded.op === 'put' && decoded.data).toBeInstanceOf(Uint8Array);
  });

  it('accepts the largest allowed ranges array (4096 ranges)', () => {
    const ranges = Array.from({ length: 4096 }, (_unused, index) => ({ offset: index * 10, data: new Uint8Array([index % 256]) }));
    const record: ChangeRecord = { op: 'write', root: 0, path: 'f', ranges, size: 40_960, mtimeMs: 0, mode: 0o644 };
    expect(decodeChangeRecord(encodeChangeRecord(record))).toEqual(record);
  });

  const put = { op: 'put', root: 0, path: 'a.txt', data: new Uint8Array([1]), mtimeMs: MTIME, mode: 0o644 };
  const write = { op: 'write', root: 0, path: 'a.txt', ranges: [{ offset: 0, data: new Uint8Array([1]) }], size: 1, mtimeMs: MTIME, mode: 0o644 };
  const malformed: Array<[string, unknown]> = [
    ['an unknown op', { op: 'chmod', root: 0, path: 'a', mode: 0o644 }],
    ['no op at all', { root: 0, path: 'a' }],
    ['an op of the wrong type', { ...put, op: 1 }],
    ['a negative range offset', { ...write, ranges: [{ offset: -1, data: new Uint8Array([1]) }] }],
    ['a fractional range offset', { ...write, ranges: [{ offset: 1.5, data: new Uint8Array([1]) }] }],
    ['a range offset given as a string', { ...write, ranges: [{ offset: '0', data: new Uint8Array([1]) }] }],
    ['more than 4096 ranges', { ...write, ranges: Array.from({ length: 4097 }, (_unused, offset) => ({ offset, data: new Uint8Array([1]) })) }],
    ['ranges that are not an array', { ...write, ranges: { offset: 0, data: new Uint8Array([1]) } }],
    ['range data as a string', { ...write, ranges: [{ offset: 0, data: 'abc' }] }],
    ['put data as a string', { ...put, data: 'hello' }],
    ['put data as an array of numbers', { ...put, data: [1, 2, 3] }],
    ['put without data', { op: 'put', root: 0, path: 'a.txt', mtimeMs: MTIME, mode: 0o644 }],
    ['a negative size', { ...write, size: -1 }],
    ['a fractional size', { ...write, size: 1.5 }],
    ['a negative root', { ...put, root: -1 }],
    ['a root above 255', { ...put, root: 256 }],
    ['a fractional root', { ...put, root: 0.5 }],
    ['a root given as a string', { ...put, root: '0' }],
    ['an empty path', { ...put, path: '' }],
    ['a path longer than 4096 characters', { ...put, path: 'a'.repeat(4097) }],
    ['a path that is a number', { ...put, path: 42 }],
    ['an infinite mtime', { ...put, mtimeMs: Number.POSITIVE_INFINITY }],
    ['a NaN mtime', { ...put, mtimeMs: Number.NaN }],
    ['an mtime given as a string', { ...put, mtimeMs: '2024-01-01' }],
    ['a mode above 0o7777', { ...put, mode: 0o10000 }],
    ['a negative mode', { ...put, mode: -1 }],
    ['a rename without its target', { op: 'rename', root: 0, from: 'a' }],
    ['a rename with an empty source', { op: 'rename', root: 0, from: '', to: 'b' }],
    ['a remove without a path', { op: 'remove', root: 0 }],
    ['null', null],
    ['a number', 5],
    ['a string', 'put'],
    ['an array', ['put', 0, 'a.txt']],
  ];

  it.each(malformed)('decode refuses %s with an error', (_name, value) => {
    expect(() => decodeChangeRecord(encode(value))).toThrow(Error);
  });

  const garbage: Array<[string, Uint8Array]> = [
    ['no bytes at all', new Uint8Array(0)],
    ['a reserved msgpack byte', new Uint8Array([0xc1])],
    ['a truncated record', encodeChangeRecord(records[1]?.[1] ?? { op: 'remove', root: 0, path: 'a' }).subarray(0, 10)],
    ['a map announcing more entries than it holds', new Uint8Array([0x8f, 0xa2, 0x6f, 0x70])],
    ['a string announcing 4 GiB', new Uint8Array([0xdb, 0xff, 0xff, 0xff, 0xff, 0x61])],
  ];

  it.each(garbage)('decode refuses %s with an error', (_name, bytes) => {
    expect(() => decodeChangeRecord(bytes)).toThrow(Error);
  });

  const dataBytes: Array<[string, ChangeRecord, number]> = [
    ['put counts its data', { op: 'put', root: 0, path: 'a', data: new Uint8Array(123), mtimeMs: 0, mode: 0o644 }, 123],
    [
      'write counts every range',
      { op: 'write', root: 0, path: 'a', ranges: [{ offset: 0, data: new Uint8Array(10) }, { offset: 100, data: new Uint8Array(5) }], size: 105, mtimeMs: 0, mode: 0o644 },
      15,
    ],
    ['write without ranges counts nothing', { op: 'write', root: 0, path: 'a', ranges: [], size: 1_000_000, mtimeMs: 0, mode: 0o644 }, 0],
    ['mkdir counts nothing', { op: 'mkdir', root: 0, path: 'a', mtimeMs: 0, mode: 0o755 }, 0],
    ['rename counts nothing', { op: 'rename', root: 0, from: 'a', to: 'b' }, 0],
  ];

  it.each(dataBytes)('recordDataBytes: %s', (_name, record, expected) => {
    expect(recordDataBytes(record)).toBe(expected);
  });
});
