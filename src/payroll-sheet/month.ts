/**
 * The pane's 月度工资 action, its computing half: the roster, the 参数表 and (optionally) the rows of
 * the previous month's pay sheet in → the new pay sheet's rows and the bank list's rows out, the same
 * payrollSheet call `cw payroll` makes and the same rows it writes (grid.ts). Pure and plain data in
 * and out, so the Web Worker (payroll.worker.ts) and the tests run the very same function.
 */
import { CwError, fenText, payrollSheet, policyOf, workerKey } from '../engine';
import type { Cell, Roster } from '../engine';
import { PAY_ID_COLUMN, PAY_TITLE_ROWS, bankRows, chainNotes, checkPreviousPeriod, payrollRows, previousFromRows } from './grid';

/** The base name of the new pay sheet for `period` (the port appends (2), (3) … when taken). */
export const payrollSheetName = (period: string): string => `工资表${period}`;
/** The base name of the new bank list for `period`. */
export const bankSheetName = (period: string): string => `银行代发${period}`;

/** A sheet of the workbook, as read through the port. */
export interface SheetRows {
  name: string;
  rows: Cell[][];
  /** 1-based sheet rows of `rows` (blank rows skipped). */
  rowNumbers?: number[];
}

/** What the action computes. */
export interface PayrollMonthRequest {
  roster: Roster;
  /** Policy id or alias. */
  policy: string;
  /** `YYYY-MM`. */
  period: string;
  /** The workbook's 参数表 values (policy and payroll keys together, as `cw payroll` reads them). */
  params?: Record<string, unknown> | null;
  /** The previous month's pay sheet: the year-to-date source. None for January or a first month. */
  previous?: SheetRows | null;
  /** Also make the bank list. */
  bank?: boolean;
}

/** A new sheet's rows and how to write them. */
export interface NewSheetRows {
  name: string;
  rows: Cell[][];
  /** Rows from the top that are bold and frozen (title, period line, header). */
  boldRows: number;
  /** 0-based text columns (身份证号, 银行账号). */
  textColumns: number[];
}

/** What comes back: the sheets to add and the figures the pane reports. */
export interface PayrollMonthResult {
  period: string;
  policyName: string;
  pay: NewSheetRows;
  bank: NewSheetRows | null;
  workers: number;
  failed: number;
  /** 应发, 代扣 and 实发 totals (fen text). */
  totals: { gross: string; deductions: string; net: string };
  /** The period chained from, or null. */
  chainedFrom: string | null;
  /** Chinese notes the clerk should read (workers not on the previous sheet, dropped ones, duplicates). */
  notes: string[];
}

/**
 * Computes the month. Throws the engine's CwError when the whole sheet cannot be made (缺少参数, a bad
 * period, missing columns, a previous sheet of the wrong month or layout).
 */
export function payrollMonthSheets(req: PayrollMonthRequest, onProgress?: (done: number, total: number) => void): PayrollMonthResult {
  const policy = policyOf(req.policy);
  let previous = null;
  if (req.previous) {
    const src = { where: `工作表“${req.previous.name}”`, hint: '请选择本工具（或 cw payroll）生成的上月工资表。' };
    previous = previousFromRows(req.previous.name, req.previous.rows, req.previous.rowNumbers, workerKey, src);
    if (!/^\d{4}-\d{2}$/.test(req.period.trim())) throw new CwError('INVALID_DATE', `所属期“${req.period}”不是有效的年月。可用：YYYY-MM，如 2026-12。`, 'period');
    checkPreviousPeriod(previous.period, req.period.trim(), src);
  }
  const sheet = payrollSheet(req.roster, { policy, period: req.period, params: req.params ?? null, previous: previous?.byKey ?? null, onProgress });
  const done = sheet.lines.filter((l) => l.month);
  const notes = [...sheet.notes, ...chainNotes(sheet, previous)];
  return {
    period: sheet.period,
    policyName: policy.name,
    pay: { name: payrollSheetName(sheet.period), rows: payrollRows(sheet), boldRows: PAY_TITLE_ROWS + 1, textColumns: [PAY_ID_COLUMN] },
    bank: req.bank ? { name: bankSheetName(sheet.period), rows: bankRows(sheet), boldRows: 2, textColumns: [2, 3] } : null,
    workers: sheet.lines.length,
    failed: sheet.lines.length - done.length,
    totals: { gross: fenText(sheet.totals.gross), deductions: fenText(sheet.totals.deductions), net: fenText(sheet.totals.net) },
    chainedFrom: previous?.period ?? null,
    notes,
  };
}
