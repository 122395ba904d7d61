/**
 * Report kinds, their options, and the data the builders lay out. Pure data: no pdfmake, DOM or
 * Node types, so the task pane's Web Worker and the CLI share it.
 */
import type { Rating, TraceStep } from '../engine';

/** The six statutory reports. */
export type ReportKind = 'payroll' | 'staffing' | 'ratings' | 'funding' | 'worker' | 'retirement';

/** Each kind's Chinese title, in the order the product lists them. */
export const REPORT_TITLES: Record<ReportKind, string> = {
  payroll: '社区工作者薪酬发放表',
  staffing: '社区工作者配备情况统计表',
  ratings: '年度考核结果汇总表',
  funding: '财政补助测算表',
  worker: '个人岗位等级薪酬核定表',
  retirement: '退休到龄名单',
};

/** Every kind, in the product's order. */
export const REPORT_KINDS = Object.keys(REPORT_TITLES) as ReportKind[];

/** What a report is made for. */
export interface ReportOptions {
  /** Policy name, alias or id: 本溪, benxi … */
  policy: string;
  /** Pay period `YYYY-MM`; the engine computes as of the 1st of that month. The document date is that day too. */
  period: string;
  /** Overrides of the policy's parameters (the 参数表): required where a document leaves figures to local rules. */
  params?: Record<string, unknown> | null;
  /** 退休到龄名单: workers reaching statutory retirement within this many months of the period's first day (default 6). */
  months?: number;
  /** Only this county, street or community (its name as the roster writes it); the whole roster when empty. */
  unit?: string | null;
  /** Progress while workers are assessed: `done` of `total` worker rows. */
  onProgress?: (done: number, total: number) => void;
}

/** A pay item as the engine returns it, two-decimal text. */
export interface ItemText {
  name: string;
  amount: string;
}

/** One worker row of the roster, from the roster's evaluation, assessed by the engine. */
export interface WorkerLine {
  /** 1-based sheet row. */
  row: number;
  county: string;
  street: string;
  community: string;
  name: string;
  sex: string | null;
  idNumber: string;
  birthDate: string | null;
  /** The policy's post category, or null when the row has none. */
  post: string | null;
  /** 职务 as written. */
  title: string;
  entryDate: string | null;
  education: string | null;
  degree: string | null;
  certificate: string | null;
  ratings: Array<{ year: number; rating: Rating }>;
  /** The engine's assessment, when pay was computed. */
  pay?: {
    years: number;
    grade: number | null;
    items: ItemText[];
    total: string;
    warnings: string[];
    trace: TraceStep[];
    /** Statutory retirement date (ISO), when the row gives birth date and sex. */
    retirementDate?: string | null;
  };
  /** The month's deductions and 实发 (cw payroll's register), when computed. */
  payroll?: { deductions: ItemText[]; deductionTotal: string; net: string };
  /** Why pay could not be computed (the engine's or the row reader's Chinese message). */
  error?: string;
  /** Data-format findings on the row (from the roster's evaluation). */
  rowFindings: string[];
  /** Why the worker is in no community (the report lists it in its notes); absent when placed. */
  unplaced?: string;
}

/** A staffing requirement of one unit, with the roster's count. */
export interface StaffingLine {
  scope: 'community' | 'county';
  county: string;
  street: string;
  community: string;
  what: string;
  /** True when the requirement counts every worker of the unit (its bar in the ratio chart). */
  headcount: boolean;
  min: number | null;
  max: number | null;
  actual: number | null;
  /** 符合 / 不足 / 超出 / 无法核对 */
  status: '符合' | '不足' | '超出' | '无法核对';
  severity: 'error' | 'warning' | null;
  basis: string;
  citation: string;
  /** How the roster count was made (the checks' counter), or why it could not be. */
  how: string;
}

/** Ratings of one unit in one year. */
export interface RatingLine {
  unit: string;
  county: string;
  street: string;
  year: number;
  counts: Record<Rating, number>;
  rated: number;
  /** Workers of the unit with no rating that year. */
  unrated: number;
  /** Most 优秀 allowed, or null when the policy sets no quota. */
  quota: number | null;
  quotaBasis: string;
  ok: boolean | null;
}

/** Funding of one county. */
export interface FundingLine {
  county: string;
  heads: number;
  /** Monthly pay bill of the county's assessed workers (engine totals summed). */
  bill: string;
  /** The higher level's share per month, or null when the policy sets none. */
  share: string | null;
  /** What remains for the county (and city) per month, or null when the policy sets no share. */
  rest: string | null;
  ratio: string;
  basis: string;
  warning?: string;
}

/** A worker reaching statutory retirement within the window. */
export interface RetirementLine {
  worker: WorkerLine;
  originalAge: number;
  delayMonths: number;
  ageText: string;
  date: string;
  /** Whole months from the period's first day to the retirement date (negative: already reached). */
  monthsLeft: number;
  overdue: boolean;
}

/** Everything a report prints: the title block's facts and the kind's own data. */
export interface ReportData {
  kind: ReportKind;
  title: string;
  policyId: string;
  policyName: string;
  /** The document's title and number, for the title block. */
  policyTitle: string;
  policyDoc: string;
  /** Jurisdiction (本溪市, 厦门市 …). */
  jurisdiction: string;
  /** The policy's own words for the four ratings (通州: 称职 …). */
  ratingWords: Record<Rating, string>;
  period: string;
  periodText: string;
  asOf: string;
  /** The unit the report covers: the --unit filter, or the roster's districts. */
  unit: string;
  /** Notes printed under the title block (policy in-force warnings, draft status, readings). */
  notes: string[];
  workers: WorkerLine[];
  staffing?: StaffingLine[];
  ratings?: RatingLine[];
  ratingYears?: number[];
  /** `shareLabel` / `restLabel`: the column words of the policy's funding rule (市级补助, 自治区补助 …). */
  funding?: { lines: FundingLine[]; total: { heads: number; bill: string; share: string | null; rest: string | null }; statement: string; citation: string; shareLabel: string; restLabel: string };
  retirement?: { months: number; until: string; lines: RetirementLine[] };
  /** Pay item names in the order the engine returns them (payroll columns). */
  itemNames?: string[];
  /** Deduction names (养老保险 … 个人所得税): the register then shows 代扣 and 实发 columns (cw payroll --pdf). */
  deductionNames?: string[];
}
