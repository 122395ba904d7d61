/** A unit's staffing compared with the policy's staffing standard, and the facts a county is judged on. */
import { CwError } from '../errors';
import type { ParamView } from '../params';
import { Trace } from '../trace';
import type { Policy, StaffingRequirement, UnitFacts } from '../types';
import { counterFor } from './counts';
import type { UnitCounts } from './counts';
import type { CountyUnit } from './units';

/** One requirement with the roster's count: null `actual` when the roster cannot count it. */
export interface StaffingComparison {
  requirement: StaffingRequirement;
  /** The roster's headcount, or null when the roster cannot count what the requirement names. */
  actual: number | null;
  /** Chinese: who was counted (empty when not counted). */
  how: string;
  below: boolean;
  above: boolean;
}

/** A unit's staffing: the comparisons, or why the standard could not be applied (facts missing). */
export type Staffing = { comparisons: StaffingComparison[]; error: null } | { comparisons: null; error: CwError };

/** Compares a unit's headcounts with each staffing requirement the policy sets for its facts. */
export function staffingOf(policy: Policy, params: ParamView, facts: UnitFacts, scope: 'community' | 'county', counts: UnitCounts): Staffing {
  let reqs: StaffingRequirement[];
  try {
    reqs = policy.staffing(facts, scope, params, new Trace(false));
  } catch (e) {
    if (!(e instanceof CwError)) throw e;
    return { comparisons: null, error: e };
  }
  const postNames = policy.posts.map((p) => p.name);
  const comparisons = reqs.map((requirement): StaffingComparison => {
    const counter = counterFor(requirement.counts, postNames);
    const actual = counter ? counter.count(counts) : null;
    return {
      requirement, actual, how: counter ? counter.how : '',
      below: actual !== null && requirement.min !== null && actual < requirement.min,
      above: actual !== null && requirement.max !== null && actual > requirement.max,
    };
  });
  return { comparisons, error: null };
}

/**
 * The facts a county is judged on: the county table's own figures, else the sum over its communities
 * listed in the community table when every one of them gives the figure.
 */
export function countyFactsOf(c: CountyUnit): UnitFacts {
  const f: UnitFacts = { name: c.tableFacts.name ?? c.county };
  for (const key of ['population', 'urbanPopulation', 'households'] as const) {
    const own = c.tableFacts[key];
    if (own !== undefined) {
      f[key] = own;
      continue;
    }
    const listed = c.communities.filter((u) => u.row !== null);
    if (listed.length > 0 && listed.every((u) => u.facts[key] !== undefined)) f[key] = listed.reduce((n, u) => n + (u.facts[key] as number), 0);
  }
  return f;
}
