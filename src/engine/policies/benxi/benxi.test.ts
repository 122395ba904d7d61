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

const base = { policy: 'benxi-2022', post: '工作人员', entryDate: '2014-03-01', asOf: '2024-06-01' }; // 10 counted years

describe('本溪 counted years (三(六)3(1),(4))', () => {
  test.each([
    // [entry, asOf, counted]
    ['2024-01-01', '2024-06-01', 1], // entered this year: part year counts as 1
    ['2023-12-31', '2024-01-01', 1], // one day before 1 January: a part year
    ['2023-01-01', '2024-01-01', 1], // exactly one anniversary on 1 January
    ['2023-01-02', '2024-01-01', 1],
    ['2022-12-31', '2024-01-01', 2],
    ['2020-02-29', '2024-12-31', 4], // leap-day entry: 3 whole years to 2024-01-01 plus a part
    ['2012-07-01', '2024-03-15', 12],
    ['2012-07-01', '2023-12-31', 11], // the grade changes only on 1 January
  ])('entry %s, as of %s → %i years', (entryDate, asOf, years) => {
    expect(assessGrade({ ...base, entryDate, asOf }).years).toBe(years);
  });

  test('each 不合格 year before the as-of year is not counted; never below 1', () => {
    expect(assessGrade({ ...base, ratings: { 2020: '不合格', 2022: '不合格' } }).years).toBe(8);
    expect(assessGrade({ ...base, ratings: { 2024: '不合格' } }).years).toBe(10); // current year not yet counted
    expect(assessGrade({ ...base, entryDate: '2023-05-01', ratings: { 2023: '不合格' } }).years).toBe(1);
    expect(assessGrade({ ...base, ratings: { 2010: '不合格' } }).years).toBe(10); // before the last entry: another stint
  });

  test('称职/不称职 synonyms are the same grades', () => {
    expect(assessGrade({ ...base, ratings: { 2020: '不称职' } }).years).toBe(9);
  });
});

describe('本溪 pay (三(六)1–3)', () => {
  test('probation: only the intended grade’s 基础工资', () => {
    const r = evaluate({ ...base, probation: true });
    expect(r.items['绩效工资']).toBe('0.00');
    expect(r.total).toBe(r.items['基础工资']);
  });

  test('probation with a certificate: no 职业津贴 either; it starts with the regular appointment (解读 §本溪-试用期薪酬)', () => {
    const on = evaluate({ ...base, probation: true, certificate: '社会工作师', certificateDate: '2019-05-10' });
    expect(on.items['职业津贴']).toBeUndefined();
    expect(on.total).toBe(on.items['基础工资']);
    expect(on.trace.find((s) => s.step === '试用期')).toMatchObject({ value: expect.stringContaining('也不发职业津贴'), reading: '解读 §本溪-试用期薪酬' });
    const after = evaluate({ ...base, certificate: '社会工作师', certificateDate: '2019-05-10' });
    expect(after.items['职业津贴']).toBe('200.00');
  });

  test('a 不合格 rating this year: no 绩效工资 for the year', () => {
    const r = evaluate({ ...base, ratings: { 2024: '不合格' } });
    expect(r.items['绩效工资']).toBe('0.00');
  });

  test('certificate allowance from the month after approval', () => {
    const w = { ...base, certificate: '助理社会工作师', certificateDate: '2024-05-31' };
    expect(evaluate({ ...w, asOf: '2024-05-31' }).items['职业津贴']).toBe('0.00');
    expect(evaluate({ ...w, asOf: '2024-06-01' }).items['职业津贴']).toBe('100.00');
    expect(evaluate({ ...w, certificate: '高级社会工作师' }).items['职业津贴']).toBe('300.00');
  });

  test('no cut: computed pay below current pay keeps the current pay', () => {
    const r = evaluate({ ...base, currentPay: 5000 });
    const computed = (3400 * 1.09).toFixed(2); // 工作人员, 10 years → grade 4
    expect(r.grade).toBe(4);
    expect(r.items['保留原标准补差']).toBe((5000 - Number(computed)).toFixed(2));
    expect(r.total).toBe('5000.00');
    expect(evaluate({ ...base, currentPay: 3000 }).items['保留原标准补差']).toBeUndefined();
  });

  test('degree step is off by default; when on, one step only and never above the top', () => {
    expect(assessGrade({ ...base, degree: '学士' }).grade).toBe(4);
    expect(assessGrade({ ...base, degree: '学士', params: { 学历学位提升等级: '是' } }).grade).toBe(5);
    expect(assessGrade({ ...base, degree: '硕士', education: '硕士研究生', params: { 学历学位提升等级: true } }).grade).toBe(5);
    expect(assessGrade({ ...base, entryDate: '1980-01-01', degree: '学士', params: { 学历学位提升等级: true } }).grade).toBe(12);
  });

  test('a county that raises the 基数 changes every grade’s pay', () => {
    expect(evaluate({ ...base, params: { 基数: 3600 } }).total).toBe((3600 * 1.09).toFixed(2));
  });

  test('a change of post applies from the next month', () => {
    const w = { ...base, post: '副职', postDate: '2024-06-10', previousPost: '工作人员' };
    expect(assessGrade({ ...w, asOf: '2024-06-30' }).grade).toBe(4); // still 工作人员
    expect(assessGrade({ ...w, asOf: '2024-07-01' }).grade).toBe(6); // 副职, 10 years
  });
});

describe('本溪 staffing and exit', () => {
  const { benxi } = jest.requireActual('./index');
  const { Trace } = jest.requireActual('../../trace');
  test('≥ 18 workers per 10,000 urban residents at county level (三(四))', () => {
    const [req] = benxi.staffing({ urbanPopulation: 250_000 }, 'county', benxi.params.resolve(null), new Trace(false));
    expect(req.min).toBe(450);
    expect(req.max).toBeNull();
    const [odd] = benxi.staffing({ urbanPopulation: 10_001 }, 'county', benxi.params.resolve(null), new Trace(false));
    expect(odd.min).toBe(19);
    expect(benxi.staffing({ households: 100 }, 'community', benxi.params.resolve(null), new Trace(false))).toEqual([]);
  });

  test('2 consecutive or 3 cumulative 不合格 → 解除劳动合同 (三(十二))', () => {
    const { normalizeWorker } = jest.requireActual('../../input');
    const exits = (ratings: Record<string, string>) => benxi.exitTriggers(normalizeWorker({ ...base, ratings }), {});
    expect(exits({ 2020: '不合格', 2022: '不合格' })).toHaveLength(0);
    expect(exits({ 2021: '不合格', 2022: '不合格' })[0].message).toContain('连续2年');
    expect(exits({ 2018: '不合格', 2020: '不合格', 2022: '不合格' })[0].message).toContain('累计3年');
  });
});

describe('本溪 funding, secondment and probation', () => {
  const { benxiCityFunding, benxiTermChecks } = jest.requireActual('./index');
  test('city share: 30% × 1,000 + 30% × 100 = 330 per approved head per month (三(六)5)', () => {
    const f = benxiCityFunding(120);
    expect(f.perHead.toFixed(2)).toBe('330.00');
    expect(f.monthly.toFixed(2)).toBe('39600.00');
    expect(() => benxiCityFunding(-1)).toThrow(/核定人数/);
  });

  test('secondment over 1 month is an error (三(八)2); probation over 6 months a warning (三(五))', () => {
    expect(benxiTermChecks({ secondmentMonths: 1, probationMonths: 6 })).toEqual([]);
    const f = benxiTermChecks({ secondmentMonths: 2, probationMonths: 7 });
    expect(f.map((x: { rule: string; severity: string }) => `${x.rule}:${x.severity}`)).toEqual(['借调时间:error', '试用期:warning']);
  });
});
