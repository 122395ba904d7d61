import { CwError, shown } from './errors';
import { DayNumber, parseDate, todayInChina, isoOf } from './dates';
import { Decimal } from './money';
import { ratingsOf } from './vocab/ratings';
import { educationOf, degreeOf } from './vocab/education';
import { certificateOf } from './vocab/certificates';
import { postOf } from './vocab/posts';
import { sexOf } from './retirement';
import { policyOf } from './policies';
import { wordTable } from './vocab/words';
import type { AwardLevel, Worker } from './types';

/** A worker as JSON gives it (the `cw calc` input contract, docs/design.md). */
export interface WorkerInput {
  policy?: unknown;
  post?: unknown;
  previousPost?: unknown;
  postDate?: unknown;
  entryDate?: unknown;
  asOf?: unknown;
  priorYears?: unknown;
  headYears?: unknown;
  ratings?: unknown;
  education?: unknown;
  degree?: unknown;
  certificate?: unknown;
  certificateDate?: unknown;
  awards?: unknown;
  probation?: unknown;
  currentPay?: unknown;
  star?: unknown;
  birthDate?: unknown;
  sex?: unknown;
  originalAge?: unknown;
  params?: unknown;
  /** Passed through to the result so a batch can be matched up. */
  id?: unknown;
  name?: unknown;
}

/** Every field the input accepts, for the unknown-field message. */
export const INPUT_FIELDS = [
  'policy', 'post', 'previousPost', 'postDate', 'entryDate', 'asOf', 'priorYears', 'headYears', 'ratings', 'education', 'degree',
  'certificate', 'certificateDate', 'awards', 'probation', 'currentPay', 'star', 'birthDate', 'sex', 'originalAge',
  'params', 'id', 'name',
];
const FIELD_SET = new Set(INPUT_FIELDS);

const AWARD_SYNONYMS = wordTable<AwardLevel>({
  功勋荣誉: 'merit', 功勋: 'merit', 国家勋章: 'merit',
  国家级: 'national', 国家级表彰: 'national', 全国: 'national', 党中央国务院: 'national', '党中央、国务院': 'national', 党中央: 'national', 国务院: 'national',
  省部级: 'provincial', 省部级表彰: 'provincial', 省级: 'provincial', 自治区: 'provincial', 自治区党委政府: 'provincial', 国家部委: 'provincial', 部委: 'provincial',
  merit: 'merit', national: 'national', provincial: 'provincial',
});
const AWARDS_ACCEPTED = '可用：功勋荣誉、国家级（党中央、国务院）、省部级（自治区党委政府、国家部委）。';

function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

function optionalDate(v: unknown, field: string): DayNumber | null {
  return present(v) ? parseDate(v, field) : null;
}

/**
 * A number from 0 to `max` (numeric text allowed). The bound is in every message, so a clerk
 * who typed 2015 or 1e300 for a count of years learns what is accepted.
 */
export function boundedNumber(v: unknown, field: string, what: string, max: number): number {
  const accepted = Number.isFinite(max) ? `可用：${what}，0 至 ${max}` : `可用：${what}`;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new CwError('INVALID_NUMBER', `${field}：${shown(v)} 不是数字。${accepted}。`, field);
  if (n < 0) throw new CwError('INVALID_NUMBER', `${field}：${shown(v)} 不能为负数。${accepted}。`, field);
  if (n > max) throw new CwError('INVALID_NUMBER', `${field}：${shown(v)} 超出范围。${accepted}。`, field);
  return n;
}

/** Upper bounds of the numeric input fields (no real worker comes near them). */
export const NUMBER_BOUNDS = { priorYears: 60, headYears: 60, currentPay: 1_000_000, originalAge: 70 } as const;

function booleanOf(v: unknown, field: string): boolean {
  if (!present(v)) return false;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['是', 'true', 'yes', '1', '试用期', '试用'].includes(t)) return true;
    if (['否', 'false', 'no', '0', '正式', '已转正'].includes(t)) return false;
  }
  throw new CwError('INVALID_TYPE', `${field}：${shown(v)} 无法识别。可用：是/否（true/false）。`, field);
}

function awardsOf(v: unknown): AwardLevel[] {
  if (!present(v)) return [];
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,，;；、]/) : [v];
  const out: AwardLevel[] = [];
  for (const item of list) {
    if (!present(item)) continue;
    const a = typeof item === 'string' ? AWARD_SYNONYMS.get(item.trim().replace(/表彰(奖励)?$/, '')) ?? AWARD_SYNONYMS.get(item.trim()) : undefined;
    if (!a) throw new CwError('UNKNOWN_AWARD', `awards：无法识别表彰 ${shown(item)}。${AWARDS_ACCEPTED}`, 'awards');
    out.push(a);
  }
  return out;
}

/**
 * The cross-field date rules of a worker: entry not after the as-of date, birth not in the future,
 * entry not before birth. Throws the first broken one as a FUTURE_DATE CwError naming its field.
 */
export function checkWorkerDates(asOf: DayNumber, entryDate: DayNumber | null, birthDate: DayNumber | null, today: () => DayNumber): void {
  if (entryDate !== null && entryDate > asOf) {
    throw new CwError('FUTURE_DATE', `entryDate：入职日期 ${isoOf(entryDate)} 晚于计算日期 asOf ${isoOf(asOf)}。请检查入职日期，或把 asOf 设为入职之后的日期。`, 'entryDate');
  }
  if (birthDate !== null && birthDate > asOf && birthDate > today()) {
    throw new CwError('FUTURE_DATE', `birthDate：出生日期 ${isoOf(birthDate)} 在未来。请检查出生日期。`, 'birthDate');
  }
  if (birthDate !== null && entryDate !== null && entryDate < birthDate) {
    throw new CwError('FUTURE_DATE', `entryDate：入职日期 ${isoOf(entryDate)} 早于出生日期 ${isoOf(birthDate)}。请检查两个日期。`, 'entryDate');
  }
}

/** Options for {@link normalizeWorker}. */
export interface NormalizeOptions {
  /** "Today" for an omitted asOf; defaults to the current date in China. */
  today?: DayNumber;
}

/**
 * Validates raw input into a {@link Worker}. Every bad field is a CwError naming the field,
 * what was given and what is accepted; nothing is guessed. Fields a rule needs but that were
 * not given (entryDate, post) are checked where the rule needs them.
 */
export function normalizeWorker(raw: unknown, options: NormalizeOptions = {}): Worker {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CwError('INVALID_TYPE', `输入：${shown(raw)} 不是职工对象。可用：{"policy": "本溪", "post": "副职", "entryDate": "2000-09-01", …}。`);
  }
  const input = raw as WorkerInput;
  for (const key of Object.keys(input)) {
    if (!FIELD_SET.has(key)) {
      throw new CwError('UNKNOWN_FIELD', `未知字段“${key}”。可用字段：${INPUT_FIELDS.join('、')}。`, key);
    }
  }
  for (const key of ['id', 'name'] as const) {
    const v = input[key];
    // Passed through to the result: only a scalar, so a deeply nested value cannot overflow the output.
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new CwError('INVALID_TYPE', `${key}：${shown(v)} 不是文本或数字。可用：职工编号或姓名等文本，如 "A001"。`, key);
    }
  }
  const policy = policyOf(input.policy);
  let todayCache = options.today;
  const today = () => (todayCache ??= todayInChina());
  const asOf = present(input.asOf) ? parseDate(input.asOf, 'asOf') : today();
  const entryDate = optionalDate(input.entryDate, 'entryDate');
  const birthDate = optionalDate(input.birthDate, 'birthDate');
  checkWorkerDates(asOf, entryDate, birthDate, today);
  const star = present(input.star) ? boundedNumber(input.star, 'star', '社区党组织星级 1–5', Infinity) : null;
  if (star !== null && (!Number.isInteger(star) || star < 1 || star > 5)) {
    throw new CwError('INVALID_NUMBER', `star：${shown(input.star)} 不是有效星级。可用：1、2、3、4、5（社区党组织星级）。`, 'star');
  }
  const originalAge = present(input.originalAge) ? boundedNumber(input.originalAge, 'originalAge', '原法定退休年龄 60、55 或 50', NUMBER_BOUNDS.originalAge) : null;
  let params = input.params;
  if (present(params) && (typeof params !== 'object' || Array.isArray(params))) {
    throw new CwError('INVALID_TYPE', `params：${shown(params)} 不是参数表。可用：{"参数名": 值} 对象。`, 'params');
  }
  if (!present(params)) params = null;
  return {
    policy,
    post: present(input.post) ? postOf(input.post, policy.posts, policy.name, 'post') : null,
    previousPost: present(input.previousPost) ? postOf(input.previousPost, policy.posts, policy.name, 'previousPost') : null,
    postDate: optionalDate(input.postDate, 'postDate'),
    entryDate,
    asOf,
    priorYears: present(input.priorYears) ? boundedNumber(input.priorYears, 'priorYears', '此前在社区工作的年数（可累计的）', NUMBER_BOUNDS.priorYears) : 0,
    headYears: present(input.headYears) ? boundedNumber(input.headYears, 'headYears', '任社区党组织书记、居民委员会主任的累计年数', NUMBER_BOUNDS.headYears) : null,
    ratings: ratingsOf(input.ratings),
    education: educationOf(input.education),
    degree: degreeOf(input.degree),
    certificate: certificateOf(input.certificate),
    certificateDate: optionalDate(input.certificateDate, 'certificateDate'),
    awards: awardsOf(input.awards),
    probation: booleanOf(input.probation, 'probation'),
    currentPay: present(input.currentPay) ? new Decimal(boundedNumber(input.currentPay, 'currentPay', '现行月薪酬（元）', NUMBER_BOUNDS.currentPay)) : null,
    star,
    birthDate,
    sex: present(input.sex) ? sexOf(input.sex) : null,
    originalAge,
    params: policy.params.resolve(params as Record<string, unknown> | null, asOf),
  };
}

/** Raises the error for a fact a rule needs but the input lacks (lives in errors.ts, a leaf the policies import). */
export { required } from './errors';
