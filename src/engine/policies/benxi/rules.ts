/**
 * 本溪's roster rules: 借调 and 试用期 terms per worker, 超龄两委 per worker, the pay level per county.
 * Imports only leaf modules (never the checks or the policy registry).
 */
import { isoOf, wholeMonthsBetween } from '../../dates';
import type { ParamView } from '../../params';
import type { PolicyRules } from '../../rules';
import type { Finding } from '../../types';
import { payLevelFindings } from '../common/pay-level';
import { BENXI_DOC, benxiParams, bx } from './params';

/** 三(八)2 and 三(五): a secondment over 1 month, or a probation over 6 months, is a finding. */
export function benxiTermChecks(facts: { secondmentMonths?: number; probationMonths?: number }, params: ParamView = benxiParams.resolve(null)): Finding[] {
  const out: Finding[] = [];
  const maxSecondment = params.num('借调.最长月数');
  if (facts.secondmentMonths !== undefined && facts.secondmentMonths > maxSecondment) {
    out.push({ severity: 'error', rule: '借调时间', citation: bx('三(八)2'), message: `借调 ${facts.secondmentMonths} 个月，超过 ${maxSecondment} 个月上限。`, action: '结束借调或按规定报批；借调须经街道（乡镇）同意并向县、区主管部门报备。' });
  }
  const maxProbation = params.num('试用期.最长月数');
  if (facts.probationMonths !== undefined && facts.probationMonths > maxProbation) {
    out.push({ severity: 'warning', rule: '试用期', citation: bx('三(五)'), message: `试用期 ${facts.probationMonths} 个月，超过一般不超过 ${maxProbation} 个月的规定。`, action: '试用期满经街道（乡镇）考核合格后正式上岗。' });
  }
  return out;
}

/** 本溪's roster rules. */
export const benxiRules: PolicyRules = {
  needs: [{ table: 'workers', field: 'secondmentMonths', rule: '借调时间（不超过1个月）' }],
  // 三(六)1: pay below the previous year's city average wage, when supplied, warns (解读 §薪酬水平).
  county: (ctx, c) => payLevelFindings(ctx, c, { doc: BENXI_DOC, article: '三(六)1' }, '全市全口径城镇单位就业人员平均工资'),
  worker(ctx, r) {
    const facts: { secondmentMonths?: number; probationMonths?: number } = {};
    if (r.secondmentMonths !== null) facts.secondmentMonths = r.secondmentMonths;
    // Still marked as on probation: the probation has lasted from the entry date to the as-of date.
    if (r.probation === true && r.entryDate !== null) facts.probationMonths = wholeMonthsBetween(r.entryDate, ctx.asOf);
    return facts.secondmentMonths === undefined && facts.probationMonths === undefined ? [] : benxiTermChecks(facts, ctx.params);
  },
  // 三(七)1: an elected 两委 member past the age may stay until the next election with approval; a recruited one retires.
  retirement(_ctx, r, ret, overdue) {
    if (!overdue || r.elected !== true) return undefined;
    return {
      severity: 'warning', rule: '超过退休年龄', citation: { doc: BENXI_DOC, article: '三(七)1' },
      message: `已于 ${isoOf(ret.date)} 达到法定退休年龄；属选任的社区“两委”成员（含党组织成员、居委会委员），任期内达到退休年龄的，经本人书面申请、县（区）审批，可留任至下届换届选举（解读 §本溪-超龄两委）。`,
      action: '核对是否已经县（区）批准留任并签订服务协议；未获批准的，办理退休手续。下届换届时退出。',
    };
  },
};
