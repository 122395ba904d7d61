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
  return amount.toFixed(2, DecimalBase.ROUND_HALF_UP);
}

/** Zero yuan. */
export const ZERO = new Decimal(0);

/** Sum of already-rounded items. */
export function sumOf(amounts: Decimal[]): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}
