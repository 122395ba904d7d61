/**
 * Reads a roster's worker rows for payroll: each row's pay facts (from the roster's one evaluation,
 * the same reading `cw check` applies — 现薪酬 and 星级 included) and its payroll facts (缴费基数, 公积金缴存基数, 专项附加扣除,
 * 其他扣除, 银行账号, 已发) — and assesses a worker's pay on any date.
 */
import { CwError } from '../errors';
import type { DayNumber } from '../dates';
import { Decimal } from '../money';
import type { ParamOverrides, ParamView } from '../params';
import { Trace } from '../trace';
import type { TraceStep } from '../trace';
import { toExcelSerial } from '../dates';
import { nameOf, numberOf, textOf } from '../roster/cells';
import type { Cell, Roster } from '../roster/types';
import { evaluateRoster } from '../roster-eval/evaluate';
import { rowProblems } from '../roster-eval/findings';
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
  /** The data findings on the row's cells that stop its pay (a malformed or missing cell), as the checks word them. */
  problems: string[];
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
  p.checkInForce(worker.asOf, worker.params, t, warnings);
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
  const ev = evaluateRoster(roster, policy.id, { asOf: toExcelSerial(asOf), paramView: params });
  const wt = roster.workers;
  const header = ev.workerHeaders;
  const wm = ev.mapping.workers;
  const cell = (cells: Cell[], k: string): Cell => (wm.columns[k] === undefined ? null : cells[wm.columns[k]] ?? null);
  const out: PayrollRow[] = [];
  ev.rows.forEach((r, i) => {
    const cells = wt.rows[i];
    const rowNo = r.place.row;
    const line: PayrollRow = {
      row: rowNo, county: r.county, street: r.street, community: r.community, name: nameOf(r.name), idNumber: r.idNumber,
      bankAccount: textOf(cell(cells, 'bankAccount')), key: workerKey(r.idNumber, r.community, nameOf(r.name)),
      worker: r.worker, facts: {}, paid: null,
      problems: rowProblems(r.findings),
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
    out.push(line);
  });
  return out;
}
