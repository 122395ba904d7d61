/**
 * Reads a roster's worker rows for payroll: each row's pay facts (through the checks' row reader,
 * the same validation `cw check` applies) and its payroll facts (缴费基数, 公积金缴存基数, 专项附加扣除,
 * 其他扣除, 银行账号, 已发) — and assesses a worker's pay on any date.
 */
import { CwError } from '../errors';
import type { DayNumber } from '../dates';
import { Decimal } from '../money';
import type { ParamOverrides, ParamView } from '../params';
import { Trace } from '../trace';
import type { TraceStep } from '../trace';
import { matchHeaders } from '../roster/headers';
import { nameOf, numberOf, textOf } from '../roster/cells';
import type { Cell, Roster } from '../roster/types';
import { sheetRowOf } from '../roster/types';
import { readWorkerRow } from '../checks/row';
import type { RowContext } from '../checks/row';
import type { PayItem, Policy, Worker } from '../types';
import type { MonthFacts } from './month';

/** One worker row read for payroll. */
export interface PayrollRow {
  /** 1-based sheet row. */
  row: number;
  county: string;
  street: string;
  community: string;
  name: string;
  idNumber: string;
  bankAccount: string;
  /** What joins this row to the same worker's line in another month: 身份证号, else 社区 + 姓名. */
  key: string;
  /** The row's facts, normalised; null when they could not be (see `error`). */
  worker: Worker | null;
  facts: MonthFacts;
  /** 已发: the 应发 total paid for each month of a back-pay span, when the roster gives it. */
  paid: Decimal | null;
  error?: string;
}

/** The worker's pay on a date, with the parameters in force then. */
export interface PayOn {
  years: number;
  grade: number | null;
  items: PayItem[];
  total: Decimal;
  warnings: string[];
  trace: TraceStep[];
}

/** The key that joins a worker's lines across months. */
export function workerKey(idNumber: string, community: string, name: string): string {
  return idNumber ? idNumber.toUpperCase() : `${community}\u0001${name}`;
}

/** The policy's parameters in force on `date` with the clerk's overrides. */
export function policyParamsOn(policy: Policy, overrides: ParamOverrides | null, date: DayNumber): ParamView {
  return policy.params.resolve(overrides, date);
}

/** Assesses `w`'s pay as of `date` (its facts otherwise unchanged) with `params`. */
export function payOn(w: Worker, date: DayNumber, params: ParamView, trace = false): PayOn {
  const worker: Worker = { ...w, asOf: date, params };
  const t = new Trace(trace);
  const warnings: string[] = [];
  const p = worker.policy;
  p.checkInForce(worker, t, warnings);
  const years = p.countedYears(worker, t);
  const grade = p.grade(worker, years, t, warnings);
  const items = p.pay(worker, years, grade, t, warnings);
  let total = new Decimal(0);
  for (const i of items) total = total.plus(i.amount);
  return { years, grade, items, total, warnings, trace: t.steps };
}

function moneyCell(v: Cell, column: string, what: string): Decimal | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  return new Decimal(numberOf(typeof v === 'string' ? v.replace(/[,，\s]/g, '').replace(/元$/, '') : v, column, what));
}

/**
 * Every worker row of the roster with its pay and payroll facts, read as of `asOf`. A row whose facts
 * cannot be read keeps its error message; a missing required column is an error for the whole roster.
 */
export function payrollRows(roster: Roster, policy: Policy, params: ParamView, asOf: DayNumber): PayrollRow[] {
  const wt = roster.workers;
  const wm = matchHeaders(wt.headers, 'workers');
  if (wm.missing.length) {
    throw new CwError('REQUIRED', `职工表（工作表“${wt.sheet}”第${wt.headerRow}行）缺少必需的列：${wm.missing.map((d) => d.label).join('、')}。请使用这些表头（或常见同义词）。`, 'headers');
  }
  const header: Record<string, string> = {};
  for (const [k, c] of Object.entries(wm.columns)) header[k] = textOf(wt.headers[c]) || k;
  const ctx: RowContext = {
    policy, params, asOf, sheet: wt.sheet, cols: wm.columns, header,
    ratingCols: wm.ratingColumns.map((r) => ({ ...r, header: textOf(wt.headers[r.column]) })),
    ids: new Map(), postCache: new Map(), titleCache: new Map(),
  };
  // 星级 (宁夏 星级补贴) lives in the community table.
  const stars = new Map<string, number>();
  const ct = roster.communities ?? null;
  if (ct) {
    const cm = matchHeaders(ct.headers, 'communities');
    if (cm.columns.community !== undefined && cm.columns.star !== undefined) {
      for (const cells of ct.rows) {
        const star = Number(cells[cm.columns.star]);
        if (Number.isInteger(star) && star >= 1 && star <= 5) stars.set(nameOf(cells[cm.columns.community]), star);
      }
    }
  }
  const cell = (cells: Cell[], k: string): Cell => (wm.columns[k] === undefined ? null : cells[wm.columns[k]] ?? null);
  const out: PayrollRow[] = [];
  wt.rows.forEach((cells, i) => {
    const rowNo = sheetRowOf(wt, i);
    const findings: Parameters<typeof readWorkerRow>[3] = [];
    const r = readWorkerRow(ctx, cells, rowNo, findings);
    const name = nameOf(cell(cells, 'name'));
    const idNumber = textOf(cell(cells, 'idNumber')).toUpperCase();
    const line: PayrollRow = {
      row: rowNo, county: r.county, street: r.street, community: r.community, name, idNumber,
      bankAccount: textOf(cell(cells, 'bankAccount')), key: workerKey(idNumber, r.community, name),
      worker: r.worker, facts: {}, paid: null,
    };
    try {
      const at = (k: string, what: string) => moneyCell(cell(cells, k), header[k] ?? k, what);
      line.facts = {
        base: at('contributionBase', '社会保险缴费基数（元/月）'),
        fundBase: at('fundBase', '住房公积金缴存基数（元/月）'),
        specialAdditional: at('specialAdditional', '本月专项附加扣除（元）'),
        other: at('otherDeductions', '本月依法确定的其他扣除（元）'),
      };
      line.paid = at('paid', '该月已发的应发合计（元）');
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      line.error = `第${rowNo}行：${e.message}`;
    }
    if (r.worker && stars.has(r.community) && r.worker.star === null) r.worker.star = stars.get(r.community)!;
    if (!r.worker && !line.error) {
      const errors = findings.filter((f) => f.severity === 'error').map((f) => f.message);
      line.error = `第${rowNo}行：${errors.join('；') || '该行数据无法读取。'}`;
    }
    out.push(line);
  });
  return out;
}
