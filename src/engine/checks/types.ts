import type { ParamOverrides } from '../params';
import type { PolicyId } from '../types';
import type { RosterFinding } from '../roster-eval/findings';

export type { FindingPlace, RosterFinding } from '../roster-eval/findings';
import type { HeaderMatch, HeaderOverride } from '../roster/headers';

/** Progress and cancellation hooks for a long check. */
export interface CheckOptions {
  /** The date the roster is checked at (Excel serial or date text); today in China by default. */
  asOf?: unknown;
  /** Warn about workers reaching statutory retirement within this many months (default 6). */
  retirementMonths?: number;
  /** Parameter overrides of the chosen policy (the 参数表), e.g. a county's own staffing figure. */
  params?: ParamOverrides | null;
  /** The clerk's column mapping for headers cwkit did not recognise. */
  mapping?: { workers?: HeaderOverride; communities?: HeaderOverride; counties?: HeaderOverride };
  /** Monthly average wage of urban employees (通州 第十一条(一): the average pay of a unit's workers should not be lower). */
  averageWage?: number | null;
  /** Called after each slice of work and at the end: `done` of `total` units (worker rows + communities). */
  onProgress?: (done: number, total: number) => void;
  /** Set `aborted` to stop the check; it then rejects with {@link CheckCancelled}. */
  signal?: { readonly aborted: boolean };
  /** Longest stretch of work between yields to the event loop, in ms (default 25). */
  sliceMs?: number;
  /** How to yield to the event loop (default: a zero-delay timer). */
  yieldTo?: () => Promise<void>;
}

/** Findings counted by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** One community's counts, for the summary by community. */
export interface CommunitySummary extends SeverityCounts {
  county: string | null;
  street: string | null;
  community: string;
  /** Workers on the roster in this community. */
  workers: number;
  /** The community table's row, when the community is listed there. */
  row: number | null;
}

/** The result of {@link checkRoster}. */
export interface CheckResult {
  policy: PolicyId;
  policyName: string;
  doc: string;
  asOf: string;
  retirementMonths: number;
  /** Findings, roster-wide first, then by county, street and community in roster order, then by row. */
  findings: RosterFinding[];
  summary: SeverityCounts & {
    workers: number;
    communities: number;
    streets: number;
    counties: number;
    byCommunity: CommunitySummary[];
  };
  /** How each table's headers were matched (for the mapping step). */
  mapping: { workers: HeaderMatch; communities: HeaderMatch | null; counties: HeaderMatch | null };
}

/** Raised when `options.signal.aborted` is set during a check. */
export class CheckCancelled extends Error {
  constructor() {
    super('检查已取消。');
    this.name = 'AbortError';
  }
}
