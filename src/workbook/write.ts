/**
 * Writes a roster (worker, community and county tables) as an .xlsx workbook with exceljs's
 * streaming writer: date columns as real Excel dates, resident IDs as text, a title row above the
 * worker table. Node only. Used for templates/示例花名册.xlsx and by the bench.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Cell, Roster, RosterTable } from '../engine/roster/types';

const MS_PER_DAY = 86_400_000;
const SERIAL_1970 = 25_569;
/** A fixed timestamp for the workbook properties, so regenerating gives the same content. */
const FIXED = new Date(Date.UTC(2026, 11, 1));

/** Options for {@link writeRosterWorkbook}. */
export interface WriteOptions {
  /** Headers whose numeric cells are dates (written as date cells, yyyy-mm-dd). */
  dateHeaders?: ReadonlySet<string>;
  /** Headers whose cells are written as text (resident IDs). */
  textHeaders?: ReadonlySet<string>;
  /** A title written in row 1 above a table whose header row is 2. */
  title?: string;
}

function excelDate(serial: number): Date {
  return new Date((serial - SERIAL_1970) * MS_PER_DAY);
}

function addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: RosterTable, options: WriteOptions): void {
  const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: table.headerRow }] });
  const headers = table.headers.map((h) => (h === null ? '' : String(h)));
  ws.columns = headers.map((h) => ({
    key: h,
    width: options.textHeaders?.has(h) ? 21 : options.dateHeaders?.has(h) ? 12 : Math.max(8, Math.min(24, [...h].length * 2 + 2)),
    style: options.textHeaders?.has(h) ? { numFmt: '@' } : options.dateHeaders?.has(h) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  if (options.title && table.headerRow > 1) ws.mergeCells(1, 1, 1, Math.min(headers.length, 12));
  for (let r = 1; r < table.headerRow; r++) {
    const row = ws.getRow(r);
    if (r === 1 && options.title) {
      row.getCell(1).value = options.title;
      row.getCell(1).font = { bold: true, size: 14 };
    }
    row.commit();
  }
  const head = ws.getRow(table.headerRow);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.commit();
  const dateCols = headers.map((h) => options.dateHeaders?.has(h) ?? false);
  table.rows.forEach((cells: Cell[], i) => {
    const rowNo = table.rowNumbers ? table.rowNumbers[i] : table.headerRow + 1 + i;
    const row = ws.getRow(rowNo);
    cells.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      row.getCell(c + 1).value = dateCols[c] && typeof v === 'number' ? excelDate(v) : v;
    });
    row.commit();
  });
  ws.commit();
}

/** Writes the roster's tables as sheets of one workbook (workers first). */
export async function writeRosterWorkbook(roster: Roster, file: string, options: WriteOptions = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });

  wb.creator = 'cwkit';
  wb.created = FIXED;
  wb.modified = FIXED;
  addTable(wb, roster.workers, options);
  for (const t of [roster.communities, roster.counties]) if (t) addTable(wb, t, { ...options, title: undefined });
  await wb.commit();
  // Zip entries carry the time they were written: pin them, so the same roster always gives the same bytes.
  fs.writeFileSync(file, pinZipTimestamps(fs.readFileSync(file), FIXED));
}

/**
 * Sets every entry's modification time in a zip (local headers and central directory) to `date`.
 * Walks the central directory from the end-of-central-directory record; a zip it cannot read is returned unchanged.
 */
export function pinZipTimestamps(zip: Buffer, date: Date): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return zip;
  const out = Buffer.from(zip);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== 0x02014b50) return zip;
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== 0x04034b50) return zip;
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
