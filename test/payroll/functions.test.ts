/** CW.IIT, CW.CONTRIB and CW.PAY's deductions, through the code Excel and `cw fn` call. */
import { CONTRIB, IIT, PAY } from '../../src/functions/core';
import { isFnError } from '../../src/functions/errors';
import { runCw } from '../helpers/cw';

/** Illustrative local figures, as a 参数表 range. */
export const LOCAL_RANGE = [
  ['参数名', '值'],
  ['失业保险.个人缴费比例', 0.005],
  ['补充医疗.个人缴费', 3],
  ['社保基数.下限', 4000],
  ['社保基数.上限', 20000],
  ['公积金.个人缴存比例', 0.12],
  ['公积金基数.下限', 2000],
  ['公积金基数.上限', 25000],
];

describe('CW.IIT', () => {
  test('npx cw fn IIT 120000 14000 12000 12 8000 → 0.00', async () => {
    const r = await runCw(['fn', 'IIT', '120000', '14000', '12000', '12', '8000']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('0.00\n');
  });

  test('band 2 and band 3 months; optional arguments', () => {
    // 60000 − 25000 − 5000 = 30000 → 900 − 600 withheld = 300.
    expect(IIT(60000, 5000, 0, 5, 600)).toBe(300);
    // 200000 − 60000 − 20000 = 120000 → 12000 − 2520 = 9480 − 9000 = 480.
    expect(IIT(200000, 20000, 0, 12, 9000)).toBe(480);
    // With 2,000 exempt and 1,000 other: 117000 → 11700 − 2520 = 9180; 100 relief → 9080 − 9000 = 80.
    expect(IIT(200000, 20000, 0, 12, 9000, 1000, 2000, 100)).toBe(80);
  });

  test('numeric text is accepted as Excel coerces it; blank optional amounts are 0', () => {
    expect(IIT('10000', '1000', '', '1', '')).toBe(120);
  });
});

describe('CW.CONTRIB', () => {
  test('the base clamped at both limits (hand-computed)', () => {
    // 3000 → 4000: 320 + 80 + 20 + 3; fund 3000 × 12% = 360 → 783.
    expect(CONTRIB(3000, LOCAL_RANGE)).toBe(783);
    // 30000 → 20000: 1600 + 400 + 100 + 3; fund 25000 × 12% = 3000 → 5103.
    expect(CONTRIB(30000, LOCAL_RANGE)).toBe(5103);
    expect(CONTRIB(30000, LOCAL_RANGE, '住房公积金')).toBe(3000);
    expect(CONTRIB(30000, LOCAL_RANGE, '住房公积金', 10000)).toBe(1200);
  });

  test('明细 spills the bases, each item and 合计', () => {
    expect(CONTRIB(5000, LOCAL_RANGE, '明细')).toEqual([
      ['社保缴费基数', 5000], ['公积金缴存基数', 5000],
      ['养老保险', 400], ['医疗保险', 100], ['失业保险', 25], ['补充医疗', 3], ['住房公积金', 600], ['合计', 1128],
    ]);
  });

  test('an unknown item names the items there are', () => {
    const r = CONTRIB(5000, LOCAL_RANGE, '工伤保险');
    expect(isFnError(r) && r.message).toContain('养老保险、医疗保险');
  });
});

describe('CW.PAY 明细 with the payroll figures in the 参数表', () => {
  test('本溪 副职 in January: deductions on 应发 as base, then 实发', () => {
    const rows = PAY('本溪', '副职', '2000-09-01', '2026-01-01', null, null, null, null, '明细', [['基数', 3400], ...LOCAL_RANGE.slice(1)]) as unknown[][];
    // 4624 × 8% = 369.92; × 2% = 92.48; × 0.5% = 23.12; 3; × 12% = 554.88 → 1043.40; tax 0.
    expect(rows).toEqual([
      ['基础工资', 3699.2], ['绩效工资', 924.8], ['合计', 4624],
      ['养老保险', 369.92], ['医疗保险', 92.48], ['失业保险', 23.12], ['补充医疗', 3], ['住房公积金', 554.88], ['个人所得税', 0],
      ['代扣合计', 1043.4], ['实发', 3580.6],
    ]);
    expect(PAY('本溪', '副职', '2000-09-01', '2026-01-01', null, null, null, null, '实发', LOCAL_RANGE)).toBe(3580.6);
  });

  test('a taxed month later in the year reads the steady year to date', () => {
    // 正职 with 12,000 current pay is not in CW.PAY's arguments; use a high 基数 instead: 3400 → 10000 × 1.44 (grade 13).
    const range = [['基数', 10000], ...LOCAL_RANGE.slice(1)];
    const jan = PAY('本溪', '副职', '2000-09-01', '2026-01-01', null, null, null, null, '个人所得税', range);
    const mar = PAY('本溪', '副职', '2000-09-01', '2026-03-01', null, null, null, null, '个人所得税', range);
    // 应发 13600 (grade 11: 10000 × 1.36); contributions 1088 + 272 + 68 + 3 + 1632 = 3063; taxable 5537 a month.
    expect(jan).toBe(166.11); // 5537 × 3%
    expect(mar).toBe(166.11); // (16611 × 3%) − 2 × 166.11
  });

  test('without the payroll figures, 明细 is unchanged', () => {
    expect(PAY('本溪', '副职', '2000-09-01', '2026-01-01', null, null, null, null, '明细')).toEqual([['基础工资', 3699.2], ['绩效工资', 924.8], ['合计', 4624]]);
  });
});
