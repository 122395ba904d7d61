/**
 * Roster rules a policy declares beyond the Policy interface, as typed lists per worker, community,
 * street and county (each policy's own `roster-rules.ts`): the checker gathers the roster's counts
 * and calls them. No figure of a policy is written here.
 */
import type { DayNumber } from '../dates';
import type { ParamView } from '../params';
import type { Finding, Policy } from '../types';
import type { Retirement } from '../retirement';
import type { WorkerRow } from './row';
import type { CommunityUnit, CountyUnit, StreetUnit } from './units';

/** What a roster rule may read about the check. */
export interface ExtraContext {
  policy: Policy;
  params: ParamView;
  asOf: DayNumber;
  asOfYear: number;
  /** True when the worker table has this field's column. */
  workerColumn(field: string): boolean;
  /** True when the community table has this field's column. */
  communityColumn(field: string): boolean;
  averageWage: number | null;
}

/** A column a rule needs: when the roster lacks it, the check reports the rule as not checked. */
export interface ColumnNeed {
  table: 'workers' | 'communities';
  field: string;
  /** The rule that is skipped, in Chinese. */
  rule: string;
}

/** A policy's roster rules, each list optional. */
export interface RosterRules {
  needs: ColumnNeed[];
  worker?(ctx: ExtraContext, r: WorkerRow): Finding[];
  community?(ctx: ExtraContext, u: CommunityUnit): Finding[];
  street?(ctx: ExtraContext, s: StreetUnit): Finding[];
  county?(ctx: ExtraContext, c: CountyUnit): Finding[];
  /**
   * Replaces the generic retirement finding for a worker (e.g. 通州 第二十条: an elected worker may
   * finish the term). Returns undefined to keep the generic one.
   */
  retirement?(ctx: ExtraContext, r: WorkerRow, ret: Retirement, overdue: boolean): Finding | null | undefined;
}

/**
 * 本溪 三(六)1 and 厦门 第十条: a county's (district's) average pay — the 现薪酬 column — below the previous
 * year's city average wage, when supplied (the 薪酬水平.上年度平均工资 parameter, or --average-wage), warns
 * (解读 §薪酬水平).
 */
export function payLevel(ctx: ExtraContext, c: CountyUnit, citation: { doc: string; article: string }, statistic: string): Finding[] {
  const key = '薪酬水平.上年度平均工资';
  const wage = ctx.params.has(key) ? ctx.params.num(key) : ctx.averageWage;
  if (wage === null || c.payCount === 0) return [];
  const average = Math.round((c.payTotal / c.payCount) * 100) / 100;
  if (average >= wage) return [];
  return [{
    severity: 'warning', rule: '薪酬水平', citation,
    message: `${c.county || '（未填区县）'}社区工作者平均现薪酬 ${average.toFixed(2)} 元/月（${c.payCount}人），低于上年度${statistic} ${wage.toFixed(2)} 元/月（解读 §薪酬水平）。`,
    action: `按文件要求调整薪酬标准，使社区工作者薪酬不低于上年度${statistic}。`,
  }];
}

