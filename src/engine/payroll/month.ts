/**
 * One worker's pay-sheet line for one month: 应发 items, the worker's contributions, the income tax
 * withheld by the cumulative method from the year-to-date figures, and 实发 = 应发 − 代扣, every item
 * rounded to the fen, with a trace.
 */
import { CwError } from '../errors';
import { civilOf } from '../dates';
import { Decimal, ZERO, fenText, roundFen, sumOf } from '../money';
import type { ParamView } from '../params';
import { Trace } from '../trace';
import type { TraceStep } from '../trace';
import type { PayItem, Worker } from '../types';
import { contributionBase } from './base';
import type { BaseSource } from './base';
import { contributionsOf } from './contributions';
import type { Deduction } from './contributions';
import { cumulativeWithholding } from './iit';
import { IIT_NOTICE } from './params';

/** The year-to-date tax figures after a month (what the next month starts from). */
export interface YearToDate {
  year: number;
  /** First month (1–12) of employment by this unit in the tax year. */
  firstMonth: number;
  /** The last month included. */
  month: number;
  income: Decimal;
  exempt: Decimal;
  special: Decimal;
  specialAdditional: Decimal;
  other: Decimal;
  relief: Decimal;
  /** 累计已预扣预缴税额, this month's withholding included. */
  withheld: Decimal;
}

/** The month's facts a roster or a caller supplies beyond the pay facts. All optional. */
export interface MonthFacts {
  /** 缴费基数 (上年度月平均工资) as declared; unused where the policy sets the base. */
  base?: Decimal | null;
  /** 公积金缴存基数, when it differs from the social-insurance base. */
  fundBase?: Decimal | null;
  /** This month's 专项附加扣除. */
  specialAdditional?: Decimal | null;
  /** This month's 依法确定的其他扣除 (e.g. 个人养老金). */
  other?: Decimal | null;
  /** This month's 免税收入 and 减免税额. */
  exempt?: Decimal | null;
  relief?: Decimal | null;
}

/** One worker's month. */
export interface PayrollMonth {
  year: number;
  month: number;
  gross: PayItem[];
  grossTotal: Decimal;
  base: Decimal;
  baseFrom: BaseSource;
  /** Contributions, then 个人所得税. */
  deductions: Deduction[];
  deductionTotal: Decimal;
  net: Decimal;
  /** The cumulative figures after this month. */
  ytd: YearToDate;
  /** The cumulative taxable income and band this month's tax was read from. */
  taxable: Decimal;
  band: number;
  warnings: string[];
  trace: TraceStep[];
}

const nz = (d: Decimal | null | undefined): Decimal => d ?? ZERO;

/**
 * The month's line. `worker` is evaluated at the month's first day; `gross` its pay items;
 * `previous` the year-to-date after the preceding month of the same tax year (null for the first
 * month of the year or of employment). `payroll` is the resolved payroll parameter table.
 */
export function payrollMonth(worker: Worker, gross: PayItem[], payroll: ParamView, facts: MonthFacts, previous: YearToDate | null, options: { trace?: boolean } = {}): PayrollMonth {
  const trace = new Trace(options.trace ?? true);
  const warnings: string[] = [];
  const { y: year, m: month } = civilOf(worker.asOf);
  const grossTotal = sumOf(gross.map((i) => i.amount));
  if (trace.on) trace.add('应发合计', `${gross.map((i) => `${i.name} ${fenText(i.amount)}`).join(' + ')} = ${fenText(grossTotal)}`, worker.policy.doc || worker.policy.title);

  const raw = contributionBase(worker, facts.base ?? null, grossTotal, trace, warnings);
  const fundRaw = facts.fundBase ?? raw.base;
  const c = contributionsOf(raw.base, payroll, trace, fundRaw);
  const special = sumOf(c.items.map((i) => i.amount));

  let prior = previous;
  if (prior && prior.year !== year) prior = null; // a new tax year starts from zero
  if (prior && prior.month >= month) {
    throw new CwError('INVALID_DATE', `上月累计数据为${prior.year}年${prior.month}月，不早于本月（${year}年${month}月）。请提供本年度上一个月的薪酬表作为累计来源。`, 'previous');
  }
  let firstMonth: number;
  if (prior) firstMonth = prior.firstMonth;
  else {
    const entry = worker.entryDate === null ? null : civilOf(worker.entryDate);
    firstMonth = entry && entry.y === year ? entry.m : 1;
    if (firstMonth < month) {
      warnings.push(`没有${year}年${month - 1}月的累计数据：按本月为本年度第一个计税月份之后的第${month - firstMonth + 1}个月计算，但前几个月的收入与已预扣税额记为0；请用 --previous 提供上月薪酬表。`);
    }
  }
  const months = month - firstMonth + 1;
  if (trace.on) trace.add('本单位任职月数', `${year}年自${firstMonth}月起，至${month}月共${months}个月`, `${IIT_NOTICE} 第六条`);

  const specialAdditional = nz(facts.specialAdditional);
  const other = nz(facts.other);
  const exempt = nz(facts.exempt);
  const relief = nz(facts.relief);
  const ytdBefore = prior ?? { income: ZERO, exempt: ZERO, special: ZERO, specialAdditional: ZERO, other: ZERO, relief: ZERO, withheld: ZERO };
  const cumulative = {
    income: ytdBefore.income.plus(grossTotal),
    exempt: ytdBefore.exempt.plus(exempt),
    special: ytdBefore.special.plus(special),
    specialAdditional: ytdBefore.specialAdditional.plus(specialAdditional),
    other: ytdBefore.other.plus(other),
    relief: ytdBefore.relief.plus(relief),
  };
  const w = cumulativeWithholding({ ...cumulative, months, withheld: ytdBefore.withheld }, payroll, trace);
  const deductions: Deduction[] = [...c.items, { name: '个人所得税', amount: w.tax, source: `${IIT_NOTICE} 第六条` }];
  const deductionTotal = sumOf(deductions.map((d) => d.amount));
  const net = roundFen(grossTotal.minus(deductionTotal));
  if (trace.on) trace.add('实发', `应发 ${fenText(grossTotal)} − 代扣 ${fenText(deductionTotal)}（${deductions.map((d) => `${d.name} ${fenText(d.amount)}`).join('、')}）= ${fenText(net)}`, '应发减个人缴纳的社会保险费、住房公积金和代扣个人所得税');
  return {
    year, month, gross, grossTotal, base: c.base, baseFrom: raw.from, deductions, deductionTotal, net,
    ytd: { year, firstMonth, month, ...cumulative, withheld: ytdBefore.withheld.plus(w.tax) },
    taxable: w.taxable, band: w.band, warnings, trace: trace.steps,
  };
}
