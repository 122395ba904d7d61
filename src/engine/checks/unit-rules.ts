/** The rules on each unit: communities (table match, staffing, quota, the policy's rules), streets, counties. */
import { ROSTER_PLACE, ROSTER_RULES } from '../roster-eval/findings';
import type { FindingPlace } from '../roster-eval/findings';
import { countyFactsOf } from '../roster-eval/staffing';
import type { CommunityUnit, CountyUnit, StreetUnit } from '../roster-eval/units';
import type { CheckContext } from './context';
import { quotaRule } from './quota';
import { staffingRule } from './staffing-rules';

/** How a county without a name is shown. */
export const NO_COUNTY = '（未填区县）';

/** Where a finding about a community points (its community-table row, when it has one). */
function communityPlace(cx: CheckContext, u: CommunityUnit): FindingPlace {
  return {
    scope: 'community', county: u.county || null, street: u.street || null, community: u.community,
    sheet: u.row === null ? null : cx.ev.tables.communities!.sheet, row: u.row, name: null,
  };
}

/**
 * One community's rules. `unchecked` collects the communities whose staffing could not be checked
 * for want of a community table (said once for the roster).
 */
export function communityRules(cx: CheckContext, u: CommunityUnit, unchecked: string[]): void {
  const { out, ev } = cx;
  const place = communityPlace(cx, u);
  const ct = ev.tables.communities;
  if (ct && u.row === null) {
    out.emit(place, { severity: 'warning', rule: '社区匹配', citation: ROSTER_RULES, message: `社区表中没有“${[u.county, u.street, u.community].filter(Boolean).join(' ')}”：按户数、人口的配备标准无法核对。`, action: '在社区表中补充该社区（名称与职工表一致），或更正职工表中的社区名称。' });
  }
  staffingRule(cx, u.facts, 'community', u.counts, place, (e) => {
    if (!ct) unchecked.push(u.community);
    else if (u.row !== null) out.emit(place, { severity: 'warning', rule: '无法核对', citation: ROSTER_RULES, message: e.message, action: '在社区表中补全该社区的数据后重新检查。' });
  });
  if (ev.quota !== null && ev.quota.over === 'community') quotaRule(cx, u.ratings, place, u.community);
  if (cx.rules.community) for (const f of cx.rules.community(cx.rctx, u)) out.emit(place, f);
}

/** Says once that communities were not checked against the household and population standard. */
export function uncheckedCommunities(cx: CheckContext, unchecked: string[]): void {
  if (!unchecked.length) return;
  cx.out.emit(ROSTER_PLACE, { severity: 'info', rule: '无法核对', citation: ROSTER_RULES, message: `没有社区表：${unchecked.length}个社区按户数、党组织类型的配备标准未核对（如 ${unchecked.slice(0, 3).join('、')}）。`, action: '增加社区表（社区、户数、常住人口、党员数、党组织类型）后重新检查。' });
}

/** One street's rules: the quota when it counts over streets, and the policy's street rules. */
export function streetRules(cx: CheckContext, s: StreetUnit): void {
  const place: FindingPlace = { scope: 'street', county: s.county || null, street: s.street || null, community: null, sheet: null, row: null, name: null };
  if (cx.ev.quota !== null && cx.ev.quota.over === 'street') quotaRule(cx, s.ratings, place, s.street || '（未填街道）');
  if (cx.rules.street) for (const f of cx.rules.street(cx.rctx, s)) cx.out.emit(place, f);
}

/** One county's rules: the county-scope staffing standard and the policy's county rules. */
export function countyRules(cx: CheckContext, c: CountyUnit): void {
  const kt = cx.ev.tables.counties;
  const place: FindingPlace = { scope: 'county', county: c.county || NO_COUNTY, street: null, community: null, sheet: c.row === null ? null : kt!.sheet, row: c.row, name: null };
  staffingRule(cx, countyFactsOf(c), 'county', c.counts, place, (e) => cx.out.emit(place, {
    severity: 'warning', rule: '无法核对', citation: ROSTER_RULES, message: `${c.county || NO_COUNTY}：${e.message}`,
    action: kt ? '在区县表中补全或更正该区县的数据（或在社区表中填齐各社区的人口数）后重新检查。' : '增加区县表（区县、常住人口、城镇常住人口），或在社区表中填齐各社区的人口数后重新检查。',
  }));
  if (cx.rules.county) for (const x of cx.rules.county(cx.rctx, c)) cx.out.emit(place, x);
}
