/**
 * Reads a roster workbook (.xlsx) into plain cell grids for the CLI. The cells come from
 * src/workbook/xlsx/ (zip directory + sheet XML scan, the platform's inflater); exceljs's
 * streaming reader is kept beside it as the baseline the bench and the same-cells test compare
 * against. Node only: the engine never imports this (the pane reads through Office.js).
 */
import { mergeRangesOf } from '../engine/roster/detect';
/** Parses `A2:A6`-style merge references (kept for callers that hold exceljs's merge list). */
export const mergesOf = mergeRangesOf;
import * as fs from 'fs';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import type ExcelJS from 'exceljs';
import { CwError } from '../engine/errors';
import { detectRoster } from '../engine/roster/detect';
import type { DetectedRoster, SheetGrid } from '../engine/roster/detect';
import type { Cell } from '../engine/roster/types';
import { ByteSource, u16, u32 } from './bytes';
import { DEFAULT_LIMITS, guardWorkbook, tooManyRowsError } from './guard';
import type { GuardResult, InflateHead, WorkbookLimits } from './guard';
import { notWorkbookError, sniffFile } from './sniff';
import { readXlsxGrids } from './xlsx/grids';
import type { GridWithMerges } from './xlsx/grids';
import { nodeInflater } from './xlsx/inflate-node';
import { ZipError } from './xlsx/zip';

export type { GridWithMerges } from './xlsx/grids';
export type { MergeRange } from './xlsx/sheet-scan';

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (1900 date system). */
const SERIAL_1970 = 25_569;

/** An exceljs cell value as a plain cell: dates back to 1900-system serials, rich text to text, formulas to their result. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const t = v.getTime();
    // exceljs builds UTC dates from the serial (date1904 already applied): back to a 1900-system serial, time of day dropped.
    return Number.isNaN(t) ? null : Math.floor(t / MS_PER_DAY + 1e-9) + SERIAL_1970;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** Options for {@link readWorkbook}. */
export interface ReadOptions {
  /** Called every few thousand rows with the number of rows read so far. */
  onRows?: (rows: number) => void;
  /** Size and row limits (default {@link DEFAULT_LIMITS}; `--max-rows`, `--max-size` raise them). */
  limits?: WorkbookLimits;
}

/** A ByteSource over an open file. */
function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const start = Math.max(0, offset);
      const n = Math.max(0, Math.min(length, size - start));
      const buf = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        const r = fs.readSync(fd, buf, got, n - got, start + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    },
  };
}

/** The first `limit` bytes an entry expands to, inflating only as much compressed data as that needs. */
function inflateHeadOf(src: ByteSource): InflateHead {
  return (entry, limit) => {
    const local = src.read(entry.localOffset, 30);
    const dataAt = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
    const raw = src.read(dataAt, Math.min(entry.compressedSize, limit));
    if (entry.method === 0) return raw;
    if (entry.method !== 8) return new Uint8Array(0);
    return zlib.inflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit * 1024 });
  };
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

const LOCAL = 0x04034b50;

/**
 * Expands every entry once, without keeping it, and checks it against the central directory
 * (local header, CRC-32, size): exceljs's streaming reader waits forever on a damaged deflate
 * stream, and a zip may declare small sizes and still expand to gigabytes. Stops at the byte
 * that exceeds the size limit. Only after this does exceljs see the file.
 */
async function verifyEntries(file: string, src: ByteSource, guard: GuardResult, limits: WorkbookLimits): Promise<void> {
  let total = 0;
  const damaged = (name: string, why: string) =>
    new CwError('INVALID_WORKBOOK', `“${file}”已损坏（内部文件“${name}”${why}），无法作为 Excel 工作簿读取。请在 Excel 中打开它，如能打开，另存为新的 .xlsx 文件后再试。`, 'file');
  for (const e of guard.entries) {
    const local = src.read(e.localOffset, 30);
    if (local.length < 30 || u32(local, 0) !== LOCAL) throw damaged(e.name, '的文件头不完整');
    const nameLength = u16(local, 26);
    const dataAt = e.localOffset + 30 + nameLength + u16(local, 28);
    if (new TextDecoder().decode(src.read(e.localOffset + 30, nameLength)) !== e.name) throw damaged(e.name, '的文件头与目录不一致');
    if (e.flags & 1) throw new CwError('INVALID_WORKBOOK', `“${file}”的内部文件已加密，无法读取。请在 Excel 中清除密码后另存为 .xlsx 再试。`, 'file');
    if (dataAt + e.compressedSize > guard.directoryOffset) throw damaged(e.name, '超出数据区');
    if (e.method !== 0 && e.method !== 8) throw damaged(e.name, `使用了不支持的压缩方式 ${e.method}`);
    if (e.compressedSize === 0) {
      if (e.uncompressedSize === 0 && e.crc32 === 0) continue;
      throw damaged(e.name, '没有压缩数据');
    }
    let crc = 0;
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const input = fs.createReadStream(file, { start: dataAt, end: dataAt + e.compressedSize - 1 });
      const out = e.method === 8 ? input.pipe(zlib.createInflateRaw()) : input;
      const fail = (err: CwError) => { input.destroy(); out.destroy(); reject(err); };
      out.on('data', (chunk: Buffer) => {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        total += chunk.length;
        if (size > e.uncompressedSize) fail(damaged(e.name, '解压后比目录记载的大'));
        else if (total > limits.maxBytes) fail(new CwError('TOO_LARGE', `“${file}”解压后超过上限 ${Math.round(limits.maxBytes / 1048576)} MB，已停止解压。确是花名册请用 --max-size 提高上限（单位 MB）。`, 'file'));
      });
      out.on('error', () => fail(damaged(e.name, '的压缩数据有误')));
      input.on('error', () => fail(damaged(e.name, '无法读取')));
      out.on('end', resolve);
    });
    if (size !== e.uncompressedSize || (crc >>> 0) !== e.crc32) throw damaged(e.name, '的校验和不符');
  }
}

/**
 * The zip's entries re-ordered so the workbook, relationships and shared strings come before the
 * sheets. exceljs's streaming reader copies every sheet it meets before the shared strings to a
 * temporary file (worker data left in /tmp when the process is killed); in this order it never does.
 * The central directory follows unchanged: the streaming reader only needs to see that it begins.
 */
function orderedZipStream(file: string, guard: GuardResult): Readable {
  const byOffset = [...guard.entries].sort((a, b) => a.localOffset - b.localOffset);
  const ranges = byOffset.map((e, i) => ({ sheet: WORKSHEET.test(e.name), start: e.localOffset, end: i + 1 < byOffset.length ? byOffset[i + 1].localOffset : guard.directoryOffset }));
  const ordered = [...ranges.filter((r) => !r.sheet), ...ranges.filter((r) => r.sheet)];
  return Readable.from((async function* () {
    for (const r of ordered) if (r.end > r.start) yield* fs.createReadStream(file, { start: r.start, end: r.end - 1 });
    // The central directory closes the stream, as the reader expects (without it: FILE_ENDED).
    yield* fs.createReadStream(file, { start: guard.directoryOffset });
  })());
}

/** Why exceljs failed, in Chinese: its own messages (`invalid signature`, `FILE_ENDED`, a TypeError) are never shown. */
function readFailure(file: string, e: unknown): CwError {
  const message = String((e as Error)?.message ?? e);
  if (e instanceof TypeError || /Cannot read propert|undefined/.test(message)) {
    return new CwError('INVALID_WORKBOOK', `“${file}”的工作表结构不完整（如单元格缺少位置信息），常见于其他软件导出的文件。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后重试。`, 'file');
  }
  return new CwError('INVALID_WORKBOOK', `“${file}”已损坏，无法作为 Excel 工作簿读取（解压或解析出错）。请在 Excel 中打开它，如能打开，另存为新的 .xlsx 文件后再试。`, 'file');
}


/**
 * Every sheet of an .xlsx file as a grid of plain cells (blank rows skipped, sheet row numbers
 * kept, merged ranges listed), read straight from the zip and sheet XML (src/workbook/xlsx/):
 * several times faster than exceljs's streaming reader, with the same cells. Before anything is
 * expanded the file is sniffed (an .xls, encrypted, CSV, damaged or empty file is a specific
 * Chinese error) and guarded (size and row limits, src/workbook/guard.ts); rows are counted again
 * after reading, for sheets that state no dimension. Nothing is written to disk.
 */
export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<GridWithMerges[]> {
  if (!fs.existsSync(file)) throw new CwError('FILE_NOT_FOUND', `找不到文件“${file}”。请检查路径。`, 'file');
  if (fs.statSync(file).isDirectory()) throw new CwError('INVALID_TYPE', `“${file}”是文件夹，不是 Excel 工作簿。`, 'file');
  const limits = options.limits ?? DEFAULT_LIMITS;
  await guardFile(file, limits);
  const bytes = fs.readFileSync(file);
  let sheets: GridWithMerges[];
  try {
    sheets = await readXlsxGrids(bytes, nodeInflater, options);
  } catch (e) {
    if (e instanceof CwError) throw e;
    if (e instanceof ZipError) throw new CwError('INVALID_WORKBOOK', `无法读取“${file}”：${e.message}。请在 Excel 中打开它，如能打开，另存为新的 .xlsx 文件后再试。`, 'file');
    throw readFailure(file, e);
  }
  for (const s of sheets) {
    const last = s.rowNumbers?.[s.rowNumbers.length - 1] ?? 0;
    if (last > limits.maxRows) throw tooManyRowsError(file, last, limits, `的工作表“${s.name}”至少`);
  }
  if (sheets.length === 0) throw new CwError('INVALID_WORKBOOK', `“${file}”中没有工作表，不像是 Excel 花名册。请在 Excel 中打开它，确认数据在工作表中并另存为 .xlsx。`, 'file');
  if (sheets.every((s) => s.rows.length === 0)) {
    throw new CwError('INVALID_WORKBOOK', `“${file}”的工作表（${sheets.map((s) => s.name).join('、')}）都是空的，没有任何数据。请确认选对了文件，并已保存。`, 'file');
  }
  return sheets;
}

/**
 * Sniffs and guards the file from its zip directory, before anything is expanded; then expands
 * every entry once to check it against the directory (declared sizes can lie: a zip bomb).
 */
async function guardFile(file: string, limits: WorkbookLimits): Promise<GuardResult> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw new CwError('INVALID_TYPE', `无法打开“${file}”（${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有读取权限' : '系统错误 ' + ((e as NodeJS.ErrnoException).code ?? '')}）。`, 'file');
  }
  try {
    const src = fileSource(fd, fs.fstatSync(fd).size);
    const wrong = notWorkbookError(sniffFile(src), file);
    if (wrong) throw wrong;
    const guard = guardWorkbook(src, file, limits, inflateHeadOf(src));
    await verifyEntries(file, src, guard, limits);
    return guard;
  } finally {
    fs.closeSync(fd);
  }
}

/** Every sheet read with exceljs's streaming reader: the reader before this one, kept for the bench and the same-cells test. */
export async function readWorkbookExceljs(file: string, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const guard = await guardFile(file, options.limits ?? DEFAULT_LIMITS);
  // Loaded only here: exceljs costs a quarter of a second of start-up that the fast reader never needs.
  const excel = require('exceljs') as typeof ExcelJS;
  const reader = new excel.stream.xlsx.WorkbookReader(orderedZipStream(file, guard) as never, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as never);
  const sheets: SheetGrid[] = [];
  let total = 0;
  for await (const ws of reader) {
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    for await (const row of ws as AsyncIterable<{ number: number; values: unknown[] }>) {
      const values = row.values;
      const cells: Cell[] = new Array(Math.max(0, values.length - 1));
      let any = false;
      for (let c = 1; c < values.length; c++) {
        const v = plainCell(values[c]);
        cells[c - 1] = v;
        if (v !== null && v !== '') any = true;
      }
      if (!any) continue;
      rows.push(cells);
      rowNumbers.push(row.number);
      if ((++total & 4095) === 0) options.onRows?.(total);
    }
    sheets.push({ name: (ws as unknown as { name: string }).name, rows, rowNumbers });
  }
  options.onRows?.(total);
  return sheets;
}

/** Reads an .xlsx file and finds its worker, community and county tables by their headers. */
export async function readRosterFile(file: string, options: ReadOptions = {}): Promise<DetectedRoster & { grids: SheetGrid[] }> {
  const grids = await readWorkbook(file, options);
  return { ...detectRoster(grids), grids };
}
