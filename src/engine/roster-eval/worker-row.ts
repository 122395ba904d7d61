/**
 * The worker-table row reader: one row's cells → its typed facts (a Worker the policy functions read,
 * its post and titles, ratings and the roster-only facts), each cell parsed once. Every bad cell is a
 * finding naming the column as the sheet writes it; the rest of the row is still used.
 */
import { CwError } from '../errors';
import { civilOf, isoOf, todayInChina, wholeYearsBetween } from '../dates';
import type { DayNumber } from '../dates';
import { boundedNumber, checkWorkerDates, NUMBER_BOUNDS } from '../input';
import { Decimal } from '../money';
import { parseResidentId } from '../idcard';
import { sexOf, NATIONAL_RETIREMENT } from '../retirement';
import { ratingOf } from '../vocab/ratings';
import type { Rating } from '../vocab/ratings';
import type { CertificateLevel } from '../vocab/certificates';
import { postOf } from '../vocab/posts';
import type { Role } from '../vocab/posts';
import type { Finding, Policy, Sex, Worker, WorkerFacts } from '../types';
import type { ParamView } from '../params';
import { isBlank, nameOf, textOf } from '../roster/cells';
import { parseTitles } from '../roster/titles';
import type { Titles } from '../roster/titles';
import type { Cell } from '../roster/types';
import { dateCell, MONTH_ONLY, P_CERTIFICATE, P_DATE, P_DEGREE, P_EDUCATION, P_ELECTED, P_INTEGER, P_NUMBER, P_ORIGINAL_AGE, P_RATING, P_YEAR, P_YESNO } from './cells';
import type { Parse } from './cells';
import { findingAt, ID_STANDARD, NOTES, ROSTER_RULES } from './findings';
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

/** One worker row, read and validated: what the unit checks aggregate. */
export interface WorkerRow {
  place: FindingPlace & { scope: 'worker'; row: number };
  county: string;
  street: string;
  community: string;
  /** 姓名, 身份证号 (upper case) and 职务 as the row writes them ('' when blank or absent). */
  name: string;
  idNumber: string;
  title: string;
  /** The policy's post category, or null when unknown. */
  post: string | null;
  titles: Titles;
  ratings: Map<number, Rating>;
  certificate: CertificateLevel | null;
  serviceHall: boolean | null;
  currentPay: number | null;
  /** The row's facts as the policy functions read them (a bad cell leaves its fact unset). */
  worker: Worker;
  facts: WorkerFacts;
  /** True for a valid resident ID, false for a blank or invalid one, null when the roster has no ID column. */
  idNumberOk: boolean | null;
  /** True when 任用方式 / 是否选任 says 选任; null when not given. */
  elected: boolean | null;
  birthDate: DayNumber | null;
  sex: Sex | null;
  originalAge: number | null;
  entryDate: DayNumber | null;
  probation: boolean | null;
  lastTrainingYear: number | null;
  secondmentMonths: number | null;
  educationHours: number | null;
  agreementDate: DayNumber | null;
  termEnd: DayNumber | null;
}

/** The policy's category for a role (the first category whose roles include it). */
function categoryOfRole(policy: Policy, role: Role): string | null {
  for (const c of policy.posts) if (c.roles.includes(role)) return c.name;
  return null;
}

/** Column indices of a worker table, resolved once per table (-1 when the sheet has no such column). */
type Columns = Record<(typeof FIELD_KEYS)[number], number>;

const FIELD_KEYS = ['county', 'street', 'community', 'name', 'sex', 'idNumber', 'birthDate', 'post', 'title', 'appointment', 'elected', 'entryDate',
  'education', 'degree', 'certificate', 'certificateDate', 'probation', 'probationRating', 'currentPay', 'priorYears', 'headYears', 'originalAge', 'absenceDays',
  'absenceConsecutiveDays', 'protectedStatus', 'freshGraduate', 'veteran', 'sociologyGraduate', 'existingWorker', 'localHukou', 'serviceHall',
  'lastTrainingYear', 'educationHours', 'agreementDate', 'termEnd', 'secondmentMonths'] as const;

const COLUMNS = new WeakMap<RowContext, Columns>();
const READERS = new WeakMap<RowContext, RowReader>();
function columnsOf(ctx: RowContext): Columns {
  let c = COLUMNS.get(ctx);
  if (!c) {
    // Built as one literal (a fixed shape the JIT keeps fast), not key by key.
    c = JSON.parse(JSON.stringify(Object.fromEntries(FIELD_KEYS.map((k) => [k, ctx.cols[k] ?? -1])))) as Columns;
    COLUMNS.set(ctx, c);
  }
  return c;
}

const DATA_RULE = NOTES('通用-数据格式');
const YES_NO = '填写“是”或“否”。';

/** Reads one worker row against its table's columns; findings go to `out`. */
class RowReader {
  cells: Cell[] = [];
  place!: WorkerRow['place'];
  out: RosterFinding[] = [];
  constructor(private readonly ctx: RowContext) {}

  /** The cell in column `i`, or null (absent column, short row). */
  at(i: number): Cell {
    return i < 0 ? null : this.cells[i] ?? null;
  }

  bad(key: string, e: unknown, action: string): void {
    if (!(e instanceof CwError)) throw e;
    this.out.push(findingAt(this.place, { severity: 'error', rule: '数据格式', citation: DATA_RULE, message: e.message, action }, { column: this.ctx.header[key] }));
  }

  missing(key: string, severity: Finding['severity'], why: string, action: string): void {
    const h = this.ctx.header[key] ?? key;
    this.out.push(findingAt(this.place, { severity, rule: '缺少数据', citation: ROSTER_RULES, message: `缺少${h}：${why}。`, action }, { column: h }));
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

/** Reads and validates one worker row; every bad cell becomes a finding, and the rest of the row is still used. */
export function readWorkerRow(ctx: RowContext, cells: Cell[], rowNo: number, out: RosterFinding[], unit: { county: string; street: string; community: string } | null = null): WorkerRow {
  const { header, policy } = ctx;
  const c = columnsOf(ctx);
  let r = READERS.get(ctx);
  if (!r) READERS.set(ctx, (r = new RowReader(ctx)));
  r.cells = cells;
  r.out = out;
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
  r.place = place;

  if (c.community >= 0 && community === '') r.missing('community', 'error', '无法归入社区，该职工不计入任何社区的配备人数', '填写所在社区（与社区表中的名称一致）。');
  if (c.name >= 0 && name === '') r.missing('name', 'warning', '无法指明是哪位职工', '填写姓名。');

  // 身份证号: validity, duplicates; it supplies birth date and sex when those cells are blank.
  let idBirth: DayNumber | null = null;
  let idSex: Sex | null = null;
  let idNumberOk: boolean | null = null;
  if (c.idNumber >= 0) {
    const v = cell(c.idNumber);
    idNumberOk = false;
    if (isBlank(v)) {
      r.missing('idNumber', 'warning', '无法校验身份，也无法核对出生日期和性别', '按身份证填写18位公民身份号码（以文本格式录入）。');
    } else {
      try {
        const id = parseResidentId(v, header.idNumber);
        idBirth = id.birthDate;
        idSex = id.sex;
        idNumberOk = true;
        const first = ctx.ids.get(id.id);
        if (first) {
          out.push(findingAt(place, {
            severity: 'error', rule: '身份证号重复', citation: ID_STANDARD,
            message: `身份证号 ${id.id} 与第${first.row}行（${first.name || '未填姓名'}）相同：同一人不应在花名册中出现两次，或其中一个号码录错。`,
            action: '核对两行是否为同一人；重复的删去一行，录错的按身份证更正。',
          }, { column: header.idNumber }));
        } else {
          ctx.ids.set(id.id, { row: rowNo, name });
        }
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        const asNumber = typeof v === 'number' ? '该单元格是数字：Excel 只保留15位有效数字，18位号码已失真。请把单元格设为文本后重新录入。' : '';
        out.push(findingAt(place, {
          severity: 'error', rule: '身份证号', citation: ID_STANDARD, message: e.message,
          action: asNumber || '按身份证原件核对并更正号码（18位，末位校验码可能是X）。',
        }, { column: header.idNumber }));
      }
    }
  }

  let sex: Sex | null = null;
  const sexCell = cell(c.sex);
  if (sexCell === '男' || sexCell === '女') sex = sexCell;
  else if (c.sex >= 0 && !isBlank(sexCell)) {
    try {
      sex = sexOf(sexCell, header.sex);
    } catch (e) {
      r.bad('sex', e, '填写“男”或“女”。');
    }
  }
  if (sex !== null && idSex !== null && sex !== idSex) {
    out.push(findingAt(place, {
      severity: 'error', rule: '身份证号与性别', citation: NOTES('通用-身份证号'),
      message: `${header.sex}为“${sex}”，但身份证号第17位表示“${idSex}”（奇数为男，偶数为女）：二者不一致。`,
      action: '按身份证原件核对性别和身份证号，更正录错的一项（性别影响法定退休年龄）。',
    }, { column: header.sex }));
  }
  sex ??= idSex;

  let birthDate: DayNumber | null = null;
  if (c.birthDate >= 0 && !isBlank(cell(c.birthDate))) {
    const v = cell(c.birthDate);
    try {
      birthDate = dateCell(v, header.birthDate, 1920);
      if (idBirth !== null && birthDate !== idBirth) {
        const monthOnly = typeof v === 'string' && MONTH_ONLY.test(v.trim());
        const a = civilOf(birthDate);
        const b = civilOf(idBirth);
        if (!monthOnly || a.y !== b.y || a.m !== b.m) {
          out.push(findingAt(place, {
            severity: 'error', rule: '身份证号与出生日期', citation: NOTES('通用-身份证号'),
            message: `${header.birthDate}为 ${monthOnly ? `${a.y}年${a.m}月` : isoOf(birthDate)}，但身份证号第7–14位的出生日期是 ${isoOf(idBirth)}：二者不一致。`,
            action: '按身份证原件核对出生日期和身份证号，更正录错的一项（出生日期决定法定退休时间）。',
          }, { column: header.birthDate }));
        } else {
          birthDate = idBirth;
        }
      }
    } catch (e) {
      r.bad('birthDate', e, '填写实际出生日期（如 1985-03-01），或以文本填写“1985.03”这样的年月。');
    }
  }
  birthDate ??= idBirth;

  // Post category and titles.
  const titleText = textOf(c.title >= 0 ? cell(c.title) : cell(c.post));
  let titles = ctx.titleCache.get(titleText);
  if (!titles) {
    titles = parseTitles(titleText);
    ctx.titleCache.set(titleText, titles);
  }
  let post: string | null = null;
  const postText = c.post >= 0 ? textOf(cell(c.post)) : '';
  if (postText !== '') {
    let p = ctx.postCache.get(postText);
    if (p === undefined) {
      try {
        p = postOf(postText, policy.posts, policy.name, header.post);
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        p = e;
      }
      ctx.postCache.set(postText, p);
    }
    if (p instanceof CwError) r.bad('post', p, `改为${policy.name}的岗位类别或职务（如 书记、副主任、委员、专职工作人员）。`);
    else post = p;
  } else if (titles.role !== null) {
    post = categoryOfRole(policy, titles.role);
  }
  if (postText === '' && titleText === '') {
    out.push(findingAt(place, {
      severity: 'error', rule: '缺少数据', citation: ROSTER_RULES,
      message: `缺少${[c.post >= 0 ? header.post : null, c.title >= 0 ? header.title : null].filter(Boolean).join('和')}：无法确定岗位类别，该职工不计入各类职数。`,
      action: `填写岗位类别（${policy.posts.map((x) => x.name).join('、')}）或职务（书记、主任、副书记、副主任、委员、专职工作人员…）。`,
    }, { column: c.post >= 0 ? header.post : header.title }));
  } else if (c.title >= 0 && titles.unknown.length > 0 && titles.role === null && post === null && postText === '') {
    out.push(findingAt(place, {
      severity: 'error', rule: '数据格式', citation: NOTES('通用-岗位'),
      message: `${header.title}：无法识别职务“${titles.unknown.join('、')}”，也未填岗位类别。${policy.name}的岗位类别：${policy.posts.map((x) => x.name).join('、')}。`,
      action: '填写岗位类别，或把职务写成 书记、主任、副书记、副主任、委员、专职工作人员、党务工作者 等。',
    }, { column: header.title }));
  }

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
    place, county, street, community, name, idNumber: textOf(cell(c.idNumber)).toUpperCase(), title: textOf(cell(c.title)), post, titles, ratings, certificate, serviceHall, currentPay, worker, facts, elected, idNumberOk,
    birthDate, sex, originalAge, entryDate, probation, lastTrainingYear, secondmentMonths, educationHours, agreementDate, termEnd,
  };
}

