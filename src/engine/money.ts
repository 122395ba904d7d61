import DecimalBase from 'decimal.js';

/**
 * The decimal type for every money figure: a private clone of decimal.js so the
 * project's rounding (half-up, 四舍五入) never depends on global settings.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** A yuan amount from a number or decimal string, exact (no binary floating point on the way). */
export function yuan(value: number | string | Decimal): Decimal {
  return new Decimal(value);
}

/** Rounds one pay item half-up to the fen (0.01 yuan), as each item is rounded before totalling. */
export function roundFen(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, DecimalBase.ROUND_HALF_UP);
}

/** Two-decimal text of an amount (`"4688.00"`), the form the CLI and reports print. */
export function fenText(amount: Decimal): string {
  const fen = exactFen(amount);
  return fen === null ? amount.toFixed(2, DecimalBase.ROUND_HALF_UP) : fenTextOf(fen);
}

/** Two-decimal text of a whole number of fen: the text toFixed gives for that amount (a minus sign only when non-zero). */
export function fenTextOf(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * The amount in fen as an exact integer, when it has at most two decimals and fewer than 16
 * digits (every pay figure, rounded per item); otherwise null. Read from decimal.js's digits
 * (`d`: base-1e7 limbs, the first unpadded; `e`: the power of ten of the leading digit), because
 * toFixed's general rounding is a large share of formatting a result.
 */
export function exactFen(amount: Decimal): number | null {
  const { d, e, s } = amount as unknown as { d: number[] | null; e: number; s: number };
  if (!d || d.length > 3) return null;
  let n = d[0];
  let digits = n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : 7;
  for (let i = 1; i < d.length; i++) {
    n = n * 1e7 + d[i];
    digits += 7;
  }
  if (digits > 15) return null;
  // The amount is n × 10^(e − digits + 1); in fen, n × 10^shift.
  const shift = e - digits + 3;
  let fen: number;
  if (shift >= 0) {
    if (e > 12) return null;
    fen = n * 10 ** shift;
  } else {
    const p = 10 ** -shift;
    if (n % p !== 0) return null; // more than two decimals: toFixed rounds
    fen = n / p;
  }
  return s < 0 ? -fen : fen;
}

/** Zero yuan. */
export const ZERO = new Decimal(0);

/** Sum of already-rounded items. */
export function sumOf(amounts: Decimal[]): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}
