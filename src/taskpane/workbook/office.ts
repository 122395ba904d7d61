/// <reference types="office-js" />
/**
 * The workbook port over Office.js (Excel). Large sheets are read in chunks — at most 5,000 rows
 * and 200,000 cells per `getRangeByIndexes(…).load('values')` + `context.sync()` — so a
 * 100,000-row roster stays well under Excel's per-request payload limit (5 MB on the web).
 * Settings live in the workbook (`workbook.settings`), as JSON text. Highlights are custom
 * conditional formats (`Range.conditionalFormats.add('Custom')`, ExcelApi 1.6) keyed to the worker
 * (marks.ts): the cells' own fills are never touched, and clearing deletes only the formats whose
 * formula names cwkit's very hidden list sheet. Fills painted by an older cwkit are still restored
 * on clearing (read with `getCellProperties`, colour and pattern, so white is told from none).
 * Report sheets get their page setup from `Worksheet.pageLayout`.
 *
 * One minimum, declared in manifest.xml: ExcelApi 1.9 — the newest set called here
 * (getCellProperties, RangeFill.pattern, pageLayout, page breaks; getRangeByIndexes and
 * freezePanes are 1.7). Every host with SharedRuntime 1.1 (Microsoft 365, Excel 2021 LTSC ≥ 2108,
 * Mac ≥ 16.35, the web) has it; Excel 2016/2019 run neither, so there is no fallback path.
 */
import { mergeRangesOf } from '../../engine';
import type { Cell } from '../../engine';
import { MONEY_FORMAT } from '../../reports/sheet/types';
import type { ReportSheet, RowRole } from '../../reports/sheet/types';
import { abortError, beforeAt, legacyRecordOf, recordCount, sameColor, SETTING, uniqueSheetName } from './port';
import type { FillState, HighlightRecord, NewSheet, ReadOptions, RowMark, SheetRead, WorkbookPort } from './port';
import { isMarkFormula, keyOf, listColumns, MARK_SHEET, markRecordOf, markRules, markSheetTaken, ruleFormula } from './marks';
import type { KeyedMark, MarkRecord } from './marks';

/** Options of the Office adapter (tests pass their own `run`). */
export interface OfficeWorkbookOptions {
  /** Excel.run (default: the global one). */
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Most rows per read request (default 5,000). */
  maxChunkRows?: number;
  /** Most cells per read or write request (default 200,000). */
  maxChunkCells?: number;
}

/** Rows per batch when reading or restoring fills. */
const FILL_BATCH = 200;

/** An Office cell value as a plain cell: '' is blank. */
function plain(v: unknown): Cell {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** A value to write: text that Excel would read as a formula is written as text. */
function writable(v: Cell | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && /^[=]/.test(v)) return `'${v}`;
  return v;
}

type CellFill = { format?: { fill?: { color?: string; pattern?: string } } };

/** Formats per row role: what the PDF's styles are on paper. */
const ROLE_FORMAT: Record<RowRole, (f: Excel.RangeFormat) => void> = {
  title: (f) => {
    f.font.size = 16;
    f.font.bold = true;
    f.horizontalAlignment = 'Center';
  },
  meta: () => undefined,
  note: (f) => {
    f.font.color = '#444444';
  },
  section: (f) => {
    f.font.bold = true;
  },
  header: (f) => {
    f.font.bold = true;
    f.fill.color = '#E8E8E8';
    f.horizontalAlignment = 'Center';
    f.wrapText = true;
  },
  group: (f) => {
    f.fill.color = '#F4F4F4';
  },
  body: (f) => {
    f.wrapText = true;
    f.verticalAlignment = 'Top';
  },
  subtotal: (f) => {
    f.fill.color = '#F4F4F4';
    f.font.bold = true;
  },
  total: (f) => {
    f.fill.color = '#DDDDDD';
    f.font.bold = true;
  },
  sign: () => undefined,
  blank: () => undefined,
};

const TABLE_ROLES = new Set<RowRole>(['header', 'group', 'body', 'subtotal', 'total']);
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Consecutive rows with the same role. */
function roleRuns(roles: RowRole[]): Array<{ role: RowRole; start: number; count: number }> {
  const out: Array<{ role: RowRole; start: number; count: number }> = [];
  roles.forEach((role, i) => {
    const last = out[out.length - 1];
    if (last && last.role === role && last.start + last.count === i) last.count++;
    else out.push({ role, start: i, count: 1 });
  });
  return out;
}

/** Consecutive table rows (headings to totals), which get ruled borders. */
function tableRuns(roles: RowRole[]): Array<{ start: number; count: number }> {
  const out: Array<{ start: number; count: number }> = [];
  roles.forEach((role, i) => {
    if (!TABLE_ROLES.has(role)) return;
    const last = out[out.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1 });
  });
  return out;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly kind = 'office' as const;
  private readonly run: NonNullable<OfficeWorkbookOptions['run']>;
  private readonly maxRows: number;
  private readonly maxCells: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.maxRows = options.maxChunkRows ?? 5000;
    this.maxCells = options.maxChunkCells ?? 200_000;
  }

  /** Rows per request for a sheet this wide. */
  chunkRows(columns: number): number {
    return Math.max(1, Math.min(this.maxRows, Math.floor(this.maxCells / Math.max(1, columns))));
  }

  private static async names(context: Excel.RequestContext): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  }

  /** Columns A.. to the last used column of a sheet (1 for an empty sheet). */
  private static async widthOf(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<number> {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('columnIndex,columnCount');
    await context.sync();
    return used.isNullObject ? 1 : used.columnIndex + used.columnCount;
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => (await OfficeWorkbook.names(context)).filter((n) => n !== MARK_SHEET));
  }

  readSheet(name: string, options: ReadOptions = {}): Promise<SheetRead> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      sheet.load('name');
      await context.sync();
      const out: SheetRead = { name: sheet.name, rows: [], rowNumbers: [], columnCount: 0, rowCount: 0 };
      if (used.isNullObject) {
        options.onRows?.(0, 0);
        return out;
      }
      // From column A, so column indexes are the sheet's own (the header matcher counts from A).
      const columns = used.columnIndex + used.columnCount;
      const first = used.rowIndex;
      const end = used.rowIndex + used.rowCount;
      const last = options.maxRows === undefined ? end : Math.min(end, options.maxRows);
      out.columnCount = columns;
      out.rowCount = end;
      const per = this.chunkRows(columns);
      const total = Math.max(0, last - first);
      for (let start = first; start < last; start += per) {
        if (options.signal?.aborted) throw abortError('已取消读取。');
        const n = Math.min(per, last - start);
        const range = sheet.getRangeByIndexes(start, 0, n, columns);
        range.load('values');
        await context.sync();
        const values = range.values as unknown[][];
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
          out.rowNumbers.push(start + i + 1);
        }
        options.onRows?.(start + n - first, total);
      }
      if (total === 0) options.onRows?.(0, 0);
      // Merged ranges (a 社区 cell merged over its workers), where the host has the API (ExcelApi 1.13);
      // without it the rows are read as they are and a merged cell counts for its top row only.
      if (total > 0 && typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.13')) {
        const merged = sheet.getRangeByIndexes(first, 0, last - first, columns).getMergedAreasOrNullObject();
        merged.load('address');
        await context.sync();
        if (!merged.isNullObject && merged.address) {
          const ranges = mergeRangesOf(merged.address.split(','));
          if (ranges.length) out.merges = ranges;
        }
      }
      return out;
    });
  }

  addSheet(baseName: string, content: NewSheet): Promise<string> {
    return this.run(async (context) => {
      const name = uniqueSheetName(baseName, await OfficeWorkbook.names(context));
      const sheet = context.workbook.worksheets.add(name);
      const rows = content.rows;
      const width = Math.max(1, ...rows.map((r) => r.length));
      const text = new Set(content.textColumns ?? []);
      const formats = Array.from({ length: width }, (_, c) => (text.has(c) ? '@' : 'General'));
      const per = this.chunkRows(width);
      for (let start = 0; start < rows.length; start += per) {
        const part = rows.slice(start, start + per);
        const range = sheet.getRangeByIndexes(start, 0, part.length, width);
        if (text.size) range.numberFormat = part.map(() => formats);
        range.values = part.map((r) => Array.from({ length: width }, (_, c) => writable(r[c])));
        await context.sync();
      }
      const bold = Math.min(content.boldRows ?? 0, rows.length);
      if (bold > 0) {
        sheet.getRangeByIndexes(0, 0, bold, width).format.font.bold = true;
        sheet.freezePanes.freezeRows(bold);
      }
      for (const [row, color] of Object.entries(content.rowFills ?? {})) {
        sheet.getRangeByIndexes(Number(row) - 1, 0, 1, width).format.fill.color = color;
      }
      if (rows.length) sheet.getRangeByIndexes(0, 0, rows.length, width).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  addReportSheet(report: ReportSheet): Promise<string> {
    return this.run(async (context) => {
      const name = uniqueSheetName(report.name, await OfficeWorkbook.names(context));
      const sheet = context.workbook.worksheets.add(name);
      const width = Math.max(1, report.columns);
      const money = new Set(report.moneyColumns);
      const text = new Set(report.textColumns);
      const formats = Array.from({ length: width }, (_, c) => (money.has(c) ? MONEY_FORMAT : text.has(c) ? '@' : 'General'));
      const per = this.chunkRows(width);
      for (let start = 0; start < report.rows.length; start += per) {
        const part = report.rows.slice(start, start + per);
        const range = sheet.getRangeByIndexes(start, 0, part.length, width);
        range.numberFormat = part.map(() => formats);
        range.values = part.map((r) => Array.from({ length: width }, (_, c) => writable(r[c] ?? null)));
        await context.sync();
      }
      report.widths.forEach((w, c) => {
        // Column width in points: about 6 points per character unit, plus the cell padding.
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 6 + 6);
      });
      // Runs of rows with the same role share one format call; table rows get thin borders.
      for (const run of roleRuns(report.roles)) {
        const range = sheet.getRangeByIndexes(run.start, 0, run.count, width);
        ROLE_FORMAT[run.role](range.format);
      }
      for (const run of tableRuns(report.roles)) {
        const borders = sheet.getRangeByIndexes(run.start, 0, run.count, width).format.borders;
        for (const edge of BORDER_EDGES) borders.getItem(edge).style = 'Continuous';
      }
      for (let i = 0; i < report.merges.length; i++) {
        const m = report.merges[i];
        sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
        if ((i + 1) % 500 === 0) await context.sync();
      }
      await context.sync();
      if (report.rows.length) sheet.getRangeByIndexes(0, 0, report.rows.length, width).format.autofitRows();
      // Merged rows of long text: Excel does not grow them itself, so wrap and size them here.
      report.heights.forEach((h, r) => {
        if (h === null) return;
        const row = sheet.getRangeByIndexes(r, 0, 1, width).format;
        row.wrapText = true;
        row.rowHeight = h;
      });
      const page = sheet.pageLayout;
      page.paperSize = 'A4';
      page.orientation = report.page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      // One page wide, as many pages tall as it takes (Microsoft's "fit all columns on one page").
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null as unknown as number };
      page.centerHorizontally = true;
      const [first, last] = report.page.printTitleRows;
      page.setPrintTitleRows(`$${first}:$${last}`);
      page.headersFooters.defaultForAllPages.centerFooter = report.page.centerFooter;
      page.headersFooters.defaultForAllPages.rightHeader = report.page.rightHeader;
      for (const row of report.page.pageBreaksBefore) sheet.horizontalPageBreaks.add(`A${row}`);
      sheet.freezePanes.freezeRows(last);
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  activateSheet(name: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  selectRow(sheetName: string, row: number): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const width = await OfficeWorkbook.widthOf(context, sheet);
      sheet.activate();
      sheet.getRangeByIndexes(row - 1, 0, 1, width).select();
      await context.sync();
    });
  }

  /** Reads the fills of rows, cell by cell. */
  private async fillsOf(context: Excel.RequestContext, sheet: Excel.Worksheet, rows: number[], width: number): Promise<FillState[][]> {
    const out: FillState[][] = [];
    for (let i = 0; i < rows.length; i += FILL_BATCH) {
      const results = rows.slice(i, i + FILL_BATCH).map((row) =>
        sheet.getRangeByIndexes(row - 1, 0, 1, width).getCellProperties({ format: { fill: { color: true, pattern: true } } }),
      );
      await context.sync();
      for (const r of results) out.push(((r.value as CellFill[][])[0] ?? []).map((p) => this.stateOf(p)));
    }
    return out;
  }

  private stateOf(p: CellFill | undefined): FillState {
    const fill = p?.format?.fill;
    if (!fill) return null;
    return fill.pattern === 'None' || !fill.color ? null : fill.color.toUpperCase();
  }

  /** The workbook's highlight setting, parsed (null when absent or unreadable). */
  private async highlightSetting(context: Excel.RequestContext): Promise<unknown> {
    const item = context.workbook.settings.getItemOrNullObject(SETTING.highlights);
    item.load('value');
    await context.sync();
    if (item.isNullObject) return null;
    try {
      return JSON.parse(String(item.value));
    } catch {
      return null;
    }
  }

  /**
   * Deletes cwkit's marks: every conditional format, on any sheet, whose formula names the list
   * sheet, then the list sheet itself (only when it is cwkit's: very hidden). Returns the formats deleted.
   */
  private async removeMarks(context: Excel.RequestContext): Promise<number> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const collections = sheets.items.filter((s) => s.name !== MARK_SHEET).map((s) => {
      const formats = s.getRange().conditionalFormats;
      formats.load('items/type,items/customOrNullObject/rule/formula');
      return formats;
    });
    await context.sync();
    let n = 0;
    for (const formats of collections) {
      for (const f of formats.items) {
        if (f.type !== 'Custom' || f.customOrNullObject.isNullObject || !isMarkFormula(f.customOrNullObject.rule.formula)) continue;
        f.delete();
        n++;
      }
    }
    await context.sync();
    const list = await OfficeWorkbook.markSheet(context);
    if (list) {
      try {
        list.delete();
        await context.sync();
      } catch {
        // A host that will not delete a very hidden sheet: empty it; the next marks reuse it.
        list.getRange().clear();
        await context.sync();
      }
    }
    return n;
  }

  /** cwkit's list sheet, or null; an error when a sheet of that name is the clerk's (not very hidden). */
  private static async markSheet(context: Excel.RequestContext): Promise<Excel.Worksheet | null> {
    const list = context.workbook.worksheets.getItemOrNullObject(MARK_SHEET);
    list.load('visibility');
    await context.sync();
    if (list.isNullObject) return null;
    if (list.visibility !== 'VeryHidden') throw new Error(markSheetTaken());
    return list;
  }

  highlightRows(marks: RowMark[]): Promise<number> {
    return this.run(async (context) => {
      await this.removeMarks(context);
      const bySheet = new Map<string, RowMark[]>();
      for (const m of marks) {
        const list = bySheet.get(m.sheet) ?? [];
        list.push(m);
        bySheet.set(m.sheet, list);
      }
      // Each marked row's key, read from the row as it is now.
      const keyed: KeyedMark[] = [];
      const extent = new Map<string, { rows: number; columns: number }>();
      for (const [sheetName, list] of bySheet) {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load('rowIndex,rowCount,columnIndex,columnCount');
        await context.sync();
        const width = used.isNullObject ? 1 : used.columnIndex + used.columnCount;
        const height = used.isNullObject ? 1 : used.rowIndex + used.rowCount;
        extent.set(sheetName, { rows: Math.max(height, ...list.map((m) => m.row)), columns: width });
        for (let i = 0; i < list.length; i += FILL_BATCH) {
          const ranges = list.slice(i, i + FILL_BATCH).map((m) => {
            const r = sheet.getRangeByIndexes(m.row - 1, 0, 1, width);
            r.load('values');
            return r;
          });
          await context.sync();
          ranges.forEach((r, k) => {
            const m = list[i + k];
            const row = ((r.values as unknown[][])[0] ?? []).map(plain);
            keyed.push({ sheet: sheetName, color: m.color, key: keyOf(row, width, m.keyColumn) });
          });
        }
      }
      const rules = markRules(keyed);
      if (rules.length) {
        // The key lists, as text, in a very hidden sheet: one column per rule.
        let list = await OfficeWorkbook.markSheet(context);
        if (!list) {
          list = context.workbook.worksheets.add(MARK_SHEET);
          list.visibility = 'VeryHidden';
        }
        const sheet = list;
        listColumns(rules).forEach((cells, c) => {
          const range = sheet.getRangeByIndexes(0, c, cells.length, 1);
          range.numberFormat = cells.map(() => ['@']);
          range.values = cells.map((v) => [writable(v)]);
        });
        await context.sync();
        rules.forEach((rule, c) => {
          const size = extent.get(rule.sheet)!;
          const range = context.workbook.worksheets.getItem(rule.sheet).getRangeByIndexes(0, 0, size.rows, size.columns);
          const format = range.conditionalFormats.add('Custom');
          format.custom.rule.formula = ruleFormula(rule, c);
          format.custom.format.fill.color = rule.color;
          // Above the clerk's own conditional formats; rules added later (errors) above earlier ones.
          format.priority = 0;
        });
        await context.sync();
      }
      const record: MarkRecord = { v: 2, rows: keyed.length };
      context.workbook.settings.add(SETTING.highlights, JSON.stringify(record));
      await context.sync();
      return keyed.length;
    });
  }

  clearHighlights(): Promise<number> {
    return this.run(async (context) => {
      const setting = await this.highlightSetting(context);
      const legacy = legacyRecordOf(setting);
      const n = legacy ? await this.restoreFills(context, legacy) : markRecordOf(setting)?.rows ?? 0;
      await this.removeMarks(context);
      const item = context.workbook.settings.getItemOrNullObject(SETTING.highlights);
      item.load('key');
      await context.sync();
      if (!item.isNullObject) item.delete();
      await context.sync();
      return n;
    });
  }

  /** Puts back the fills an older cwkit painted (a {@link HighlightRecord}), where the clerk has not recoloured since. */
  private async restoreFills(context: Excel.RequestContext, record: HighlightRecord): Promise<number> {
    const bySheet = new Map<string, HighlightRecord['rows']>();
    for (const e of record.rows) {
      const list = bySheet.get(e.sheet) ?? [];
      list.push(e);
      bySheet.set(e.sheet, list);
    }
    let n = 0;
    for (const [sheetName, entries] of bySheet) {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject) continue;
      for (let i = 0; i < entries.length; i += FILL_BATCH) {
        const batch = entries.slice(i, i + FILL_BATCH);
        const width = Math.max(...batch.map((e) => e.width));
        const now = await this.fillsOf(context, sheet, batch.map((e) => e.row), width);
        batch.forEach((e, k) => {
          // Runs of neighbouring cells that go back to the same fill: one range each.
          let touched = false;
          let c = 0;
          while (c < e.width) {
            if (!sameColor(now[k][c] ?? null, e.color)) {
              c++; // the clerk has filled this cell since: keep it
              continue;
            }
            const target = beforeAt(e, c);
            let end = c + 1;
            while (end < e.width && sameColor(now[k][end] ?? null, e.color) && sameColor(beforeAt(e, end), target)) end++;
            const range = sheet.getRangeByIndexes(e.row - 1, c, 1, end - c);
            if (target === null) range.format.fill.clear();
            else range.format.fill.color = target;
            touched = true;
            c = end;
          }
          if (touched) n++;
        });
        await context.sync();
      }
    }
    return n;
  }

  highlightCount(): Promise<number> {
    return this.run(async (context) => {
      const setting = await this.highlightSetting(context);
      return markRecordOf(setting)?.rows ?? recordCount(legacyRecordOf(setting));
    });
  }

  getSetting<T = unknown>(key: string): Promise<T | null> {
    return this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await context.sync();
      if (item.isNullObject) return null;
      try {
        return JSON.parse(String(item.value)) as T;
      } catch {
        return null;
      }
    });
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return this.run(async (context) => {
      if (value === null || value === undefined) {
        const item = context.workbook.settings.getItemOrNullObject(key);
        item.load('key');
        await context.sync();
        if (!item.isNullObject) item.delete();
      } else {
        context.workbook.settings.add(key, JSON.stringify(value));
      }
      await context.sync();
    });
  }
}
