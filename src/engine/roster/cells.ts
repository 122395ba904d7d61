import { CwError, shown } from '../errors';
import type { Cell } from './types';

/** True for an empty cell: null, or text that is only spaces. */
export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell as trimmed text ('' for blank). Numbers print as Excel shows them (no exponent for whole numbers). */
export function textOf(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return v ? '是' : '否';
}

/** A name as the roster writes it, spaces removed (张 三 = 张三; 春晖 社区 = 春晖社区). */
export function nameOf(v: Cell | undefined): string {
  return textOf(v).replace(/[\s\u3000]+/g, '');
}

/** A non-negative number from a cell (number or numeric text, 1,234 allowed); CwError naming the column otherwise. */
export function numberOf(v: Cell, column: string, what: string, integer = false): number {
  let n = NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const t = v.trim().replace(/[,，]/g, '').replace(/(人|户|名|天|小时|元|个)$/, '');
    if (/^-?\d+(\.\d+)?$/.test(t)) n = Number(t);
  }
  if (!Number.isFinite(n)) throw new CwError('INVALID_NUMBER', `${column}：${shown(v)} 不是数字。应填写${what}。`, column);
  if (n < 0) throw new CwError('INVALID_NUMBER', `${column}：${shown(v)} 不能为负数。应填写${what}。`, column);
  if (integer && !Number.isInteger(n)) throw new CwError('INVALID_NUMBER', `${column}：${shown(v)} 不是整数。应填写${what}。`, column);
  return n;
}

const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '有', '在', '试用期', '试用', '试用期内']);
const NO = new Set(['否', '×', '✗', 'n', 'no', 'false', '0', '无', '不是', '正式', '已转正', '转正']);

/** 是/否 from a cell (also √/×, TRUE/FALSE, 1/0); blank is null; anything else a CwError naming the column. */
export function yesNoOf(v: Cell, column: string): boolean | null {
  if (v === '是') return true;
  if (v === '否') return false;
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  const t = textOf(v).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  throw new CwError('INVALID_TYPE', `${column}：${shown(v)} 无法识别。可用：是、否（也可写 √、×）。`, column);
}

const ELECTED = /^(选任|选举|换届选举|选举产生|选任制|民主选举|选举任职)$/;
const RECRUITED = /^(招聘|公开招聘|聘用|招录|考录|公开招考|社会招聘|招考|聘任|公开选聘|选聘|招聘录用)$/;

/** 任用方式: true for 选任 (elected), false for 招聘 (recruited); blank null; other text a CwError. */
export function electedOf(v: Cell, column: string): boolean | null {
  if (v === '选任') return true;
  if (v === '招聘') return false;
  if (isBlank(v)) return null;
  const t = textOf(v).replace(/[\s\u3000]+/g, '');
  if (ELECTED.test(t)) return true;
  if (RECRUITED.test(t)) return false;
  throw new CwError('INVALID_TYPE', `${column}：无法识别任用方式 ${shown(v)}。可用：选任（选举产生的“两委”成员）、招聘（公开招聘、聘用）。`, column);
}
