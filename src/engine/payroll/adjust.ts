/**
 * The adjustment list (岗位等级调整名单) for a year: every worker whose grade or level changes in it,
 * found by comparing the grade on the first day of each month with the month before — 本溪 moves
 * everyone on 1 January (三(六)3(1)); 厦门 and 宁夏 move a worker from the month after the years reach
 * a step — with the old and new grade, the old and new pay and the articles.
 */
import { CwError } from '../errors';
import { addMonths, dayNumberOf, isoOf } from '../dates';
import { Decimal, sumOf } from '../money';
import type { ParamOverrides } from '../params';
import type { Policy } from '../types';
import type { Roster } from '../roster/types';
import { payOn, payrollRows, policyParamsOn } from './roster';
import type { PayOn } from './roster';

/** One grade change. */
export interface AdjustmentLine {
  row: number;
  county: string;
  street: string;
  community: string;
  name: string;
  idNumber: string;
  post: string | null;
  /** First day of the month the new grade applies, ISO. */
  from: string;
  oldGrade: number;
  newGrade: number;
  /** 应发 total in the month before and in the month of the change. */
  oldPay: Decimal;
  newPay: Decimal;
  /** The articles the change rests on (counted years, grade table). */
  source: string;
}

/** The year's list. */
export interface AdjustmentList {
  year: number;
  /** How this policy moves grades, with its article. */
  rule: string;
  lines: AdjustmentLine[];
  /** Sum over the list of the monthly increase. */
  increase: Decimal;
  /** Rows that could not be assessed, and policies without grades. */
  notes: string[];
}

const gradeSources = (p: PayOn) => [...new Set(p.trace.filter((s) => /计龄|年限|等级/.test(s.step) && !s.step.includes('学历')).flatMap((s) => s.source.split('；')))].join('；');

/**
 * The list for `year`: for every worker row, the grade on the 1st of each month of the year against
 * the 1st of the month before (December of the previous year for January). Parameters are those in
 * force on each day (dated values of the 参数表 included).
 */
export function adjustmentList(roster: Roster, policy: Policy, year: number, overrides: ParamOverrides | null = null): AdjustmentList {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CwError('INVALID_DATE', `--year：${year} 不是有效的年份。可用：如 2027。`, 'year');
  const end = dayNumberOf(year, 12, 1);
  const days = Array.from({ length: 13 }, (_, i) => addMonths(dayNumberOf(year - 1, 12, 1), i));
  const views = days.map((d) => policyParamsOn(policy, overrides, d));
  const rows = payrollRows(roster, policy, views[12], end);
  const lines: AdjustmentLine[] = [];
  const notes: string[] = [];
  let failed = 0;
  let gradeless = false;
  for (const r of rows) {
    const w = r.worker;
    if (!w) {
      failed++;
      continue;
    }
    let before: PayOn | null = null;
    for (let i = 0; i < days.length; i++) {
      const day = days[i];
      if (w.entryDate !== null && w.entryDate > day) {
        before = null;
        continue;
      }
      let now: PayOn;
      try {
        now = payOn(w, day, views[i], true);
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        if (e.code === 'MISSING_PARAM' || e.code === 'INVALID_PARAM') throw e;
        failed++;
        break;
      }
      if (now.grade === null) gradeless = true;
      if (before && before.grade !== null && now.grade !== null && now.grade !== before.grade) {
        lines.push({
          row: r.row, county: r.county, street: r.street, community: r.community, name: r.name, idNumber: r.idNumber, post: w.post,
          from: isoOf(day), oldGrade: before.grade, newGrade: now.grade, oldPay: before.total, newPay: now.total, source: gradeSources(now),
        });
      }
      before = now;
    }
  }
  if (failed) notes.push(`${failed} 名职工的数据不全或有误，未能判断是否调整（请先用 cw check 核对花名册）。`);
  if (gradeless) notes.push(`${policy.name}政策没有岗位等级，名单为空。`);
  lines.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.row - b.row));
  return {
    year, rule: policy.gradeAdjustment ?? `${policy.name}：逐月比较各月1日的岗位等级`, lines,
    increase: sumOf(lines.map((l) => l.newPay.minus(l.oldPay))), notes,
  };
}
