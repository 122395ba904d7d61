/**
 * Reads a roster workbook (.xlsx) into plain cell grids for the CLI. The cells come from
 * src/workbook/xlsx/ (zip directory + sheet XML scan, the platform's inflater); exceljs's
 * streaming reader is kept beside it as the baseline the bench and the same-cells test compare
 * against. Node only: the engine never imports this (the pane reads through Office.js).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { CwError } from '../engine/errors';
import { detectRoster } from '../engine/roster/detect';
import type { DetectedRoster, SheetGrid } from '../engine/roster/detect';
import type { Cell } from '../engine/roster/types';
import { sniffWorkbook } from './sniff';
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
}

/**
 * Every sheet of an .xlsx file as a grid of plain cells (blank rows skipped, sheet row numbers
 * kept, merged ranges listed), read straight from the zip and sheet XML (src/workbook/xlsx/):
 * about twice as fast as exceljs's streaming reader, with the same cells.
 */
export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<GridWithMerges[]> {
  if (!fs.existsSync(file)) throw new CwError('REQUIRED', `找不到文件“${file}”。请检查路径。`, 'file');
  if (fs.statSync(file).isDirectory()) throw new CwError('INVALID_TYPE', `“${file}”是文件夹，不是 Excel 工作簿。`, 'file');
  const bytes = fs.readFileSync(file);
  const sniffed = sniffWorkbook(bytes);
  if (sniffed.message) throw new CwError('INVALID_TYPE', `无法读取“${file}”：${sniffed.message}`, 'file');
  try {
    return await readXlsxGrids(bytes, nodeInflater, options);
  } catch (e) {
    if (e instanceof CwError) throw e;
    const why = e instanceof ZipError ? e.message : '文件已损坏或不是完整的 Excel 工作簿';
    throw new CwError('INVALID_TYPE', `无法读取“${file}”：${why}。请确认它是 Excel 工作簿（.xlsx），且未加密、未损坏。`, 'file');
  }
}

/** Every sheet read with exceljs's streaming reader: the reader before this one, kept for the bench and the same-cells test. */
export async function readWorkbookExceljs(file: string, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as never);
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
