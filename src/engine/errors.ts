/** Machine-readable error codes; the message is always Chinese and says what was given and what is accepted. */
export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_TYPE'
  | 'REQUIRED'
  | 'UNKNOWN_FIELD'
  | 'INVALID_DATE'
  | 'FUTURE_DATE'
  | 'INVALID_NUMBER'
  | 'UNKNOWN_POLICY'
  | 'UNKNOWN_POST'
  | 'UNKNOWN_RATING'
  | 'UNKNOWN_EDUCATION'
  | 'UNKNOWN_DEGREE'
  | 'UNKNOWN_CERTIFICATE'
  | 'UNKNOWN_SEX'
  | 'UNKNOWN_AWARD'
  | 'UNKNOWN_ITEM'
  | 'UNKNOWN_PARAM'
  | 'INVALID_PARAM'
  | 'MISSING_PARAM'
  | 'NOT_IN_FORCE'
  | 'INVALID_ID'
  // Files (front ends only; the engine itself never touches a file):
  | 'FILE_NOT_FOUND'
  | 'INVALID_OUTPUT'
  | 'WRITE_FAILED'
  | 'INVALID_WORKBOOK'
  | 'TOO_LARGE';

/**
 * The one error type the engine throws. Front ends map it: the CLI prints
 * `{"error": {code, message}}`, Excel functions raise `#VALUE!`/`#N/A`.
 */
export class CwError extends Error {
  readonly code: ErrorCode;
  /** The input field or parameter the error is about, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CwError';
    this.code = code;
    this.field = field;
  }
}

/** Codes about the policy or its 参数表, not one worker: no sheet or report of the whole roster can be made. */
const POLICY_LEVEL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['MISSING_PARAM', 'NOT_IN_FORCE', 'INVALID_PARAM', 'UNKNOWN_PARAM']);

/** True when `e` stops a whole roster's pay sheet or report; any other error stays on the worker's row. */
export function stopsWholeRoster(e: CwError): boolean {
  return POLICY_LEVEL.has(e.code);
}

/** Shows a user-supplied value inside a message, quoted and shortened. */
export function shown(value: unknown): string {
  if (value === undefined) return '（空）';
  if (value === null) return '（空）';
  if (typeof value === 'string') return value === '' ? '（空字符串）' : `“${value.length > 40 ? value.slice(0, 40) + '…' : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? s.slice(0, 60) + '…' : s;
  } catch {
    // Too deeply nested to print (String() of it would overflow the stack too).
    return Array.isArray(value) ? '（多层嵌套的列表）' : '（多层嵌套的对象）';
  }
}

/** Raises the error for a fact a rule needs but the input lacks. */
export function required<T>(value: T | null, field: string, what: string): T {
  if (value === null) throw new CwError('REQUIRED', `${field}：缺少${what}。`, field);
  return value;
}
