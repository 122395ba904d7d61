import { normalizeWorker } from '../input';
import { Decimal } from '../money';
import { Trace } from '../trace';
import { benxi } from '../policies/benxi';
import { contributionsOf } from './contributions';
import { payrollMonth } from './month';
import type { YearToDate } from './month';
import { payrollParams, splitPayrollOverrides } from './params';
import { cwErrorOf as cwError } from '../../../test/helpers/errors';

/** A county's local figures (illustrative, supplied as a 参数表 would). */
export const LOCAL = {
  '失业保险.个人缴费比例': 0.005,
  '补充医疗.个人缴费': 3,
  '社保基数.下限': 4000,
  '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12,
  '公积金基数.下限': 2000,
  '公积金基数.上限': 25000,
};
const p = payrollParams.resolve(LOCAL);
const d = (n: number | string) => new Decimal(n);
const amounts = (items: Array<{ name: string; amount: Decimal }>) => Object.fromEntries(items.map((i) => [i.name, i.amount.toFixed(2)]));

describe('the worker\'s contributions on a clamped base', () => {
  test('below the lower limit: the lower limit', () => {
    const c = contributionsOf(d(3000), p, new Trace(false));
    expect(c.base.toFixed(2)).toBe('4000.00');
    expect(c.fundBase.toFixed(2)).toBe('3000.00'); // the fund's own limits: 2000–25000
    // 4000 × 8% = 320; × 2% = 80; × 0.5% = 20; 3 a month; fund 3000 × 12% = 360.
    expect(amounts(c.items)).toEqual({ 养老保险: '320.00', 医疗保险: '80.00', 失业保险: '20.00', 补充医疗: '3.00', 住房公积金: '360.00' });
  });

  test('above the upper limit: the upper limit', () => {
    const c = contributionsOf(d(30000), p, new Trace(false));
    expect(c.base.toFixed(2)).toBe('20000.00');
    expect(c.fundBase.toFixed(2)).toBe('25000.00');
    // 20000 × 8% = 1600; × 2% = 400; × 0.5% = 100; fund 25000 × 12% = 3000.
    expect(amounts(c.items)).toEqual({ 养老保险: '1600.00', 医疗保险: '400.00', 失业保险: '100.00', 补充医疗: '3.00', 住房公积金: '3000.00' });
  });

  test('inside the limits, each item rounded half-up to the fen', () => {
    const c = contributionsOf(d('4488.25'), p, new Trace(false));
    // 4488.25 × 8% = 359.06; × 2% = 89.765 → 89.77; × 0.5% = 22.44125 → 22.44; × 12% = 538.59
    expect(amounts(c.items)).toEqual({ 养老保险: '359.06', 医疗保险: '89.77', 失业保险: '22.44', 补充医疗: '3.00', 住房公积金: '538.59' });
  });

  test('national rates are published; local figures have no default (缺少参数)', () => {
    const e = cwError(() => contributionsOf(d(5000), payrollParams.resolve(null), new Trace(false)));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message).toContain('缺少参数：社保基数.下限');
    const noRate = { ...LOCAL } as Record<string, unknown>;
    delete noRate['失业保险.个人缴费比例'];
    expect(cwError(() => contributionsOf(d(5000), payrollParams.resolve(noRate), new Trace(false))).message).toContain('缺少参数：失业保险.个人缴费比例');
  });

  test('inverted limits are a parameter error', () => {
    expect(cwError(() => contributionsOf(d(5000), payrollParams.resolve({ ...LOCAL, '社保基数.下限': 30000 }), new Trace(false))).code).toBe('INVALID_PARAM');
  });

  test('a 参数表 is split between the policy and the payroll tables', () => {
    const s = splitPayrollOverrides({ 基数: 3600, '公积金.个人缴存比例': 0.1 });
    expect(s).toEqual({ policy: { 基数: 3600 }, payroll: { '公积金.个人缴存比例': 0.1 } });
  });
});

describe('one month from 应发 to 实发', () => {
  const worker = (asOf: string, extra: Record<string, unknown> = {}) => normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf, ...extra });
  const gross = (asOf: string, extra: Record<string, unknown> = {}) => {
    const w = worker(asOf, extra);
    const t = new Trace(false);
    return { w, items: benxi.pay(w, benxi.countedYears(w, t), benxi.grade(w, benxi.countedYears(w, t), t, []), t, []) };
  };

  test('本溪 副职 grade 11 (26 years in 2026: 3400 × 1.36 = 4,624.00) on a declared base of 4,488', () => {
    const { w, items } = gross('2026-01-01');
    const m = payrollMonth(w, items, p, { base: d(4488), specialAdditional: d(0) }, null);
    expect(m.grossTotal.toFixed(2)).toBe('4624.00');
    // 4488 × 8% = 359.04; × 2% = 89.76; × 0.5% = 22.44; 3.00; × 12% = 538.56: 1012.80.
    expect(amounts(m.deductions)).toEqual({ 养老保险: '359.04', 医疗保险: '89.76', 失业保险: '22.44', 补充医疗: '3.00', 住房公积金: '538.56', 个人所得税: '0.00' });
    expect(m.deductionTotal.toFixed(2)).toBe('1012.80');
    expect(m.net.toFixed(2)).toBe('3611.20');
    expect(m.ytd).toMatchObject({ year: 2026, firstMonth: 1, month: 1 });
    expect(m.ytd.income.toFixed(2)).toBe('4624.00');
    expect(m.ytd.special.toFixed(2)).toBe('1012.80');
    expect(m.trace.find((s) => s.step === '实发')!.value).toContain('= 3611.20');
  });

  test('a higher declared base and tax: months chain through the year-to-date', () => {
    const { w, items } = gross('2026-01-01', { certificate: '社会工作师', certificateDate: '2020-01-01', currentPay: 12000 });
    // currentPay keeps 12,000 (三(六)3(6)): gross 12000; base 12000 → 960 + 240 + 60 + 3 + 1440 = 2703.
    const jan = payrollMonth(w, items, p, { base: d(12000) }, null);
    expect(jan.grossTotal.toFixed(2)).toBe('12000.00');
    expect(jan.deductionTotal.minus(jan.deductions.at(-1)!.amount).toFixed(2)).toBe('2703.00');
    // Jan taxable 12000 − 5000 − 2703 = 4297 → 128.91.
    expect(jan.deductions.at(-1)!.amount.toFixed(2)).toBe('128.91');
    const feb = gross('2026-02-01', { certificate: '社会工作师', certificateDate: '2020-01-01', currentPay: 12000 });
    const m2 = payrollMonth(feb.w, feb.items, p, { base: d(12000) }, jan.ytd);
    // Feb: 8594 × 3% = 257.82 − 128.91 = 128.91.
    expect(m2.deductions.at(-1)!.amount.toFixed(2)).toBe('128.91');
    expect(m2.ytd.withheld.toFixed(2)).toBe('257.82');
    expect(m2.net.toFixed(2)).toBe('9168.09'); // 12000 − 2703 − 128.91
  });

  test('a worker joining in July: months counted from July, no warning', () => {
    const { w, items } = gross('2026-07-01', { entryDate: '2026-07-01' });
    const m = payrollMonth(w, items, p, {}, null);
    expect(m.ytd.firstMonth).toBe(7);
    expect(m.trace.find((s) => s.step === '本单位任职月数')!.value).toContain('共1个月');
    expect(m.warnings.some((x) => x.includes('没有'))).toBe(false);
    expect(m.baseFrom).toBe('gross');
  });

  test('a new tax year starts from zero; an out-of-order previous month is an error', () => {
    const { w, items } = gross('2027-01-01');
    const dec: YearToDate = { year: 2026, firstMonth: 1, month: 12, income: d(50000), exempt: d(0), special: d(12000), specialAdditional: d(0), other: d(0), relief: d(0), withheld: d(100) };
    expect(payrollMonth(w, items, p, {}, dec).ytd.income.toFixed(2)).toBe('4624.00');
    const mar = gross('2026-03-01');
    expect(cwError(() => payrollMonth(mar.w, mar.items, p, {}, { ...dec, month: 3 })).message).toContain('不早于本月');
  });

  test('厦门 uses its own base (第十三条（一）), raised to 60% of the provincial average', () => {
    const allowances = { '岗位津贴.正职': 0, '岗位津贴.副职': 0, '岗位津贴.专职委员': 0, '岗位津贴.其他社区工作者': 0, '社保.全省平均工资': 7000 };
    const w = normalizeWorker({ policy: '厦门', post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', params: allowances });
    const t = new Trace(false);
    const years = w.policy.countedYears(w, t);
    const items = w.policy.pay(w, years, w.policy.grade(w, years, t, []), t, []);
    const m = payrollMonth(w, items, p, { base: d(9999) }, null);
    expect(m.baseFrom).toBe('policy');
    expect(m.base.toFixed(2)).toBe('4200.00'); // 750 + 900 = 1650 < 7000 × 60%
    expect(m.deductions[0].amount.toFixed(2)).toBe('336.00');
    expect(m.warnings.some((x) => x.includes('未采用'))).toBe(true);
  });
});
