/**
 * Size guards for a workbook, checked from the zip's central directory before anything is
 * expanded: a 20 MB .xlsx that inflates to 3.2 GB, or a sheet of a million rows, is refused at
 * once with a Chinese message that states the limit and the option that raises it.
 *
 * Pure: reads through a {@link ByteSource}; inflating the first bytes of a sheet (to read its
 * `<dimension>`) is a function the caller passes, so this module needs neither Node nor exceljs.
 * Any .xlsx reader (today's exceljs one, a faster one) calls {@link guardWorkbook} first.
 */
import { CwError } from '../engine/errors';
import { ByteSource, u16, u32, u64 } from './bytes';

/** The limits; every one can be raised by an option (`--max-size`, `--max-rows`). */
export interface WorkbookLimits {
  /** Total uncompressed size of all entries, in bytes. */
  maxBytes: number;
  /** Rows in any one sheet (as its `<dimension>` states, and as counted while reading). */
  maxRows: number;
  /** Entries in the zip. */
  maxEntries: number;
}

/** Defaults: ten times the largest roster measured (100,000 rows ≈ 60 MB of sheet XML), far below what exhausts memory. */
export const DEFAULT_LIMITS: WorkbookLimits = { maxBytes: 1024 * 1024 * 1024, maxRows: 200_000, maxEntries: 10_000 };

/** One entry of the zip's central directory. */
export interface ZipEntry {
  name: string;
  /** Compression method: 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  localOffset: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;

/** Thrown as INVALID_WORKBOOK: the file is a zip in name only. */
function damaged(file: string, why: string): CwError {
  return new CwError('INVALID_WORKBOOK', `“${file}”已损坏，无法作为 Excel 工作簿读取（${why}）。请在 Excel 中打开它，如能打开，另存为新的 .xlsx 文件后再试。`, 'file');
}

/**
 * The zip's central directory. Throws INVALID_WORKBOOK (damaged) when there is none or it does
 * not fit in the file, and TOO_LARGE when it lists more than `maxEntries` entries.
 */
export function zipEntries(src: ByteSource, file: string, maxEntries = DEFAULT_LIMITS.maxEntries): ZipEntry[] {
  return zipDirectory(src, file, maxEntries).entries;
}

/** The central directory's entries and where it starts (the end of the last entry's data). */
export function zipDirectory(src: ByteSource, file: string, maxEntries = DEFAULT_LIMITS.maxEntries): { entries: ZipEntry[]; offset: number } {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = src.read(src.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) { at = i; break; }
  }
  if (at < 0) throw damaged(file, '找不到 zip 目录，文件可能不完整');
  let count = u16(tail, at + 10);
  let size = u32(tail, at + 12);
  let offset = u32(tail, at + 16);
  const eocdOffset = src.size - tailLength + at;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator just before the end record points at the 64-bit end record.
    const loc = src.read(eocdOffset - 20, 20);
    if (loc.length === 20 && u32(loc, 0) === EOCD64_LOCATOR) {
      const rec = src.read(u64(loc, 8), 56);
      if (rec.length === 56 && u32(rec, 0) === EOCD64) {
        count = u64(rec, 32);
        size = u64(rec, 40);
        offset = u64(rec, 48);
      }
    }
  }
  if (count > maxEntries) {
    throw new CwError('TOO_LARGE', `“${file}”包含 ${count} 个内部文件，超过上限 ${maxEntries}，不像是花名册工作簿，未读取。`, 'file');
  }
  if (offset + size > src.size) throw damaged(file, 'zip 目录超出文件末尾，文件可能被截断');
  const dir = src.read(offset, size);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw damaged(file, 'zip 目录记录不完整');
    const nameLength = u16(dir, p + 28);
    const extraLength = u16(dir, p + 30);
    const commentLength = u16(dir, p + 32);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(dir.subarray(p + 46, p + 46 + nameLength)),
      method: u16(dir, p + 10),
      flags: u16(dir, p + 8),
      compressedSize: u32(dir, p + 20),
      uncompressedSize: u32(dir, p + 24),
      localOffset: u32(dir, p + 42),
    };
    readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
    if (entry.localOffset >= offset) throw damaged(file, `内部文件“${entry.name}”的位置超出数据区`);
  }
  return { entries, offset };
}

/** Fills in the 64-bit sizes and offset that a ZIP64 extra field holds for fields set to 0xFFFFFFFF. */
function readZip64Extra(extra: Uint8Array, e: ZipEntry): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = u16(extra, q);
    const len = u16(extra, q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.uncompressedSize === 0xffffffff && r + 8 <= q + 4 + len) { e.uncompressedSize = u64(extra, r); r += 8; }
      if (e.compressedSize === 0xffffffff && r + 8 <= q + 4 + len) { e.compressedSize = u64(extra, r); r += 8; }
      if (e.localOffset === 0xffffffff && r + 8 <= q + 4 + len) { e.localOffset = u64(extra, r); }
      return;
    }
    q += 4 + len;
  }
}

/** Megabytes, for messages. */
function mb(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/** The first bytes of an entry's expanded content, at most `limit` of them (inflating stops there). */
export type InflateHead = (entry: ZipEntry, limit: number) => Uint8Array;

/** Rows a sheet's `<dimension ref="A1:Z1048576"/>` declares, or null when it has none. */
export function dimensionRows(xmlHead: string): number | null {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(xmlHead);
  if (!m) return null;
  const cells = m[1].split(':');
  const rowOf = (ref: string) => {
    const d = /^\$?[A-Za-z]{1,3}\$?(\d{1,7})$/.exec(ref.trim());
    return d ? Number(d[1]) : null;
  };
  const first = rowOf(cells[0]);
  const last = rowOf(cells[cells.length - 1]);
  return first === null || last === null ? null : last - first + 1;
}

/** What the guard learnt: the entries, and each sheet's declared row count. */
export interface GuardResult {
  entries: ZipEntry[];
  /** Where the central directory starts: the end of the entries' data. */
  directoryOffset: number;
  totalBytes: number;
  sheetRows: Map<string, number>;
}

/** The message for a sheet over the row limit. */
export function tooManyRowsError(file: string, rows: number, limits: WorkbookLimits, where = ''): CwError {
  return new CwError('TOO_LARGE', `“${file}”${where}有 ${rows} 行，超过上限 ${limits.maxRows} 行，未读取。确是花名册请用 --max-rows ${Math.max(rows, limits.maxRows + 1)} 提高上限（行数越多，需要的内存越多）。`, 'file');
}

/**
 * Refuses a workbook over the limits before it is expanded: total uncompressed size and entry
 * count from the central directory, and each sheet's row count from its `<dimension>` (read by
 * inflating only the first 4 KB). Returns what it read, for the reader to use.
 */
export function guardWorkbook(src: ByteSource, file: string, limits: WorkbookLimits = DEFAULT_LIMITS, inflateHead?: InflateHead): GuardResult {
  const { entries, offset: directoryOffset } = zipDirectory(src, file, limits.maxEntries);
  let totalBytes = 0;
  for (const e of entries) totalBytes += e.uncompressedSize;
  if (totalBytes > limits.maxBytes) {
    throw new CwError('TOO_LARGE', `“${file}”解压后共 ${mb(totalBytes)}，超过上限 ${mb(limits.maxBytes)}，未解压。确是花名册请用 --max-size ${Math.ceil(totalBytes / (1024 * 1024))} 提高上限（单位 MB）。`, 'file');
  }
  const sheetRows = new Map<string, number>();
  if (inflateHead) {
    for (const e of entries) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
      let rows: number | null = null;
      try {
        rows = dimensionRows(new TextDecoder().decode(inflateHead(e, 4096)));
      } catch {
        rows = null; // the reader will meet the damage and say so
      }
      if (rows === null) continue;
      sheetRows.set(e.name, rows);
      if (rows > limits.maxRows) throw tooManyRowsError(file, rows, limits, `的工作表（${e.name.replace(/^xl\/worksheets\//, '')}）`);
    }
  }
  return { entries, directoryOffset, totalBytes, sheetRows };
}

/** Limits from the options a command was given: `--max-rows N`, `--max-size MB`. */
export function limitsOf(options: { maxRows?: number; maxSizeMb?: number }): WorkbookLimits {
  return {
    ...DEFAULT_LIMITS,
    ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
    ...(options.maxSizeMb !== undefined ? { maxBytes: options.maxSizeMb * 1024 * 1024 } : {}),
  };
}
