/**
 * Turns what Excel passes (serial numbers, text, null for an omitted argument, two-dimensional
 * arrays for ranges) into engine input. Every rejection is a CwError whose message names the
 * Excel argument (`entry_date（入职日期）：…`). No Office or DOM dependency.
 */
import { CwError, civilOf, parseDate, ratingOf } from '../engine';
import type { DayNumber } from '../engine';

/** Shows a value the clerk gave inside a message, quoted and shortened. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'string') return value === '' ? '（空字符串）' : `“${value.length > 40 ? value.slice(0, 40) + '…' : value}”`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? s.slice(0, 60) + '…' : s;
  } catch {
    return String(value);
  }
}

/** A range as Excel passes it: rows of cell values. */
export type Matrix = unknown[][];

/** True for an omitted argument or an empty cell: null, undefined, or blank text. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A range argument as rows. Excel always passes a matrix parameter as an array of rows; a caller
 * outside Excel (the CLI, a test) may pass a single value or a flat list, which count as one row.
 */
export function asMatrix(v: unknown): Matrix {
  if (isBlank(v)) return [];
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  if (v.every((row) => Array.isArray(row))) return v as Matrix;
  return [v];
}

/** True when no cell of the range holds anything. */
function allBlank(m: Matrix): boolean {
  for (const row of m) for (const c of row) if (!isBlank(c)) return false;
  return true;
}

/** A required or optional date: Excel serial or text. */
export function dateArg(v: unknown, label: string, required: boolean): DayNumber | null {
  if (isBlank(v)) {
    if (required) throw new CwError('REQUIRED', `${label}：不能为空。可用：Excel 日期，或“2015-03-01”“2015/3/1”“2015年3月1日”格式的文本。`, label);
    return null;
  }
  if (typeof v === 'boolean') {
    throw new CwError('INVALID_DATE', `${label}：${shownValue(v)} 不是日期。可用：Excel 日期，或“2015-03-01”“2015/3/1”“2015年3月1日”格式的文本。`, label);
  }
  return parseDate(v, label);
}

/** Required text (policy, post, sex): numbers and booleans are rejected with the accepted list. */
export function textArg(v: unknown, label: string, what: string, accepted: string): string {
  if (isBlank(v)) throw new CwError('REQUIRED', `${label}：缺少${what}。${accepted}`, label);
  if (typeof v !== 'string') throw new CwError('INVALID_TYPE', `${label}：${shownValue(v)} 不是${what}。${accepted}`, label);
  return v.trim();
}

/** Optional text; blank gives null. */
export function optionalTextArg(v: unknown, label: string, what: string, accepted: string): string | null {
  return isBlank(v) ? null : textArg(v, label, what, accepted);
}

/**
 * A number from 0 to `max` (count, years); numeric text is accepted as Excel would coerce it.
 * The bound is stated in every message.
 */
export function countArg(v: unknown, label: string, what: string, integer: boolean, required: boolean, max = 100_000_000): number | null {
  if (isBlank(v)) {
    if (required) throw new CwError('REQUIRED', `${label}：缺少${what}。`, label);
    return null;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new CwError('INVALID_NUMBER', `${label}：${shownValue(v)} 不是数字。可用：${what}（≥ 0 的${integer ? '整数' : '数'}）。`, label);
  if (n < 0) throw new CwError('INVALID_NUMBER', `${label}：${shownValue(v)} 不能为负数。可用：${what}（≥ 0 的${integer ? '整数' : '数'}）。`, label);
  if (integer && !Number.isInteger(n)) throw new CwError('INVALID_NUMBER', `${label}：${shownValue(v)} 不是整数。可用：${what}（≥ 0 的整数）。`, label);
  if (n > max) throw new CwError('INVALID_NUMBER', `${label}：${shownValue(v)} 超出范围。可用：${what}（0 至 ${max}）。`, label);
  return n;
}

/** Matched against trimmed text: two adjacent `\s*` (as in `^\s*(?:考核)?\s*`) backtrack quadratically on long blanks. */
const YEAR_TEXT = /^(?:考核\s*)?(\d{4})(?:\s*年度?)?$/;

/** The calendar year a header cell names (2021, "2021", "2021年", "考核2021"), or null. */
function yearOf(v: unknown): number | null {
  let y: number | null = null;
  if (typeof v === 'number') y = v;
  else if (typeof v === 'string') {
    const m = YEAR_TEXT.exec(v.trim());
    if (m) y = Number(m[1]);
  }
  return y !== null && Number.isInteger(y) && y >= 1950 && y <= 2100 ? y : null;
}

/** True when every non-blank cell is a year and at least one is. */
function allYears(cells: unknown[]): boolean {
  let any = false;
  for (const c of cells) {
    if (isBlank(c)) continue;
    if (yearOf(c) === null) return false;
    any = true;
  }
  return any;
}

/**
 * Annual ratings from a range, as `{"2021": "优秀"}` for the engine.
 *
 * - Two rows whose first row holds years (or two columns whose first column does): year + rating pairs.
 * - Otherwise one row or one column of ratings for **consecutive years ending the year before
 *   `asOf`**: the last cell is the rating of the year before the as-of year, the cell before it the
 *   year before that, and so on. A blank cell means "not rated".
 */
export function ratingsArg(v: unknown, label: string, asOf: DayNumber): Record<string, string> {
  const m = asMatrix(v);
  const out: Record<string, string> = {};
  if (m.length === 0 || allBlank(m)) return out;
  const rows = m.length;
  const cols = Math.max(...m.map((r) => r.length));
  const cell = (i: number, j: number): unknown => m[i]?.[j] ?? null;
  const put = (year: number, rating: unknown, where: string) => {
    const r = ratingOf(isBlank(rating) ? null : rating, `${label}${where}`);
    if (r === null) return;
    if (out[year] !== undefined) throw new CwError('INVALID_TYPE', `${label}：${year}年出现了两次。每个年度只能有一个考核等次。`, label);
    out[year] = r;
  };
  const pairs = (n: number, yearAt: (k: number) => unknown, ratingAt: (k: number) => unknown, unit: string) => {
    for (let k = 0; k < n; k++) {
      const y = yearAt(k);
      const r = ratingAt(k);
      if (isBlank(y)) {
        if (!isBlank(r)) throw new CwError('INVALID_TYPE', `${label}：第${k + 1}${unit}有考核等次 ${shownValue(r)} 但没有年份。请在年份行（列）填写四位年份。`, label);
        continue;
      }
      put(yearOf(y)!, r, `（${yearOf(y)}年）`);
    }
  };
  if (rows === 2 && allYears(m[0])) {
    pairs(cols, (k) => cell(0, k), (k) => cell(1, k), '列');
    return out;
  }
  if (cols === 2 && allYears(m.map((r) => r[0]))) {
    pairs(rows, (k) => cell(k, 0), (k) => cell(k, 1), '行');
    return out;
  }
  if (rows !== 1 && cols !== 1) {
    throw new CwError(
      'INVALID_TYPE',
      `${label}：${rows}行×${cols}列的区域无法识别。可用：一行或一列考核等次（截至计算日期上一年度的连续年度），或第一行（列）为年份、第二行（列）为等次的两行（两列）区域。`,
      label,
    );
  }
  const list = rows === 1 ? m[0] : m.map((r) => r[0]);
  const lastYear = civilOf(asOf).y - 1;
  list.forEach((rating, k) => {
    const year = lastYear - (list.length - 1 - k);
    put(year, rating, `（第${k + 1}格，按${year}年）`);
  });
  return out;
}

const PARAM_HEADER_KEYS = new Set(['参数', '参数名', '参数名称', '键', '名称', 'key', 'name', 'param', 'parameter']);

/** The parameter keys a policy accepts, and its name for messages. */
export interface ParamKeys {
  policyName: string;
  has(key: string): boolean;
}

interface CachedParams {
  policyName: string;
  rows: unknown[][];
  result: Record<string, unknown> | null;
}

/** Recently parsed 参数表 ranges, most recent first. */
const PARAMS_CACHE: CachedParams[] = [];
const PARAMS_CACHE_MAX = 8;

function sameCells(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * Parameter overrides from a key/value range, with an optional third column 生效日期 (the date a
 * value applies from; several rows per key, one per date). Wider ranges, such as a pasted
 * CW.PARAMS table, use their first two columns: the third is read as 生效日期 only when its header
 * says so (生效日期, 起始日期, 自, from) or, without a header, when every cell in it is a date.
 * Blank rows are ignored; a header row (参数名/值) is skipped; a blank value keeps the published
 * default, so only filled values are passed on — but every key is checked against the policy,
 * blank or not. A dated key is passed on as `[{from, value}, …]` (the engine's dated override).
 * Returns null when nothing is overridden.
 *
 * Every row of a pay sheet passes the same 参数表, so a range equal cell for cell to a recent one
 * gets the very same result object back: the engine then reuses its resolved parameters (and the
 * values it memoises per grade) across rows instead of parsing the table again for each worker.
 */
export function paramsArg(v: unknown, label: string, keys?: ParamKeys): Record<string, unknown> | null {
  const m = asMatrix(v);
  if (m.length === 0) return null;
  const policyName = keys ? keys.policyName : '';
  for (let i = 0; i < PARAMS_CACHE.length; i++) {
    const c = PARAMS_CACHE[i];
    if (c.policyName === policyName && sameCells(c.rows, m)) return c.result;
  }
  const result = parseParams(m, label, keys);
  PARAMS_CACHE.unshift({ policyName, rows: m.map((r) => r.slice()), result });
  if (PARAMS_CACHE.length > PARAMS_CACHE_MAX) PARAMS_CACHE.pop();
  return result;
}

const DATE_HEADER = /^(生效日期|起始日期|生效|自|开始日期|from)$/i;

/** True when a cell can be a date as Excel holds one: a serial number or date text. */
function dateLike(c: unknown): boolean {
  if (typeof c === 'number') return c > 0;
  return typeof c === 'string' && /^\s*\d{4}\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}\s*日?\s*$/.test(c);
}

/** Whether the range's third column holds 生效日期: named so by a header row, or all dates. */
function hasDateColumn(m: Matrix): boolean {
  const first = m.find((row) => !isBlank(row[0] ?? null));
  if (!first) return false;
  const isHeader = typeof first[0] === 'string' && PARAM_HEADER_KEYS.has(first[0].trim().toLowerCase());
  if (isHeader) return typeof first[2] === 'string' && DATE_HEADER.test(first[2].trim());
  let any = false;
  for (const row of m) {
    const c = row[2] ?? null;
    if (isBlank(c)) continue;
    if (!dateLike(c)) return false;
    any = true;
  }
  return any;
}

function parseParams(m: Matrix, label: string, keys?: ParamKeys): Record<string, unknown> | null {
  if (allBlank(m)) return null;
  const cols = Math.max(...m.map((r) => r.length));
  if (cols < 2) {
    throw new CwError('INVALID_TYPE', `${label}：参数表需要两列（参数名、值），所给区域只有一列。请选中“参数名”和“值”两列（可加第三列“生效日期”）。`, label);
  }
  const dated = cols >= 3 && hasDateColumn(m);
  const out: Record<string, unknown> = {};
  /** Per key: the row it was first seen on, and whether that row had a date. */
  const seen = new Map<string, { row: number; dated: boolean }>();
  let seenData = false;
  m.forEach((row, i) => {
    const key = row[0] ?? null;
    const value = row[1] ?? null;
    const from = dated ? row[2] ?? null : null;
    if (isBlank(key)) {
      if (!isBlank(value)) throw new CwError('INVALID_PARAM', `${label}：第${i + 1}行有值 ${shownValue(value)} 但没有参数名。`, label);
      return;
    }
    if (typeof key !== 'string') throw new CwError('INVALID_PARAM', `${label}：第${i + 1}行的参数名 ${shownValue(key)} 不是文本。可用 CW.PARAMS 查看参数名。`, label);
    const k = key.trim();
    if (!seenData && PARAM_HEADER_KEYS.has(k.toLowerCase())) return; // a header row
    seenData = true;
    const hasDate = !isBlank(from);
    const before = seen.get(k);
    if (before && !(before.dated && hasDate)) {
      throw new CwError('INVALID_PARAM', `${label}：参数“${k}”出现了两次（第${i + 1}行重复）。每个参数只能填一次；同一参数有多个值时，每行在第三列填写生效日期。`, label);
    }
    if (!before) seen.set(k, { row: i, dated: hasDate });
    if (keys && !keys.has(k)) {
      throw new CwError('UNKNOWN_PARAM', `${label}：参数“${k}”不是${keys.policyName}的参数（第${i + 1}行）。可用 CW.PARAMS 查看全部参数名。`, label);
    }
    if (isBlank(value)) return;
    if (!hasDate) {
      out[k] = value;
      return;
    }
    if (!dateLike(from)) {
      throw new CwError('INVALID_DATE', `${label}：第${i + 1}行参数“${k}”的生效日期 ${shownValue(from)} 不是日期。可用：Excel 日期，或“2025-01-01”“2025/1/1”“2025年1月1日”格式的文本。`, label);
    }
    const list = (out[k] ??= []) as Array<{ from: unknown; value: unknown }>;
    list.push({ from, value });
  });
  return Object.keys(out).length ? out : null;
}

/** Awards from a range: one per cell, or several in a cell separated by 、，,;；. */
export function awardsArg(v: unknown): string[] {
  const out: string[] = [];
  for (const row of asMatrix(v)) {
    for (const c of row) {
      if (isBlank(c)) continue;
      if (typeof c !== 'string') {
        out.push(c as string); // the engine rejects a non-text award with the accepted list
        continue;
      }
      for (const part of c.split(/[,，;；、]/)) if (part.trim() !== '') out.push(part.trim());
    }
  }
  return out;
}
