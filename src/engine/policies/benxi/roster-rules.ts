/**
 * 本溪's roster rules beyond the Policy interface (read by checkRoster through `policy.rosterRules`).
 * The functions they call are read at check time, so importing them from ./index is not a load-order cycle.
 */
import { isoOf, wholeMonthsBetween } from '../../dates';
import { payLevel } from '../../checks/policy-rules';
import type { RosterRules } from '../../checks/policy-rules';
import { BENXI_DOC } from './params';
import { benxiTermChecks } from './index';

export const benxiRosterRules: RosterRules = {
  needs: [{ table: 'workers', field: 'secondmentMonths', rule: '借调时间（不超过1个月）' }],
  county: (ctx, c) => payLevel(ctx, c, { doc: BENXI_DOC, article: '三(六)1' }, '全市全口径城镇单位就业人员平均工资'),
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
