import { CwError, shown } from '../errors';
import { wordTable } from './words';

/** 学历, lowest to highest. "研究生" alone means 硕士研究生 (POLICY-NOTES §1). */
export const EDUCATION_LEVELS = ['高中及以下', '中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

/** 学位, lowest to highest. */
export const DEGREE_LEVELS = ['无', '学士', '硕士', '博士'] as const;
export type Degree = (typeof DEGREE_LEVELS)[number];

const EDUCATION_SYNONYMS = wordTable<Education>({
  高中及以下: '高中及以下', 高中: '高中及以下', 初中: '高中及以下', 小学: '高中及以下', 职高: '高中及以下', 技校: '高中及以下',
  中专: '中专', 中技: '中专', 中等专科: '中专',
  大专: '大专', 专科: '大专', '大专(专科)': '大专', '大专（专科）': '大专', 大学专科: '大专', 高职: '大专',
  本科: '本科', 大学本科: '本科', 大学: '本科',
  硕士研究生: '硕士研究生', 研究生: '硕士研究生', 硕士: '硕士研究生',
  博士研究生: '博士研究生', 博士: '博士研究生',
});

const DEGREE_SYNONYMS = wordTable<Degree>({
  无: '无', 无学位: '无', 学士: '学士', 学士学位: '学士', 硕士: '硕士', 硕士学位: '硕士', 博士: '博士', 博士学位: '博士',
});

/** Normalises 学历; blank returns null (not stated). */
export function educationOf(value: unknown, field = 'education'): Education | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const e = typeof value === 'string' ? EDUCATION_SYNONYMS.get(value.trim()) : undefined;
  if (!e) throw new CwError('UNKNOWN_EDUCATION', `${field}：无法识别学历 ${shown(value)}。可用：${EDUCATION_LEVELS.join('、')}（也可写 专科、研究生）。`, field);
  return e;
}

/** Normalises 学位; blank returns null (not stated, treated as 无). */
export function degreeOf(value: unknown, field = 'degree'): Degree | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const d = typeof value === 'string' ? DEGREE_SYNONYMS.get(value.trim()) : undefined;
  if (!d) throw new CwError('UNKNOWN_DEGREE', `${field}：无法识别学位 ${shown(value)}。可用：${DEGREE_LEVELS.join('、')}。`, field);
  return d;
}

/** Rank of a 学历 (0 = 高中及以下 … 5 = 博士研究生). */
export function educationRank(e: Education): number {
  return EDUCATION_LEVELS.indexOf(e);
}

/** True when the 学历 is 大专 or above (the usual recruitment floor). */
export function atLeastJuniorCollege(e: Education | null): boolean {
  return e !== null && educationRank(e) >= educationRank('大专');
}
