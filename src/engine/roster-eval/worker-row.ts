/**
 * The worker-table row reader: one row's cells → its typed facts (a Worker the policy functions read,
 * its post and titles, ratings and the roster-only facts), each cell parsed once. Every bad cell is a
 * finding naming the column as the sheet writes it; the rest of the row is still used.
 */
import { CwError } from '../errors';
import { todayInChina, wholeYearsBetween } from '../dates';
import type { DayNumber } from '../dates';
import { boundedNumber, checkWorkerDates, NUMBER_BOUNDS } from '../input';
import { Decimal } from '../money';
import { NATIONAL_RETIREMENT } from '../retirement';
import { ratingOf } from '../vocab/ratings';
import type { Rating } from '../vocab/ratings';
import type { Worker, WorkerFacts } from '../types';
import type { RosterWorker } from '../rules';
import { isBlank, nameOf, textOf } from '../roster/cells';
import type { Titles } from '../roster/titles';
import type { Cell } from '../roster/types';
import { dateCell, P_CERTIFICATE, P_DATE, P_DEGREE, P_EDUCATION, P_ELECTED, P_INTEGER, P_NUMBER, P_ORIGINAL_AGE, P_RATING, P_YEAR, P_YESNO } from './cells';
import { findingAt, NOTES } from './findings';
import type { FindingPlace, RosterFinding } from './findings';
import type { EvaluatedRow } from './types';
import type { CommunityUnit } from './units';
import { readIdentity } from './identity';
import { readPost } from './post';
import { columnsOf, readerOf, YES_NO } from './row-reader';
import type { RowContext } from './row-reader';

/** The findings of a row without any (shared, never written to). */
const NO_FINDINGS: RosterFinding[] = Object.freeze([]) as unknown as RosterFinding[];
const SCRATCH = new WeakMap<RowContext, RosterFinding[]>();
function scratchOf(ctx: RowContext): RosterFinding[] {
  let s = SCRATCH.get(ctx);
  if (!s) SCRATCH.set(ctx, (s = []));
  return s;
}

export type { RowContext } from './row-reader';

/** One worker row, read and validated: what the unit checks aggregate (the facts the policies' roster rules read, and more). */
export interface WorkerRow extends RosterWorker {
  place: FindingPlace & { scope: 'worker'; row: number };
  county: string;
  street: string;
  community: string;
  /** 姓名, 身份证号 (upper case) and 职务 as the row writes them ('' when blank or absent). */
  name: string;
  idNumber: string;
  title: string;
  titles: Titles;
  ratings: Map<number, Rating>;
  serviceHall: boolean | null;
  currentPay: number | null;
  /** The row's facts as the policy functions read them (a bad cell leaves its fact unset). */
  worker: Worker;
  facts: WorkerFacts;
  /** True for a valid resident ID, false for a blank or invalid one, null when the roster has no ID column. */
  idNumberOk: boolean | null;
}

/**
 * Reads and validates one worker row placed in `unit` (null: the row names no community); every bad
 * cell becomes a finding on the row, and the rest of the row is still used.
 */
export function readWorkerRow(ctx: RowContext, cells: Cell[], rowNo: number, unit: CommunityUnit | null): EvaluatedRow {
  // Findings gather in the table's scratch list; most rows have none and share one empty list.
  const out = scratchOf(ctx);
  out.length = 0;
  const { header, policy } = ctx;
  const c = columnsOf(ctx);
  const cell = (i: number): Cell => (i < 0 ? null : cells[i] ?? null);
  // The community the row resolved to (the community table may supply a county or street the row leaves blank).
  const county = unit ? unit.county : nameOf(cell(c.county));
  const street = unit ? unit.street : nameOf(cell(c.street));
  const community = unit ? unit.community : nameOf(cell(c.community));
  const name = textOf(cell(c.name));
  const place = {
    scope: 'worker' as const, county: county || null, street: street || null, community: community || null,
    sheet: ctx.sheet, row: rowNo, name: name || null,
  };
  const r = readerOf(ctx, cells, out, place);

  const unplacedWhy = '无法归入社区，该职工不计入任何社区的配备人数';
  if (c.community >= 0 && community === '') r.missing('community', 'error', unplacedWhy, '填写所在社区（与社区表中的名称一致）。');
  const unplaced = unit ? null : `缺少${header.community}：${unplacedWhy}。`;
  if (c.name >= 0 && name === '') r.missing('name', 'warning', '无法指明是哪位职工', '填写姓名。');

  const identity = readIdentity(r, c, rowNo, name);
  const { sex, idNumberOk } = identity;
  let birthDate = identity.birthDate;
  const { post, titles } = readPost(r, c);

  let entryDate: DayNumber | null = null;
  if (c.entryDate >= 0) {
    const v = cell(c.entryDate);
    if (isBlank(v)) r.missing('entryDate', 'warning', '无法计算工作年限、试用期和招聘时的年龄', '按人事档案填写入职（参加社区工作）日期。');
    else {
      try {
        entryDate = dateCell(v, header.entryDate, 1950);
      } catch (e) {
        r.bad('entryDate', e, '填写实际存在的入职日期，如 2015-03-01。');
      }
    }
  }

  const education = r.parse(c.education, 'education', P_EDUCATION, '填写 高中及以下、中专、大专、本科、硕士研究生、博士研究生 之一。');
  const degree = r.parse(c.degree, 'degree', P_DEGREE, '填写 无、学士、硕士、博士 之一。');
  const certificate = r.parse(c.certificate, 'certificate', P_CERTIFICATE, '填写 助理社会工作师、社会工作师、高级社会工作师 或 无。');
  const certificateDate = r.parse(c.certificateDate, 'certificateDate', P_DATE, '填写取得证书的日期，如 2019-06-15。');

  // Ratings: each cell through the engine's ratingOf; the worker gets the map as normalizeWorker would build it.
  const ratings = new Map<number, Rating>();
  for (const rc of ctx.ratingCols) {
    const v = cells[rc.column] ?? null;
    if (v === null || v === '') continue;
    try {
      const rating = ratingOf(v, rc.header);
      if (rating) ratings.set(rc.year, rating);
    } catch (e) {
      if (!(e instanceof CwError)) throw e;
      out.push(findingAt(place, { severity: 'error', rule: '数据格式', citation: NOTES('通用-考核等次'), message: e.message, action: '填写 优秀、合格（称职）、基本合格（基本称职）、不合格（不称职），未考核的留空。' }, { column: rc.header, year: rc.year }));
    }
  }

  const probation = r.parse(c.probation, 'probation', P_YESNO, YES_NO);
  let currentPay = r.parse(c.currentPay, 'currentPay', P_NUMBER, '填写现行月薪酬金额（元），不带单位以外的文字。', '现行月薪酬（元）');
  let priorYears = r.parse(c.priorYears, 'priorYears', P_NUMBER, '填写年数，如 3 或 2.5。', '调入前在社区工作的年数');
  let headYears = r.parse(c.headYears, 'headYears', P_NUMBER, '填写年数，如 21 或 20.5。', '任社区党组织书记、居民委员会主任的累计年数');
  let originalAge = r.parse(c.originalAge, 'originalAge', P_ORIGINAL_AGE, '填写 60、55 或 50。');
  if (originalAge !== null && sex !== null && (sex === '男') !== (originalAge === 60)) {
    out.push(findingAt(place, {
      severity: 'error', rule: '数据格式', citation: NATIONAL_RETIREMENT,
      message: `${header.originalAge}：${originalAge} 岁不是${sex}职工的原法定退休年龄。可用：男 60；女 55（管理和专业技术岗位）或 50（工人岗位）。`,
      action: '更正原退休年龄，或核对性别。',
    }, { column: header.originalAge }));
    originalAge = null;
  }

  let elected = r.parse(c.appointment, 'appointment', P_ELECTED, '填写“选任”或“招聘”。');
  if (elected === null) elected = r.parse(c.elected, 'elected', P_YESNO, YES_NO);
  const absenceDays = r.parse(c.absenceDays, 'absenceDays', P_INTEGER, '填写本年度无故旷工天数（整数）。', '本年度无故旷工天数');
  const absenceRun = r.parse(c.absenceConsecutiveDays, 'absenceConsecutiveDays', P_INTEGER, '填写最长连续旷工天数（整数）。', '最长连续旷工天数');
  const protectedStatus = c.protectedStatus >= 0 ? textOf(cell(c.protectedStatus)) : '';
  const probationRating = r.parse(c.probationRating, 'probationRating', P_RATING, '填写 合格 或 不合格，未考核的留空。');
  const serviceHall = r.parse(c.serviceHall, 'serviceHall', P_YESNO, YES_NO);
  const lastTrainingYear = r.parse(c.lastTrainingYear, 'lastTrainingYear', P_YEAR, '填写最近一次参加培训的年份，如 2025。');
  const secondmentMonths = r.parse(c.secondmentMonths, 'secondmentMonths', P_NUMBER, '填写借调月数，如 2。', '本次借调已持续的月数');
  const educationHours = r.parse(c.educationHours, 'educationHours', P_NUMBER, '填写学时数。', '本登记有效期内的继续教育学时');
  const agreementDate = r.parse(c.agreementDate, 'agreementDate', P_DATE, '填写服务协议签订日期，如 2022-01-01。');
  const termEnd = r.parse(c.termEnd, 'termEnd', P_DATE, '填写本届任期届满日期。');

  const facts: WorkerFacts = {};
  if (birthDate !== null) facts.age = wholeYearsBetween(birthDate, entryDate ?? ctx.asOf);
  if (absenceDays !== null) facts.absenceDaysInYear = absenceDays;
  if (absenceRun !== null) facts.absenceConsecutiveDays = absenceRun;
  if (protectedStatus !== '') facts.protectedStatus = protectedStatus;
  if (elected !== null) facts.recruited = !elected;
  if (probationRating !== null) facts.probationRating = probationRating;
  if (c.freshGraduate >= 0) { const f = r.parse(c.freshGraduate, 'freshGraduate', P_YESNO, YES_NO); if (f !== null) facts.freshGraduate = f; }
  if (c.veteran >= 0) { const f = r.parse(c.veteran, 'veteran', P_YESNO, YES_NO); if (f !== null) facts.veteran = f; }
  if (c.sociologyGraduate >= 0) { const f = r.parse(c.sociologyGraduate, 'sociologyGraduate', P_YESNO, YES_NO); if (f !== null) facts.sociologyGraduate = f; }
  if (c.existingWorker >= 0) { const f = r.parse(c.existingWorker, 'existingWorker', P_YESNO, YES_NO); if (f !== null) facts.existingWorker = f; }
  if (c.localHukou >= 0) { const f = r.parse(c.localHukou, 'localHukou', P_YESNO, YES_NO); if (f !== null) facts.localHukou = f; }

  // The engine's own rules on the typed facts (cross-field dates, bounds), as `cw calc` applies them;
  // a broken one is a finding and its fact is left unset.
  const dateRule = (e: unknown, field: string) => {
    if (!(e instanceof CwError)) throw e;
    out.push(findingAt(place, {
      severity: 'error', rule: e.code === 'FUTURE_DATE' ? '日期矛盾' : '数据格式', citation: NOTES('通用-日期'), message: e.message,
      action: '核对并更正该日期（入职日期不能晚于检查日期，也不能早于出生日期）。',
    }, header[field] ? { column: header[field] } : {}));
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      checkWorkerDates(ctx.asOf, entryDate, birthDate, () => (ctx.today ??= todayInChina()));
      break;
    } catch (e) {
      dateRule(e, (e as CwError).field ?? '');
      if ((e as CwError).field === 'entryDate') entryDate = null;
      else birthDate = null;
    }
  }
  const bounded = (v: number | null, field: keyof typeof NUMBER_BOUNDS, what: string): number | null => {
    if (v === null) return null;
    try {
      return boundedNumber(v, field, what, NUMBER_BOUNDS[field]);
    } catch (e) {
      dateRule(e, field);
      return null;
    }
  };
  priorYears = bounded(priorYears, 'priorYears', '此前在社区工作的年数（可累计的）');
  headYears = bounded(headYears, 'headYears', '任社区党组织书记、居民委员会主任的累计年数');
  currentPay = bounded(currentPay, 'currentPay', '现行月薪酬（元）');

  const worker: Worker = {
    policy, post, previousPost: null, postDate: null, entryDate, asOf: ctx.asOf, priorYears: priorYears ?? 0, headYears, ratings,
    education, degree, certificate, certificateDate, awards: [], probation: probation === true,
    currentPay: currentPay === null ? null : new Decimal(currentPay), star: null, birthDate, sex, originalAge, params: ctx.params,
  };

  return {
    place, unit, unplaced, findings: out.length ? out.slice() : NO_FINDINGS, county, street, community, name, idNumber: textOf(cell(c.idNumber)).toUpperCase(), title: textOf(cell(c.title)), post, titles, ratings, certificate, serviceHall, currentPay, worker, facts, elected, idNumberOk,
    birthDate, sex, originalAge, entryDate, probation, lastTrainingYear, secondmentMonths, educationHours, agreementDate, termEnd,
  };
}

