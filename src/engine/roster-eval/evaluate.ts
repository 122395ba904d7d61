/**
 * One roster evaluation: the tables' headers matched, the community and county tables read into units,
 * every worker row read once into typed facts and placed in its community, and each unit's headcounts,
 * certificates, pay sums and 优秀 tallies added up. Checks, reports and payroll all read this.
 */
import { parseDate, todayInChina } from '../dates';
import { policyOf } from '../policies';
import { isBlank, nameOf } from '../roster/cells';
import { sheetRowOf } from '../roster/types';
import type { Cell, Roster } from '../roster/types';
import type { Policy } from '../types';
import type { RosterFinding } from './findings';
import { headerTexts, matchTable, readCommunities, readCounties } from './tables';
import type { EvaluatedRow, QuotaScope, RosterEvaluation, RosterEvaluationOptions } from './types';
import { UnitIndex } from './units';
import type { CommunityUnit, RatingsByYear } from './units';
import { readWorkerRow } from './worker-row';
import type { RowContext, WorkerRow } from './worker-row';

/** The unit the policy's 优秀 quota counts over (asked of the quota itself, with a unit of four). */
function quotaScopeOf(policy: Policy, params: RosterEvaluation['params']): QuotaScope | null {
  const q = policy.excellentQuota(4, params);
  return q === null ? null : { over: q.over, excludes: new Set(q.excludes), citation: q.citation, unit: q.unit };
}

function tallyRatings(t: RatingsByYear, r: WorkerRow, rowNo: number): void {
  for (const [year, rating] of r.ratings) {
    const y = t.tally(year);
    y.rated++;
    if (rating === '优秀') {
      y.excellent++;
      if (y.rows.length < 200) y.rows.push(rowNo);
    }
  }
}

/** Adds a placed row to its community, street and county. */
function addToUnits(units: UnitIndex, unit: CommunityUnit | null, r: WorkerRow, rowNo: number, quota: QuotaScope | null): void {
  const county = unit ? unit.countyUnit : units.county(r.county);
  county.counts.add(r.post, r.titles);
  if (r.certificate !== null) county.certified++;
  if (r.currentPay !== null) {
    county.payTotal += r.currentPay;
    county.payCount++;
  }
  if (!unit) return;
  unit.counts.add(r.post, r.titles);
  unit.certificates[r.certificate ?? 0]++;
  if (r.serviceHall) unit.hall++;
  const street = unit.streetUnit;
  street.workers++;
  if (r.currentPay !== null) {
    street.payTotal += r.currentPay;
    street.payCount++;
  }
  if (quota !== null && !(r.post !== null && quota.excludes.has(r.post))) tallyRatings(quota.over === 'street' ? street.ratings : unit.ratings, r, rowNo);
}

/**
 * The evaluation as steps: yields the number of worker rows read so far every 256 rows (so a caller
 * can yield to the event loop, report progress or cancel), and returns the evaluation.
 * Throws CwError for bad input: an unknown policy, a bad as-of date, a table without its required columns.
 */
export function* rosterSteps(roster: Roster, policyId: string, options: RosterEvaluationOptions = {}): Generator<number, RosterEvaluation, void> {
  const policy = policyOf(policyId);
  const asOf = isBlank(options.asOf as null) ? todayInChina() : parseDate(options.asOf, 'asOf');
  const params = options.paramView ?? policy.params.resolve(options.params ?? null, asOf);
  const wt = roster.workers;
  const wm = matchTable(wt, 'workers', options.mapping?.workers);
  const ct = roster.communities ?? null;
  const cm = ct ? matchTable(ct, 'communities', options.mapping?.communities) : null;
  const kt = roster.counties ?? null;
  const km = kt ? matchTable(kt, 'counties', options.mapping?.counties) : null;

  const findings: RosterFinding[] = [];
  const units = new UnitIndex();
  if (kt && km) readCounties(kt, km, units, findings);
  if (ct && cm) readCommunities(ct, cm, units, findings);
  const quota = quotaScopeOf(policy, params);

  const header = headerTexts(wt, wm);
  const ctx: RowContext = {
    policy, params, asOf, sheet: wt.sheet, cols: wm.columns, header,
    ratingCols: wm.ratingColumns.map((r) => ({ ...r, header: String(wt.headers[r.column]).trim() })),
    ids: new Map(), postCache: new Map(), titleCache: new Map(),
  };
  // Units are looked up by the raw cells first (names repeat on every row), normalised only on a miss.
  const byRaw = new Map<Cell, Map<Cell, Map<Cell, CommunityUnit | null>>>();
  const col = { county: wm.columns.county, street: wm.columns.street, community: wm.columns.community };
  const rows: EvaluatedRow[] = [];
  for (let i = 0; i < wt.rows.length; i++) {
    if ((i & 255) === 0) yield i;
    const cells = wt.rows[i];
    const rowNo = sheetRowOf(wt, i);
    const rc = col.county === undefined ? null : cells[col.county] ?? null;
    const rs = col.street === undefined ? null : cells[col.street] ?? null;
    const rm = col.community === undefined ? null : cells[col.community] ?? null;
    let l1 = byRaw.get(rc);
    if (!l1) byRaw.set(rc, (l1 = new Map()));
    let l2 = l1.get(rs);
    if (!l2) l1.set(rs, (l2 = new Map()));
    let unit = l2.get(rm);
    if (unit === undefined) {
      unit = units.place(nameOf(rc), nameOf(rs), nameOf(rm));
      l2.set(rm, unit);
    }
    const r = readWorkerRow(ctx, cells, rowNo, unit);
    if (unit && unit.star !== null) r.worker.star = unit.star;
    addToUnits(units, unit, r, rowNo, quota);
    rows.push(r);
  }

  // Findings on community-table rows were placed before their community took a street or county from the worker rows.
  if (ct) {
    const byRow = new Map<number, CommunityUnit>();
    for (const u of units.communities.values()) if (u.row !== null) byRow.set(u.row, u);
    for (const f of findings) {
      if (f.scope !== 'community' || f.sheet !== ct.sheet || f.row === null) continue;
      const u = byRow.get(f.row);
      if (u) {
        f.county = u.county || null;
        f.street = u.street || null;
      }
    }
  }
  units.prune();
  return {
    policy, asOf, params, tables: { workers: wt, communities: ct, counties: kt }, mapping: { workers: wm, communities: cm, counties: km },
    workerHeaders: header, communities: units.communities, streets: units.streets, counties: units.counties, rows, findings, quota,
  };
}

/** Evaluates a roster against a policy in one go (see {@link rosterSteps}). */
export function evaluateRoster(roster: Roster, policyId: string, options: RosterEvaluationOptions = {}): RosterEvaluation {
  const steps = rosterSteps(roster, policyId, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
