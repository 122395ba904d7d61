import { dayNumberOf } from '../dates';
import { normalizeWorker } from '../input';
import { Decimal } from '../money';
import { backPay } from './backpay';
import { cwErrorOf as cwError } from '../../../test/helpers/errors';

const paidEach = (total: number) => (period: string) => ({ total: new Decimal(total), source: `已发 ${period}` });
const AUG = dayNumberOf(2026, 8, 1);
const DEC = dayNumberOf(2026, 12, 1);

describe('back pay (补发)', () => {
  test('社会工作师 approved on 2026-07-15: five months of 职业津贴 from August, citing 三(六)3(3)', () => {
    // 副职, 26 counted years in 2026 → grade 11: 3400 × 1.36 = 4624 paid; due 4624 + 200.
    const w = normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2026-12-01', certificate: '社会工作师', certificateDate: '2026-07-15' });
    const b = backPay(w, { from: AUG, to: DEC, paid: paidEach(4624) });
    expect(b.months.map((m) => [m.period, m.difference.toFixed(2)])).toEqual([
      ['2026-08', '200.00'], ['2026-09', '200.00'], ['2026-10', '200.00'], ['2026-11', '200.00'], ['2026-12', '200.00'],
    ]);
    expect(b.total.toFixed(2)).toBe('1000.00');
    expect(b.reasons).toHaveLength(1);
    expect(b.reasons[0].what).toBe('职业津贴');
    expect(b.reasons[0].from).toBe('2026-08-01');
    expect(b.reasons[0].source).toContain('三(六)3(3)');
    expect(b.reasons[0].text).toContain('2026-07-15 批准');
  });

  test('a July month before the approval takes effect owes nothing', () => {
    const w = normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2026-12-01', certificate: '社会工作师', certificateDate: '2026-07-15' });
    const b = backPay(w, { from: dayNumberOf(2026, 7, 1), to: AUG, paid: paidEach(4624) });
    expect(b.months.map((m) => m.difference.toFixed(2))).toEqual(['0.00', '200.00']);
    expect(b.months[0].reasons).toEqual([]);
  });

  test('基数 raised from 2026-10-01 (a dated 参数表 value): October to December at 3600', () => {
    const w = normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2026-12-01' });
    const params = { 基数: [{ from: '2023-01-01', value: 3400 }, { from: '2026-10-01', value: 3600 }] };
    const b = backPay(w, { from: AUG, to: DEC, params, paid: paidEach(4624) });
    // 3600 × 1.36 = 4896: 272 a month from October.
    expect(b.months.map((m) => m.difference.toFixed(2))).toEqual(['0.00', '0.00', '272.00', '272.00', '272.00']);
    expect(b.total.toFixed(2)).toBe('816.00');
    expect(b.reasons.map((r) => r.what)).toEqual(['基数']);
    expect(b.reasons[0].text).toContain('自 2026-10-01 起为 3600（此前 3400）');
    expect(b.reasons[0].text).toContain('增加 272.00');
    expect(b.months[2].reasons[0].source).toContain('2026-10-01 起适用');
  });

  test('per item, when the paid items are known', () => {
    const w = normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2026-12-01', certificate: '社会工作师', certificateDate: '2026-07-15' });
    const b = backPay(w, { from: DEC, to: DEC, paid: () => ({ total: new Decimal(4624), items: [{ name: '基础工资', amount: new Decimal('3699.20') }, { name: '绩效工资', amount: new Decimal('924.80') }], source: '11月薪酬表' }) });
    expect(b.months[0].itemDifferences.map((d) => [d.name, d.difference.toFixed(2)])).toEqual([['职业津贴', '200.00']]);
  });

  test('a month without what was paid is an error naming the month', () => {
    const w = normalizeWorker({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2026-12-01' });
    expect(cwError(() => backPay(w, { from: AUG, to: DEC, paid: (p) => (p === '2026-09' ? null : { total: new Decimal(1), source: 'x' }) })).message).toContain('缺少 2026-09 的已发金额');
  });
});
