/**
 * Reads an .xlsx file in the page (the app's Web Worker): every worksheet's cell values, as the
 * `cw` command's reader (exceljs, src/workbook/read.ts) gives them — numbers in a date format
 * become whole-day serials, shared and inline strings text (phonetic runs left out), formulas
 * their cached result, booleans booleans, errors their text — so the app's checks see exactly
 * the cells `cw check` sees. It scans the sheet XML itself (no object model per cell), which is
 * what lets a 100,000-row roster open in seconds, and reports progress as it goes.
 */
import JSZip from 'jszip';
import type { Cell } from '../../engine';
import { sniffWorkbook } from '../../workbook/sniff';
import type { ColumnFormat } from '../../taskpane/workbook/memory';
import { DAMAGED, SETTINGS_MARK, SETTINGS_SHEET, XlsxError, attr, text, workbookParts, xmlDecode } from './parts';
import type { SheetEntry } from './parts';
import { elements, nextElement, startTags, withoutBrackets, withoutElements } from './scan';

/** One worksheet as read. */
export interface ReadSheet {
  name: string;
  /** The worksheet part (kept so that saving patches this part and nothing else). */
  part: string;
  state: SheetEntry['state'];
  /** Dense rows: rows[i] is sheet row i + 1. */
  rows: Cell[][];
  columnFormats: ColumnFormat[];
  /** Cells holding a formula, as `row,col` (1-based row, 0-based column): the app does not let them be typed over. */
  formulas: string[];
}

/** A workbook as read. */
export interface ReadBook {
  sheets: ReadSheet[];
  /** The app's settings found in its hidden sheet (key → JSON text). */
  settings: Array<[string, string]>;
  /** The settings sheet's part, when the workbook has one. */
  settingsPart: string | null;
}

/** Options of {@link readXlsx}. */
export interface ReadXlsxOptions {
  fileName?: string;
  /** Share of the work done, 0–1, and what is being read. */
  onProgress?: (share: number, label: string) => void;
}

/** Built-in number formats exceljs treats as dates (those with a format code in its table: 14–22, 45–47). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const TEXT_FORMAT = 49;

/** exceljs's rule for a date format code: date letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(withoutBrackets(code).replace(/"[^"]*"/g, ''));
}

/** Per cell style (the `s` index): 'date', 'text' or null. */
async function styleKinds(zip: JSZip): Promise<ColumnFormat[]> {
  const xml = await text(zip, 'xl/styles.xml');
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const t of startTags(xml, 'numFmt')) {
    const id = Number(attr(t.attrs, 'numFmtId'));
    custom.set(id, attr(t.attrs, 'formatCode') ?? '');
  }
  const xfs = nextElement(xml, 'cellXfs');
  if (!xfs || xfs.inner === null) return [];
  const out: ColumnFormat[] = [];
  for (const t of startTags(xfs.inner, 'xf')) {
    const id = Number(attr(t.attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(id === TEXT_FORMAT || code === '@' ? 'text' : (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) ? 'date' : null);
  }
  return out;
}

/** Shared strings: each item's text runs joined, phonetic (rPh) runs left out, as exceljs reads them. */
async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await text(zip, 'xl/sharedStrings.xml');
  if (!xml) return [];
  const out: string[] = [];
  for (const e of elements(xml, 'si')) out.push(e.inner === null ? '' : runsText(e.inner));
  return out;
}

/** The text of a string item (<si> or <is>) content. */
function runsText(inner: string): string {
  const body = inner.indexOf('rPh') >= 0 ? withoutElements(inner, 'rPh') : inner;
  let s = '';
  for (const e of elements(body, 't')) s += e.inner ?? '';
  return xmlDecode(s);
}

/** A1-style column letters → 0-based column. */
function columnOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

// The `>` is optional so that a tag left open is consumed once, not rescanned (src/app/xlsx/scan.ts).
const TAG = /<(?:\w+:)?(row|c)\b([^>]*)(>?)|<\/(?:\w+:)?sheetData>/g;
const F_RE = /<(?:\w+:)?f[\s>/]/;

/** Scans one worksheet part. */
function scanSheet(xml: string, kinds: ColumnFormat[], strings: string[], date1904: boolean, onShare: (share: number) => void): { rows: Cell[][]; formulas: string[]; cellKinds: Map<number, [number, number, number]> } {
  const rows: Cell[][] = [];
  const formulas: string[] = [];
  // Per column: numbers in a date format, other numbers, text-format cells.
  const cellKinds = new Map<number, [number, number, number]>();
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return { rows, formulas, cellKinds };
  TAG.lastIndex = start;
  let rowNo = 0;
  let col = -1;
  let row: Cell[] = [];
  let next = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[1] === undefined || m[3] !== '>') break; // </sheetData>, or a tag never closed
    const selfClosing = m[2].endsWith('/');
    if (m[1] === 'row') {
      const r = attr(m[2], 'r');
      rowNo = r ? Number(r) : rowNo + 1;
      col = -1;
      row = rows[rowNo - 1] ?? (rows[rowNo - 1] = []);
      if (TAG.lastIndex > next) {
        next = TAG.lastIndex + 1_000_000;
        onShare(TAG.lastIndex / xml.length);
      }
      continue;
    }
    const a = selfClosing ? m[2].slice(0, -1) : m[2];
    const ref = attr(a, 'r');
    col = ref ? columnOf(ref) : col + 1;
    if (ref) {
      const digits = ref.replace(/^[A-Z]+/, '');
      const n = Number(digits);
      if (digits && n !== rowNo && n > 0) {
        rowNo = n;
        row = rows[rowNo - 1] ?? (rows[rowNo - 1] = []);
      }
    }
    let inner = '';
    if (!selfClosing) {
      // The content runs to this cell's </c> (or </x:c>); the elements inside close before it.
      const cEnd = findCellEnd(xml, TAG.lastIndex);
      inner = xml.slice(TAG.lastIndex, cEnd);
      TAG.lastIndex = cEnd;
    }
    const t = attr(a, 't');
    const s = Number(attr(a, 's') ?? 0);
    const kind = kinds[s] ?? null;
    const hasF = inner.length > 0 && F_RE.test(inner);
    if (hasF) formulas.push(`${rowNo},${col}`);
    let value: Cell = null;
    if (t === 'inlineStr') {
      const is = nextElement(inner, 'is');
      value = is ? runsText(is.inner ?? '') : null;
    } else {
      const v = nextElement(inner, 'v');
      if (v) {
        const raw = v.inner ?? '';
        if (t === 's') value = strings[Number(raw)] ?? '';
        else if (t === 'str') value = xmlDecode(raw);
        else if (t === 'b') value = Number(raw) !== 0;
        else if (t === 'e') value = xmlDecode(raw);
        else {
          const n = Number(raw);
          if (Number.isNaN(n)) value = xmlDecode(raw);
          // exceljs makes a Date of it (its formula results stay numbers); the reader keeps whole days.
          else if (kind === 'date' && !hasF) value = Math.floor(n + (date1904 ? 1462 : 0) + 1e-9);
          else value = n;
          const k = cellKinds.get(col) ?? [0, 0, 0];
          k[kind === 'date' ? 0 : 1]++;
          cellKinds.set(col, k);
        }
      }
    }
    if (kind === 'text') {
      const k = cellKinds.get(col) ?? [0, 0, 0];
      k[2]++;
      cellKinds.set(col, k);
    }
    if (value !== null) {
      while (row.length < col) row.push(null);
      row[col] = value;
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { rows, formulas, cellKinds };
}

/** Where a cell's content ends: the index of its closing </c> tag. */
function findCellEnd(xml: string, from: number): number {
  const re = /<\/(?:\w+:)?c>/g;
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) throw new XlsxError(DAMAGED);
  return m.index;
}

/** Reads the settings sheet's key/value rows. */
function settingsOf(rows: Cell[][]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const r of rows.slice(1)) if (typeof r[0] === 'string' && typeof r[1] === 'string') out.push([r[0], r[1]]);
  return out;
}

/** Reads a workbook's bytes. Throws {@link XlsxError} with a Chinese message for a file that is not a readable .xlsx. */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<ReadBook> {
  const sniffed = sniffWorkbook(bytes, options.fileName);
  if (sniffed.message) throw new XlsxError(sniffed.message);
  const report = options.onProgress ?? (() => undefined);
  report(0, '解压');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxError(DAMAGED);
  }
  const parts = await workbookParts(zip);
  const [kinds, strings] = await Promise.all([styleKinds(zip), sharedStrings(zip)]);
  const sizes = parts.sheets.map((s) => (s.part ? ((zip.file(s.part) as unknown as { _data?: { uncompressedSize?: number } })?._data?.uncompressedSize ?? 1) : 0));
  const all = sizes.reduce((a, b) => a + b, 0) || 1;
  let before = 0;
  const book: ReadBook = { sheets: [], settings: [], settingsPart: null };
  for (let i = 0; i < parts.sheets.length; i++) {
    const entry = parts.sheets[i];
    if (!entry.part) continue;
    const label = `读取工作表“${entry.name}”`;
    report(0.1 + (0.9 * before) / all, label);
    let xml: string | null;
    try {
      xml = await text(zip, entry.part);
    } catch {
      throw new XlsxError(DAMAGED);
    }
    if (xml === null) throw new XlsxError(`工作表“${entry.name}”的内容缺失：${DAMAGED}`);
    const scanned = scanSheet(xml, kinds, strings, parts.date1904, (share) => report(0.1 + (0.9 * (before + share * sizes[i])) / all, label));
    before += sizes[i];
    if (entry.name === SETTINGS_SHEET && entry.state !== 'visible' && scanned.rows[0]?.[0] === SETTINGS_MARK) {
      book.settings = settingsOf(scanned.rows);
      book.settingsPart = entry.part;
      continue;
    }
    const columnFormats: ColumnFormat[] = [];
    for (const [c, [dates, numbers, texts]] of scanned.cellKinds) {
      columnFormats[c] = dates > 0 && dates >= numbers ? 'date' : texts > dates + numbers ? 'text' : null;
    }
    book.sheets.push({ name: entry.name, part: entry.part, state: entry.state, rows: scanned.rows, columnFormats, formulas: scanned.formulas });
  }
  report(1, '完成');
  return book;
}
