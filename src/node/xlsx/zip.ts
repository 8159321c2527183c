import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The little of the zip format the runner needs around ExcelJS: the central directory (names and
 * declared sizes, read without unpacking anything), one part's bytes, and a copy of a package
 * with some parts replaced (the other parts' compressed bytes are copied as they are).
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly time: number;
  readonly date: number;
}

/** A package whose directory cannot be read; the caller names the file. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function findEocd(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw new ZipFormatError('no zip directory');
}

/** 64-bit sizes and offsets of a ZIP64 entry, in the order the spec lists them. */
function zip64Fields(extra: Buffer, wanted: number): number[] {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let i = 0; i < wanted && 8 * (i + 1) <= len; i++)
        values.push(Number(extra.readBigUInt64LE(at + 4 + 8 * i)));
      return values;
    }
    at += 4 + len;
  }
  return [];
}

export function readDirectory(bytes: Buffer): ZipEntry[] {
  if (bytes.length < 22) throw new ZipFormatError('too short for a zip');
  const eocd = findEocd(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (
    (offset === MAX32 || count === 0xffff) &&
    eocd >= 20 &&
    bytes.readUInt32LE(eocd - 20) === EOCD64_LOCATOR
  ) {
    const at = Number(bytes.readBigUInt64LE(eocd - 12));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== EOCD64)
      throw new ZipFormatError('bad zip64 directory');
    count = Number(bytes.readBigUInt64LE(at + 32));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new ZipFormatError('bad zip directory entry');
    const nameLen = bytes.readUInt16LE(at + 28);
    const extraLen = bytes.readUInt16LE(at + 30);
    const commentLen = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLen);
    let size = bytes.readUInt32LE(at + 24);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let localOffset = bytes.readUInt32LE(at + 42);
    const extra = bytes.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
    const big = [size, compressedSize, localOffset].filter((v) => v === MAX32).length;
    if (big > 0) {
      const values = zip64Fields(extra, big);
      if (size === MAX32) size = values.shift() ?? size;
      if (compressedSize === MAX32) compressedSize = values.shift() ?? compressedSize;
      if (localOffset === MAX32) localOffset = values.shift() ?? localOffset;
    }
    entries.push({
      name,
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize,
      size,
      localOffset,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function rawData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
    throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** One part, unpacked. */
export function readEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  // An empty part may have no deflate stream at all; anything longer is inflated, and checked.
  if (entry.size === 0 && entry.compressedSize <= 2) return Buffer.alloc(0);
  const raw = rawData(bytes, entry);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
  throw new ZipFormatError(`${entry.name}: unsupported compression method ${entry.method}`);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's own CRC-32 where Node has it (20.15 and later), ten times faster than the loop. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;

export function crc32(data: Buffer): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The package with the parts in `replace` (by name) swapped for new contents (null: removed), in
 * the original order, then the parts in `add`. The compressed bytes of every other part are
 * copied as they are. No ZIP64 on output: a workbook past 4 GiB is refused.
 */
/** A part already deflated (so its uncompressed bytes need not be held until the end). */
export interface PackedPart {
  readonly deflated: Buffer;
  readonly crc: number;
  readonly size: number;
}

export function packPart(data: Buffer): PackedPart {
  return { deflated: deflateRawSync(data, { level: 1 }), crc: crc32(data), size: data.length };
}

type NewPart = Buffer | PackedPart;

export function rewriteZip(
  bytes: Buffer,
  replace: ReadonlyMap<string, NewPart | null>,
  add: ReadonlyMap<string, NewPart> = new Map(),
): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const added = [...add].map(([name, data]) => ({ name, data }));
  const now = dosTime(new Date());
  const all = [
    ...readDirectory(bytes).filter((e) => replace.get(e.name) !== null),
    ...added.map(({ name }) => ({
      name,
      flags: 0,
      method: 8,
      time: now.time,
      date: now.date,
      crc: 0,
      compressedSize: 0,
      size: 0,
      localOffset: 0,
    })),
  ];
  const fresher = new Map<string, NewPart>([...added.map((a) => [a.name, a.data] as const)]);
  for (const [name, data] of replace) if (data !== null) fresher.set(name, data);
  for (const entry of all) {
    const given = fresher.get(entry.name);
    const fresh = given === undefined || !Buffer.isBuffer(given) ? given : packPart(given);
    const data = fresh ? fresh.deflated : rawData(bytes, entry);
    const crc = fresh ? fresh.crc : entry.crc;
    const size = fresh ? fresh.size : entry.size;
    const method = fresh ? 8 : entry.method;
    const name = Buffer.from(entry.name, 'utf8');
    // Sizes are known here, so no data descriptor follows (bit 3 off); bit 11: UTF-8 names.
    const flags = (entry.flags & ~0x8) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(CENTRAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    local.copy(head, 8, 6, 30);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    chunks.push(local, name, data);
    offset += local.length + name.length + data.length;
    if (offset > MAX32) throw new ZipFormatError('package too big to rewrite');
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** MS-DOS date and time fields of a zip entry. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
