/**
 * A report as a print-ready worksheet: what to write (values, merges, widths, row styles) and how
 * it prints (A4, orientation, fit to width, repeated title rows, page-number footer). Pure data,
 * made from the same {@link ReportData} as the PDF, written by a workbook port (Office.js, the
 * in-memory workbook, WPS) or by exceljs.
 */

/** A cell value: text, a number (amounts, counts), or blank. */
export type SheetValue = string | number | null;

/** How a row looks; the writer maps each to bold, fill and alignment. */
export type RowRole = 'title' | 'meta' | 'note' | 'section' | 'header' | 'group' | 'body' | 'subtotal' | 'total' | 'sign' | 'blank';

/** A merged block, 0-based, `rows` × `cols` cells. */
export interface SheetMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** How the sheet prints. */
export interface SheetPageSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Scale to one page wide (as many pages tall as it takes). */
  fitToWidth: true;
  /** 1-based first and last row repeated at the top of every printed page. */
  printTitleRows: [number, number];
  /** Excel header/footer codes: “第 &P 页 / 共 &N 页”. */
  centerFooter: string;
  /** The running header on every page (report, jurisdiction, period, document). */
  rightHeader: string;
  /** 1-based rows that start a new printed page (the 个人核定表: one worker a page). */
  pageBreaksBefore: number[];
}

/** A report sheet. */
export interface ReportSheet {
  /** The sheet name to ask for (the port makes it unique; never an existing sheet). */
  name: string;
  /** Rows of cells, row 0 is sheet row 1. */
  rows: SheetValue[][];
  /** Column count (every row is this wide when written). */
  columns: number;
  /** The role of each row (same length as rows). */
  roles: RowRole[];
  merges: SheetMerge[];
  /** Column widths in characters (Excel's column-width unit). */
  widths: number[];
  /** 0-based columns holding amounts in yuan: number format #,##0.00. */
  moneyColumns: number[];
  /** 0-based columns written as text (resident ID numbers), so Excel does not turn them into numbers. */
  textColumns: number[];
  page: SheetPageSetup;
}

/** The footer every report sheet prints: page N of M, in Excel's codes. */
export const PAGE_FOOTER = '第 &P 页 / 共 &N 页';

/** Excel's number format for amounts in yuan. */
export const MONEY_FORMAT = '#,##0.00';
