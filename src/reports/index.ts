/**
 * Printable statutory reports (pdfmake 0.3 document definitions), shared by the task pane and
 * the CLI. `prepareReport` reads a roster and asks the engine for every figure; `buildReport`
 * lays it out; `missingGlyphs` lists characters the font cannot print. Rendering is separate:
 * `src/reports/node.ts` (CLI, tests) and `src/reports/browser.ts` (the pane's Web Worker).
 */
import { CwError } from '../engine';
import { REPORT_KINDS, REPORT_TITLES } from './types';
import type { ReportKind } from './types';

export { REPORT_KINDS, REPORT_TITLES } from './types';
export type { ReportKind, ReportOptions, ReportData, WorkerLine, StaffingLine, RatingLine, FundingLine, RetirementLine, ItemText } from './types';
export { prepareReport, periodStart, sumText } from './data';
export { buildReport, payrollReport, staffingReport, ratingsReport, fundingReport, workerReport, retirementReport, ratioOf } from './builders';
export { missingGlyphs, missingText, fontCovers, uncoveredIn } from './coverage';
export type { MissingChar } from './coverage';
export { FONT, FONT_FILE, TABLE_LAYOUTS, money, documentDate } from './layout';
export type { DocDefinition } from './layout';

const ALIASES: ReadonlyMap<string, ReportKind> = new Map(Object.entries({
  薪酬发放表: 'payroll', 发放表: 'payroll', 工资表: 'payroll',
  配备情况统计表: 'staffing', 配备情况: 'staffing', 配备: 'staffing',
  考核结果汇总表: 'ratings', 年度考核: 'ratings', 考核: 'ratings',
  补助测算表: 'funding', 财政补助: 'funding', 补助: 'funding',
  个人核定表: 'worker', 核定表: 'worker', 个人: 'worker',
  退休名单: 'retirement', 退休: 'retirement',
} as Record<string, ReportKind>));

/** A report kind from its id (payroll …), its Chinese title (社区工作者薪酬发放表 …) or a short form (发放表 …). */
export function reportKindOf(text: string): ReportKind {
  const t = String(text ?? '').trim();
  if ((REPORT_KINDS as string[]).includes(t.toLowerCase())) return t.toLowerCase() as ReportKind;
  for (const k of REPORT_KINDS) if (REPORT_TITLES[k] === t) return k;
  const bare = t.replace(/^社区工作者/, '').replace(/^个人岗位等级薪酬/, '个人');
  const alias = ALIASES.get(bare) ?? ALIASES.get(t);
  if (alias) return alias;
  throw new CwError('UNKNOWN_FIELD', `无法识别报表“${t}”。可用：${REPORT_KINDS.map((k) => `${k}（${REPORT_TITLES[k]}）`).join('、')}。`, 'kind');
}
