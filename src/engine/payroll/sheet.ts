/**
 * The month's pay sheet for a whole roster: each worker's 应发 items, deductions, 实发 and year-to-date
 * tax figures, the year-to-date taken from the previous month's sheet so that months chain.
 */
import { CwError, stopsWholeRoster } from '../errors';
import { civilOf, dayNumberOf } from '../dates';
import { Decimal, sumOf } from '../money';
import type { ParamOverrides } from '../params';
import type { TraceStep } from '../trace';
import type { Policy } from '../types';
import { payrollMonth } from './month';
import type { PayrollMonth, YearToDate } from './month';
import { payrollParams, splitPayrollOverrides } from './params';
import { payOn, payrollRows, policyParamsOn } from './roster';
import type { PayrollRow } from './roster';
import type { Roster } from '../roster/types';

/** One worker's line on the month's sheet. */
export interface PayrollLine {
  row: PayrollRow;
  grade: number | null;
  /** Counted years behind the grade. */
  years: number | null;
  month: PayrollMonth | null;
  /** Why the line could not be computed. */
  error?: string;
}

/** The month's sheet. */
export interface PayrollSheet {
  policy: Policy;
  year: number;
  month: number;
  /** `YYYY-MM`. */
  period: string;
  lines: PayrollLine[];
  /** Every 应发 item name in order of first appearance (the sheet's gross columns). */
  itemNames: string[];
  /** Every deduction name, in order. */
  deductionNames: string[];
  totals: { gross: Decimal; deductions: Decimal; net: Decimal };
  /** Workers of the previous sheet no longer on the roster (their year-to-date is not carried). */
  dropped: string[];
  notes: string[];
}

/** Options for {@link payrollSheet}. */
export interface PayrollSheetOptions {
  policy: Policy;
  /** The pay month `YYYY-MM`. */
  period: string;
  /** One 参数表 for the policy and the payroll figures (split by key). */
  params?: ParamOverrides | null;
  /** Year-to-date after the previous month, by worker key (from the previous sheet). */
  previous?: ReadonlyMap<string, YearToDate> | null;
  /** Keep each line's trace (for the worker report); off by default. */
  trace?: boolean;
  /** Called after each worker: workers done of all (a front end's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** `YYYY-MM` → the first day of that month; a Chinese error otherwise. */
export function periodDay(period: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(period ?? '').trim());
  const day = m ? dayNumberOf(Number(m[1]), Number(m[2]), 1) : NaN;
  if (!m || Number.isNaN(day) || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
    throw new CwError('INVALID_DATE', `--period：“${period}”不是有效的年月。可用：YYYY-MM，如 2026-12。`, 'period');
  }
  return day;
}

/**
 * The month's sheet. A parameter the policy or the payroll needs and the 参数表 lacks (缺少参数) stops
 * the whole sheet, naming the parameter; a row whose own facts are wrong keeps its message and is
 * left out of the totals.
 */
export function payrollSheet(roster: Roster, options: PayrollSheetOptions): PayrollSheet {
  const { policy } = options;
  const asOf = periodDay(options.period);
  const { y: year, m: month } = civilOf(asOf);
  const split = splitPayrollOverrides(options.params ?? null);
  const params = policyParamsOn(policy, split.policy, asOf);
  const payroll = payrollParams.resolve(split.payroll, asOf);
  const rows = payrollRows(roster, policy, params, asOf);
  const itemNames: string[] = [];
  const lines: PayrollLine[] = [];
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const row of rows) {
    if (seen.has(row.key)) notes.push(`第${row.row}行 ${row.name}：与前面的职工身份证号（或社区、姓名）相同，累计数会合并，请核对。`);
    seen.add(row.key);
    if (row.error || !row.worker) {
      lines.push({ row, grade: null, years: null, month: null, error: row.error ?? `第${row.row}行：该行数据无法读取。` });
      options.onProgress?.(lines.length, rows.length);
      continue;
    }
    try {
      const pay = payOn(row.worker, asOf, params, false);
      const prior = options.previous?.get(row.key) ?? null;
      const m = payrollMonth({ ...row.worker, asOf, params }, pay.items, payroll, row.facts, prior, { trace: options.trace ?? false });
      m.warnings.unshift(...pay.warnings);
      if (options.trace) (m.trace as TraceStep[]).unshift(...pay.trace);
      for (const i of pay.items) if (!itemNames.includes(i.name)) itemNames.push(i.name);
      lines.push({ row, grade: pay.grade, years: pay.years, month: m });
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      if (stopsWholeRoster(e)) throw e;
      // The cell the checks name (入职时间：“2019-02-30” 不是实际存在的日期) says more than the pay rule's 缺少入职日期.
      lines.push({ row, grade: null, years: null, month: null, error: `第${row.row}行 ${row.name}：${row.problems.length ? row.problems.join('；') : e.message}` });
    }
    options.onProgress?.(lines.length, rows.length);
  }
  const done = lines.filter((l) => l.month).map((l) => l.month!);
  const deductionNames = done[0]?.deductions.map((d) => d.name) ?? ['养老保险', '医疗保险', '失业保险', '补充医疗', '住房公积金', '个人所得税'];
  const dropped = options.previous ? [...options.previous.keys()].filter((k) => !seen.has(k)) : [];
  return {
    policy, year, month, period: `${year}-${String(month).padStart(2, '0')}`, lines, itemNames, deductionNames,
    totals: { gross: sumOf(done.map((m) => m.grossTotal)), deductions: sumOf(done.map((m) => m.deductionTotal)), net: sumOf(done.map((m) => m.net)) },
    dropped, notes,
  };
}
