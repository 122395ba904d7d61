import { Decimal } from '../money';
import { Trace } from '../trace';
import { cumulativeWithholding } from './iit';
import type { WithholdingInput } from './iit';
import { payrollParams } from './params';
import { cwErrorOf as cwError } from '../../../test/helpers/errors';

const p = payrollParams.resolve(null);
const d = (n: number | string) => new Decimal(n);
const off = new Trace(false);

/** Tax for a cumulative taxable income T in one month (income = T + 5,000, nothing else). */
const taxOn = (t: string) => cumulativeWithholding({ income: d(t).plus(5000), special: d(0), specialAdditional: d(0), months: 1, withheld: d(0) }, p, off);

describe('预扣率表一 (公告2018年第61号): every band boundary', () => {
  // [cumulative taxable, band, tax] — tax = T × rate − quick deduction, hand-computed.
  const cases: Array<[string, number, string]> = [
    ['0', 1, '0.00'],
    ['36000', 1, '1080.00'], // 36000 × 3%
    ['36000.01', 2, '1080.00'], // 3600.001 − 2520 = 1080.001
    ['144000', 2, '11880.00'], // 14400 − 2520
    ['144000.01', 3, '11880.00'], // 28800.002 − 16920
    ['300000', 3, '43080.00'], // 60000 − 16920
    ['300000.01', 4, '43080.00'], // 75000.0025 − 31920
    ['420000', 4, '73080.00'], // 105000 − 31920
    ['420000.01', 5, '73080.00'], // 126000.003 − 52920
    ['660000', 5, '145080.00'], // 198000 − 52920
    ['660000.01', 6, '145080.00'], // 231000.0035 − 85920
    ['960000', 6, '250080.00'], // 336000 − 85920
    ['960000.01', 7, '250080.00'], // 432000.0045 − 181920
    ['1000000', 7, '268080.00'], // 450000 − 181920
  ];
  test.each(cases)('taxable %s → band %i, tax %s', (t, band, tax) => {
    const w = taxOn(t);
    expect(w.band).toBe(band);
    expect(w.tax.toFixed(2)).toBe(tax);
  });

  test('the issue\'s example: (120000 − 14000 − 12000 − 60000) × 3% − 8000 → 0.00, never negative', () => {
    const w = cumulativeWithholding({ income: d(120000), special: d(14000), specialAdditional: d(12000), months: 12, withheld: d(8000) }, p, off);
    expect(w.taxable.toFixed(2)).toBe('34000.00');
    expect(w.cumulativeTax.toFixed(2)).toBe('1020.00');
    expect(w.tax.toFixed(2)).toBe('0.00');
  });

  test('deductions beyond income: taxable 0, tax 0', () => {
    const w = cumulativeWithholding({ income: d(3000), special: d(300), specialAdditional: d(2000), months: 1, withheld: d(0) }, p, off);
    expect(w.taxable.toFixed(2)).toBe('0.00');
    expect(w.tax.toFixed(2)).toBe('0.00');
  });

  test('exempt income, other deductions and relief reduce the tax', () => {
    // (60000 − 1000 − 25000 − 3000 − 0 − 1000) = 30000 × 3% = 900 − 100 relief = 800 − 500 withheld = 300
    const w = cumulativeWithholding({ income: d(60000), exempt: d(1000), special: d(3000), specialAdditional: d(0), other: d(1000), relief: d(100), months: 5, withheld: d(500) }, p, off);
    expect(w.tax.toFixed(2)).toBe('300.00');
  });

  test('tax is rounded half-up to the fen', () => {
    expect(taxOn('1000.50').tax.toFixed(2)).toBe('30.02'); // 30.015 → 30.02
    expect(taxOn('1000.16').tax.toFixed(2)).toBe('30.00'); // 30.0048
  });

  test('bad input is a Chinese error naming the figure', () => {
    const e = cwError(() => cumulativeWithholding({ income: d(1), special: d(0), specialAdditional: d(0), months: 13, withheld: d(0) }, p, off));
    expect(e.message).toContain('任职月数');
    expect(cwError(() => cumulativeWithholding({ income: d(-1), special: d(0), specialAdditional: d(0), months: 1, withheld: d(0) }, p, off)).message).toContain('累计收入');
  });

  test('the trace cites 公告2018年第61号', () => {
    const t = new Trace(true);
    cumulativeWithholding({ income: d(10000), special: d(1000), specialAdditional: d(0), months: 1, withheld: d(0) }, p, t);
    expect(t.steps.map((s) => s.step)).toEqual(['累计预扣预缴应纳税所得额', '预扣率', '本期应预扣预缴税额']);
    expect(t.steps.every((s) => s.source.includes('国家税务总局公告2018年第61号'))).toBe(true);
  });
});

/** Runs a tax year month by month; `monthly(m)` gives that month's income, special and additional deductions. */
function year(months: number[], monthly: (m: number) => { income: number; special: number; sad?: number }): string[] {
  const ytd: WithholdingInput = { income: d(0), special: d(0), specialAdditional: d(0), months: 0, withheld: d(0) };
  const out: string[] = [];
  for (const m of months) {
    const f = monthly(m);
    ytd.income = ytd.income.plus(f.income);
    ytd.special = ytd.special.plus(f.special);
    ytd.specialAdditional = ytd.specialAdditional.plus(f.sad ?? 0);
    ytd.months += 1;
    const w = cumulativeWithholding(ytd, p, off);
    ytd.withheld = ytd.withheld.plus(w.tax);
    out.push(w.tax.toFixed(2));
  }
  return out;
}
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('a full tax year by the cumulative method', () => {
  test('10,000 a month crosses 36,000 in October', () => {
    // Taxable grows by 10000 − 1000 − 5000 = 4000 a month: 36,000 after September (3%), then 10% − 2520.
    const taxes = year(ALL, () => ({ income: 10000, special: 1000 }));
    expect(taxes).toEqual(['120.00', '120.00', '120.00', '120.00', '120.00', '120.00', '120.00', '120.00', '120.00', '400.00', '400.00', '400.00']);
    // Whole year: 48000 × 10% − 2520 = 2280.
    expect(taxes.reduce((s, t) => s.plus(t), d(0)).toFixed(2)).toBe('2280.00');
  });

  test('20,000 a month crosses 36,000 in March and 144,000 in December', () => {
    // 13,000 taxable a month. Mar: 39000 → 1380 − 780 = 600. Apr: 52000 → 2680 − 1380 = 1300 …
    // Nov: 143000 → 11780. Dec: 156000 × 20% − 16920 = 14280 − 11780 = 2500.
    const taxes = year(ALL, () => ({ income: 20000, special: 2000 }));
    expect(taxes).toEqual(['390.00', '390.00', '600.00', '1300.00', '1300.00', '1300.00', '1300.00', '1300.00', '1300.00', '1300.00', '1300.00', '2500.00']);
    expect(taxes.reduce((s, t) => s.plus(t), d(0)).toFixed(2)).toBe('14280.00');
  });

  test('6,000 a month never owes tax (below 5,000 + contributions)', () => {
    expect(year(ALL, () => ({ income: 6000, special: 1200 }))).toEqual(ALL.map(() => '0.00'));
  });

  test('special additional deductions added in April', () => {
    // Jan–Mar 4,000 taxable a month → 120 each. From April 2,000 a month more deductions:
    // Apr 40000 − 20000 − 4000 − 2000 = 14000 → 420 − 360 = 60; May 16000 → 480 − 420 = 60.
    // The April filing that adds earlier months can make the month's tax negative → 0, later catching up:
    const taxes = year([1, 2, 3, 4, 5], (m) => ({ income: 10000, special: 1000, sad: m >= 4 ? 2000 : 0 }));
    expect(taxes).toEqual(['120.00', '120.00', '120.00', '60.00', '60.00']);
    // Filed in April for January on: Apr ytd sad 8000 → 16000 − 8000 = 8000 → 240 < 360 withheld → 0.
    const late = year([1, 2, 3, 4, 5], (m) => ({ income: 10000, special: 1000, sad: m === 4 ? 8000 : m > 4 ? 2000 : 0 }));
    expect(late).toEqual(['120.00', '120.00', '120.00', '0.00', '0.00']); // May: 20000 − 10000 = 10000 → 300 < 360
  });

  test('a worker joining in July counts months from July', () => {
    // Jul (1 month): 10000 − 1000 − 5000 = 4000 → 120; … Dec (6 months): 24000 → 720: 120 a month.
    const taxes = year([7, 8, 9, 10, 11, 12], () => ({ income: 10000, special: 1000 }));
    expect(taxes).toEqual(['120.00', '120.00', '120.00', '120.00', '120.00', '120.00']);
  });
});
