/**
 * `cw calc` from 应发 to 实发: the worker's evaluation, and — when the parameters include the payroll
 * figures — the month's deductions, 实发 and year-to-date after the month. Extra input fields:
 * `contributionBase`, `fundBase`, `specialAdditional`, `otherDeductions` (this month's amounts) and
 * `yearToDate` (the cumulative figures after the previous month; without it the year so far is taken
 * as months like this one, see steady.ts).
 */
import { CwError, shown } from '../errors';
import { assess, toEvaluation } from '../evaluate';
import type { EvaluateOptions } from '../evaluate';
import { Decimal, fenText } from '../money';
import type { Evaluation } from '../types';
import { payrollMonth } from './month';
import type { MonthFacts, YearToDate } from './month';
import { payrollParams, splitPayrollOverrides } from './params';
import { steadyYearMonth } from './steady';
import { civilOf } from '../dates';

/** The payroll part of a `cw calc` result. */
export interface PayrollEvaluation {
  deductions: Record<string, string>;
  deductionTotal: string;
  net: string;
  /** The year-to-date after this month: the next month's `yearToDate` input. */
  yearToDate: Record<string, string | number>;
  contributionBase: string;
}

/** The input fields this module reads (beside the worker's). */
export const PAYROLL_INPUT_FIELDS = ['contributionBase', 'fundBase', 'specialAdditional', 'otherDeductions', 'yearToDate'] as const;
const YTD_FIELDS = ['income', 'exempt', 'special', 'specialAdditional', 'other', 'relief', 'withheld'] as const;

function amountOf(v: unknown, field: string): Decimal | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new CwError('INVALID_NUMBER', `${field}：${shown(v)} 不是金额。可用：不小于0的数字（元）。`, field);
  return new Decimal(n);
}

function ytdOf(v: unknown, year: number): YearToDate {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new CwError('INVALID_TYPE', `yearToDate：${shown(v)} 不是累计数。可用：{"month": 上月月份, "firstMonth": 计税起始月, "income": …, "special": …, "specialAdditional": …, "withheld": …}（上一次 cw calc 输出的 yearToDate）。`, 'yearToDate');
  }
  const o = v as Record<string, unknown>;
  const month = Number(o.month);
  const firstMonth = o.firstMonth === undefined ? 1 : Number(o.firstMonth);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > month) {
    throw new CwError('INVALID_NUMBER', `yearToDate.month / firstMonth：${shown(o.month)} / ${shown(o.firstMonth)} 无效。可用：1–12 的整数，firstMonth 不大于 month。`, 'yearToDate');
  }
  const y: YearToDate = { year: o.year === undefined ? year : Number(o.year), month, firstMonth, income: new Decimal(0), exempt: new Decimal(0), special: new Decimal(0), specialAdditional: new Decimal(0), other: new Decimal(0), relief: new Decimal(0), withheld: new Decimal(0) };
  for (const k of YTD_FIELDS) y[k] = amountOf(o[k], `yearToDate.${k}`) ?? new Decimal(0);
  return y;
}

/**
 * Evaluates a worker as `evaluate` does; when payroll fields or payroll parameters are given, adds the
 * deductions, 实发 and the year-to-date after the month. Without payroll parameters the result is
 * exactly `evaluate`'s.
 */
export function evaluatePayroll(raw: unknown, options: EvaluateOptions = {}): Evaluation & Partial<PayrollEvaluation> & { id?: unknown; name?: unknown } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return toEvaluation(assess(raw, options), raw);
  const input = raw as Record<string, unknown>;
  const params = input.params && typeof input.params === 'object' && !Array.isArray(input.params) ? (input.params as Record<string, unknown>) : null;
  const split = splitPayrollOverrides(params);
  const hasFields = PAYROLL_INPUT_FIELDS.some((k) => k in input);
  if (!split.payroll && !hasFields) return toEvaluation(assess(raw, options), raw);
  const worker: Record<string, unknown> = {};
  for (const k of Object.keys(input)) if (!(PAYROLL_INPUT_FIELDS as readonly string[]).includes(k) && k !== 'params') worker[k] = input[k];
  if (split.policy) worker.params = split.policy;
  const a = assess(worker, options);
  const out: Evaluation & Partial<PayrollEvaluation> & { id?: unknown; name?: unknown } = toEvaluation(a, raw);
  if (!split.payroll) {
    throw new CwError('MISSING_PARAM', '给出了代扣所需的字段，但参数表中没有代扣代缴的当地数额：缺少参数：社保基数.下限 等（失业保险.个人缴费比例、补充医疗.个人缴费、社保基数.下限/上限、公积金.个人缴存比例、公积金基数.下限/上限）。', 'params');
  }
  const facts: MonthFacts = {
    base: amountOf(input.contributionBase, 'contributionBase'),
    fundBase: amountOf(input.fundBase, 'fundBase'),
    specialAdditional: amountOf(input.specialAdditional, 'specialAdditional'),
    other: amountOf(input.otherDeductions, 'otherDeductions'),
  };
  const payroll = payrollParams.resolve(split.payroll, a.worker.asOf);
  const year = civilOf(a.worker.asOf).y;
  const trace = options.trace ?? true;
  const line = input.yearToDate !== undefined
    ? payrollMonth(a.worker, a.items, payroll, facts, ytdOf(input.yearToDate, year), { trace })
    : steadyYearMonth(a.worker, a.items, payroll, facts, { trace });
  out.deductions = Object.fromEntries(line.deductions.map((d) => [d.name, fenText(d.amount)]));
  out.deductionTotal = fenText(line.deductionTotal);
  out.net = fenText(line.net);
  out.contributionBase = fenText(line.base);
  const ytd: Record<string, string | number> = { year: line.ytd.year, firstMonth: line.ytd.firstMonth, month: line.ytd.month };
  for (const k of YTD_FIELDS) ytd[k] = fenText(line.ytd[k]);
  out.yearToDate = ytd;
  out.warnings = [...out.warnings, ...line.warnings];
  if (trace) out.trace = [...out.trace, ...line.trace];
  return out;
}
