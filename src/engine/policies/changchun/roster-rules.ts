/**
 * 长春新区's roster rules beyond the Policy interface (read by checkRoster through `policy.rosterRules`).
 * The functions they call are read at check time, so importing them from ./index is not a load-order cycle.
 */
import type { Finding } from '../../types';
import type { RosterRules } from '../../checks/policy-rules';
import { changchunCertificateTarget, changchunServiceHallCheck, changchunTrainingDue } from './index';

export const changchunRosterRules: RosterRules = {
  needs: [
    { table: 'workers', field: 'certificate', rule: '社工师人数（每社区3名以上）' },
    { table: 'workers', field: 'serviceHall', rule: '“一站式”大厅人员（2-3人）' },
    { table: 'workers', field: 'lastTrainingYear', rule: '培训周期（书记、主任每年，其他每2年）' },
  ],
  community(ctx, u) {
    const out: Finding[] = [];
    if (ctx.workerColumn('certificate')) out.push(...changchunCertificateTarget(u.certificates[2] + u.certificates[3], ctx.params));
    if (ctx.workerColumn('serviceHall')) out.push(...changchunServiceHallCheck(u.hall, ctx.params));
    return out;
  },
  worker(ctx, r) {
    if (!ctx.workerColumn('lastTrainingYear') || r.post === null) return [];
    const t = changchunTrainingDue(r.post, r.lastTrainingYear, ctx.asOfYear, ctx.params);
    if (!t.due) return [];
    const overdue = r.lastTrainingYear === null || t.nextDueYear < ctx.asOfYear;
    return [{
      severity: overdue ? 'warning' : 'info', rule: '培训周期', citation: t.citation, message: t.message,
      action: overdue ? '尽快安排参加培训，并在花名册中更新“最近培训年度”。' : `在${ctx.asOfYear}年内安排培训。`,
    }];
  },
};
