/** Cell parsers of the worker table: each column's engine vocabulary function, with the column named in its message. */
import { CwError } from '../errors';
import { civilOf, dayNumberOf, isoOf, parseDate } from '../dates';
import type { DayNumber } from '../dates';
import { ratingOf } from '../vocab/ratings';
import type { Rating } from '../vocab/ratings';
import { educationOf, degreeOf } from '../vocab/education';
import { certificateOf } from '../vocab/certificates';
import type { CertificateLevel } from '../vocab/certificates';
import { electedOf, numberOf, textOf, yesNoOf } from '../roster/cells';
import type { Cell } from '../roster/types';

/** 年月 text: 1985.03, 1985-3, 1985年3月. */
export const MONTH_ONLY = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?$/;

/**
 * A date cell: an Excel serial or text (parseDate), or 年月 text such as 1985.03 / 1985年3月 read as
 * the 1st of the month (rosters often give 出生年月, 参加工作时间 to the month). Numbers such as 1985.1
 * are rejected: Excel has already dropped the month's trailing zero.
 */
export function dateCell(v: Cell, column: string, earliestYear: number): DayNumber {
  let day: DayNumber;
  if (typeof v === 'number' && v >= 1900 && v < 2101) {
    throw new CwError('INVALID_DATE', `${column}：${v} 像是写成数字的“年.月”，Excel 会去掉月份末尾的0（1985.10 变成 1985.1），无法确定月份。请改为完整日期（如 1985-10-01）或文本“1985.10”。`, column);
  }
  const m = typeof v === 'string' ? MONTH_ONLY.exec(v.trim()) : null;
  if (m) {
    day = dayNumberOf(Number(m[1]), Number(m[2]), 1);
    if (Number.isNaN(day)) throw new CwError('INVALID_DATE', `${column}：“${v}”不是实际存在的年月。可用：完整日期（如 2015-03-01）或“2015.03”这样的年月。`, column);
  } else {
    day = parseDate(v, column);
  }
  if (civilOf(day).y < earliestYear) {
    throw new CwError('INVALID_DATE', `${column}：${isoOf(day)} 早于${earliestYear}年，不是合理的日期（可能是把数字误作日期）。请核对后填写实际日期。`, column);
  }
  return day;
}

/** A cell parser: the engine's vocabulary function for one column (module-level, so no closure per row). */
export type Parse<T> = (v: Cell, column: string, what: string) => T;
/** 学历. */
export const P_EDUCATION: Parse<ReturnType<typeof educationOf>> = (v, f) => educationOf(v, f);
/** 学位. */
export const P_DEGREE: Parse<ReturnType<typeof degreeOf>> = (v, f) => degreeOf(v, f);
/** 职业资格证书 (none is null). */
export const P_CERTIFICATE: Parse<CertificateLevel | null> = (v, f) => certificateOf(v, f);
/** A date from 1990 on (证书、协议、任期). */
export const P_DATE: Parse<DayNumber> = (v, f) => dateCell(v, f, 1990);
/** 是/否. */
export const P_YESNO: Parse<boolean | null> = (v, f) => yesNoOf(v, f);
/** 任用方式: 选任 true, 招聘 false. */
export const P_ELECTED: Parse<boolean | null> = (v, f) => electedOf(v, f);
/** A non-negative number. */
export const P_NUMBER: Parse<number> = (v, f, what) => numberOf(v, f, what);
/** A non-negative whole number. */
export const P_INTEGER: Parse<number> = (v, f, what) => numberOf(v, f, what, true);
/** A 考核等次. */
export const P_RATING: Parse<Rating | null> = (v, f) => ratingOf(v, f);
/** A four-digit year (or a date, read as its year). */
export const P_YEAR: Parse<number> = (v, f) => {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  if (typeof v === 'number' && v > 2100) return civilOf(dateCell(v, f, 1990)).y;
  const t = textOf(v).replace(/年度?$/, '');
  const n = Number(t);
  if (!/^\d{4}$/.test(t) || n < 1990 || n > 2100) throw new CwError('INVALID_NUMBER', `${f}：${textOf(v)} 不是年份。可用：四位年份，如 2025。`, f);
  return n;
};
/** 原法定退休年龄: 60, 55 or 50. */
export const P_ORIGINAL_AGE: Parse<number> = (v, f) => {
  const n = numberOf(v, f, '原法定退休年龄 60、55 或 50', true);
  if (![60, 55, 50].includes(n)) throw new CwError('INVALID_NUMBER', `${f}：${n} 不是原法定退休年龄。可用：男 60；女 55（管理和专业技术岗位）或 50（工人岗位）。`, f);
  return n;
};

