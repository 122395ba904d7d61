/**
 * Individual income tax on wages by the cumulative withholding method (累计预扣法):
 * 个人所得税法 第六条 and 国家税务总局公告2018年第61号 第六条, with 预扣率表一.
 */
import { CwError } from '../errors';
import { Decimal, ZERO, fenText, roundFen } from '../money';
import type { ParamView } from '../params';
import type { Trace } from '../trace';
import { IIT_BANDS, IIT_NOTICE } from './params';

/** The year-to-date figures the withholding of one month is computed from (all cumulative in the tax year). */
export interface WithholdingInput {
  /** 累计收入: wages and salaries received in the tax year, this month included. */
  income: Decimal;
  /** 累计专项扣除: the worker's own social insurance and housing fund. */
  special: Decimal;
  /** 累计专项附加扣除. */
  specialAdditional: Decimal;
  /** 本单位任职月数 in the tax year (the month of first employment by this unit counts as 1). */
  months: number;
  /** 累计已预扣预缴税额 before this month. */
  withheld: Decimal;
  /** 累计依法确定的其他扣除. */
  other?: Decimal;
  /** 累计免税收入. */
  exempt?: Decimal;
  /** 累计减免税额. */
  relief?: Decimal;
}

/** This month's withholding and the cumulative figures behind it. */
export interface Withholding {
  /** 累计减除费用 = 5,000 × months. */
  allowance: Decimal;
  /** 累计预扣预缴应纳税所得额 (never below zero). */
  taxable: Decimal;
  /** The band of 预扣率表一 (1–7). */
  band: number;
  rate: Decimal;
  quickDeduction: Decimal;
  /** 累计应预扣预缴税额 = taxable × rate − quick deduction − relief, rounded to the fen, never below zero. */
  cumulativeTax: Decimal;
  /** 本期应预扣预缴税额: never negative (nothing is refunded during the year). */
  tax: Decimal;
}

function checkAmount(value: Decimal, field: string, what: string): void {
  if (!value.isFinite() || value.isNegative()) {
    throw new CwError('INVALID_NUMBER', `${field}：${what} ${value.toString()} 无效。可用：不小于0的金额（元）。`, field);
  }
}

/**
 * This month's withholding: (累计收入 − 累计免税收入 − 减除费用 × 月数 − 累计专项扣除 − 累计专项附加扣除
 * − 累计其他扣除) × 预扣率 − 速算扣除数 − 累计减免税额 − 累计已预扣预缴税额, rounded half-up to the fen; a negative
 * result withholds 0 (公告2018年第61号 第六条).
 */
export function cumulativeWithholding(input: WithholdingInput, p: ParamView, trace: Trace): Withholding {
  const other = input.other ?? ZERO;
  const exempt = input.exempt ?? ZERO;
  const relief = input.relief ?? ZERO;
  checkAmount(input.income, 'income', '累计收入');
  checkAmount(input.special, 'special', '累计专项扣除');
  checkAmount(input.specialAdditional, 'specialAdditional', '累计专项附加扣除');
  checkAmount(input.withheld, 'withheld', '累计已预扣税额');
  checkAmount(other, 'other', '累计其他扣除');
  checkAmount(exempt, 'exempt', '累计免税收入');
  checkAmount(relief, 'relief', '累计减免税额');
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 12) {
    throw new CwError('INVALID_NUMBER', `months：任职月数 ${input.months} 无效。可用：1 至 12 的整数（本纳税年度在本单位任职的月数，含本月）。`, 'months');
  }
  const allowance = p.dec('个税.减除费用').times(input.months);
  const raw = input.income.minus(exempt).minus(allowance).minus(input.special).minus(input.specialAdditional).minus(other);
  const taxable = raw.isNegative() ? ZERO : raw;
  let band = IIT_BANDS;
  for (let b = 1; b < IIT_BANDS; b++) {
    if (taxable.lessThanOrEqualTo(p.dec(`个税.级距上限.${b}`))) {
      band = b;
      break;
    }
  }
  const rate = p.dec(`个税.预扣率.${band}`);
  const quickDeduction = p.dec(`个税.速算扣除数.${band}`);
  let cumulativeTax = roundFen(taxable.times(rate).minus(quickDeduction).minus(relief));
  if (cumulativeTax.isNegative()) cumulativeTax = ZERO;
  let tax = cumulativeTax.minus(input.withheld);
  if (tax.isNegative()) tax = ZERO;
  tax = roundFen(tax);
  if (trace.on) {
    trace.add('累计预扣预缴应纳税所得额',
      `${fenText(input.income)} − 免税 ${fenText(exempt)} − 减除费用 ${fenText(p.dec('个税.减除费用'))} × ${input.months} − 专项扣除 ${fenText(input.special)} − 专项附加扣除 ${fenText(input.specialAdditional)} − 其他扣除 ${fenText(other)} = ${fenText(raw)}${raw.isNegative() ? '，按0计' : ''}`,
      `${IIT_NOTICE} 第六条；${p.source('个税.减除费用')}`);
    trace.add('预扣率', `第${band}级：预扣率 ${rate.times(100).toString()}%，速算扣除数 ${fenText(quickDeduction)}`, p.source(`个税.预扣率.${band}`));
    trace.add('本期应预扣预缴税额',
      `${fenText(taxable)} × ${rate.toString()} − ${fenText(quickDeduction)} − 减免 ${fenText(relief)} = ${fenText(cumulativeTax)}；减已预扣 ${fenText(input.withheld)} → ${fenText(tax)}${cumulativeTax.minus(input.withheld).isNegative() ? '（为负数的本月不预扣，年度内不退税）' : ''}`,
      `${IIT_NOTICE} 第六条`);
  }
  return { allowance, taxable, band, rate, quickDeduction, cumulativeTax, tax };
}
