import { CwError, shown } from '../errors';
import { wordTable } from './words';

/** 社会工作者职业水平证书 levels: 1 初级 (助理社会工作师), 2 中级 (社会工作师), 3 高级 (高级社会工作师). */
export type CertificateLevel = 1 | 2 | 3;

/** Chinese name of each level, as most documents write it. */
export const CERTIFICATE_NAMES: Record<CertificateLevel, string> = { 1: '助理社会工作师', 2: '社会工作师', 3: '高级社会工作师' };

const SYNONYMS = wordTable<CertificateLevel | 0>({
  无: 0, 没有: 0,
  助理社会工作师: 1, 初级: 1, 助理社工师: 1, 助理社会工作者: 1, 助理社工: 1,
  社会工作师: 2, 中级: 2, 社工师: 2, 社会工作者: 2,
  高级社会工作师: 3, 高级: 3, 高级社工师: 3, 高级社会工作者: 3,
});

/**
 * Normalises a certificate. Ningxia writes 助理社会工作者/社会工作者/高级社会工作者 for the
 * same three levels (POLICY-NOTES §1). Blank or 无 returns null.
 */
export function certificateOf(value: unknown, field = 'certificate'): CertificateLevel | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const level = typeof value === 'string' ? SYNONYMS.get(value.trim().replace(/证书?$/, '')) : undefined;
  if (level === undefined) {
    throw new CwError('UNKNOWN_CERTIFICATE', `${field}：无法识别职业水平证书 ${shown(value)}。可用：助理社会工作师（初级）、社会工作师（中级）、高级社会工作师（高级），或 无。`, field);
  }
  return level === 0 ? null : level;
}
