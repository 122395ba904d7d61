/** The 优秀 quota per unit and year: a unit rating more 优秀 than the policy allows is an error. */
import type { FindingPlace } from '../roster-eval/findings';
import type { RatingsByYear } from '../roster-eval/units';
import type { CheckContext } from './context';

/** Checks one unit's 优秀 tallies, year by year, against the policy's quota. */
export function quotaRule(cx: CheckContext, t: RatingsByYear, place: FindingPlace, unitName: string): void {
  for (const year of [...t.years.keys()].sort((a, b) => a - b)) {
    const y = t.years.get(year)!;
    if (y.excellent === 0) continue;
    const q = cx.policy.excellentQuota(y.rated, cx.params);
    if (q === null || y.excellent <= q.max) continue;
    cx.out.emit(place, {
      severity: 'error', rule: '优秀比例', citation: q.citation,
      message: `${year}年度${unitName}参加考核 ${y.rated} 人，优秀 ${y.excellent} 人，超出优秀名额（最多 ${q.max} 人）${y.excellent - q.max} 人（${q.basis}）。`,
      action: `调整${year}年度考核等次，优秀不超过 ${q.max} 人；按规定不受比例限制的（如表彰直接确定为优秀），请留存依据。`,
    }, { year, rows: y.rows.slice() });
  }
}
