/**
 * 长春新区's roster rules: 社工师 and “一站式”大厅 per community, the training cycle per worker.
 * Imports only leaf modules (never the checks or the policy registry).
 */
import { CwError, shown } from '../../errors';
import { certificateOf } from '../../vocab/certificates';
import type { CertificateLevel } from '../../vocab/certificates';
import { roleOfTitle } from '../../vocab/posts';
import type { Citation } from '../../citation';
import type { ParamView } from '../../params';
import type { PolicyRules } from '../../rules';
import type { Finding } from '../../types';
import { CHANGCHUN_POSTS, changchunParams, cc } from './params';

/** 二(八): the one-stop service hall keeps 2–3 people on daily duty; the rest work in the grid. */
export function changchunServiceHallCheck(n: number, params: ParamView = changchunParams.resolve()): Finding[] {
  const lo = params.num('服务大厅.最少人数');
  const hi = params.num('服务大厅.最多人数');
  if (!Number.isInteger(n) || n < 0) throw new CwError('INVALID_NUMBER', `服务大厅人数：${shown(n)} 不是非负整数。`, 'n');
  if (n >= lo && n <= hi) return [];
  return [{
    severity: 'warning', rule: '“一站式”大厅人员', citation: cc('二(八)'),
    message: `“一站式”大厅日常办公人员 ${n} 人，${n < lo ? '少于' : '多于'}规定的${lo}-${hi}人。`,
    action: n < lo ? `大厅日常办公人员应保持${lo}-${hi}人。` : `大厅保持${lo}-${hi}人，其他人员下沉到网格，做到“一日两巡，月全覆盖”。`,
  }];
}

/**
 * 二(七): each community should have at least 3 社工师 (社会工作师 or 高级社会工作师) within about
 * three years. `count` is that number, or the community's certificates (texts or levels), of which
 * only 社会工作师 and above count (助理社会工作师 does not).
 */
export function changchunCertificateTarget(count: number | ReadonlyArray<string | CertificateLevel | null>, params: ParamView = changchunParams.resolve()): Finding[] {
  const target = params.num('持证.每社区社工师人数');
  let n: number;
  if (typeof count === 'number') {
    if (!Number.isInteger(count) || count < 0) throw new CwError('INVALID_NUMBER', `社工师人数：${shown(count)} 不是非负整数。`, 'count');
    n = count;
  } else {
    n = count.filter((c) => (typeof c === 'number' ? c : certificateOf(c, 'certificate') ?? 0) >= 2).length;
  }
  if (n >= target) return [];
  return [{
    severity: 'warning', rule: '社工师人数', citation: cc('二(七)'),
    message: `社区有社工师（社会工作师及以上）${n} 名，少于目标 ${target} 名（力争通过${params.num('持证.目标年数')}年左右的努力达到，助理社会工作师不计入）。`,
    action: `鼓励“社工岗”人员考取社会工作者职业水平证书，尚差 ${target - n} 名。`,
  }];
}

/** Result of {@link changchunTrainingDue}. */
export interface TrainingDue {
  due: boolean;
  intervalYears: number;
  /** First year training is due (the current year when never trained). */
  nextDueYear: number;
  message: string;
  citation: Citation;
}

/**
 * 二(七): 社区党组织书记 and 居民委员会主任 (社区正职) are trained every year, every other 社工岗
 * worker every 2 years. `post` is a post category or job title; a blank last year means never trained.
 */
export function changchunTrainingDue(post: string, lastTrainingYear: number | null | undefined, year: number, params: ParamView = changchunParams.resolve()): TrainingDue {
  const t = typeof post === 'string' ? post.trim() : '';
  const head = t === '社区正职' || t === '正职' || roleOfTitle(t) === 'head';
  if (!head && !(CHANGCHUN_POSTS as readonly string[]).includes(t) && roleOfTitle(t) === null) {
    throw new CwError('UNKNOWN_POST', `post：无法识别岗位 ${shown(post)}。长春新区的岗位类别：${CHANGCHUN_POSTS.join('、')}；也可写职务：书记、主任、副书记、副主任、委员、专职工作人员。`, 'post');
  }
  const interval = params.num(head ? '培训.正职间隔年数' : '培训.其他间隔年数');
  const who = head ? '社区党组织书记、居民委员会主任' : '其他“社工岗”人员';
  const last = lastTrainingYear ?? null;
  const nextDueYear = last === null ? year : last + interval;
  const due = year >= nextDueYear;
  const when = interval === 1 ? '每年培训一次' : `每${interval}年轮训一次`;
  const message = last === null
    ? `${who}${when}；无培训记录，${year}年应安排培训。`
    : due ? `${who}${when}；上次培训${last}年，${year}年应安排培训。` : `${who}${when}；上次培训${last}年，下次应在${nextDueYear}年。`;
  return { due, intervalYears: interval, nextDueYear, message, citation: cc('二(七)') };
}

/** 长春新区's roster rules. */
export const changchunRules: PolicyRules = {
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
  // 二(七): overdue training warns; training due this year is an info.
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
