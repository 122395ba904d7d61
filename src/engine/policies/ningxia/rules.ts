/**
 * 宁夏's roster rules: the street's 书记后备人才库 (1:3) and the county's 持证比例 targets.
 * Imports only leaf modules (never the checks or the policy registry).
 */
import { CwError, shown } from '../../errors';
import { Decimal } from '../../money';
import type { Citation } from '../../citation';
import type { ParamView } from '../../params';
import type { PolicyRules } from '../../rules';
import type { Finding, UnitFacts } from '../../types';
import { ningxiaParams, nx } from './params';

const defaults = (): ParamView => ningxiaParams.resolve(null);

/** Result of {@link ningxiaReservePool}. */
export interface ReservePool {
  /** Community party secretaries counted (one per community). */
  secretaries: number;
  /** Reserve candidates per secretary (3). */
  perSecretary: number;
  /** Minimum size of the street's (township's) reserve pool. */
  required: number;
  citation: Citation;
  basis: string;
}

/**
 * 一 严格政治把关: each street (township) keeps a reserve pool of community party-secretary
 * candidates at 1 : 3, i.e. at least 3 × the number of its community party secretaries.
 * `communities` is the street's community count or its list of communities (one secretary each).
 */
export function ningxiaReservePool(communities: number | readonly UnitFacts[], params: ParamView = defaults()): ReservePool {
  const secretaries = typeof communities === 'number' ? communities : communities.length;
  if (!Number.isInteger(secretaries) || secretaries < 0) {
    throw new CwError('INVALID_NUMBER', `communities：${shown(communities)} 不是有效的社区数。可用：≥ 0 的整数，或社区列表。`, 'communities');
  }
  const per = params.num('后备人才.每名书记人数');
  const req = new Decimal(secretaries).times(per).ceil().toNumber();
  return {
    secretaries, perSecretary: per, required: req, citation: nx('一 严格政治把关'),
    basis: `街道（乡镇）按1:${per}建立社区党组织书记后备人才库：${secretaries}名社区党组织书记 × ${per} = 不少于${req}人`,
  };
}

/**
 * 一 开展职业评价: certified share ≥ 35% by 2025 (warning from 2025 when below, info before),
 * aim ≥ 50% by 2030 (warning from 2030 when below, info before). Returns [] when both are met.
 */
export function ningxiaCertificationTarget(certified: number, total: number, year: number, params: ParamView = defaults()): Finding[] {
  if (!Number.isInteger(total) || total <= 0) throw new CwError('INVALID_NUMBER', `total：${shown(total)} 不是有效的社区工作者人数。可用：正整数。`, 'total');
  if (!Number.isInteger(certified) || certified < 0 || certified > total) {
    throw new CwError('INVALID_NUMBER', `certified：${shown(certified)} 不是有效的持证人数。可用：0 至 ${total} 的整数。`, 'certified');
  }
  if (!Number.isInteger(year)) throw new CwError('INVALID_NUMBER', `year：${shown(year)} 不是年份。可用：四位年份，如 2025。`, 'year');
  const share = new Decimal(certified).div(total);
  const pct = share.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString();
  const citation = nx('一 开展职业评价');
  const out: Finding[] = [];
  const targets: Array<{ by: number; key: string; verb: string }> = [
    { by: 2025, key: '持证比例目标.2025', verb: '达到' },
    { by: 2030, key: '持证比例目标.2030', verb: '力争达到' },
  ];
  for (const t of targets) {
    const target = params.num(t.key);
    if (share.greaterThanOrEqualTo(target)) continue;
    const due = year >= t.by;
    const needed = new Decimal(target).times(total).ceil().toNumber();
    out.push({
      severity: due ? 'warning' : 'info',
      rule: '持证比例',
      citation,
      message: `${year}年持证社区工作者 ${certified}/${total} = ${pct}%，${due ? '低于' : '尚未达到'}“到${t.by}年${t.verb}${+(target * 100).toFixed(2)}%”的目标。`,
      action: `持证人数需至少 ${needed} 人（还差 ${needed - certified} 人）；支持社区工作者参加职业资格考试和学历教育。`,
    });
  }
  return out;
}

/** 宁夏's roster rules. */
export const ningxiaRules: PolicyRules = {
  needs: [
    { table: 'communities', field: 'reservePool', rule: '书记后备人才库（1:3）' },
    { table: 'workers', field: 'certificate', rule: '持证比例' },
    { table: 'workers', field: 'probationRating', rule: '退出情形（试用期满考核不合格）' },
  ],
  street(ctx, s) {
    if (!ctx.communityColumn('reservePool') || s.communities.length === 0) return [];
    const pool = ningxiaReservePool(s.communities.length, ctx.params);
    const blank = s.communities.filter((c) => c.reservePool === null);
    if (blank.length > 0) {
      return [{
        severity: 'info', rule: '书记后备人才', citation: pool.citation,
        message: `${blank.map((c) => c.community).join('、')}未填书记后备人才数，无法核对本街道后备人才库（${pool.basis}）。`,
        action: '在社区表“书记后备人才数”列填写各社区的后备人数后重新检查。',
      }];
    }
    const total = s.communities.reduce((n, c) => n + (c.reservePool ?? 0), 0);
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
