/**
 * 宁夏's roster rules beyond the Policy interface (read by checkRoster through `policy.rosterRules`).
 * The functions they call are read at check time, so importing them from ./index is not a load-order cycle.
 */
import type { RosterRules } from '../../checks/policy-rules';
import { ningxiaCertificationTarget, ningxiaReservePool } from './index';

export const ningxiaRosterRules: RosterRules = {
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
