/**
 * The pure implementations of cwkit's Excel functions: argument parsing and error mapping over the
 * engine, nothing else. Excel (`functions.ts`), the `cw fn` command and the HyperFormula test
 * harness all call these same functions.
 *
 * Contract: a function never throws. It returns a number, a text, a matrix (rows of cells, which
 * Excel spills) or an error result — `CustomFunctions.Error` in Excel, an equivalent
 * {@link FnError} elsewhere — whose message is Chinese and names the argument at fault.
 * This module does not touch the `CustomFunctions` or `Office` globals when it is imported.
 */
import {
  CwError,
  Decimal,
  Trace,
  assess,
  assessGrade,
  assessTenure,
  citeText,
  fenText,
  cumulativeWithholding,
  contributionsOf,
  isPayrollParam,
  isoOf,
  payrollParams,
  splitPayrollOverrides,
  steadyYearMonth,
  policyList,
  policyOf,
  postOf,
  retirementOf,
  sexOf,
  toExcelSerial,
  todayInChina,
} from '../engine';
import type { Assessment, ParamOverrides, PayItem, Policy, PolicyId, StaffingRequirement, UnitFacts } from '../engine';
import { FnErrorCode, FnErrorLike, isFnError, makeError } from './errors';
import { FUNCTIONS, FnId, helpOf, paramLabel } from './help';
import { awardsArg, countArg, dateArg, isBlank, paramsArg, ratingsArg, shownValue } from './args';

/** One cell of a spilled result. */
export type Cell = number | string | boolean;
/** A successful result: a value, or rows of cells that Excel spills. */
export type FnValue = number | string | Cell[][];
/** What every function returns. */
export type FnResult = FnValue | FnErrorLike;

/** Words that ask CW.PAY for the total (the default when `item` is omitted). */
const TOTAL_WORDS = new Set(['合计', '总计', '总额', '薪酬合计', '应发合计', 'total']);
/** The word that asks CW.PAY to spill every item. */
export const DETAIL_WORD = '明细';

/** Raised inside an implementation for a result that is "not available" (#N/A) rather than wrong input. */
class NotAvailable extends Error {}

/** Every parameter's label (`entry_date（入职日期）`) by function, computed once. */
const LABELS = Object.fromEntries(FUNCTIONS.map((f) => [f.id, Object.fromEntries(f.params.map((p) => [p.name, paramLabel(p)]))])) as Record<FnId, Record<string, string>>;

/** The label of one of a function's parameters, as messages name it. */
function label(fn: FnId, name: string): string {
  return LABELS[fn][name] ?? name;
}

/** Engine input fields (CwError.field) → the Excel parameter they come from. */
const FIELD_TO_PARAM: Record<string, string> = {
  income: 'income', special: 'special', specialAdditional: 'special_additional', months: 'months', withheld: 'withheld',
  other: 'other', exempt: 'exempt', relief: 'relief', base: 'base',
  policy: 'policy', post: 'post', previousPost: 'post', entryDate: 'entry_date', asOf: 'as_of', priorYears: 'prior_years',
  ratings: 'ratings', education: 'education', degree: 'degree', certificate: 'certificate', certificateDate: 'certificate',
  awards: 'awards', params: 'params', birthDate: 'birth_date', sex: 'sex', originalAge: 'original_age',
  urbanPopulation: 'households_or_population', population: 'households_or_population', households: 'households_or_population',
  partyMembers: 'party_members',
};

/** Rewrites an engine message so that it names the Excel argument (`entry_date（入职日期）：…`). */
function relabel(fn: FnId, e: CwError): string {
  const field = e.field;
  if (!field) return e.message;
  const base = field.split('.')[0];
  const paramName = FIELD_TO_PARAM[field] ?? FIELD_TO_PARAM[base];
  const help = helpOf(fn)!;
  const p = paramName ? help.params.find((x) => x.name === paramName) : undefined;
  if (!p) return e.message; // already labelled by this module, or not an argument
  const lbl = paramLabel(p);
  let msg = e.message;
  for (const prefix of [`${field}：`, `${p.name}：`, `${base}：`]) {
    if (msg.startsWith(prefix)) {
      msg = msg.slice(prefix.length);
      break;
    }
  }
  return msg.startsWith(lbl) ? msg : `${lbl}：${msg}`;
}

/** Turns anything thrown inside an implementation into an error result. */
function toErrorResult(fn: FnId, e: unknown): FnErrorLike {
  if (isFnError(e)) return e;
  if (e instanceof NotAvailable) return makeError('#N/A', e.message);
  if (e instanceof CwError) {
    const code: FnErrorCode = e.code === 'UNKNOWN_ITEM' ? '#N/A' : '#VALUE!';
    return makeError(code, relabel(fn, e));
  }
  const detail = e instanceof Error ? e.message : String(e);
  return makeError('#N/A', `CW.${fn} 无法计算：内部错误（${detail}）。输入未必有误，请把此信息报告给维护人员。`);
}

/** Runs an implementation; whatever it throws becomes an error result. */
function guard(fn: FnId, body: () => FnValue): FnResult {
  try {
    const v = body();
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`结果不是有限数字（${v}）`);
    return v;
  } catch (e) {
    return toErrorResult(fn, e);
  }
}

/** A money amount as the number Excel shows: the engine's two-decimal text, as a number. */
function money(amount: Decimal): number {
  return Number(fenText(amount));
}

function policyArg(v: unknown): Policy {
  if (isBlank(v)) throw new CwError('REQUIRED', `policy：缺少政策。可用：${policyList()}。`, 'policy');
  return policyOf(v);
}

interface WorkerArgs {
  policy: unknown;
  post?: unknown;
  entry_date: unknown;
  as_of: unknown;
  ratings: unknown;
  prior_years?: unknown;
  education?: unknown;
  degree?: unknown;
  awards?: unknown;
  certificate?: unknown;
  params?: unknown;
}

/**
 * Builds the engine's worker input from a function's arguments (CW.TENURE, GRADE, PAY, EXPLAIN).
 * Payroll keys of the 参数表 (代扣代缴: contribution rates and limits) go to `payroll.overrides`.
 */
function workerInput(fn: FnId, a: WorkerArgs, withPost: boolean, payroll?: { overrides: ParamOverrides | null }): Record<string, unknown> {
  const policy = policyArg(a.policy);
  // A blank post gets the list of valid posts here; any other text is checked by the engine.
  if (withPost && isBlank(a.post)) postOf(a.post, policy.posts, policy.name, 'post');
  const post = withPost ? (typeof a.post === 'string' ? a.post.trim() : a.post) : undefined;
  const entry = dateArg(a.entry_date, label(fn, 'entry_date'), true)!;
  // Required, not "today": a non-volatile function would keep yesterday's figure; TODAY() recalculates.
  if (isBlank(a.as_of)) {
    const l = label(fn, 'as_of');
    throw new CwError('REQUIRED', `${l}：缺少计算日期。请填写 Excel 日期或“2023-06-01”格式的文本；要按当天计算，请写 TODAY()。`, l);
  }
  const asOf = dateArg(a.as_of, label(fn, 'as_of'), true)!;
  const input: Record<string, unknown> = {
    policy: policy.id,
    entryDate: toExcelSerial(entry),
    asOf: toExcelSerial(asOf),
    ratings: ratingsArg(a.ratings, label(fn, 'ratings'), asOf),
  };
  if (post !== undefined) input.post = post;
  if (!isBlank(a.prior_years)) input.priorYears = a.prior_years;
  if (!isBlank(a.education)) input.education = typeof a.education === 'string' ? a.education.trim() : a.education;
  if (!isBlank(a.degree)) input.degree = typeof a.degree === 'string' ? a.degree.trim() : a.degree;
  if (!isBlank(a.certificate)) input.certificate = typeof a.certificate === 'string' ? a.certificate.trim() : a.certificate;
  const awards = awardsArg(a.awards);
  if (awards.length) input.awards = awards;
  const params = paramsArg(a.params, label(fn, 'params'), { policyName: policy.name, has: (k) => policy.params.byKey.has(k) || isPayrollParam(k) });
  const split = splitPayrollOverrides(params);
  if (split.policy) input.params = split.policy;
  if (payroll) payroll.overrides = split.payroll;
  return input;
}

function totalOf(items: PayItem[]): Decimal {
  let t = new Decimal(0);
  for (const i of items) t = t.plus(i.amount);
  return t;
}

/** What `item` asks CW.PAY (and CW.EXPLAIN) for. */
type ItemRequest = { kind: 'total' } | { kind: 'detail' } | { kind: 'one'; name: string };

function itemArg(fn: FnId, v: unknown): ItemRequest {
  if (isBlank(v)) return { kind: 'total' };
  if (typeof v !== 'string') {
    throw new CwError('INVALID_TYPE', `${label(fn, 'item')}：${shownValue(v)} 不是薪酬项目名称。可用：项目名称（如“基础工资”），省略表示合计，“${DETAIL_WORD}”列出全部项目。`, label(fn, 'item'));
  }
  const t = v.trim();
  if (t === DETAIL_WORD) return { kind: 'detail' };
  if (TOTAL_WORDS.has(t.toLowerCase())) return { kind: 'total' };
  return { kind: 'one', name: t };
}

function itemAmount(fn: FnId, a: Assessment, name: string): Decimal {
  const found = a.items.find((i) => i.name === name);
  if (found) return found.amount;
  const names = a.items.map((i) => i.name).join('、');
  throw new CwError(
    'UNKNOWN_ITEM',
    `${label(fn, 'item')}：该职工按${a.worker.policy.name}政策没有薪酬项目“${name}”。本次计算的项目：${names}；省略 item 返回合计，“${DETAIL_WORD}”列出全部项目。`,
    label(fn, 'item'),
  );
}

/** CW.TENURE(policy, entry_date, as_of, [ratings], [prior_years]) → counted years. */
export function TENURE(policy: unknown, entry_date: unknown, as_of?: unknown, ratings?: unknown, prior_years?: unknown): FnResult {
  return guard('TENURE', () => {
    const input = workerInput('TENURE', { policy, entry_date, as_of, ratings, prior_years }, false);
    return assessTenure(input, { trace: false }).years;
  });
}

/** CW.GRADE(policy, post, entry_date, as_of, [ratings], [education], [degree], [awards], [params]) → grade. */
export function GRADE(
  policy: unknown, post: unknown, entry_date: unknown, as_of?: unknown, ratings?: unknown,
  education?: unknown, degree?: unknown, awards?: unknown, params?: unknown,
): FnResult {
  return guard('GRADE', () => {
    const input = workerInput('GRADE', { policy, post, entry_date, as_of, ratings, education, degree, awards, params }, true);
    const r = assessGrade(input, { trace: false });
    if (r.grade === null) throw new NotAvailable(`${r.worker.policy.name}政策没有岗位等级，CW.GRADE 无结果。请用 CW.PAY 计算薪酬。`);
    return r.grade;
  });
}

function payAssessment(fn: FnId, args: WorkerArgs, trace: boolean, payroll?: { overrides: ParamOverrides | null }): Assessment {
  return assess(workerInput(fn, args, true, payroll), { trace });
}

/** The month's deductions and 实发 when the 参数表 holds the payroll figures; null otherwise. */
function deductionRows(a: Assessment, overrides: ParamOverrides | null): Cell[][] | null {
  if (!overrides) return null;
  const line = steadyYearMonth(a.worker, a.items, payrollParams.resolve(overrides, a.worker.asOf), {}, { trace: false });
  const rows: Cell[][] = [['应发合计', money(line.grossTotal)]];
  for (const d of line.deductions) rows.push([d.name, money(d.amount)]);
  rows.push(['代扣合计', money(line.deductionTotal)], ['实发', money(line.net)]);
  return rows;
}

/**
 * CW.PAY(policy, post, entry_date, as_of, [ratings], [education], [degree], [certificate], [item], [params]):
 * the total (default), one item, or — for item "明细" — rows of item name and amount ending with 合计.
 * When the 参数表 also holds the payroll figures (代扣代缴), 明细 goes on with each deduction, 代扣合计
 * and 实发, and those names can be asked for as items.
 */
export function PAY(
  policy: unknown, post: unknown, entry_date: unknown, as_of?: unknown, ratings?: unknown,
  education?: unknown, degree?: unknown, certificate?: unknown, item?: unknown, params?: unknown,
): FnResult {
  return guard('PAY', () => {
    const want = itemArg('PAY', item);
    const payroll = { overrides: null as ParamOverrides | null };
    const a = payAssessment('PAY', { policy, post, entry_date, as_of, ratings, education, degree, certificate, params }, false, payroll);
    if (want.kind === 'total') return money(totalOf(a.items));
    if (want.kind === 'one') {
      if (payroll.overrides && !a.items.some((i) => i.name === want.name)) {
        const found = deductionRows(a, payroll.overrides)!.find((r) => r[0] === want.name);
        if (found) return found[1] as number;
      }
      return money(itemAmount('PAY', a, want.name));
    }
    const rows: Cell[][] = a.items.map((i) => [i.name, money(i.amount)]);
    rows.push(['合计', money(totalOf(a.items))]);
    const more = deductionRows(a, payroll.overrides);
    if (more) rows.push(...more.slice(1));
    return rows;
  });
}

/** CW.EXPLAIN(…same as CW.PAY…) → rows of step, value, source; warnings follow as 注意 rows. */
export function EXPLAIN(
  policy: unknown, post: unknown, entry_date: unknown, as_of?: unknown, ratings?: unknown,
  education?: unknown, degree?: unknown, certificate?: unknown, item?: unknown, params?: unknown,
): FnResult {
  return guard('EXPLAIN', () => {
    const want = itemArg('EXPLAIN', item);
    const a = payAssessment('EXPLAIN', { policy, post, entry_date, as_of, ratings, education, degree, certificate, params }, true);
    const rows: Cell[][] = a.trace.map((s) => [s.step, s.value, s.reading ? `${s.source}（解读：${s.reading}）` : s.source]);
    for (const w of a.warnings) rows.push(['注意', w, '']);
    if (want.kind === 'one') rows.push([`返回值：${want.name}`, fenText(itemAmount('EXPLAIN', a, want.name)), 'CW.PAY']);
    return rows;
  });
}

/** CW.RETIRE(birth_date, sex, [original_age]) → the statutory retirement date as an Excel serial. */
export function RETIRE(birth_date: unknown, sex: unknown, original_age?: unknown): FnResult {
  return guard('RETIRE', () => {
    const lbl = label('RETIRE', 'birth_date');
    const birth = dateArg(birth_date, lbl, true)!;
    if (birth > todayInChina()) throw new CwError('FUTURE_DATE', `${lbl}：出生日期 ${isoOf(birth)} 在未来。请检查出生日期。`, lbl);
    if (isBlank(sex)) throw new CwError('REQUIRED', `${label('RETIRE', 'sex')}：缺少性别。可用：男、女。`, label('RETIRE', 'sex'));
    const s = sexOf(sex, 'sex');
    const age = countArg(original_age, label('RETIRE', 'original_age'), '原法定退休年龄 60、55 或 50', true, false, 70);
    return toExcelSerial(retirementOf(birth, s, age).date);
  });
}


/** The rule CW.STAFF reports: the total headcount rule when the policy lists several. */
function primaryRequirement(reqs: StaffingRequirement[]): StaffingRequirement | undefined {
  return reqs.find((r) => r.counts === 'workers') ?? reqs[0];
}

/** CW.STAFF(policy, households_or_population, [party_members]) → one row: minimum, maximum ("" when none). */
export function STAFF(policy: unknown, households_or_population: unknown, party_members?: unknown): FnResult {
  return guard('STAFF', () => {
    const p = policyArg(policy);
    const basis = p.staffBasis; // which fact the number is, declared by the policy
    const n = countArg(households_or_population, label('STAFF', 'households_or_population'), `${p.name}配备标准按${basis.what}计算：${basis.what}`, true, true)!;
    const party = countArg(party_members, label('STAFF', 'party_members'), '党员人数', true, false, 1_000_000);
    const facts: UnitFacts = { [basis.fact]: n };
    if (party !== null) facts.partyMembers = party;
    const reqs = p.staffing(facts, basis.scope, p.params.resolve(null), new Trace(false));
    const r = primaryRequirement(reqs);
    if (!r) throw new NotAvailable(`${p.name}政策没有按${basis.what}计算的配备标准。`);
    return [[r.min ?? '', r.max ?? '']];
  });
}

/** CW.PARAMS(policy) → rows of key, value (blank when the document sets none), unit, citation. */
export function PARAMS(policy: unknown): FnResult {
  return guard('PARAMS', () => {
    const p = policyArg(policy);
    return p.params.defs.map((d): Cell[] => [d.key, d.value ?? '', d.unit, citeText(d.citation)]);
  });
}

/** A money argument: a number (or numeric text) ≥ 0, as decimal. */
function moneyArg(fn: FnId, name: string, v: unknown, required: boolean): Decimal | null {
  const n = countArg(v, label(fn, name), '金额（元）', false, required);
  return n === null ? null : new Decimal(n);
}

/**
 * CW.IIT(income, special, special_additional, months, withheld, [other], [exempt], [relief]): this
 * month's income tax withheld by the cumulative method (预扣率表一), never negative, to the fen.
 */
export function IIT(
  income: unknown, special: unknown, special_additional: unknown, months: unknown, withheld: unknown,
  other?: unknown, exempt?: unknown, relief?: unknown,
): FnResult {
  return guard('IIT', () => {
    const m = countArg(months, label('IIT', 'months'), '本纳税年度在本单位的任职月数 1–12', true, true)!;
    if (m < 1 || m > 12) throw new CwError('INVALID_NUMBER', `${label('IIT', 'months')}：${shownValue(months)} 超出范围。可用：1 至 12 的整数（含本月）。`, label('IIT', 'months'));
    const w = cumulativeWithholding({
      income: moneyArg('IIT', 'income', income, true)!,
      special: moneyArg('IIT', 'special', special, false) ?? new Decimal(0),
      specialAdditional: moneyArg('IIT', 'special_additional', special_additional, false) ?? new Decimal(0),
      months: m,
      withheld: moneyArg('IIT', 'withheld', withheld, false) ?? new Decimal(0),
      other: moneyArg('IIT', 'other', other, false) ?? undefined,
      exempt: moneyArg('IIT', 'exempt', exempt, false) ?? undefined,
      relief: moneyArg('IIT', 'relief', relief, false) ?? undefined,
    }, payrollParams.resolve(null), new Trace(false));
    return money(w.tax);
  });
}

/**
 * CW.CONTRIB(base, params, [item], [fund_base]): the worker's social insurance and housing fund on the
 * base clamped to the local limits — the total, one item, or 明细 rows ending with 合计.
 */
export function CONTRIB(base: unknown, params: unknown, item?: unknown, fund_base?: unknown): FnResult {
  return guard('CONTRIB', () => {
    const b = moneyArg('CONTRIB', 'base', base, true)!;
    const fb = moneyArg('CONTRIB', 'fund_base', fund_base, false) ?? b;
    const overrides = paramsArg(params, label('CONTRIB', 'params'), { policyName: '代扣代缴', has: isPayrollParam });
    const c = contributionsOf(b, payrollParams.resolve(overrides), new Trace(false), fb);
    const total = c.items.reduce((s, i) => s.plus(i.amount), new Decimal(0));
    const want = itemArg('CONTRIB', item);
    if (want.kind === 'total') return money(total);
    if (want.kind === 'one') {
      const found = c.items.find((i) => i.name === want.name);
      if (!found) throw new CwError('UNKNOWN_ITEM', `${label('CONTRIB', 'item')}：没有扣缴项目“${want.name}”。可用：${c.items.map((i) => i.name).join('、')}；省略返回合计，“${DETAIL_WORD}”列出全部项目。`, label('CONTRIB', 'item'));
      return money(found.amount);
    }
    const rows: Cell[][] = [['社保缴费基数', money(c.base)], ['公积金缴存基数', money(c.fundBase)]];
    for (const i of c.items) rows.push([i.name, money(i.amount)]);
    rows.push(['合计', money(total)]);
    return rows;
  });
}

/** Every implementation by id, each taking its arguments in the order the metadata lists them. */
export const IMPLEMENTATIONS: Record<FnId, (...args: unknown[]) => FnResult> = {
  TENURE: TENURE as (...args: unknown[]) => FnResult,
  GRADE: GRADE as (...args: unknown[]) => FnResult,
  PAY: PAY as (...args: unknown[]) => FnResult,
  RETIRE: RETIRE as (...args: unknown[]) => FnResult,
  STAFF: STAFF as (...args: unknown[]) => FnResult,
  EXPLAIN: EXPLAIN as (...args: unknown[]) => FnResult,
  PARAMS: PARAMS as (...args: unknown[]) => FnResult,
  IIT: IIT as (...args: unknown[]) => FnResult,
  CONTRIB: CONTRIB as (...args: unknown[]) => FnResult,
};

/**
 * Calls a function by id as Excel would: missing trailing arguments are null; more arguments
 * than the function has is an error result. An unknown id is a #N/A result.
 */
export function callFunction(id: string, args: unknown[]): FnResult {
  const key = id.trim().toUpperCase().replace(/^CW\./, '') as FnId;
  const help = helpOf(key);
  if (!help) {
    return makeError('#N/A', `没有函数“${id}”。可用：${FUNCTIONS.map((f) => 'CW.' + f.id).join('、')}。`);
  }
  if (args.length > help.params.length) {
    return makeError('#VALUE!', `CW.${key} 最多 ${help.params.length} 个参数，给了 ${args.length} 个：${help.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')}。`);
  }
  const full = help.params.map((_, i) => (i < args.length && args[i] !== undefined ? args[i] : null));
  return IMPLEMENTATIONS[key](...full);
}

