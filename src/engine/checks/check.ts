/**
 * Checks a roster against every staffing and roster rule of a policy (docs/rules.md): the roster's
 * one evaluation (src/engine/roster-eval) and the rules over it — worker rules, community, street and
 * county rules, quotas — sorted into roster order.
 */
import { policyOf } from '../policies';
import type { Roster } from '../roster/types';
import { rosterSteps } from '../roster-eval/evaluate';
import type { RosterEvaluation } from '../roster-eval/types';
import { checkContextOf, checkOptionsOf } from './context';
import { inForceNotes, quotaNote, skippedRules } from './coverage';
import { Pacer } from './pacer';
import { checkResultOf } from './summary';
import type { CheckOptions, CheckResult } from './types';
import { communityRules, countyRules, streetRules, uncheckedCommunities } from './unit-rules';
import { workerRules } from './worker-rules';

/**
 * Checks a roster against every staffing and roster rule of a policy, through the engine's own policy
 * functions: community and county headcounts, post caps, 两委 and committee sizes, dedicated party
 * workers, the 优秀 quota per unit and year, exit triggers, retirement due within `retirementMonths`,
 * recruitment conditions, certification targets and the policy's other rules, resident IDs, and every
 * missing or malformed cell. In time slices so a UI stays responsive; progress and cancellation through
 * `options`. Throws CwError for bad input (unknown policy, a table without its required columns, a bad as-of date).
 */
export async function checkRoster(roster: Roster, policyId: string, options: CheckOptions = {}): Promise<CheckResult> {
  policyOf(policyId);
  const { months, averageWage } = checkOptionsOf(options);
  const n = roster.workers.rows.length;
  // Progress: reading each row, then the rules on each row, then each community.
  const pacer = new Pacer(options, 2 * n);
  pacer.check();
  const steps = rosterSteps(roster, policyId, { asOf: options.asOf, params: options.params, mapping: options.mapping });
  let ev: RosterEvaluation;
  for (;;) {
    const s = steps.next();
    if (s.done) {
      ev = s.value;
      break;
    }
    await pacer.tick(s.value);
  }
  pacer.total = 2 * n + ev.communities.size;

  const cx = checkContextOf(ev, months, averageWage);
  inForceNotes(cx);
  skippedRules(cx);
  cx.out.add(ev.findings);
  quotaNote(cx);
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 0) await pacer.tick(n + i);
    workerRules(cx, ev.rows[i]);
  }
  const unchecked: string[] = [];
  let done = 2 * n;
  for (const u of ev.communities.values()) {
    if (((done++) & 63) === 0) await pacer.tick(done);
    communityRules(cx, u, unchecked);
  }
  uncheckedCommunities(cx, unchecked);
  for (const s of ev.streets.values()) streetRules(cx, s);
  for (const c of ev.counties.values()) countyRules(cx, c);
  options.onProgress?.(pacer.total, pacer.total);
  return checkResultOf(cx);
}
