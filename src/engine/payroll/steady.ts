/**
 * A month's deductions when no year-to-date figures are at hand (CW.PAY's 明细): the tax year up to
 * the month is taken as months of the same 应发 and facts, from January or from the month of entry
 * if later. Exact when pay did not change in the year; otherwise the pay sheet (cw payroll) or
 * CW.IIT with the real year-to-date figures gives the withholding.
 */
import { civilOf, dayNumberOf } from '../dates';
import type { ParamView } from '../params';
import type { PayItem, Worker } from '../types';
import { payrollMonth } from './month';
import type { MonthFacts, PayrollMonth, YearToDate } from './month';

/** The month's line, assuming the same 应发 and facts in every earlier month of the tax year. */
export function steadyYearMonth(worker: Worker, gross: PayItem[], payroll: ParamView, facts: MonthFacts, options: { trace?: boolean } = {}): PayrollMonth {
  const { y, m } = civilOf(worker.asOf);
  const entry = worker.entryDate === null ? null : civilOf(worker.entryDate);
  const first = entry && entry.y === y ? entry.m : 1;
  let ytd: YearToDate | null = null;
  for (let month = first; month < m; month++) {
    ytd = payrollMonth({ ...worker, asOf: dayNumberOf(y, month, 1) }, gross, payroll, facts, ytd, { trace: false }).ytd;
  }
  const line = payrollMonth(worker, gross, payroll, facts, ytd, options);
  if (m > first) {
    line.warnings.push(`本年度此前各月（${y}年${first}月至${m - 1}月）按与本月相同的应发和扣除推算累计数；实际各月不同时，请用 CW.IIT 按实际累计数计算，或用 cw payroll 逐月生成薪酬表。`);
    line.trace.unshift({ step: '累计数来源', value: `假定${y}年${first}月至${m - 1}月应发与扣除与本月相同`, source: '国家税务总局公告2018年第61号 第六条', reading: 'cwkit 解读：无逐月数据时按全年同额推算' });
  }
  return line;
}
