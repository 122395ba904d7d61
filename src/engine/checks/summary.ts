/** The check's result: findings sorted into roster order, and counted by severity and community. */
import { isoOf } from '../dates';
import type { RosterFinding } from '../roster-eval/findings';
import type { CommunityUnit } from '../roster-eval/units';
import type { CheckContext } from './context';
import type { CheckResult, CommunitySummary } from './types';
import { NO_COUNTY } from './unit-rules';

const SEP = '\u0001';

/** Sorts the findings into roster order (roster-wide, then county, street, community, row) and counts them. */
export function checkResultOf(cx: CheckContext): CheckResult {
  const { ev, policy } = cx;
  const { communities, streets, counties } = ev;
  const findings = cx.out.list;
  // Units by their names as finally placed (a community may have taken its street or county from its rows).
  const named = new Map<string, CommunityUnit>();
  for (const u of communities.values()) named.set(u.county + SEP + u.street + SEP + u.community, u);
  const countyOrd = (name: string | null) => counties.get(name === NO_COUNTY ? '' : name ?? '')?.ord ?? counties.size;
  const key = (f: RosterFinding): number[] => {
    if (f.scope === 'roster') return [-1, 0, 0, 0];
    const c = countyOrd(f.county);
    if (f.scope === 'county') return [c, -1, -1, f.row ?? -1];
    const s = streets.get((f.county ?? '') + SEP + (f.street ?? ''))?.ord ?? streets.size;
    if (f.scope === 'street') return [c, s, -1, -1];
    const u = named.get((f.county ?? '') + SEP + (f.street ?? '') + SEP + (f.community ?? ''))?.ord ?? communities.size;
    return [c, s, u, f.scope === 'community' ? -1 : f.row ?? 0];
  };
  const keys = findings.map(key);
  const order = findings.map((_, i) => i).sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3] || a - b;
  });
  const sorted = order.map((i) => findings[i]);

  const per = new Map<string, CommunitySummary>();
  for (const [k, u] of named) {
    per.set(k, { county: u.county || null, street: u.street || null, community: u.community, workers: u.counts.workers, row: u.row, error: 0, warning: 0, info: 0 });
  }
  const totals = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) {
    totals[f.severity]++;
    if (f.community !== null) {
      const s = per.get((f.county ?? '') + SEP + (f.street ?? '') + SEP + f.community);
      if (s) s[f.severity]++;
    }
  }
  return {
    policy: policy.id, policyName: policy.name, doc: policy.doc, asOf: isoOf(cx.asOf), retirementMonths: cx.months,
    findings: sorted,
    summary: { ...totals, workers: ev.rows.length, communities: communities.size, streets: streets.size, counties: counties.size, byCommunity: [...per.values()] },
    mapping: ev.mapping,
  };
}
