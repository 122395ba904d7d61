/** The rules on one worker: exit triggers, recruitment conditions, retirement, the policy's own worker rules. */
import { CwError } from '../errors';
import { isoOf } from '../dates';
import { NATIONAL_RETIREMENT, retirementOf } from '../retirement';
import { NOTES } from '../roster-eval/findings';
import type { EvaluatedRow } from '../roster-eval/types';
import type { CheckContext } from './context';

/** 50 years in days, at the least (50 × 365 + 12 leap days). */
const YOUNGEST_RETIREMENT_DAYS = 50 * 365 + 12;

/** The policy's exit triggers and, for a recruited worker with an entry date, its recruitment conditions. */
function policyRules(cx: CheckContext, r: EvaluatedRow): void {
  const { policy, out } = cx;
  try {
    for (const f of policy.exitTriggers(r.worker, r.facts)) out.emit(r.place, f);
    // Recruitment conditions are judged at recruitment: without an entry date (already a finding) they are not checked.
    if (cx.recruitmentRules && r.elected !== null && r.entryDate !== null) for (const f of policy.recruitment(r.worker, r.facts)) out.emit(r.place, f);
  } catch (e) {
    if (!(e instanceof CwError)) throw e;
    out.emit(r.place, { severity: 'warning', rule: '无法核对', citation: NOTES('通用-无法核对'), message: e.message, action: '补全或更正所缺数据后重新检查。' });
  }
}

/** Statutory retirement past or due within the window (the policy may replace the generic finding). */
function retirement(cx: CheckContext, r: EvaluatedRow): void {
  const { out, asOf, retireBy } = cx;
  const header = cx.ev.workerHeaders;
  if (r.birthDate !== null && r.sex !== null) {
    // Nobody retires before 50 (the lowest original age; the national schedule only delays): a worker
    // younger than that at the end of the window needs no retirement date.
    if (retireBy - r.birthDate < YOUNGEST_RETIREMENT_DAYS) return;
    const ret = retirementOf(r.birthDate, r.sex, r.originalAge);
    const overdue = ret.date <= asOf;
    if (!overdue && ret.date > retireBy) return;
    const special = cx.rules.retirement?.(cx.rctx, r, ret, overdue);
    if (special !== undefined) {
      if (special !== null) out.emit(r.place, special);
      return;
    }
    const age = `${Math.floor(ret.ageMonths / 12)}岁${ret.ageMonths % 12 ? `${ret.ageMonths % 12}个月` : ''}`;
    const basis = `${r.sex}，${isoOf(r.birthDate)} 出生，原退休年龄${ret.originalAge}岁，按国家渐进式延迟退休办法延迟${ret.delayMonths}个月，法定退休年龄${age}`;
    out.emit(r.place, overdue
      ? { severity: 'error', rule: '超过退休年龄', citation: NATIONAL_RETIREMENT, message: `已于 ${isoOf(ret.date)} 达到法定退休年龄（${basis}），仍在花名册中。`, action: '办理退休手续，并从社区工作者队伍中退出；如已退休，请从花名册中移除。' }
      : { severity: 'warning', rule: '退休提醒', citation: NATIONAL_RETIREMENT, message: `将于 ${isoOf(ret.date)} 达到法定退休年龄（${basis}），在${cx.months}个月内。`, action: '提前准备退休手续，安排岗位补充。' });
  } else if (r.idNumberOk !== false) {
    const what = [r.birthDate === null ? header.birthDate : null, r.sex === null ? header.sex : null].filter(Boolean).join('和');
    out.emit(r.place, { severity: 'warning', rule: '缺少数据', citation: NATIONAL_RETIREMENT, message: `缺少${what}（身份证号也未能提供）：无法核对法定退休时间。`, action: `填写${what}，或填写有效的身份证号。` }, { column: r.birthDate === null ? header.birthDate : header.sex });
  }
}

/** Every worker rule on one row, after the row's own data findings. */
export function workerRules(cx: CheckContext, r: EvaluatedRow): void {
  cx.out.add(r.findings);
  policyRules(cx, r);
  retirement(cx, r);
  if (cx.rules.worker) for (const f of cx.rules.worker(cx.rctx, r)) cx.out.emit(r.place, f);
}
