import { evaluate, assessGrade, CwError } from '../../index';

const worker = { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01' };

describe('本溪 worked examples (POLICY-NOTES §2)', () => {
  test('副职, 23 counted years → grade 10 → 4488.00; with 社会工作师 → 4688.00', () => {
    const r = evaluate(worker);
    expect(r.tenureYears).toBe(23);
    expect(r.grade).toBe(10);
    expect(r.items).toEqual({ 基础工资: '3590.40', 绩效工资: '897.60' });
    expect(r.total).toBe('4488.00');
    const c = evaluate({ ...worker, certificate: '社会工作师' });
    expect(c.total).toBe('4688.00');
    expect(c.items['职业津贴']).toBe('200.00');
    expect(c.trace.every((s) => s.source.length > 0)).toBe(true);
    expect(c.trace.some((s) => s.source.includes('本民发〔2022〕41号'))).toBe(true);
  });

  test('entry 2012-07-01, as of 2024-03-15 → 12 counted years → 正职 grade 8', () => {
    const r = assessGrade({ policy: 'benxi', post: '正职', entryDate: '2012-07-01', asOf: '2024-03-15' });
    expect(r.years).toBe(12);
    expect(r.grade).toBe(8);
  });

  test('before 2023-01-01 the pay rules are not in force', () => {
    expect(() => evaluate({ ...worker, asOf: '2022-12-31' })).toThrow(CwError);
  });
});
