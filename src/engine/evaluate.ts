import { isoOf } from './dates';
import { exactFen, fenText, fenTextOf } from './money';
import { normalizeWorker, NormalizeOptions } from './input';
import { retirementOf } from './retirement';
import { Trace, TraceStep } from './trace';
import type { DayNumber } from './dates';
import type { Evaluation, PayItem, Worker } from './types';

/** Options for an evaluation. */
export interface EvaluateOptions extends NormalizeOptions {
  /** Record the explanation trace (default true). Batch and bench runs may turn it off. */
  trace?: boolean;
}

/** Counted years, grade and pay items of one worker, before formatting. */
export interface Assessment {
  worker: Worker;
  years: number;
  grade: number | null;
  items: PayItem[];
  warnings: string[];
  trace: TraceStep[];
  retirementDate: DayNumber | null;
}

function begin(raw: unknown, options: EvaluateOptions) {
  return started(normalizeWorker(raw, options), options);
}

function started(worker: Worker, options: EvaluateOptions) {
  const trace = new Trace(options.trace ?? true);
  const warnings: string[] = [];
  worker.policy.checkInForce(worker.asOf, worker.params, trace, warnings);
  if (trace.on) for (const d of worker.params.datedInForce()) trace.add('参数取值', `按计算日期 ${isoOf(worker.asOf)}：${d.text}`, d.source);
  return { worker, trace, warnings };
}

/** Counted years of service only (what CW.TENURE returns); needs policy and entryDate. */
export function assessTenure(raw: unknown, options: EvaluateOptions = {}): Pick<Assessment, 'worker' | 'years' | 'warnings' | 'trace'> {
  const { worker, trace, warnings } = begin(raw, options);
  const years = worker.policy.countedYears(worker, trace);
  return { worker, years, warnings, trace: trace.steps };
}

/** Counted years and grade (what CW.GRADE returns); needs policy, post and entryDate. */
export function assessGrade(raw: unknown, options: EvaluateOptions = {}): Pick<Assessment, 'worker' | 'years' | 'grade' | 'warnings' | 'trace'> {
  const { worker, trace, warnings } = begin(raw, options);
  const years = worker.policy.countedYears(worker, trace);
  const grade = worker.policy.grade(worker, years, trace, warnings);
  return { worker, years, grade, warnings, trace: trace.steps };
}

/** The full assessment: years, grade, every pay item, warnings and trace. */
export function assess(raw: unknown, options: EvaluateOptions = {}): Assessment {
  return assessWorker(normalizeWorker(raw, options), options);
}

/** Counted years, grade, pay items and retirement date of a worker already typed (a roster row's). */
export function assessWorker(worker: Worker, options: EvaluateOptions = {}): Assessment {
  const { trace, warnings } = started(worker, options);
  const policy = worker.policy;
  const years = policy.countedYears(worker, trace);
  const grade = policy.grade(worker, years, trace, warnings);
  const items = policy.pay(worker, years, grade, trace, warnings);
  if (trace.on) {
    const total = items.reduce((s, i) => s.plus(i.amount), items[0]?.amount.times(0));
    trace.add('合计', `${items.map((i) => `${i.name} ${fenText(i.amount)}`).join(' + ')} = ${total ? fenText(total) : '0.00'}`, `${policy.doc || policy.title}；各项分别四舍五入至分后相加`, '解读 §通用-金额：每项四舍五入至分，合计为各项之和');
  }
  let retirementDate: DayNumber | null = null;
  if (worker.birthDate !== null && worker.sex !== null) {
    retirementDate = retirementOf(worker.birthDate, worker.sex, worker.originalAge, trace).date;
    if (trace.on) trace.add('法定退休日期', isoOf(retirementDate), '《国务院关于渐进式延迟法定退休年龄的办法》');
  }
  return { worker, years, grade, items, warnings, trace: trace.steps, retirementDate };
}

/** Formats an assessment as the `cw calc` JSON contract (amounts as two-decimal strings). */
export function toEvaluation(a: Assessment, raw?: unknown): Evaluation & { id?: unknown; name?: unknown } {
  const items: Record<string, string> = {};
  // Items are whole fen (rounded per item): their sum in integers is exact, and decimal.js is
  // needed only for an amount that is not (then the total is summed as before).
  let fenSum: number | null = 0;
  for (const i of a.items) {
    const fen = exactFen(i.amount);
    items[i.name] = fen === null ? fenText(i.amount) : fenTextOf(fen);
    fenSum = fen === null || fenSum === null || Math.abs(fenSum + fen) > Number.MAX_SAFE_INTEGER ? null : fenSum + fen;
  }
  let totalText = '0.00';
  if (a.items.length) {
    if (fenSum !== null) totalText = fenTextOf(fenSum);
    else {
      let total = a.items[0].amount.times(0);
      for (const i of a.items) total = total.plus(i.amount);
      totalText = fenText(total);
    }
  }
  const out: Evaluation & { id?: unknown; name?: unknown } = {
    policy: a.worker.policy.id,
    asOf: isoOf(a.worker.asOf),
    tenureYears: a.years,
    grade: a.grade,
    items,
    total: totalText,
    warnings: a.warnings,
    trace: a.trace,
  };
  if (a.retirementDate !== null) out.retirementDate = isoOf(a.retirementDate);
  if (raw && typeof raw === 'object') {
    const r = raw as { id?: unknown; name?: unknown };
    if (r.id !== undefined) out.id = r.id;
    if (r.name !== undefined) out.name = r.name;
  }
  return out;
}

/** Evaluates one worker to the `cw calc` JSON shape. Throws CwError on bad input. */
export function evaluate(raw: unknown, options: EvaluateOptions = {}): Evaluation {
  return toEvaluation(assess(raw, options), raw);
}

