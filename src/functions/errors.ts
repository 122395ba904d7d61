/**
 * Excel errors for the custom functions. In Excel the error is a `CustomFunctions.Error`; in Node
 * (the `cw fn` command, tests, HyperFormula) the global does not exist and an {@link FnError} with
 * the same `code` and `message` stands in. The global is looked up when an error is made, never at
 * import time, so this module loads anywhere.
 */

/** The two Excel errors these functions return; both carry a Chinese message. */
export type FnErrorCode = '#VALUE!' | '#N/A';

/** What every error result looks like, whichever class made it. */
export interface FnErrorLike {
  code: string;
  message?: string;
}

/** The stand-in for `CustomFunctions.Error` outside Excel. */
export class FnError implements FnErrorLike {
  readonly name = 'FnError';
  constructor(readonly code: FnErrorCode, readonly message: string) {}
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

interface CustomFunctionsGlobal {
  Error: new (code: unknown, message?: string) => FnErrorLike;
  ErrorCode: { invalidValue: unknown; notAvailable: unknown };
}

function customFunctionsGlobal(): CustomFunctionsGlobal | undefined {
  const g = globalThis as { CustomFunctions?: CustomFunctionsGlobal };
  return g.CustomFunctions && typeof g.CustomFunctions.Error === 'function' ? g.CustomFunctions : undefined;
}

/** An error result: `CustomFunctions.Error` in Excel, {@link FnError} elsewhere. */
export function makeError(code: FnErrorCode, message: string): FnErrorLike {
  const cf = customFunctionsGlobal();
  if (cf) return new cf.Error(code === '#VALUE!' ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable, message);
  return new FnError(code, message);
}

/** True for an error result made by {@link makeError} (either class). */
export function isFnError(value: unknown): value is FnErrorLike {
  if (value instanceof FnError) return true;
  const cf = customFunctionsGlobal();
  return cf !== undefined && value instanceof cf.Error;
}

/** The Excel error text of an error result: `#VALUE!` or `#N/A`. */
export function errorText(e: FnErrorLike): FnErrorCode {
  // CustomFunctions.ErrorCode values are the Excel texts themselves ("#VALUE!", "#N/A").
  return e.code === '#N/A' || e.code === 'notAvailable' ? '#N/A' : '#VALUE!';
}
