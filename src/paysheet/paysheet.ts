/**
 * The pay sheet (薪酬计算) and its trace sheet (计算过程): roster rows → one row per worker with
 * the grade, counted years, every pay item, the total, the retirement date and any error or
 * warning, all as plain values (text and numbers, no formulas), so the result opens in Excel
 * 2016, WPS or LibreOffice. Every figure comes from the engine through the roster's one evaluation,
 * as the reports read it (src/reports/data.ts, the same rows `cw report payroll` prints); nothing here computes
 * pay. Pure: no DOM, Office or Node, so the app, the Excel pane (in a Web Worker) and the tests
 * share it. The columns are data (PAY_COLUMNS), so later columns (deductions, 实发) are one entry each.
 */
import type { Cell, Roster } from '../engine';
import { prepareReport } from '../reports/data';
import type { WorkerLine } from '../reports/types';

/** Sheet names the pay-sheet action adds (a number is appended when taken: 薪酬计算(2) …). */
export const PAY_SHEET = '薪酬计算';
export const TRACE_SHEET = '计算过程';

/** What a pay sheet is computed for. */
export interface PaySheetOptions {
  /** Policy id or alias. */
  policy: string;
  /** Pay period `YYYY-MM`: pay is computed as of its first day, as the payroll report does. */
  period: string;
  /** The workbook's 参数表 values. */
  params?: Record<string, unknown> | null;
  onProgress?: (done: number, total: number) => void;
}

/** One column of 薪酬计算: a fixed column, or the place where the policy's pay items go (one column each). */
export type PayColumn =
  | { header: string; value: (w: WorkerLine) => Cell }
  | { items: true };

const amount = (text: string | undefined): Cell => (text === undefined ? null : Number(text));

/** The columns of 薪酬计算, in order. */
export const PAY_COLUMNS: PayColumn[] = [
  { header: '行号', value: (w) => w.row },
  { header: '区县', value: (w) => w.county || null },
  { header: '街道', value: (w) => w.street || null },
  { header: '社区', value: (w) => w.community || null },
  { header: '姓名', value: (w) => w.name || null },
  { header: '身份证号', value: (w) => w.idNumber || null },
  { header: '岗位类别', value: (w) => w.post },
  { header: '职务', value: (w) => w.title || null },
  { header: '岗位等级', value: (w) => w.pay?.grade ?? null },
  { header: '计龄（年）', value: (w) => w.pay?.years ?? null },
  { items: true },
  { header: '合计（元/月）', value: (w) => amount(w.pay?.total) },
  { header: '法定退休日期', value: (w) => w.pay?.retirementDate ?? null },
  { header: '错误', value: (w) => w.error ?? null },
  { header: '提示', value: (w) => [...(w.unplaced ? [w.unplaced] : []), ...(w.pay?.warnings ?? [])].join('；') || null },
];

/** Headers of 计算过程 (one row per worker: the trace steps as lines of one cell, and their sources). */
export const TRACE_HEADERS = ['行号', '姓名', '身份证号', '计算过程', '依据'] as const;

/** The two sheets' rows, header first, and what they cover. */
export interface PaySheet {
  policyName: string;
  period: string;
  asOf: string;
  /** The policy's pay item names, in the order the columns show them. */
  itemNames: string[];
  pay: Cell[][];
  trace: Cell[][];
  /** 0-based columns of 薪酬计算 that are text (resident IDs), so no spreadsheet turns them into numbers. */
  textColumns: number[];
  /** The same for 计算过程. */
  traceTextColumns: number[];
  workers: number;
  /** Workers whose pay could not be computed (their row says why). */
  failed: number;
}

/**
 * Computes the pay sheet. Throws the engine's CwError when the whole sheet cannot be made (a
 * parameter the policy needs and the 参数表 lacks — 缺少参数 —, a bad period, missing columns).
 */
export function paySheet(roster: Roster, options: PaySheetOptions): PaySheet {
  const data = prepareReport('worker', roster, { policy: options.policy, period: options.period, params: options.params ?? null, onProgress: options.onProgress });
  const itemNames = data.itemNames ?? [];
  const header: Cell[] = [];
  const cells: Array<(w: WorkerLine) => Cell> = [];
  for (const c of PAY_COLUMNS) {
    if ('items' in c) {
      for (const name of itemNames) {
        header.push(`${name}（元/月）`);
        // A worker the item does not apply to (another post) gets a blank, not a computed zero.
        cells.push((w) => amount(w.pay?.items.find((it) => it.name === name)?.amount));
      }
    } else {
      header.push(c.header);
      cells.push(c.value);
    }
  }
  const pay: Cell[][] = [header];
  const trace: Cell[][] = [[...TRACE_HEADERS]];
  let failed = 0;
  for (const w of data.workers) {
    pay.push(cells.map((f) => f(w)));
    if (!w.pay) failed++;
    const steps = w.pay?.trace ?? [];
    const sources = [...new Set(steps.map((s) => s.source).filter(Boolean))];
    trace.push([
      w.row, w.name || null, w.idNumber || null,
      w.pay ? steps.map((s) => `${s.step}：${s.value}${s.source ? `（${s.source}）` : ''}`).join('\n') : `未能计算：${w.error ?? ''}`,
      sources.length ? sources.join('\n') : null,
    ]);
  }
  const idColumn = header.indexOf('身份证号');
  return {
    policyName: data.policyName, period: data.period, asOf: data.asOf, itemNames, pay, trace,
    textColumns: idColumn >= 0 ? [idColumn] : [], traceTextColumns: [2], workers: data.workers.length, failed,
  };
}
