import DecimalBase from 'decimal.js';
import { Decimal, fenText, roundFen } from '../../src/engine/money';
import { prng } from '../../bench/workers';
import { toEvaluation } from '../../src/engine/evaluate';

/** fenText reads exact amounts from decimal.js's digits (a cw calc hot path): always toFixed's text. */
describe('fenText', () => {
  const slow = (x: InstanceType<typeof Decimal>) => x.toFixed(2, DecimalBase.ROUND_HALF_UP);

  test.each(['0', '-0', '4688', '3590.4', '897.6', '0.01', '-0.01', '0.1', '-12.5', '1e-7', '0.005', '-0.005', '0.004999', '1234567.891', '9999999.995',
    '99999999999999.99', '999999999999999.9', '12345678901234', '1e13', '1e15', '1e21', '0.0000001', '10000000', '10000000.01', '123456789012.34'])('%s', (v) => {
    const x = new Decimal(v);
    expect(fenText(x)).toBe(slow(x));
  });

  test('50,000 random amounts, rounded and not, by sums and products as the policies make them', () => {
    const rnd = prng(5);
    for (let i = 0; i < 50_000; i++) {
      const scale = 10 ** Math.floor(rnd() * 16);
      const raw = new Decimal(Math.floor(rnd() * scale)).div(10 ** Math.floor(rnd() * 9)).times(rnd() < 0.2 ? -1 : 1);
      const made = roundFen(new Decimal(3400).times(1 + Math.floor(rnd() * 60) / 100)).plus(raw.toDecimalPlaces(2)).times(rnd() < 0.5 ? 1 : 0.3);
      for (const x of [raw, roundFen(raw), made, made.plus(raw)]) {
        if (fenText(x) !== slow(x)) expect(`${x.toString()} → ${fenText(x)}`).toBe(`${x.toString()} → ${slow(x)}`);
      }
    }
  });
});

describe('a result’s total is the sum of its items to the fen', () => {
  test('summed in whole fen when every item is, with decimal.js otherwise: the same text', () => {
    const rnd = prng(9);
    for (let k = 0; k < 2000; k++) {
      const n = 1 + Math.floor(rnd() * 5);
      const items = Array.from({ length: n }, (_, i) => ({ name: `项${i}`, amount: new Decimal(Math.floor(rnd() * 1e9) - 1e8).div(k % 10 === 0 ? 1000 : 100) }));
      const a = { worker: { policy: { id: 'benxi-2022' }, asOf: 0 }, years: 1, grade: 1, items, warnings: [], trace: [], retirementDate: null } as unknown as Parameters<typeof toEvaluation>[0];
      const want = slowTotal(items.map((i) => i.amount));
      expect(toEvaluation(a).total).toBe(want);
    }
  });
});

function slowTotal(amounts: Array<InstanceType<typeof Decimal>>): string {
  let total = amounts[0].times(0);
  for (const x of amounts) total = total.plus(x);
  return total.toFixed(2, DecimalBase.ROUND_HALF_UP);
}
