/**
 * Reads a roster workbook (.xlsx) into plain cell grids with exceljs's streaming reader, so a
 * 100,000-row roster is read without building exceljs's whole object model. Node only: the engine
 * never imports this (the task pane reads through Office.js instead).
 */
import * as fs from 'fs';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { CwError } from '../engine/errors';
import { detectRoster } from '../engine/roster/detect';
import type { DetectedRoster, SheetGrid } from '../engine/roster/detect';
import type { Cell } from '../engine/roster/types';
import { ByteSource, u16 } from './bytes';
import { DEFAULT_LIMITS, guardWorkbook, tooManyRowsError } from './guard';
import type { GuardResult, InflateHead, WorkbookLimits } from './guard';
import { notWorkbookError, sniffFile } from './sniff';

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

/**
 * The zip's entries re-ordered so the workbook, relationships and shared strings come before the
 * sheets. exceljs's streaming reader copies every sheet it meets before the shared strings to a
 * temporary file (worker data left in /tmp when the process is killed); in this order it never does.
 * The central directory is left out: the reader needs only the local entries.
 */
function orderedZipStream(file: string, guard: GuardResult): Readable {
  const byOffset = [...guard.entries].sort((a, b) => a.localOffset - b.localOffset);
  const ranges = byOffset.map((e, i) => ({ sheet: WORKSHEET.test(e.name), start: e.localOffset, end: i + 1 < byOffset.length ? byOffset[i + 1].localOffset : guard.directoryOffset }));
  const ordered = [...ranges.filter((r) => !r.sheet), ...ranges.filter((r) => r.sheet)];
  return Readable.from((async function* () {
    for (const r of ordered) if (r.end > r.start) yield* fs.createReadStream(file, { start: r.start, end: r.end - 1 });
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
 * Every sheet of an .xlsx file as a grid of plain cells (blank rows skipped, sheet row numbers kept).
 * Before anything is expanded the file is sniffed (an .xls, encrypted, CSV, damaged or empty file
 * is a specific Chinese error) and guarded (size and row limits, src/workbook/guard.ts); rows are
 * counted again while reading, for sheets that state no dimension. No temporary file is written.
 */
export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<SheetGrid[]> {
  if (!fs.existsSync(file)) throw new CwError('FILE_NOT_FOUND', `找不到文件“${file}”。请检查路径。`, 'file');
  if (fs.statSync(file).isDirectory()) throw new CwError('INVALID_TYPE', `“${file}”是文件夹，不是 Excel 工作簿。`, 'file');
  const limits = options.limits ?? DEFAULT_LIMITS;
  let guard: GuardResult;
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
    guard = guardWorkbook(src, file, limits, inflateHeadOf(src));
  } finally {
    fs.closeSync(fd);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(orderedZipStream(file, guard) as never, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as never);
  const sheets: SheetGrid[] = [];
  let total = 0;
  try {
    for await (const ws of reader) {
      const rows: Cell[][] = [];
      const rowNumbers: number[] = [];
      const name = (ws as unknown as { name: string }).name;
      for await (const row of ws as AsyncIterable<{ number: number; values: unknown[] }>) {
        if (row.number > limits.maxRows) throw tooManyRowsError(file, row.number, limits, `的工作表“${name}”至少`);
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
      sheets.push({ name, rows, rowNumbers });
    }
  } catch (e) {
    if (e instanceof CwError) throw e;
    throw readFailure(file, e);
  }
  if (sheets.length === 0) throw new CwError('INVALID_WORKBOOK', `“${file}”中没有工作表，不像是 Excel 花名册。请在 Excel 中打开它，确认数据在工作表中并另存为 .xlsx。`, 'file');
  if (sheets.every((s) => s.rows.length === 0)) {
    throw new CwError('INVALID_WORKBOOK', `“${file}”的工作表（${sheets.map((s) => s.name).join('、')}）都是空的，没有任何数据。请确认选对了文件，并已保存。`, 'file');
  }
  options.onRows?.(total);
  return sheets;
}

/** Reads an .xlsx file and finds its worker, community and county tables by their headers. */
export async function readRosterFile(file: string, options: ReadOptions = {}): Promise<DetectedRoster & { grids: SheetGrid[] }> {
  const grids = await readWorkbook(file, options);
  return { ...detectRoster(grids), grids };
}
