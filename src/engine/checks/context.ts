/** What every rule of one check reads: the roster's evaluation, the policy's extra rules, the check's options. */
import { CwError, shown } from '../errors';
import { addMonths, civilOf } from '../dates';
import type { DayNumber } from '../dates';
import type { ParamView } from '../params';
import type { RosterEvaluation } from '../roster-eval/types';
import type { Policy } from '../types';
import type { PolicyRules, RuleContext } from '../rules';
import { Findings } from './emit';
import type { CheckOptions } from './types';

/** One check's shared state. */
export interface CheckContext {
  ev: RosterEvaluation;
  policy: Policy;
  params: ParamView;
  asOf: DayNumber;
  /** Months ahead a retirement is warned about, and the day that window ends. */
  months: number;
  retireBy: DayNumber;
  /** The policy's declared roster rules, and what they may read of this check. */
  rules: PolicyRules;
  rctx: RuleContext;
  /** Whether the policy has recruitment conditions to check (declared by the policy). */
  recruitmentRules: boolean;
  out: Findings;
}

/** The check's own options, validated: the retirement window in months and the average wage. */
export function checkOptionsOf(options: CheckOptions): { months: number; averageWage: number | null } {
  const months = options.retirementMonths ?? 6;
  if (!Number.isInteger(months) || months < 0 || months > 240) {
    throw new CwError('INVALID_NUMBER', `retirementMonths：${shown(months)} 不是有效的月数。可用：0 至 240 的整数（默认 6）。`, 'retirementMonths');
  }
  const averageWage = options.averageWage ?? null;
  if (averageWage !== null && (!Number.isFinite(averageWage) || averageWage <= 0)) {
    throw new CwError('INVALID_NUMBER', `averageWage：${shown(averageWage)} 不是有效的月平均工资。可用：正数（元/月）。`, 'averageWage');
  }
  return { months, averageWage };
}

/** The shared state of a check over an evaluated roster. */
export function checkContextOf(ev: RosterEvaluation, months: number, averageWage: number | null): CheckContext {
  const { policy, params, asOf, mapping } = ev;
  const rctx: RuleContext = {
    policy, params, asOf, asOfYear: civilOf(asOf).y, averageWage,
    workerColumn: (f) => mapping.workers.columns[f] !== undefined,
    communityColumn: (f) => mapping.communities !== null && mapping.communities.columns[f] !== undefined,
  };
  return {
    ev, policy, params, asOf, months, retireBy: addMonths(asOf, months), rules: policy.rules, rctx,
    recruitmentRules: policy.recruits, out: new Findings(),
  };
}
