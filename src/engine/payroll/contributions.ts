/**
 * The worker's own social-insurance and housing-fund contributions (专项扣除) on a base clamped to
 * the local lower and upper limits; each item rounded half-up to the fen.
 */
import { CwError } from '../errors';
import { Decimal, fenText, roundFen } from '../money';
import type { ParamView } from '../params';
import type { Trace } from '../trace';

/** One deduction from 应发, rounded to the fen. */
export interface Deduction {
  /** 养老保险, 医疗保险, 失业保险, 补充医疗, 住房公积金, 个人所得税. */
  name: string;
  amount: Decimal;
  /** The article (or 参数表 entry) the amount rests on. */
  source: string;
}

/** The contributions of one month and the bases they were computed on. */
export interface Contributions {
  /** The social-insurance base after clamping. */
  base: Decimal;
  /** The housing-fund base after clamping. */
  fundBase: Decimal;
  items: Deduction[];
}

/** Clamps `raw` to [lower key, upper key]; an inverted pair of limits is a parameter error. */
export function clampedBase(raw: Decimal, p: ParamView, lowerKey: string, upperKey: string, what: string, trace: Trace): Decimal {
  if (!raw.isFinite() || raw.isNegative()) {
    throw new CwError('INVALID_NUMBER', `${what}：${raw.toString()} 无效。可用：不小于0的月金额（元）。`, 'base');
  }
  const lower = p.dec(lowerKey);
  const upper = p.dec(upperKey);
  if (lower.greaterThan(upper)) {
    throw new CwError('INVALID_PARAM', `参数“${lowerKey}”${fenText(lower)} 大于“${upperKey}”${fenText(upper)}。请核对当地公布的缴费基数上下限。`, `params.${lowerKey}`);
  }
  const base = raw.lessThan(lower) ? lower : raw.greaterThan(upper) ? upper : raw;
  if (trace.on) {
    const how = raw.lessThan(lower) ? `低于下限，按下限 ${fenText(lower)}` : raw.greaterThan(upper) ? `高于上限，按上限 ${fenText(upper)}` : `在 ${fenText(lower)}–${fenText(upper)} 之间`;
    trace.add(what, `${fenText(raw)}，${how} → ${fenText(base)}`, `${p.source(lowerKey)}；${p.source(upperKey)}`);
  }
  return base;
}

/**
 * Pension 8% and medical 2% (national), unemployment and the supplementary medical charge (local),
 * on the social-insurance base; the housing fund at the local rate on its own base (by default the
 * same wage). Every local figure is required: a missing one is 缺少参数.
 */
export function contributionsOf(rawBase: Decimal, p: ParamView, trace: Trace, rawFundBase: Decimal = rawBase): Contributions {
  const base = clampedBase(rawBase, p, '社保基数.下限', '社保基数.上限', '社保缴费基数', trace);
  const fundBase = clampedBase(rawFundBase, p, '公积金基数.下限', '公积金基数.上限', '公积金缴存基数', trace);
  const items: Deduction[] = [];
  const rated = (name: string, key: string, on: Decimal) => {
    const rate = p.dec(key);
    const amount = roundFen(on.times(rate));
    items.push({ name, amount, source: p.source(key) });
    if (trace.on) trace.add(name, `${fenText(on)} × ${rate.toString()} = ${fenText(amount)}`, p.source(key));
  };
  rated('养老保险', '养老保险.个人缴费比例', base);
  rated('医疗保险', '医疗保险.个人缴费比例', base);
  rated('失业保险', '失业保险.个人缴费比例', base);
  const extra = roundFen(p.dec('补充医疗.个人缴费'));
  items.push({ name: '补充医疗', amount: extra, source: p.source('补充医疗.个人缴费') });
  if (trace.on) trace.add('补充医疗', `每月 ${fenText(extra)}`, p.source('补充医疗.个人缴费'));
  rated('住房公积金', '公积金.个人缴存比例', fundBase);
  return { base, fundBase, items };
}
