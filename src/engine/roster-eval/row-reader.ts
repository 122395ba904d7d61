/** The worker-table reading context and the per-row reader the row's parts share. */
import { CwError } from '../errors';
import type { DayNumber } from '../dates';
import type { Finding, Policy } from '../types';
import type { ParamView } from '../params';
import type { Titles } from '../roster/titles';
import type { Cell } from '../roster/types';
import type { Parse } from './cells';
import { findingAt, NOTES, ROSTER_RULES, MISSING_DATA } from './findings';
import type { FindingPlace, RosterFinding } from './findings';

/** What the row reader needs to know about the table and the check. */
export interface RowContext {
  policy: Policy;
  params: ParamView;
  asOf: DayNumber;
  sheet: string;
  /** Field key → 0-based column. */
  cols: Record<string, number>;
  /** Field key → the header text as the sheet writes it (for messages). */
  header: Record<string, string>;
  ratingCols: Array<{ year: number; column: number; header: string }>;
  /** Resident ID → first row and name, to find duplicates. */
  ids: Map<string, { row: number; name: string }>;
  postCache: Map<string, string | CwError>;
  titleCache: Map<string, Titles>;
  /** Today in China, read once (a birth date after it is in the future). */
  today?: DayNumber;
}

/** Column indices of a worker table, resolved once per table (-1 when the sheet has no such column). */
export type Columns = Record<(typeof FIELD_KEYS)[number], number>;

const FIELD_KEYS = ['county', 'street', 'community', 'name', 'sex', 'idNumber', 'birthDate', 'post', 'title', 'appointment', 'elected', 'entryDate',
  'education', 'degree', 'certificate', 'certificateDate', 'probation', 'probationRating', 'currentPay', 'priorYears', 'headYears', 'originalAge', 'absenceDays',
  'absenceConsecutiveDays', 'protectedStatus', 'freshGraduate', 'veteran', 'sociologyGraduate', 'existingWorker', 'localHukou', 'serviceHall',
  'lastTrainingYear', 'educationHours', 'agreementDate', 'termEnd', 'secondmentMonths'] as const;

const COLUMNS = new WeakMap<RowContext, Columns>();
const READERS = new WeakMap<RowContext, RowReader>();

/** The table's column indices, resolved once per table. */
export function columnsOf(ctx: RowContext): Columns {
  let c = COLUMNS.get(ctx);
  if (!c) {
    // Built as one literal (a fixed shape the JIT keeps fast), not key by key.
    c = JSON.parse(JSON.stringify(Object.fromEntries(FIELD_KEYS.map((k) => [k, ctx.cols[k] ?? -1])))) as Columns;
    COLUMNS.set(ctx, c);
  }
  return c;
}

const DATA_RULE = NOTES('通用-数据格式');
/** The action for a malformed 是/否 cell. */
export const YES_NO = '填写“是”或“否”。';

/** Reads one worker row against its table's columns; findings go to `out`. */
export class RowReader {
  cells: Cell[] = [];
  place!: FindingPlace & { scope: 'worker'; row: number };
  out: RosterFinding[] = [];
  constructor(readonly ctx: RowContext) {}

  /** The cell in column `i`, or null (absent column, short row). */
  at(i: number): Cell {
    return i < 0 ? null : this.cells[i] ?? null;
  }

  /** A malformed cell: an error finding naming its column. */
  bad(key: string, e: unknown, action: string): void {
    if (!(e instanceof CwError)) throw e;
    this.out.push(findingAt(this.place, { severity: 'error', rule: '数据格式', citation: DATA_RULE, message: e.message, action }, { column: this.ctx.header[key] }));
  }

  /** A blank cell a rule needs: a finding naming its column. */
  missing(key: string, severity: Finding['severity'], why: string, action: string): void {
    const h = this.ctx.header[key] ?? key;
    this.out.push(findingAt(this.place, { severity, rule: MISSING_DATA, citation: ROSTER_RULES, message: `缺少${h}：${why}。`, action }, { column: h }));
  }

  /** A cell through a parser: null when the column is absent or the cell blank; a finding when it does not parse. */
  parse<T>(i: number, key: string, parse: Parse<T>, action: string, what = ''): T | null {
    if (i < 0) return null;
    const v = this.cells[i];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
    try {
      return parse(v, this.ctx.header[key], what);
    } catch (e) {
      this.bad(key, e, action);
      return null;
    }
  }
}

/** The reader of a table's rows (one per table), pointed at a row's cells and finding list. */
export function readerOf(ctx: RowContext, cells: Cell[], out: RosterFinding[], place: FindingPlace & { scope: 'worker'; row: number }): RowReader {
  let r = READERS.get(ctx);
  if (!r) READERS.set(ctx, (r = new RowReader(ctx)));
  r.cells = cells;
  r.out = out;
  r.place = place;
  return r;
}
