/** The staffing standard of a community or a county: a headcount outside the required range is a finding. */
import type { CwError } from '../errors';
import type { UnitCounts } from '../roster-eval/counts';
import type { FindingPlace } from '../roster-eval/findings';
import { staffingOf } from '../roster-eval/staffing';
import type { UnitFacts } from '../types';
import type { CheckContext } from './context';

/** Compares a unit's headcounts with the policy's staffing standard; `cannot` says why the standard could not be applied. */
export function staffingRule(cx: CheckContext, facts: UnitFacts, scope: 'community' | 'county', counts: UnitCounts, place: FindingPlace, cannot: (e: CwError) => void): void {
  const s = staffingOf(cx.policy, cx.params, facts, scope, counts);
  if (s.error) {
    cannot(s.error);
    return;
  }
  for (const { requirement: req, actual: n, how, below, above } of s.comparisons) {
    if (n === null) {
      cx.out.emit(place, { severity: 'info', rule: '无法核对', citation: req.citation, message: `花名册无法统计“${req.what}”，未核对此项配备标准（${req.basis}）。`, action: '请人工核对。' });
      continue;
    }
    if (!below && !above) continue;
    const range = req.min !== null && req.max !== null ? (req.min === req.max ? `${req.min}人` : `${req.min}–${req.max}人`) : req.min !== null ? `不少于${req.min}人` : `不超过${req.max}人`;
    cx.out.emit(place, {
      severity: below ? req.belowSeverity : req.aboveSeverity,
      rule: `配备标准：${req.what}`,
      citation: req.citation,
      message: `${req.what} ${n} 人，${below ? `少于规定的 ${req.min} 人` : `超过规定的 ${req.max} 人`}（应为${range}：${req.basis}）。统计口径：${how}。`,
      action: below
        ? `配齐${req.what}（至少 ${req.min} 人）；如花名册漏填或错填岗位、职务，请更正后重新检查。`
        : `核减${req.what}至不超过 ${req.max} 人，或按规定报批调整；如花名册岗位、职务填写有误，请更正后重新检查。`,
    });
  }
}
