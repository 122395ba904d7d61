/** Findings with their place in the workbook, and the citations of the roster-data rules. */
import type { Citation } from '../citation';
import type { Finding } from '../types';

/** Where a finding points: the unit it is about and, for a worker or a table row, the sheet row. */
export interface FindingPlace {
  /** What the finding is about: the whole roster, a county, a street, a community, or one worker. */
  scope: 'roster' | 'county' | 'street' | 'community' | 'worker';
  county: string | null;
  street: string | null;
  community: string | null;
  /** Sheet of `row` (the worker table's or the community table's). */
  sheet: string | null;
  /** 1-based sheet row, or null for a unit without a row of its own. */
  row: number | null;
  /** The worker's name, for a finding about one worker. */
  name: string | null;
}

/** A roster finding: a policy or data rule's outcome, with its place in the workbook. */
export interface RosterFinding extends Finding, FindingPlace {
  /** Header of the cell the finding is about (a malformed or missing cell). */
  column?: string;
  /** The rating year, for a 优秀 quota finding. */
  year?: number;
  /** Worker rows involved in a unit finding (e.g. the 优秀 of a unit over its quota), at most 200. */
  rows?: number[];
}

/** Citations of the roster-data rules (they rest on the national ID standard and the product's notes, not on a policy). */
export const ID_STANDARD: Citation = { doc: 'GB 11643-1999《公民身份号码》', article: '4 号码的结构（出生日期码、顺序码、校验码）' };
/** Cites a reading of docs/readings.md by its anchor: `cwkit 解读 §通用-日期`. */
export const NOTES = (anchor: string): Citation => ({ doc: 'cwkit 解读', article: `§${anchor}` });
/** How a roster is read (docs/readings.md 通用-花名册). */
export const ROSTER_RULES: Citation = { doc: 'cwkit 解读', article: '§通用-花名册' };

/** The rule of a finding about a blank cell a rule needs. */
export const MISSING_DATA = '缺少数据';

/**
 * What on a worker row can stop its pay, in the words the checks use (naming the column as the
 * sheet writes it): its error findings and its missing cells. Reports and payroll say this rather
 * than the pay rule's own message (入职时间：“2019-02-30” … rather than 缺少入职日期).
 */
export function rowProblems(findings: readonly RosterFinding[]): string[] {
  return findings.filter((f) => f.severity === 'error' || f.rule === MISSING_DATA).map((f) => f.message);
}

/** Extra fields a finding may carry. */
export interface FindingExtra {
  column?: string;
  year?: number;
  rows?: number[];
}

/** Builds a finding at a place, in a fixed key order (JSON output reads the same every time). */
export function findingAt(place: FindingPlace, f: Finding, extra: FindingExtra = {}): RosterFinding {
  const out: RosterFinding = {
    severity: f.severity, rule: f.rule, citation: f.citation, message: f.message, action: f.action,
    scope: place.scope, county: place.county, street: place.street, community: place.community,
    sheet: place.sheet, row: place.row, name: place.name,
  };
  if (extra.column !== undefined) out.column = extra.column;
  if (extra.year !== undefined) out.year = extra.year;
  if (extra.rows !== undefined) out.rows = extra.rows;
  return out;
}

/** The place of a whole-roster finding. */
export const ROSTER_PLACE: FindingPlace = { scope: 'roster', county: null, street: null, community: null, sheet: null, row: null, name: null };
