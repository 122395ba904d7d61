/**
 * `--max-rows N` and `--max-size MB`: the workbook size guards' limits (src/workbook/guard.ts),
 * shared by every command that reads a roster workbook.
 */
import { CwError } from '../engine/errors';
import { DEFAULT_LIMITS, limitsOf } from '../workbook/guard';
import type { WorkbookLimits } from '../workbook/guard';

/** The help lines for the two options. */
export const LIMIT_HELP = `  --max-rows N          每个工作表最多读取的行数（默认 ${DEFAULT_LIMITS.maxRows}）；超过时不读取并说明
  --max-size MB         工作簿解压后的总大小上限（默认 ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB）；超过时不解压并说明`;

/** The options as given. */
export interface LimitOptions {
  maxRows?: number;
  maxSizeMb?: number;
}

/** Reads one of the two options' values into `into`; false when `flag` is neither. */
export function takeLimit(flag: string, value: () => string, into: LimitOptions): boolean {
  if (flag !== '--max-rows' && flag !== '--max-size') return false;
  const text = value();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 1e9) {
    throw new CwError('INVALID_NUMBER', `${flag}：“${text}”不是 1 至 1000000000 之间的整数。${flag === '--max-rows' ? '例：--max-rows 500000' : '例：--max-size 2048（MB）'}。`, flag);
  }
  if (flag === '--max-rows') into.maxRows = n;
  else into.maxSizeMb = n;
  return true;
}

/** The limits for the reader. */
export function workbookLimits(options: LimitOptions): WorkbookLimits {
  return limitsOf(options);
}
