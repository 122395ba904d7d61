/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
/**
 * The Excel entry point: cwkit's custom functions as Excel registers them (namespace CW, so a
 * clerk types =CW.PAY(…)). custom-functions-metadata reads the JSDoc below to write functions.json
 * and appends the CustomFunctions.associate calls to this file when webpack bundles it.
 *
 * Each function is a thin wrapper over the pure implementation in `core.ts`: it throws the error
 * result (a CustomFunctions.Error, the documented way to return #VALUE!/#N/A with a message) and
 * returns spilling results as matrices. The English descriptions match `help.ts` (tested).
 */
import { CONTRIB, EXPLAIN, FnResult, GRADE, IIT, PARAMS, PAY, RETIRE, STAFF, TENURE, type Cell } from './core';
import { isFnError } from './errors';
import type { FnId } from './help';

/** A scalar result, or the error result thrown as Excel expects. */
function scalar(r: FnResult): number {
  if (isFnError(r)) throw r;
  return r as number;
}

/** A result declared as a matrix: a single value becomes a 1×1 array (Excel shows it as a plain value). */
function matrix(r: FnResult): Cell[][] {
  if (isFnError(r)) throw r;
  return Array.isArray(r) ? r : [[r as Cell]];
}

/**
 * Counted years of service under the policy.
 * @customfunction TENURE
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @param entry_date Entry date: an Excel date or text such as 2015-03-01, 2015/3/1 or 2015年3月1日.
 * @param as_of Date the result applies to (required; write TODAY() for today, so Excel recalculates it every day).
 * @param [ratings] Annual ratings: one row or column for consecutive years ending the year before as_of, or a two-row/two-column range of year and rating.
 * @param [prior_years] Earlier community service the policy lets accumulate, in years.
 * @returns Counted years.
 */
export function tenure(policy: any, entry_date: any, as_of: any, ratings?: any[][], prior_years?: any): number {
  return scalar(TENURE(policy, entry_date, as_of, ratings, prior_years));
}

/**
 * Grade (岗位等级) or level the worker holds under the policy.
 * @customfunction GRADE
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @param post The worker's post category (正职, 副职 …) or job title (书记, 副主任, 委员 …).
 * @param entry_date Entry date: an Excel date or text such as 2015-03-01, 2015/3/1 or 2015年3月1日.
 * @param as_of Date the result applies to (required; write TODAY() for today, so Excel recalculates it every day).
 * @param [ratings] Annual ratings: one row or column for consecutive years ending the year before as_of, or a two-row/two-column range of year and rating.
 * @param [education] Education: 高中及以下, 中专, 大专, 本科, 硕士研究生 or 博士研究生.
 * @param [degree] Degree: 无, 学士, 硕士 or 博士.
 * @param [awards] Awards: 功勋荣誉, 国家级 or 省部级; one per cell or separated by commas.
 * @param [params] Parameter overrides: a two-column range of key and value (a 参数表 sheet); blank rows are ignored.
 * @returns The grade number.
 */
export function grade(
  policy: any, post: any, entry_date: any, as_of: any, ratings?: any[][],
  education?: any, degree?: any, awards?: any[][], params?: any[][],
): number {
  return scalar(GRADE(policy, post, entry_date, as_of, ratings, education, degree, awards, params));
}

/**
 * Monthly pay under the policy: one pay item, the total by default, or every item.
 * @customfunction PAY
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @param post The worker's post category (正职, 副职 …) or job title (书记, 副主任, 委员 …).
 * @param entry_date Entry date: an Excel date or text such as 2015-03-01, 2015/3/1 or 2015年3月1日.
 * @param as_of Date the result applies to (required; write TODAY() for today, so Excel recalculates it every day).
 * @param [ratings] Annual ratings: one row or column for consecutive years ending the year before as_of, or a two-row/two-column range of year and rating.
 * @param [education] Education: 高中及以下, 中专, 大专, 本科, 硕士研究生 or 博士研究生.
 * @param [degree] Degree: 无, 学士, 硕士 or 博士.
 * @param [certificate] Social-work certificate: 助理社会工作师, 社会工作师 or 高级社会工作师.
 * @param [item] Pay item name for that amount; omitted gives the total; 明细 spills every item.
 * @param [params] Parameter overrides: a two-column range of key and value (a 参数表 sheet); blank rows are ignored.
 * @returns The amount in yuan, or name/amount rows for 明细.
 */
export function pay(
  policy: any, post: any, entry_date: any, as_of: any, ratings?: any[][],
  education?: any, degree?: any, certificate?: any, item?: any, params?: any[][],
): any[][] {
  return matrix(PAY(policy, post, entry_date, as_of, ratings, education, degree, certificate, item, params));
}

/**
 * Statutory retirement date under the national gradual-delay schedule, as an Excel date.
 * @customfunction RETIRE
 * @param birth_date Date of birth: an Excel date or text such as 1965-03-15.
 * @param sex Sex: 男 or 女.
 * @param [original_age] Original retirement age before the delay: 60 (men), 55 (women, default) or 50 (women in worker posts).
 * @returns The retirement date as an Excel date serial.
 */
export function retire(birth_date: any, sex: any, original_age?: any): number {
  return scalar(RETIRE(birth_date, sex, original_age));
}

/**
 * Required staffing under the policy's main rule, spilled as minimum and maximum (blank when there is none).
 * @customfunction STAFF
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @param households_or_population Households of the community (通州, 长春新区), urban resident population of the county (本溪, 宁夏) or resident population of the district (厦门).
 * @param [party_members] Party members of the community party organisation, where the rule uses them.
 * @returns One row: minimum and maximum.
 */
export function staff(policy: any, households_or_population: any, party_members?: any): any[][] {
  return matrix(STAFF(policy, households_or_population, party_members));
}

/**
 * How the pay was worked out: spills rows of step, value and source (document and article).
 * @customfunction EXPLAIN
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @param post The worker's post category (正职, 副职 …) or job title (书记, 副主任, 委员 …).
 * @param entry_date Entry date: an Excel date or text such as 2015-03-01, 2015/3/1 or 2015年3月1日.
 * @param as_of Date the result applies to (required; write TODAY() for today, so Excel recalculates it every day).
 * @param [ratings] Annual ratings: one row or column for consecutive years ending the year before as_of, or a two-row/two-column range of year and rating.
 * @param [education] Education: 高中及以下, 中专, 大专, 本科, 硕士研究生 or 博士研究生.
 * @param [degree] Degree: 无, 学士, 硕士 or 博士.
 * @param [certificate] Social-work certificate: 助理社会工作师, 社会工作师 or 高级社会工作师.
 * @param [item] Pay item name for that amount; omitted gives the total; 明细 spills every item.
 * @param [params] Parameter overrides: a two-column range of key and value (a 参数表 sheet); blank rows are ignored.
 * @returns Rows of step, value and source.
 */
export function explain(
  policy: any, post: any, entry_date: any, as_of: any, ratings?: any[][],
  education?: any, degree?: any, certificate?: any, item?: any, params?: any[][],
): any[][] {
  return matrix(EXPLAIN(policy, post, entry_date, as_of, ratings, education, degree, certificate, item, params));
}

/**
 * The policy's parameters, spilled as key, value, unit and citation, to paste as a 参数表 and edit.
 * @customfunction PARAMS
 * @param policy Policy name: 本溪, 厦门, 宁夏, 长春新区, 通州 (or its policy id).
 * @returns Rows of key, value, unit and citation.
 */
export function params(policy: any): any[][] {
  return matrix(PARAMS(policy));
}

/**
 * This month's income tax withheld on wages by the cumulative method (预扣率表一), from the year-to-date figures; never negative.
 * @customfunction IIT
 * @param income Wages received in the tax year so far, this month included.
 * @param special The worker's own social insurance and housing fund in the tax year so far.
 * @param special_additional Special additional deductions (children, elderly care, housing …) in the tax year so far.
 * @param months Months employed by this unit in the tax year, this month included (1–12).
 * @param withheld Tax already withheld in the tax year before this month.
 * @param [other] Other deductions allowed by law, year to date (e.g. private pension).
 * @param [exempt] Tax-exempt income, year to date.
 * @param [relief] Tax relief, year to date.
 * @returns This month's withholding in yuan.
 */
export function iit(income: any, special: any, special_additional: any, months: any, withheld: any, other?: any, exempt?: any, relief?: any): number {
  return scalar(IIT(income, special, special_additional, months, withheld, other, exempt, relief));
}

/**
 * The worker's own social insurance and housing fund on a base clamped to the local limits: the total, one item, or every item.
 * @customfunction CONTRIB
 * @param base The worker's contribution base before the limits (usually last year's monthly average wage).
 * @param params The local figures: a two-column range of key and value (失业保险.个人缴费比例, 补充医疗.个人缴费, 社保基数.下限/上限, 公积金.个人缴存比例, 公积金基数.下限/上限).
 * @param [item] Item name (养老保险, 医疗保险, 失业保险, 补充医疗, 住房公积金); omitted gives the total; 明细 spills every item.
 * @param [fund_base] Housing-fund base when it differs from the contribution base.
 * @returns The amount in yuan, or name/amount rows for 明细.
 */
export function contrib(base: any, params: any[][], item?: any, fund_base?: any): any[][] {
  return matrix(CONTRIB(base, params, item, fund_base));
}

/** The Excel-facing wrappers by id: what `cw fn` and the HyperFormula harness call. */
export const EXCEL_FUNCTIONS: Record<FnId, (...args: any[]) => unknown> = {
  TENURE: tenure,
  GRADE: grade,
  PAY: pay,
  RETIRE: retire,
  STAFF: staff,
  EXPLAIN: explain,
  PARAMS: params,
  IIT: iit,
  CONTRIB: contrib,
};
