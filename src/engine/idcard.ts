import { CwError, shown } from './errors';
import { DayNumber, dayNumberOf } from './dates';
import type { Sex } from './types';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** What an 18-character resident ID number says about its holder. */
export interface ResidentId {
  id: string;
  /** Six-digit administrative division code of the place of registration. */
  region: string;
  birthDate: DayNumber;
  sex: Sex;
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates a resident ID number (居民身份证号码, GB 11643): 18 characters, the check
 * character, a real birth date in positions 7–14; the 17th digit is odd for men.
 */
export function parseResidentId(value: unknown, field = '身份证号'): ResidentId {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new CwError('INVALID_ID', `${field}：${shown(value)} 不是身份证号。可用：18位居民身份证号码（最后一位可为X）。`, field);
  }
  const id = String(value).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    throw new CwError('INVALID_ID', `${field}：${shown(String(value))} 不是18位身份证号（应为17位数字加1位数字或X，共${id.length}位）。`, field);
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = dayNumberOf(y, m, d);
  if (Number.isNaN(birthDate)) {
    throw new CwError('INVALID_ID', `${field}：${id} 第7–14位的出生日期 ${id.slice(6, 14)} 不是实际存在的日期。`, field);
  }
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    throw new CwError('INVALID_ID', `${field}：${id} 校验位错误（末位应为 ${expected}，实为 ${id[17]}），号码可能录错。`, field);
  }
  return { id, region: id.slice(0, 6), birthDate, sex: Number(id[16]) % 2 === 1 ? '男' : '女' };
}
