import { CwError, shown } from './errors';

/**
 * Dates are civil dates held as a day number: whole days since 1970-01-01.
 * No time zones, no times of day: a pay rule only ever needs the calendar date.
 */
export type DayNumber = number;

/** A civil date broken into year, month (1–12) and day. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system (counting the phantom 1900-02-29). */
const EXCEL_SERIAL_1970 = 25_569;
/** Day number of 1900-03-01: from here on Excel serials are offset by the phantom leap day. */
const DAY_1900_03_01 = -25_508;

/** True when `y` is a Gregorian leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Day number of a civil date; returns NaN for an impossible date (2023-02-30). */
export function dayNumberOf(y: number, m: number, d: number): DayNumber {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return NaN;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  // Integer arithmetic (H. Hinnant's days_from_civil): no Date objects on the hot path.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilOf(day: DayNumber): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO text `YYYY-MM-DD` of a day number. */
export function isoOf(day: DayNumber): string {
  const { y, m, d } = civilOf(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Chinese text `YYYY年M月D日` of a day number. */
export function chineseOf(day: DayNumber): string {
  const { y, m, d } = civilOf(day);
  return `${y}年${m}月${d}日`;
}

/**
 * Day number of an Excel serial in the 1900 date system. Serial 1 is 1900-01-01;
 * serial 60 is Excel's phantom 1900-02-29, which never existed and is rejected.
 * A fractional part (a time of day) is ignored.
 */
export function fromExcelSerial(serial: number, field = '日期'): DayNumber {
  if (!Number.isFinite(serial)) throw new CwError('INVALID_DATE', `${field}：${shown(serial)} 不是有效的 Excel 日期序列号。可用：正整数序列号（1 = 1900-01-01）或“2015-03-01”“2015/3/1”“2015年3月1日”格式的日期。`, field);
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465) {
    throw new CwError('INVALID_DATE', `${field}：${shown(serial)} 超出 Excel 日期序列号范围（1 = 1900-01-01 至 2958465 = 9999-12-31）。`, field);
  }
  if (whole === 60) {
    throw new CwError('INVALID_DATE', `${field}：序列号 60 是 Excel 虚构的 1900-02-29，这一天并不存在。请输入实际日期。`, field);
  }
  return whole < 60 ? whole - EXCEL_SERIAL_1970 + 1 : whole - EXCEL_SERIAL_1970;
}

/** Excel serial (1900 date system) of a day number, as Excel itself numbers it. */
export function toExcelSerial(day: DayNumber): number {
  return day >= DAY_1900_03_01 ? day + EXCEL_SERIAL_1970 : day + EXCEL_SERIAL_1970 - 1;
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const ACCEPTED = '可用：Excel 日期（序列号）或“2015-03-01”“2015/3/1”“2015年3月1日”格式的文本。';

/**
 * Parses a date as a clerk supplies it: an Excel serial number, or text in
 * `2015-03-01`, `2015/3/1`, `2015.3.1`, `2015年3月1日` or `20150301` form
 * (an ISO timestamp's time part is ignored). Impossible dates are errors, never rolled over.
 */
export function parseDate(value: unknown, field = '日期'): DayNumber {
  if (typeof value === 'number') {
    yearOnly(value, value, field);
    return fromExcelSerial(value, field);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CwError('INVALID_DATE', `${field}：无效日期。${ACCEPTED}`, field);
    return dayNumberOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') {
    throw new CwError('INVALID_DATE', `${field}：${shown(value)} 不是日期。${ACCEPTED}`, field);
  }
  // Fast path for the common ISO form.
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && digitsAt(value, 0, 4) && digitsAt(value, 5, 7) && digitsAt(value, 8, 10)) {
    const y = Number(value.slice(0, 4));
    const m = Number(value.slice(5, 7));
    const d = Number(value.slice(8, 10));
    const day = dayNumberOf(y, m, d);
    if (!Number.isNaN(day)) return day;
  }
  const text = value.trim().replace(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  if (text === '') throw new CwError('REQUIRED', `${field}：不能为空。${ACCEPTED}`, field);
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) {
    yearOnly(Number(text), value, field);
    return fromExcelSerial(Number(text), field);
  }
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const day = dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (Number.isNaN(day)) {
      throw new CwError('INVALID_DATE', `${field}：${shown(value)} 不是实际存在的日期（${Number(m[1])}年${Number(m[2])}月没有${Number(m[3])}日，或年份早于1900年）。`, field);
    }
    return day;
  }
  throw new CwError('INVALID_DATE', `${field}：无法识别日期 ${shown(value)}。${ACCEPTED}`, field);
}

/** True when `text[from..to)` is all ASCII digits (the fast path must not take `2023-1.-01`). */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A date given as only a year (2015, "2015") would read as Excel serial 2015 = 1905-07-07 and
 * count a century of service; no roster date falls in 1905, so it is an error that says so.
 */
function yearOnly(n: number, value: unknown, field: string): void {
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) {
    throw new CwError('INVALID_DATE', `${field}：${shown(value)} 只有年份，不是日期（当作 Excel 序列号会是 ${isoOf(fromExcelSerial(n))}）。请写完整的年月日，如“${n}-03-01”“${n}年3月1日”。`, field);
  }
}

/** Day number of 1 January of the year the day falls in. */
export function startOfYear(day: DayNumber): DayNumber {
  return dayNumberOf(civilOf(day).y, 1, 1);
}

/**
 * Adds calendar months. A day that the target month lacks is clamped to its last
 * day (1960-01-31 + 1 month = 1960-02-29), as payroll offices count months.
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = civilOf(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return dayNumberOf(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/**
 * Whole years from `from` to `to`: the number of anniversaries of `from` on or before `to`.
 * A 29 February start has its anniversary on 1 March in common years.
 */
export function wholeYearsBetween(from: DayNumber, to: DayNumber): number {
  if (to < from) return 0;
  const a = civilOf(from);
  const b = civilOf(to);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/** Whole calendar months from `from` to `to` (same day-of-month rule as {@link wholeYearsBetween}). */
export function wholeMonthsBetween(from: DayNumber, to: DayNumber): number {
  if (to < from) return 0;
  const a = civilOf(from);
  const b = civilOf(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

/** Last day of the month before the one `day` falls in. */
export function endOfPreviousMonth(day: DayNumber): DayNumber {
  const { y, m } = civilOf(day);
  return dayNumberOf(y, m, 1) - 1;
}

/** First day of the month after the one `day` falls in. */
export function startOfNextMonth(day: DayNumber): DayNumber {
  const { y, m } = civilOf(day);
  return m === 12 ? dayNumberOf(y + 1, 1, 1) : dayNumberOf(y, m + 1, 1);
}

/** Today's civil date in China (UTC+8), the calendar a street office works by. */
export function todayInChina(now: Date = new Date()): DayNumber {
  return Math.floor((now.getTime() + 8 * 3_600_000) / MS_PER_DAY);
}
