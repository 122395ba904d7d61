import { CwError, shown } from '../errors';
import { wordTable } from './words';

/** The four annual rating grades (年度考核等次), in the words of most documents. */
export type Rating = '优秀' | '合格' | '基本合格' | '不合格';

const SYNONYMS = wordTable<Rating>({
  优秀: '优秀',
  合格: '合格',
  称职: '合格',
  基本合格: '基本合格',
  基本称职: '基本合格',
  不合格: '不合格',
  不称职: '不合格',
  excellent: '优秀',
  pass: '合格',
  competent: '合格',
  basic: '基本合格',
  fail: '不合格',
});

/**
 * Normalises one rating. Tongzhou's 称职/基本称职/不称职 are the same grades as
 * 合格/基本合格/不合格 (POLICY-NOTES §1). Blank means "not rated" and returns null.
 */
export function ratingOf(value: unknown, field = '考核等次'): Rating | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    throw new CwError('UNKNOWN_RATING', `${field}：${shown(value)} 不是考核等次。可用：优秀、合格（称职）、基本合格（基本称职）、不合格（不称职），或留空表示未考核。`, field);
  }
  const direct = SYNONYMS.get(value);
  if (direct) return direct;
  const t = value.trim();
  if (t === '' || t === '未考核' || t === '无') return null;
  const r = SYNONYMS.get(t) ?? SYNONYMS.get(t.toLowerCase());
  if (!r) {
    throw new CwError('UNKNOWN_RATING', `${field}：无法识别考核等次 ${shown(value)}。可用：优秀、合格（称职）、基本合格（基本称职）、不合格（不称职），或留空表示未考核。`, field);
  }
  return r;
}

/** Annual ratings by calendar year. */
export type RatingsByYear = ReadonlyMap<number, Rating>;

/**
 * Normalises ratings given as `{"2021": "优秀"}`. Years must be four-digit calendar years.
 * Blank ratings are dropped (not rated changes nothing).
 */
export function ratingsOf(value: unknown, field = 'ratings'): Map<number, Rating> {
  const out = new Map<number, Rating>();
  if (value === null || value === undefined) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CwError('INVALID_TYPE', `${field}：${shown(value)} 不是年度考核表。可用：{"2021": "优秀", "2022": "合格"} 这样的“年份: 等次”对象。`, field);
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const year = k.length === 4 ? Number(k) : Number(k.trim().replace(/年(度)?$/, ''));
    if (!Number.isInteger(year) || year < 1950 || year > 2100) {
      throw new CwError('INVALID_TYPE', `${field}：${shown(k)} 不是年份。可用：四位年份，如 "2021"。`, field);
    }
    const r = ratingOf(v, `${field}.${year}`);
    if (r) out.set(year, r);
  }
  return out;
}

/** Counts ratings of one grade, optionally only in years before `beforeYear`. */
export function countRatings(ratings: RatingsByYear, grade: Rating, beforeYear = Infinity): number {
  let n = 0;
  for (const [year, r] of ratings) if (r === grade && year < beforeYear) n++;
  return n;
}
