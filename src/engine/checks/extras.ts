/**
 * Rules a policy exports as functions of its own (beyond the Policy interface): the checker only
 * gathers the roster's counts and calls them. No figure of a policy is written here.
 */
import { addMonths, isoOf, toExcelSerial, wholeMonthsBetween } from '../dates';
import type { DayNumber } from '../dates';
import type { ParamView } from '../params';
import type { Finding, Policy, PolicyId } from '../types';
import type { Retirement } from '../retirement';
import { benxiTermChecks } from '../policies/benxi';
import { BENXI_DOC } from '../policies/benxi/params';
import { XIAMEN_DOC } from '../policies/xiamen/params';
import { ningxiaCertificationTarget, ningxiaReservePool } from '../policies/ningxia';
import { changchunCertificateTarget, changchunServiceHallCheck, changchunTrainingDue } from '../policies/changchun';
import { tongzhouAverageWageCheck, tongzhouContinuingEducation, tongzhouRetirement, tongzhouServiceAgreement } from '../policies/tongzhou';
import type { WorkerRow } from '../roster-eval/worker-row';
import type { CommunityUnit, CountyUnit, StreetUnit } from '../roster-eval/units';

/** What an extra rule may read about the check. */
export interface ExtraContext {
  policy: Policy;
  params: ParamView;
  asOf: DayNumber;
  asOfYear: number;
  /** True when the worker table has this field's column. */
  workerColumn(field: string): boolean;
  /** True when the community table has this field's column. */
  communityColumn(field: string): boolean;
  averageWage: number | null;
}

/** A column a rule needs: when the roster lacks it, the check reports the rule as not checked. */
export interface ColumnNeed {
  table: 'workers' | 'communities';
  field: string;
  /** The rule that is skipped, in Chinese. */
  rule: string;
}

/** A policy's extra rules, each optional. */
export interface PolicyExtras {
  needs: ColumnNeed[];
  worker?(ctx: ExtraContext, r: WorkerRow): Finding[];
  community?(ctx: ExtraContext, u: CommunityUnit): Finding[];
  street?(ctx: ExtraContext, s: StreetUnit): Finding[];
  county?(ctx: ExtraContext, c: CountyUnit): Finding[];
  /**
   * Replaces the generic retirement finding for a worker (e.g. 通州 第二十条: an elected worker may
   * finish the term). Returns undefined to keep the generic one.
   */
  retirement?(ctx: ExtraContext, r: WorkerRow, ret: Retirement, overdue: boolean): Finding | null | undefined;
}

/**
 * 本溪 三(六)1 and 厦门 第十条: a county's (district's) average pay — the 现薪酬 column — below the previous
 * year's city average wage, when supplied (the 薪酬水平.上年度平均工资 parameter, or --average-wage), warns
 * (解读 §薪酬水平).
 */
function payLevel(ctx: ExtraContext, c: CountyUnit, citation: { doc: string; article: string }, statistic: string): Finding[] {
  const key = '薪酬水平.上年度平均工资';
  const wage = ctx.params.has(key) ? ctx.params.num(key) : ctx.averageWage;
  if (wage === null || c.payCount === 0) return [];
  const average = Math.round((c.payTotal / c.payCount) * 100) / 100;
  if (average >= wage) return [];
  return [{
    severity: 'warning', rule: '薪酬水平', citation,
    message: `${c.county || '（未填区县）'}社区工作者平均现薪酬 ${average.toFixed(2)} 元/月（${c.payCount}人），低于上年度${statistic} ${wage.toFixed(2)} 元/月（解读 §薪酬水平）。`,
    action: `按文件要求调整薪酬标准，使社区工作者薪酬不低于上年度${statistic}。`,
  }];
}

const benxi: PolicyExtras = {
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

const ningxia: PolicyExtras = {
  needs: [
    { table: 'communities', field: 'reservePool', rule: '书记后备人才库（1:3）' },
    { table: 'workers', field: 'certificate', rule: '持证比例' },
    { table: 'workers', field: 'probationRating', rule: '退出情形（试用期满考核不合格）' },
  ],
  street(ctx, s) {
    if (!ctx.communityColumn('reservePool') || s.communities.length === 0) return [];
    const blank = s.communities.filter((c) => c.reservePool === null);
    if (blank.length > 0) {
      const pool = ningxiaReservePool(s.communities.length, ctx.params);
      return [{
        severity: 'info', rule: '书记后备人才', citation: pool.citation,
        message: `${blank.map((c) => c.community).join('、')}未填书记后备人才数，无法核对本街道后备人才库（${pool.basis}）。`,
        action: '在社区表“书记后备人才数”列填写各社区的后备人数后重新检查。',
      }];
    }
    const total = s.communities.reduce((n, c) => n + (c.reservePool ?? 0), 0);
    const pool = ningxiaReservePool(s.communities.length, ctx.params);
    if (total >= pool.required) return [];
    return [{
      severity: 'warning', rule: '书记后备人才', citation: pool.citation,
      message: `本街道书记后备人才 ${total} 人，少于 ${pool.required} 人（${pool.basis}）。`,
      action: `充实社区党组织书记后备人才库，尚差 ${pool.required - total} 人。`,
    }];
  },
  county(ctx, c) {
    if (!ctx.workerColumn('certificate') || c.counts.workers === 0) return [];
    return ningxiaCertificationTarget(c.certified, c.counts.workers, ctx.asOfYear, ctx.params);
  },
};

const changchun: PolicyExtras = {
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

/** Per-check constants of 通州 第十六条 (they depend only on the parameters): computed once per check. */
const AGREEMENTS = new WeakMap<ParamView, { first: ReturnType<typeof tongzhouServiceAgreement>; renewal: ReturnType<typeof tongzhouServiceAgreement> }>();
function agreementsOf(params: ParamView) {
  let a = AGREEMENTS.get(params);
  if (!a) AGREEMENTS.set(params, (a = { first: tongzhouServiceAgreement(false, true, params), renewal: tongzhouServiceAgreement(false, false, params) }));
  return a;
}

const tongzhou: PolicyExtras = {
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

const xiamen: PolicyExtras = {
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

const EXTRAS: Partial<Record<PolicyId, PolicyExtras>> = {
  'benxi-2022': benxi,
  'xiamen-2020': xiamen,
  'ningxia-2024': ningxia,
  'changchun-xinqu-2020': changchun,
  'tongzhou-draft': tongzhou,
};

/** The extra rules of a policy (empty for a policy whose rules all sit behind the Policy interface). */
export function extrasOf(policy: Policy): PolicyExtras {
  return EXTRAS[policy.id] ?? { needs: [] };
}
