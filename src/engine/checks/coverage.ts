/** Roster-wide notes: the policy's in-force rule, and the rules the roster's columns do not let the check apply. */
import { fieldsOf } from '../roster/headers';
import { ROSTER_PLACE, ROSTER_RULES } from '../roster-eval/findings';
import { KIND_NAME } from '../roster-eval/tables';
import { Trace } from '../trace';
import type { CheckContext } from './context';

/** The policy's own in-force rule, once for the roster (a date before a policy applies is bad input). */
export function inForceNotes(cx: CheckContext): void {
  const { policy, params, asOf } = cx;
  const inForce: string[] = [];
  policy.checkInForce(asOf, params, new Trace(false), inForce);
  for (const w of inForce) {
    cx.out.emit(ROSTER_PLACE, { severity: 'info', rule: '适用政策', citation: { doc: policy.doc, article: policy.inForceArticle }, message: w, action: '结果按本政策给出；请核对检查日期适用的规定。' });
  }
}

/** Columns some rules need: says once which rules could not be checked. */
export function skippedRules(cx: CheckContext): void {
  const { ev, rules, rctx } = cx;
  const wm = ev.mapping.workers;
  const skipped = (rule: string, what: string) => cx.out.emit(ROSTER_PLACE, {
    severity: 'info', rule: '无法核对', citation: ROSTER_RULES,
    message: `花名册没有${what}，未核对“${rule}”。`, action: `如需核对，请在表中增加${what}后重新检查。`,
  });
  if (cx.recruitmentRules && wm.columns.appointment === undefined && wm.columns.elected === undefined) skipped('招聘条件', '“任用方式”（选任/招聘）列');
  if (wm.columns.idNumber === undefined && wm.columns.birthDate === undefined) skipped('退休提醒', '“身份证号”或“出生日期”列');
  if (!ev.tables.communities) skipped('按户数、人口的配备标准', '社区表（户数、常住人口、城镇常住人口、党员数、党组织类型）');
  for (const need of rules.needs) {
    const present = need.table === 'workers' ? rctx.workerColumn(need.field) : rctx.communityColumn(need.field);
    if (!present && (need.table === 'workers' || ev.tables.communities)) {
      const def = fieldsOf(need.table).find((d) => d.key === need.field)!;
      skipped(need.rule, `${KIND_NAME[need.table]}的“${def.label}”列`);
    }
  }
}

/** Posts the policy rates in a separate list: their ratings are not in the quota, and the check says so. */
export function quotaNote(cx: CheckContext): void {
  const q = cx.ev.quota;
  if (q === null || q.excludes.size === 0) return;
  cx.out.emit(ROSTER_PLACE, {
    severity: 'info', rule: '优秀比例', citation: q.citation,
    message: `${[...q.excludes].join('、')}实行单列考核，其考核等次不计入${q.unit}的优秀比例；单列考核的标准由各地制订，本检查未核对（解读 §厦门-优秀比例）。`,
    action: '按本地单列考核办法另行核对社区正职的优秀等次。',
  });
}
