/// <reference types="et-jsapi-declare" />
/**
 * The task pane's workbook port over WPS 表格's JavaScript API (the ET object model, typed by
 * et-jsapi-declare): `ActiveWorkbook.Worksheets`, `Range.Value2`, `Interior`, `Font`,
 * `ActiveWindow` for frozen rows, and the workbook's custom XML parts for the pane's settings.
 *
 * WPS's calls are synchronous; large sheets are still read in chunks of at most 5,000 rows and
 * 200,000 cells, yielding between chunks so the pane can show progress and the clerk can cancel.
 * Highlights are format conditions (`Range.FormatConditions.Add(xlExpression, , formula)`) keyed
 * to the worker (src/taskpane/workbook/marks.ts): the cells' own fills are never touched, and
 * clearing deletes only the conditions whose formula names cwkit's very hidden list sheet (fills
 * painted by an older cwkit are still put back, cell by cell). Colours: WPS, like VBA, holds `Interior.Color` as a
 * BGR number (red + green·256 + blue·65536); `Interior.Pattern` xlPatternNone (-4142) is no fill.
 *
 * Settings: one custom XML part per key in namespace {@link SETTINGS_NS} (`<setting key="…">JSON
 * </setting>`), saved inside the workbook file like Excel's workbook settings; no length limit,
 * unlike document properties or defined names (255 characters).
 */
import type { Cell } from '../engine';
import { abortError, beforeAt, legacyRecordOf, recordCount, sameColor, SETTING, uniqueSheetName } from '../taskpane/workbook/port';
import type { FillState, HighlightRecord, NewSheet, ReadOptions, RowMark, SheetRead, WorkbookPort } from '../taskpane/workbook/port';
import { isMarkFormula, keyOf, listColumns, MARK_SHEET, markRecordOf, markRules, markSheetTaken, ruleFormula } from '../taskpane/workbook/marks';
import type { KeyedMark, MarkRecord } from '../taskpane/workbook/marks';
import { MONEY_FORMAT } from '../reports/sheet/types';
import type { ReportSheet, RowRole } from '../reports/sheet/types';

/** The ET application objects the adapter uses. */
export type EtHost = Pick<Et.Application, 'ActiveWorkbook' | 'ActiveWindow'>;

/** Options of the WPS adapter. */
export interface WpsWorkbookOptions {
  /** Most rows per read (default 5,000). */
  maxChunkRows?: number;
  /** Most cells per read or write (default 200,000). */
  maxChunkCells?: number;
  /** Lets the page breathe between chunks (default: a zero-delay timer). */
  pause?: () => Promise<void>;
}

/** The namespace of the pane's custom XML parts. */
export const SETTINGS_NS = 'urn:cwkit:settings';
/** xlPatternNone / xlNone: a cell without fill. */
const XL_NONE = -4142;
/** xlPatternSolid. */
const XL_SOLID = 1;
/** xlExpression: a format condition given by a formula. */
const XL_EXPRESSION = 2;
/** xlSheetVeryHidden: not listed in WPS's 取消隐藏 dialog. */
const XL_SHEET_VERY_HIDDEN = 2;

/** #RRGGBB → the BGR number WPS's Interior.Color holds. */
export function bgrOf(hex: string): number {
  const h = hex.replace(/^#/, '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** The BGR number of Interior.Color → #RRGGBB. */
export function hexOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** A WPS cell value as a plain cell: '' and empty are blank; anything else not a scalar becomes text. */
function plain(v: unknown): Cell {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** A value to write: text WPS would read as a formula is written as text (leading apostrophe). */
function writable(v: Cell | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && v.startsWith('=')) return `'${v}`;
  return v;
}

/** Value2 as rows, whatever the range's size (one cell reads as a bare value). */
function rowsOf(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return rows === 1 && cols === 1 ? [[v]] : [];
}

/** The ET (VBA) constants used here: et-jsapi-declare declares them as ambient enums, which do not exist at run time. */
const XL = {
  center: -4108, top: -4160, continuous: 1, thin: 2, landscape: 2, portrait: 1, paperA4: 9,
  edges: [8, 9, 7, 10, 12, 11], // xlEdgeTop, xlEdgeBottom, xlEdgeLeft, xlEdgeRight, xlInsideHorizontal, xlInsideVertical
} as const;

/** Formats per report row role: what the PDF's styles are on paper (as the Office adapter writes them). */
const ROLE_FORMAT: Record<RowRole, (r: Et.Range) => void> = {
  title: (r) => {
    r.Font.Size = 16;
    r.Font.Bold = true;
    r.HorizontalAlignment = XL.center;
  },
  meta: () => undefined,
  note: (r) => {
    r.Font.Color = bgrOf('#444444');
  },
  section: (r) => {
    r.Font.Bold = true;
  },
  header: (r) => {
    r.Font.Bold = true;
    r.Interior.Color = bgrOf('#E8E8E8');
    r.HorizontalAlignment = XL.center;
    r.WrapText = true;
  },
  group: (r) => {
    r.Interior.Color = bgrOf('#F4F4F4');
  },
  body: (r) => {
    r.WrapText = true;
    r.VerticalAlignment = XL.top;
  },
  subtotal: (r) => {
    r.Interior.Color = bgrOf('#F4F4F4');
    r.Font.Bold = true;
  },
  total: (r) => {
    r.Interior.Color = bgrOf('#DDDDDD');
    r.Font.Bold = true;
  },
  sign: () => undefined,
  blank: () => undefined,
};

const TABLE_ROLES = new Set<RowRole>(['header', 'group', 'body', 'subtotal', 'total']);

/** Runs of consecutive rows (0-based start) with the same key; rows whose key is null belong to none. */
function runsOf(roles: RowRole[], key: (r: RowRole) => string | null): Array<{ key: string; start: number; count: number }> {
  const out: Array<{ key: string; start: number; count: number }> = [];
  roles.forEach((role, i) => {
    const k = key(role);
    if (k === null) return;
    const last = out[out.length - 1];
    if (last && last.key === k && last.start + last.count === i) last.count++;
    else out.push({ key: k, start: i, count: 1 });
  });
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WpsWorkbook implements WorkbookPort {
  readonly kind = 'wps' as const;
  private readonly maxRows: number;
  private readonly maxCells: number;
  private readonly pause: () => Promise<void>;

  constructor(private readonly app: EtHost, options: WpsWorkbookOptions = {}) {
    this.maxRows = options.maxChunkRows ?? 5000;
    this.maxCells = options.maxChunkCells ?? 200_000;
    this.pause = options.pause ?? tick;
  }

  /** Rows per read for a sheet this wide. */
  chunkRows(columns: number): number {
    return Math.max(1, Math.min(this.maxRows, Math.floor(this.maxCells / Math.max(1, columns))));
  }

  private book(): Et.Workbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error('WPS 表格中没有打开的工作簿。请先打开花名册。');
    return wb;
  }

  private sheets(): Et.Worksheet[] {
    const ws = this.book().Worksheets;
    const out: Et.Worksheet[] = [];
    for (let i = 1; i <= ws.Count; i++) out.push(ws.Item(i) as Et.Worksheet);
    return out;
  }

  /** The sheet of that name (case-insensitive, as WPS compares names), or a Chinese error. */
  private sheet(name: string): Et.Worksheet {
    const s = this.sheets().find((x) => x.Name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`工作表“${name}”不存在。`);
    return s;
  }

  /** Rows and columns from A1 to the last used cell, and the first used row; 0 × 0 for an empty sheet. */
  private static extent(sheet: Et.Worksheet): { rows: number; columns: number; first: number } {
    const used = sheet.UsedRange;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    const first = used.Row;
    // An empty sheet's used range is A1 alone, with nothing in it.
    if (rows === 1 && cols === 1 && first === 1 && used.Column === 1 && plain(used.Value2) === null) return { rows: 0, columns: 0, first: 1 };
    return { rows: first - 1 + rows, columns: used.Column - 1 + cols, first };
  }

  /** The rows × columns block whose top-left cell is (row, col), 1-based. */
  private static block(sheet: Et.Worksheet, row: number, col: number, rows: number, cols: number): Et.Range {
    return (sheet.Cells.Item(row, col) as Et.Range).Resize(rows, cols);
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets().map((s) => s.Name).filter((n) => n !== MARK_SHEET);
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetRead> {
    const sheet = this.sheet(name);
    const { rows: end, columns, first } = WpsWorkbook.extent(sheet); // rows above `first` are empty
    const out: SheetRead = { name: sheet.Name, rows: [], rowNumbers: [], columnCount: columns, rowCount: end };
    if (end === 0) {
      options.onRows?.(0, 0);
      return out;
    }
    const last = options.maxRows === undefined ? end : Math.min(end, options.maxRows);
    const per = this.chunkRows(columns);
    const total = Math.max(0, last - first + 1);
    for (let start = first; start <= last; start += per) {
      if (options.signal?.aborted) throw abortError('已取消读取。');
      const n = Math.min(per, last - start + 1);
      const values = rowsOf(WpsWorkbook.block(sheet, start, 1, n, columns).Value2, n, columns);
      for (let i = 0; i < values.length; i++) {
        const src = values[i];
        const row: Cell[] = new Array(columns);
        let any = false;
        for (let c = 0; c < columns; c++) {
          const v = plain(src[c]);
          row[c] = v;
          if (v !== null) any = true;
        }
        if (!any) continue;
        out.rows.push(row);
        out.rowNumbers.push(start + i);
      }
      options.onRows?.(start + n - first, total);
      if (start + n <= last) await this.pause();
    }
    if (total === 0) options.onRows?.(0, 0);
    return out;
  }

  async addSheet(baseName: string, content: NewSheet): Promise<string> {
    const existing = this.sheets();
    const name = uniqueSheetName(baseName, existing.map((s) => s.Name));
    // After the last sheet; never into an existing one.
    const sheet = this.book().Worksheets.Add(undefined, existing[existing.length - 1]) as Et.Worksheet;
    sheet.Name = name;
    const rows = content.rows;
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length) {
      // Text columns get the text format before their values, so IDs stay text.
      for (const c of content.textColumns ?? []) WpsWorkbook.block(sheet, 1, c + 1, rows.length, 1).NumberFormat = '@';
      const per = this.chunkRows(width);
      for (let start = 0; start < rows.length; start += per) {
        const part = rows.slice(start, start + per);
        WpsWorkbook.block(sheet, start + 1, 1, part.length, width).Value2 = part.map((r) => Array.from({ length: width }, (_, c) => writable(r[c])));
      }
    }
    const bold = Math.min(content.boldRows ?? 0, rows.length);
    sheet.Activate();
    if (bold > 0) {
      WpsWorkbook.block(sheet, 1, 1, bold, width).Font.Bold = true;
      const win = this.app.ActiveWindow;
      win.FreezePanes = false;
      win.SplitColumn = 0;
      win.SplitRow = bold;
      win.FreezePanes = true;
    }
    for (const [row, color] of Object.entries(content.rowFills ?? {})) {
      WpsWorkbook.block(sheet, Number(row), 1, 1, width).Interior.Color = bgrOf(color);
    }
    if (rows.length) WpsWorkbook.block(sheet, 1, 1, rows.length, width).Columns.AutoFit();
    return name;
  }

  /** A report as a print-ready sheet: values, formats, merges, widths, borders, A4 page setup, frozen headings. */
  async addReportSheet(report: ReportSheet): Promise<string> {
    const existing = this.sheets();
    const name = uniqueSheetName(report.name, existing.map((s) => s.Name));
    const sheet = this.book().Worksheets.Add(undefined, existing[existing.length - 1]) as Et.Worksheet;
    sheet.Name = name;
    const width = Math.max(1, report.columns);
    const rows = report.rows.length;
    if (rows) {
      // Column formats before values: amounts as #,##0.00, IDs as text.
      for (const c of report.moneyColumns) WpsWorkbook.block(sheet, 1, c + 1, rows, 1).NumberFormat = MONEY_FORMAT;
      for (const c of report.textColumns) WpsWorkbook.block(sheet, 1, c + 1, rows, 1).NumberFormat = '@';
      const per = this.chunkRows(width);
      for (let start = 0; start < rows; start += per) {
        const part = report.rows.slice(start, start + per);
        WpsWorkbook.block(sheet, start + 1, 1, part.length, width).Value2 = part.map((r) => Array.from({ length: width }, (_, c) => writable(r[c] ?? null)));
      }
    }
    report.widths.forEach((w, c) => {
      // ET column widths are in characters, the unit the report gives.
      WpsWorkbook.block(sheet, 1, c + 1, 1, 1).EntireColumn.ColumnWidth = w;
    });
    for (const run of runsOf(report.roles, (r) => r)) ROLE_FORMAT[run.key as RowRole](WpsWorkbook.block(sheet, run.start + 1, 1, run.count, width));
    for (const run of runsOf(report.roles, (r) => (TABLE_ROLES.has(r) ? 'table' : null))) {
      const borders = WpsWorkbook.block(sheet, run.start + 1, 1, run.count, width).Borders;
      for (const edge of XL.edges) {
        const b = borders.Item(edge as Et.XlBordersIndex);
        b.LineStyle = XL.continuous;
        b.Weight = XL.thin;
      }
    }
    for (const m of report.merges) WpsWorkbook.block(sheet, m.row + 1, m.col + 1, m.rows, m.cols).Merge(false);
    if (rows) WpsWorkbook.block(sheet, 1, 1, rows, width).Rows.AutoFit();
    const page = sheet.PageSetup;
    page.PaperSize = XL.paperA4 as Et.XlPaperSize;
    page.Orientation = (report.page.orientation === 'landscape' ? XL.landscape : XL.portrait) as Et.XlPageOrientation;
    // One page wide, as many pages tall as it takes: Zoom off, FitToPagesTall false (VBA's idiom).
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
    page.CenterHorizontally = true;
    const [first, last] = report.page.printTitleRows;
    page.PrintTitleRows = `$${first}:$${last}`;
    page.CenterFooter = report.page.centerFooter;
    page.RightHeader = report.page.rightHeader;
    for (const row of report.page.pageBreaksBefore) sheet.HPageBreaks.Add(sheet.Cells.Item(row, 1));
    sheet.Activate();
    const win = this.app.ActiveWindow;
    win.FreezePanes = false;
    win.SplitColumn = 0;
    win.SplitRow = last;
    win.FreezePanes = true;
    return name;
  }

  async activateSheet(name: string): Promise<void> {
    this.sheet(name).Activate();
  }

  async selectRow(sheetName: string, row: number): Promise<void> {
    const sheet = this.sheet(sheetName);
    const width = Math.max(1, WpsWorkbook.extent(sheet).columns);
    sheet.Activate();
    WpsWorkbook.block(sheet, row, 1, 1, width).Select();
  }

  /** One cell's fill: null for none. */
  private static fillAt(sheet: Et.Worksheet, row: number, col: number): FillState {
    const interior = (sheet.Cells.Item(row, col) as Et.Range).Interior;
    if (interior.Pattern === XL_NONE || typeof interior.Color !== 'number') return null;
    return hexOf(interior.Color);
  }

  private static fillsOf(sheet: Et.Worksheet, row: number, width: number): FillState[] {
    return Array.from({ length: width }, (_, c) => WpsWorkbook.fillAt(sheet, row, c + 1));
  }

  /** cwkit's list sheet (very hidden), or null; an error when a sheet of that name is the clerk's. */
  private markSheet(): Et.Worksheet | null {
    const list = this.sheets().find((x) => x.Name.toLowerCase() === MARK_SHEET.toLowerCase());
    if (!list) return null;
    if (list.Visible !== XL_SHEET_VERY_HIDDEN) throw new Error(markSheetTaken());
    return list;
  }

  /**
   * Deletes cwkit's format conditions — on any sheet, those whose formula names the list sheet —
   * and empties the list sheet. The sheet itself stays, very hidden and empty: deleting a sheet
   * makes WPS ask the clerk to confirm.
   */
  private removeMarks(): void {
    const list = this.markSheet();
    for (const sheet of this.sheets()) {
      if (sheet === list || sheet.Name === MARK_SHEET) continue;
      const conditions = sheet.Cells.FormatConditions;
      for (let i = conditions.Count; i >= 1; i--) {
        const c = conditions.Item(i) as Et.FormatCondition;
        if (isMarkFormula(c.Formula1)) c.Delete();
      }
    }
    if (list) list.UsedRange.ClearContents();
  }

  async highlightRows(marks: RowMark[]): Promise<number> {
    this.removeMarks();
    const keyed: KeyedMark[] = [];
    const extent = new Map<string, { rows: number; columns: number }>();
    for (const m of marks) {
      const sheet = this.sheet(m.sheet);
      let size = extent.get(sheet.Name);
      if (!size) {
        const e = WpsWorkbook.extent(sheet);
        extent.set(sheet.Name, (size = { rows: Math.max(1, e.rows), columns: Math.max(1, e.columns) }));
      }
      size.rows = Math.max(size.rows, m.row);
      const values = WpsWorkbook.block(sheet, m.row, 1, 1, size.columns).Value2 as unknown;
      const row = size.columns === 1 ? [plain(values)] : ((values as unknown[][])[0] ?? []).map(plain);
      keyed.push({ sheet: sheet.Name, color: m.color, key: keyOf(row, size.columns, m.keyColumn) });
    }
    const rules = markRules(keyed);
    if (rules.length) {
      let list = this.markSheet();
      if (!list) {
        const existing = this.sheets();
        list = this.book().Worksheets.Add(undefined, existing[existing.length - 1]) as Et.Worksheet;
        list.Name = MARK_SHEET;
        list.Visible = XL_SHEET_VERY_HIDDEN;
      }
      listColumns(rules).forEach((cells, c) => {
        const range = WpsWorkbook.block(list!, 1, c + 1, cells.length, 1);
        range.NumberFormat = '@';
        range.Value2 = cells.map((v) => [v]);
      });
      rules.forEach((rule, c) => {
        const sheet = this.sheet(rule.sheet);
        const size = extent.get(sheet.Name)!;
        const condition = WpsWorkbook.block(sheet, 1, 1, size.rows, size.columns).FormatConditions.Add(XL_EXPRESSION, undefined, ruleFormula(rule, c)) as Et.FormatCondition;
        condition.Interior.Color = bgrOf(rule.color);
        // Above the clerk's own conditions; rules added later (errors) above earlier ones.
        condition.SetFirstPriority();
      });
      this.sheet(rules[rules.length - 1].sheet).Activate();
    }
    const record: MarkRecord = { v: 2, rows: keyed.length };
    this.writeSetting(SETTING.highlights, record);
    return keyed.length;
  }

  async clearHighlights(): Promise<number> {
    const setting = this.readSetting<unknown>(SETTING.highlights);
    const legacy = legacyRecordOf(setting);
    const n = legacy ? this.restoreFills(legacy) : markRecordOf(setting)?.rows ?? 0;
    this.removeMarks();
    this.writeSetting(SETTING.highlights, null);
    return n;
  }

  /** Puts back the fills an older cwkit painted (a {@link HighlightRecord}), where the clerk has not recoloured since. */
  private restoreFills(record: HighlightRecord): number {
    const byName = new Map(this.sheets().map((s) => [s.Name.toLowerCase(), s]));
    let n = 0;
    for (const e of record.rows) {
      const sheet = byName.get(e.sheet.toLowerCase());
      if (!sheet) continue; // deleted since
      const now = WpsWorkbook.fillsOf(sheet, e.row, e.width);
      let touched = false;
      let c = 0;
      while (c < e.width) {
        if (!sameColor(now[c], e.color)) {
          c++; // the clerk has filled this cell since: keep it
          continue;
        }
        // Runs of neighbouring cells that go back to the same fill: one range each.
        const target = beforeAt(e, c);
        let end = c + 1;
        while (end < e.width && sameColor(now[end], e.color) && sameColor(beforeAt(e, end), target)) end++;
        const interior = WpsWorkbook.block(sheet, e.row, c + 1, 1, end - c).Interior;
        if (target === null) interior.Pattern = XL_NONE;
        else {
          interior.Pattern = XL_SOLID;
          interior.Color = bgrOf(target);
        }
        touched = true;
        c = end;
      }
      if (touched) n++;
    }
    return n;
  }

  async highlightCount(): Promise<number> {
    const setting = this.readSetting<unknown>(SETTING.highlights);
    return markRecordOf(setting)?.rows ?? recordCount(legacyRecordOf(setting));
  }

  /** The custom XML parts holding `key` (normally one). */
  private settingParts(key: string): Kso.CustomXMLPart[] {
    const parts = this.book().CustomXMLParts.SelectByNamespace(SETTINGS_NS);
    const out: Kso.CustomXMLPart[] = [];
    for (let i = 1; i <= parts.Count; i++) {
      const part = parts.Item(i);
      const attrs = part.DocumentElement.Attributes;
      for (let j = 1; j <= attrs.Count; j++) {
        const a = attrs.Item(j);
        if (a.BaseName === 'key' && a.NodeValue === key) out.push(part);
      }
    }
    return out;
  }

  private readSetting<T>(key: string): T | null {
    const part = this.settingParts(key)[0];
    if (!part) return null;
    try {
      return JSON.parse(part.DocumentElement.Text) as T;
    } catch {
      return null;
    }
  }

  private writeSetting(key: string, value: unknown): void {
    for (const part of this.settingParts(key)) part.Delete();
    if (value === null || value === undefined) return;
    this.book().CustomXMLParts.Add(`<setting xmlns="${SETTINGS_NS}" key="${xmlEscape(key)}">${xmlEscape(JSON.stringify(value))}</setting>`);
  }

  async getSetting<T = unknown>(key: string): Promise<T | null> {
    return this.readSetting<T>(key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.writeSetting(key, value);
  }
}
