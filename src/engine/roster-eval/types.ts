/** The shape of one roster evaluation: its units and rows, as checks, reports and payroll read them. */
import type { DayNumber } from '../dates';
import type { ParamOverrides, ParamView } from '../params';
import type { Policy } from '../types';
import type { HeaderMatch, HeaderOverride } from '../roster/headers';
import type { RosterTable } from '../roster/types';
import type { RosterFinding } from './findings';
import type { WorkerRow } from './worker-row';
import type { CommunityUnit, CountyUnit, StreetUnit } from './units';

/** What a roster is evaluated for. */
export interface RosterEvaluationOptions {
  /** The as-of date (Excel serial or date text); today in China by default. */
  asOf?: unknown;
  /** Parameter overrides of the policy (the 参数表). */
  params?: ParamOverrides | null;
  /** The parameters already resolved for the as-of date (used instead of `params`). */
  paramView?: ParamView;
  /** The clerk's column mapping for headers cwkit did not recognise. */
  mapping?: { workers?: HeaderOverride; communities?: HeaderOverride; counties?: HeaderOverride };
}

/** One worker row: its typed facts, the community it is placed in, and what reading it found. */
export interface EvaluatedRow extends WorkerRow {
  /** The community the row is placed in, or null (then `unplaced` says why). */
  unit: CommunityUnit | null;
  /** Why the row is in no community (Chinese), or null when it is placed. */
  unplaced: string | null;
  /** The data findings on the row's cells (malformed, missing, contradictory). */
  findings: RosterFinding[];
}

/** Which unit the policy's 优秀 quota counts over, and the posts it leaves out. */
export interface QuotaScope {
  over: 'community' | 'street';
  /** Posts rated in a separate list (厦门 社区正职), not counted in the unit's quota. */
  excludes: ReadonlySet<string>;
  /** The quota's citation and its unit as the document names it (for messages). */
  citation: { doc: string; article: string };
  unit: string;
}

/** A roster read once against a policy: units with their facts and headcounts, and every row. */
export interface RosterEvaluation {
  policy: Policy;
  asOf: DayNumber;
  params: ParamView;
  /** The tables as given (the community and county tables are optional). */
  tables: { workers: RosterTable; communities: RosterTable | null; counties: RosterTable | null };
  /** How each table's headers were matched. */
  mapping: { workers: HeaderMatch; communities: HeaderMatch | null; counties: HeaderMatch | null };
  /** Worker-table field key → its header as the sheet writes it (the field's label when absent). */
  workerHeaders: Record<string, string>;
  /** Units in roster order: the community table's first, then as worker rows name them. */
  communities: Map<string, CommunityUnit>;
  streets: Map<string, StreetUnit>;
  counties: Map<string, CountyUnit>;
  /** Every worker row, in sheet order. */
  rows: EvaluatedRow[];
  /** Findings on the community and county tables' rows. */
  findings: RosterFinding[];
  /** The policy's 优秀 quota unit, or null when the policy sets no quota. */
  quota: QuotaScope | null;
}
