/**
 * 厦门's roster rules: the pay level per district, retirement past the age per worker.
 * Imports only leaf modules (never the checks or the policy registry).
 */
import { isoOf } from '../../dates';
import type { PolicyRules } from '../../rules';
import { payLevelFindings } from '../common/pay-level';
import { XIAMEN_DOC } from './params';

/** 厦门's roster rules. */
export const xiamenRules: PolicyRules = {
  needs: [],
  // 第十条: pay below the previous year's city average wage, when supplied, warns (解读 §薪酬水平).
  county: (ctx, c) => payLevelFindings(ctx, c, { doc: XIAMEN_DOC, article: '第十条' }, '本市城镇非私营单位在岗职工平均工资'),
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
