/**
 * 厦门's roster rules beyond the Policy interface (read by checkRoster through `policy.rosterRules`).
 * The functions they call are read at check time, so importing them from ./index is not a load-order cycle.
 */
import { isoOf } from '../../dates';
import { payLevel } from '../../checks/policy-rules';
import type { RosterRules } from '../../checks/policy-rules';
import { XIAMEN_DOC } from './params';

export const xiamenRosterRules: RosterRules = {
  needs: [],
  county: (ctx, c) => payLevel(ctx, c, { doc: XIAMEN_DOC, article: '第十条' }, '本市城镇非私营单位在岗职工平均工资'),
  // 第十五条: past the age a worker retires or — if particularly outstanding — works on under a labour
  // agreement approved by the street and filed with the district; a roster cannot tell which.
  retirement(_ctx, _r, ret, overdue) {
    if (!overdue) return undefined;
    return {
      severity: 'warning', rule: '超过退休年龄', citation: { doc: XIAMEN_DOC, article: '第十五条' },
      message: `已于 ${isoOf(ret.date)} 达到法定退休年龄。第十五条：达到退休年龄的应办理退休；工作特别优秀的，经街道（镇）研究同意、报区民政局备案，可另行签订劳务协议继续工作（解读 §厦门-超龄）。`,
      action: '办理退休手续；如属表现特别优秀、经街道（镇）同意并报区民政局备案签订劳务协议的，留存同意和备案材料。',
    };
  },
};
