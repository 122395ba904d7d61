/**
 * The contribution base (缴费基数) of one worker for one month, before the local limits: the policy's
 * own rule where it has one (厦门 第十三条（一）), else the worker's declared base (上年度月平均工资,
 * from the roster), else this month's 应发 (the base of a newly insured worker is the wage of the
 * month pay starts), with a warning saying so.
 */
import { Decimal, fenText } from '../money';
import type { Policy, Worker } from '../types';
import type { Trace } from '../trace';

/** True when the policy's document sets the base (the roster's 缴费基数 column is then not used). */
export function policySetsBase(policy: Policy): boolean {
  return policy.socialInsuranceBase !== null;
}

/** Where a base came from. */
export type BaseSource = 'policy' | 'declared' | 'gross';

/** The unclamped base and where it came from. */
export interface RawBase {
  base: Decimal;
  from: BaseSource;
}

/**
 * The base before clamping. `declared` is the roster's 缴费基数 (null when blank); `gross` this
 * month's 应发 total.
 */
export function contributionBase(w: Worker, declared: Decimal | null, gross: Decimal, trace: Trace, warnings: string[]): RawBase {
  const rule = w.policy.socialInsuranceBase;
  if (rule) {
    if (declared !== null) warnings.push(`${w.policy.name}政策规定了缴费基数的计算方法，花名册中的缴费基数 ${fenText(declared)} 未采用。`);
    return { base: rule(w, trace, warnings), from: 'policy' };
  }
  if (declared !== null) {
    if (trace.on) trace.add('缴费基数', `花名册申报 ${fenText(declared)}（上年度月平均工资）`, '花名册“缴费基数”列');
    return { base: declared, from: 'declared' };
  }
  warnings.push(`未提供缴费基数，按本月应发 ${fenText(gross)} 作为缴费基数；上年度月平均工资已核定的，请在花名册“缴费基数”列填写。`);
  if (trace.on) trace.add('缴费基数', `未申报，按本月应发 ${fenText(gross)}`, '新参保人员以起薪当月工资收入为缴费基数', '解读 §代扣-缴费基数：花名册未给缴费基数时按本月应发');
  return { base: gross, from: 'gross' };
}
