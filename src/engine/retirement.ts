import { CwError, shown } from './errors';
import { DayNumber, addMonths, civilOf } from './dates';
import { Citation } from './citation';
import { Trace } from './trace';
import type { Sex } from './types';

/** The national gradual-delay measures (in force 2025-01-01), which every policy defers to. */
export const NATIONAL_RETIREMENT: Citation = { doc: '《国务院关于渐进式延迟法定退休年龄的办法》', article: '第二条及所附对照表' };

/** Statutory retirement under the national schedule. */
export interface Retirement {
  date: DayNumber;
  originalAge: number;
  delayMonths: number;
  /** Retirement age in whole months (original age × 12 + delay). */
  ageMonths: number;
}

interface Schedule {
  /** First birth month (year, month) that is delayed. */
  fromYear: number;
  /** Birth months per month of delay. */
  every: number;
  cap: number;
}

const SCHEDULES: Record<string, Schedule> = {
  '男60': { fromYear: 1965, every: 4, cap: 36 },
  '女55': { fromYear: 1970, every: 4, cap: 36 },
  '女50': { fromYear: 1975, every: 2, cap: 60 },
};

/** Months of delay for a birth date under one schedule (docs/readings.md 通用-退休年龄). */
export function delayMonthsFor(birth: DayNumber, sex: Sex, originalAge: number): number {
  const s = SCHEDULES[`${sex}${originalAge}`];
  const { y, m } = civilOf(birth);
  const k = (y - s.fromYear) * 12 + (m - 1);
  if (k < 0) return 0;
  return Math.min(s.cap, Math.floor(k / s.every) + 1);
}

/**
 * Statutory retirement date: birth date + original age + the national delay for the birth month.
 * Men 60; women 55 (管理和专业技术岗位, the default for community workers) or 50 (工人岗位).
 * Example: a man born 1965-03-15 retires at 60 years 1 month, on 2025-04-15.
 */
export function retirementOf(birth: DayNumber, sex: Sex, originalAge: number | null = null, trace?: Trace): Retirement {
  const age = originalAge ?? (sex === '男' ? 60 : 55);
  if (!SCHEDULES[`${sex}${age}`]) {
    throw new CwError('INVALID_NUMBER', `original_age：${shown(age)} 不是${sex}职工的原法定退休年龄。可用：男 60；女 55（管理和专业技术岗位）或 50（工人岗位）。`, 'originalAge');
  }
  const delayMonths = delayMonthsFor(birth, sex, age);
  const ageMonths = age * 12 + delayMonths;
  const date = addMonths(birth, ageMonths);
  if (trace?.on) {
    trace.add('原法定退休年龄', `${sex} ${age} 周岁`, NATIONAL_RETIREMENT, '解读 §通用-退休年龄：国家渐进式延迟办法（2025-01-01施行）取代各文件所列年龄');
    trace.add('延迟月数', `${delayMonths} 个月（退休年龄 ${Math.floor(ageMonths / 12)} 岁 ${ageMonths % 12} 个月）`, NATIONAL_RETIREMENT);
  }
  return { date, originalAge: age, delayMonths, ageMonths };
}

/** Normalises sex text: 男/女 (also M/F, male/female). */
export function sexOf(value: unknown, field = 'sex'): Sex {
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === '男' || t === 'm' || t === 'male' || t === '男性') return '男';
    if (t === '女' || t === 'f' || t === 'female' || t === '女性') return '女';
  }
  throw new CwError('UNKNOWN_SEX', `${field}：无法识别性别 ${shown(value)}。可用：男、女。`, field);
}
