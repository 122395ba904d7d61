/**
 * The pay-level rule two documents share (本溪 三(六)1, 厦门 第十条): a county's (district's) average
 * pay must not fall below the previous year's city average wage.
 */
import type { Citation } from '../../citation';
import type { RosterCounty, RuleContext } from '../../rules';
import type { Finding } from '../../types';

/** The parameter that supplies the previous year's city average wage (optional; --average-wage also does). */
export const AVERAGE_WAGE_KEY = '薪酬水平.上年度平均工资';

/**
 * A county's average 现薪酬 below the previous year's city average wage (the parameter, else
 * --average-wage), when supplied, warns (解读 §薪酬水平). `statistic` names the wage statistic the
 * document means.
 */
export function payLevelFindings(ctx: RuleContext, c: RosterCounty, citation: Citation, statistic: string): Finding[] {
  const wage = ctx.params.has(AVERAGE_WAGE_KEY) ? ctx.params.num(AVERAGE_WAGE_KEY) : ctx.averageWage;
  if (wage === null || c.payCount === 0) return [];
  const average = Math.round((c.payTotal / c.payCount) * 100) / 100;
  if (average >= wage) return [];
  return [{
    severity: 'warning', rule: '薪酬水平', citation,
    message: `${c.county || '（未填区县）'}社区工作者平均现薪酬 ${average.toFixed(2)} 元/月（${c.payCount}人），低于上年度${statistic} ${wage.toFixed(2)} 元/月（解读 §薪酬水平）。`,
    action: `按文件要求调整薪酬标准，使社区工作者薪酬不低于上年度${statistic}。`,
  }];
}
