import { CwError } from '../../src/engine';

/** The CwError that `f` throws, for asserting its code, field and message; anything else fails the test. */
export function cwErrorOf(f: () => unknown): CwError {
  try {
    f();
  } catch (e) {
    if (e instanceof CwError) return e;
    throw e;
  }
  throw new Error('expected a CwError');
}
