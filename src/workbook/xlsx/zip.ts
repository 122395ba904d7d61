/**
 * The entries of a zip package (an .xlsx) from its central directory, without expanding
 * anything: name, method, sizes and where the data starts. Pure (bytes in, entries out), so the
 * same code runs in Node and in the page; expanding is the caller's inflater's job.
 */

/** One file inside the zip. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only two an .xlsx uses). */
  method: number;
  compressedSize: number;
  /** The expanded size the directory declares; expansion past it is refused. */
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  encrypted: boolean;
}

/** The package is not a readable zip; the message is Chinese. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const DAMAGED = '文件已损坏或不是完整的 Excel 工作簿（找不到 zip 目录）';

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

/** The end-of-central-directory record: where the directory is and how many entries it has. */
function directoryOf(b: Uint8Array): { offset: number; count: number } {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b || b[i + 2] !== 0x05 || b[i + 3] !== 0x06) continue;
    let count = u16(b, i + 10);
    let offset = u32(b, i + 16);
    const loc = i - 20; // a ZIP64 locator sits just before the record
    if ((offset === 0xffffffff || count === 0xffff) && loc >= 0 && u32(b, loc) === 0x07064b50) {
      const z = u64(b, loc + 8);
      if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new ZipError(DAMAGED);
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
    if (offset > b.length) throw new ZipError(DAMAGED);
    return { offset, count };
  }
  throw new ZipError(DAMAGED);
}

/** Every entry the central directory lists, by name. */
export function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  const { offset, count } = directoryOf(b);
  const names = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError(DAMAGED);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let headerOffset = u32(b, p + 42);
    // ZIP64 extra field (id 1): the 64-bit values of those that are 0xffffffff, in this order.
    for (let e = p + 46 + nameLen, end = e + extraLen; e + 4 <= end; ) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) { size = u64(b, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(b, q); q += 8; }
        if (headerOffset === 0xffffffff) headerOffset = u64(b, q);
      }
      e += 4 + len;
    }
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLen));
    out.set(name.replace(/\\/g, '/'), { name, method: u16(b, p + 10), compressedSize, size, headerOffset, encrypted: (u16(b, p + 8) & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The entry's data as stored (still compressed), located through its local header. */
export function storedData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.headerOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw new ZipError(DAMAGED);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) throw new ZipError(DAMAGED);
  return b.subarray(start, start + e.compressedSize);
}
