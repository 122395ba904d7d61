/**
 * 通州's roster rules beyond the Policy interface (read by checkRoster through `policy.rosterRules`).
 * The functions they call are read at check time, so importing them from ./index is not a load-order cycle.
 */
import { addMonths, isoOf, toExcelSerial } from '../../dates';
import type { ParamView } from '../../params';
import type { Finding } from '../../types';
import type { RosterRules } from '../../checks/policy-rules';
import { tongzhouAverageWageCheck, tongzhouContinuingEducation, tongzhouRetirement, tongzhouServiceAgreement } from './index';

/** Per-check constants of 通州 第十六条 (they depend only on the parameters): computed once per check. */
const AGREEMENTS = new WeakMap<ParamView, { first: ReturnType<typeof tongzhouServiceAgreement>; renewal: ReturnType<typeof tongzhouServiceAgreement> }>();
function agreementsOf(params: ParamView) {
  let a = AGREEMENTS.get(params);
  if (!a) AGREEMENTS.set(params, (a = { first: tongzhouServiceAgreement(false, true, params), renewal: tongzhouServiceAgreement(false, false, params) }));
  return a;
}

export const tongzhouRosterRules: RosterRules = {
  needs: [
    { table: 'workers', field: 'absenceDays', rule: '退出情形和考核等次（旷工天数）' },
    { table: 'workers', field: 'educationHours', rule: '继续教育学时' },
  ],
  worker(ctx, r) {
    const out: Finding[] = [];
    if (r.certificate !== null && r.educationHours !== null) {
      out.push(...tongzhouContinuingEducation(r.certificate, r.educationHours, ctx.params));
    }
    if (r.probation === true && r.entryDate !== null) {
      const a = agreementsOf(ctx.params).first;
      if (a.probationMonths !== null && addMonths(r.entryDate, a.probationMonths) <= ctx.asOf) {
        out.push({
          severity: 'warning', rule: '试用期期限', citation: a.citation,
          message: `${isoOf(r.entryDate)} 入职，至 ${isoOf(ctx.asOf)} 仍标为试用期，已超过可约定的${a.probationMonths}个月试用期。`,
          action: '试用期满应考核：合格的转正（花名册“试用期”改为“否”），不合格的依法解除服务协议。',
        });
      }
    }
    if (r.agreementDate !== null && r.elected === false) {
      const a = agreementsOf(ctx.params).renewal;
      if (a.years !== null) {
        const end = addMonths(r.agreementDate, Math.round(a.years * 12));
        if (end <= ctx.asOf) {
          out.push({
            severity: 'warning', rule: '服务协议期限', citation: a.citation,
            message: `服务协议于 ${isoOf(r.agreementDate)} 签订，${a.term}期满日为 ${isoOf(end)}，已到期。`,
            action: '到期前续签服务协议（招聘人员原则上五年一签），或依法终止。',
          });
        }
      }
    }
    return out;
  },
  street(ctx, s) {
    if (ctx.averageWage === null || s.payCount === 0) return [];
    const average = Math.round((s.payTotal / s.payCount) * 100) / 100;
    return tongzhouAverageWageCheck(average.toFixed(2), ctx.averageWage);
  },
  retirement(ctx, r, ret, overdue) {
    if (r.elected !== true || r.birthDate === null || r.sex === null) return undefined;
    const t = tongzhouRetirement({
      birthDate: toExcelSerial(r.birthDate), sex: r.sex, originalAge: r.originalAge ?? undefined, elected: true,
      termEnd: r.termEnd === null ? undefined : toExcelSerial(r.termEnd),
    });
    if (!overdue) {
      return {
        severity: 'warning', rule: '退休提醒', citation: t.citation, message: t.message,
        action: '提前做好退休手续办理和岗位补充；选任人员可根据工作需要，办理退休手续后工作至本届任期结束。',
      };
    }
    const stillInTerm = r.termEnd === null || r.termEnd >= ctx.asOf;
    return {
      severity: stillInTerm ? 'warning' : 'error', rule: '超过退休年龄', citation: t.citation,
      message: `已于 ${isoOf(ret.date)} 达到法定退休年龄。${t.message}`,
      action: stillInTerm
        ? '应办理退休手续；如根据工作需要留任至本届任期结束，请在“任期届满日期”列记录届满日期。'
        : '本届任期已届满：办理退休手续，并从社区工作者队伍中退出。',
    };
  },
};
