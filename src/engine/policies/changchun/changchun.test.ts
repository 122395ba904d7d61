import { cwErrorOf as err } from '../../../../test/helpers/errors';
import { evaluate, assessGrade, assessTenure, policyOf, normalizeWorker, Trace, CwError } from '../../index';
import type { WorkerFacts } from '../../index';
import { changchunServiceHallCheck, changchunCertificateTarget, changchunTrainingDue, parseChangchunPayTable } from './index';

/**
 * TEST FIXTURE — invented pay tables. The real table is in 附件3《长春新区“社工岗”人员薪酬实施办法（试行）》,
 * which is not public; these figures only exercise the rules and are not policy.
 */
const FIXTURE_TABLES = {
  '薪酬表.社区正职': '0:3600;3:3800;6:4000;9:4200',
  '薪酬表.其他两委成员': '0:3200;3:3400;6:3600',
  '薪酬表.普通工作人员': '0:2800;3:2950.55;6:3100',
};

const base = { policy: '长春新区', asOf: '2021-06-01', params: FIXTURE_TABLES };
const policy = policyOf('changchun-xinqu-2020');

describe('长春新区 pay (二(四))', () => {
  test('社区正职, 6 whole years → level 3 → 4000.00 split 70/30', () => {
    const r = evaluate({ ...base, post: '社区正职', entryDate: '2015-06-01' });
    expect(r.policy).toBe('changchun-xinqu-2020');
    expect(r.tenureYears).toBe(6);
    expect(r.grade).toBe(3);
    expect(r.items).toEqual({ 基础报酬: '2800.00', 绩效工资: '1200.00' });
    expect(r.total).toBe('4000.00');
    expect(r.warnings).toEqual([]);
    expect(r.trace.some((s) => s.source.includes('长新党政办发〔2020〕30号 二(四)'))).toBe(true);
    expect(r.trace.find((s) => s.step === '计龄')?.reading).toMatch(/满12个月计1年，不足1年不计/);
  });

  test('a level changes on the anniversary: 2 years 364 days → level 1, 3 years → level 2', () => {
    expect(assessGrade({ ...base, post: '书记', entryDate: '2018-06-02' }).grade).toBe(1);
    const g = assessGrade({ ...base, post: '书记', entryDate: '2018-06-01' });
    expect(g.years).toBe(3);
    expect(g.grade).toBe(2);
    expect(assessGrade({ ...base, post: '社区正职', entryDate: '1990-01-01' }).grade).toBe(4); // top step
  });

  test('each item is rounded half-up to the fen; a split that drifts from the table amount warns', () => {
    const r = evaluate({ ...base, post: '普通工作人员', entryDate: '2018-01-01' });
    expect(r.grade).toBe(2);
    expect(r.items).toEqual({ 基础报酬: '2065.39', 绩效工资: '885.17' }); // 2065.385, 885.165
    expect(r.total).toBe('2950.56');
    expect(r.warnings.join()).toMatch(/2950\.55/);
  });

  test('priorYears accumulate by whole months: 2 years + 1.5 years → 3 years → level 2', () => {
    const r = evaluate({ ...base, post: '副书记', entryDate: '2019-06-01', priorYears: 1.5 });
    expect(r.tenureYears).toBe(3);
    expect(r.grade).toBe(2);
    expect(r.items).toEqual({ 基础报酬: '2380.00', 绩效工资: '1020.00' });
    expect(assessTenure({ ...base, entryDate: '2019-06-01', priorYears: 0.9 }).years).toBe(2);
  });

  test('a transferred worker whose current pay is higher keeps it', () => {
    const r = evaluate({ ...base, post: '委员', entryDate: '2020-01-01', currentPay: 3500.5 });
    expect(r.items).toEqual({ 基础报酬: '2240.00', 绩效工资: '960.00', 保持不降补差: '300.50' });
    expect(r.total).toBe('3500.50');
    const lower = evaluate({ ...base, post: '委员', entryDate: '2020-01-01', currentPay: 3000 });
    expect(lower.total).toBe('3200.00');
    expect(lower.items['保持不降补差']).toBeUndefined();
  });

  test('ratios are parameters', () => {
    const r = evaluate({ ...base, post: '社区正职', entryDate: '2015-06-01', params: { ...FIXTURE_TABLES, 基础报酬比例: 0.8, 绩效工资比例: 0.2 } });
    expect(r.items).toEqual({ 基础报酬: '3200.00', 绩效工资: '800.00' });
  });

  test.each(['社区正职', '其他两委成员', '普通工作人员'])('missing table for %s is MISSING_PARAM naming 薪酬表.%s', (post) => {
    const e = err(() => evaluate({ ...base, post, entryDate: '2015-06-01', params: {} }));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message).toContain(`缺少参数：薪酬表.${post}`);
    expect(e.field).toBe(`params.薪酬表.${post}`);
  });

  test.each([
    ['0-3000', /缺少冒号/],
    ['1:3000;3:3200', /第一档年限应为0/],
    ['0:3000;3:abc', /月薪酬/],
    ['0:3000;3:3,200', /缺少冒号|月薪酬/],
    ['0:3000;3:3200;3:3400', /年限须递增/],
    ['0:3000;2.5:3200', /非负整数/],
    ['；；', /没有任何/],
  ])('table %p is rejected with a clear Chinese message', (table, why) => {
    const e = err(() => evaluate({ ...base, post: '社区正职', entryDate: '2015-06-01', params: { '薪酬表.社区正职': table } }));
    expect(e.code).toBe('INVALID_PARAM');
    expect(e.message).toContain('薪酬表.社区正职');
    expect(e.message).toMatch(why);
    expect(e.message).toContain('0:3000;3:3200;6:3400');
  });

  test('full-width colons and semicolons, 年/元 suffixes and new lines are accepted', () => {
    const steps = parseChangchunPayTable('0年：3000元；3年：3200\n6:3400.5', 'k');
    expect(steps.map((s) => [s.fromYears, s.amount.toFixed(2)])).toEqual([[0, '3000.00'], [3, '3200.00'], [6, '3400.50']]);
  });

  test('before the document date (2020-11-02): computed, with a warning', () => {
    const r = evaluate({ ...base, post: '社区正职', entryDate: '2015-06-01', asOf: '2020-11-01' });
    expect(r.total).toBe('3800.00');
    expect(r.warnings.join()).toMatch(/2020-11-02/);
    expect(evaluate({ ...base, post: '社区正职', entryDate: '2015-06-01', asOf: '2020-11-02' }).warnings).toEqual([]);
  });

  test('job titles map to the three categories; unknown post lists them', () => {
    expect(normalizeWorker({ policy: '长春新区', post: '书记' }).post).toBe('社区正职');
    expect(normalizeWorker({ policy: '长春新区', post: '主任' }).post).toBe('社区正职');
    expect(normalizeWorker({ policy: '长春新区', post: '副主任' }).post).toBe('其他两委成员');
    expect(normalizeWorker({ policy: '长春新区', post: '委员' }).post).toBe('其他两委成员');
    expect(normalizeWorker({ policy: '长春新区', post: '网格员' }).post).toBe('普通工作人员');
    const e = err(() => normalizeWorker({ policy: '长春新区', post: '局长' }));
    expect(e.code).toBe('UNKNOWN_POST');
    for (const name of ['社区正职', '其他两委成员', '普通工作人员']) expect(e.message).toContain(name);
  });
});

describe('长春新区 staffing (二(二))', () => {
  const p = policy.params.resolve();
  const community = (households: number) => policy.staffing({ households }, 'community', p, new Trace(true));
  const range = (households: number) => {
    const r = community(households)[0];
    return [r.min, r.max];
  };

  test.each([
    [0, 10, 15],
    [2999, 10, 15],
    [3000, 10, 15],
    [3299, 10, 15],
    [3300, 10, 16],
    [3499, 10, 16],
    [3500, 11, 16],
    [3600, 11, 17],
    [4500, 13, 20],
  ])('%i households → [%i, %i]', (households, min, max) => {
    expect(range(households)).toEqual([min, max]);
  });

  test('2 dedicated party-building posts besides the secretary and deputy', () => {
    const party = community(3000)[1];
    expect(party).toMatchObject({ what: '专职党建“社工岗”', min: 2, max: 2, belowSeverity: 'error' });
    expect(party.basis).toContain('不含社区党组织书记、副书记');
    expect(party.citation).toEqual({ doc: '长新党政办发〔2020〕30号', article: '二(二)' });
  });

  test('households are required', () => {
    expect(err(() => policy.staffing({}, 'community', p, new Trace(false))).code).toBe('REQUIRED');
  });

  test.each([
    ['高新开发区', 356],
    ['北湖开发区', 158],
    ['空港开发区', 37],
    ['高新区', 356],
    ['北湖', 158],
    [undefined, 551],
    ['长春新区', 551],
  ])('zone %p → at most %i (总量调控)', (name, max) => {
    const [r] = policy.staffing({ name }, 'county', p, new Trace(false));
    expect(r).toMatchObject({ scope: 'county', min: null, max, aboveSeverity: 'error' });
  });

  test('an unknown zone is an error listing the zones; a quota can be overridden', () => {
    const e = err(() => policy.staffing({ name: '净月开发区' }, 'county', p, new Trace(false)));
    expect(e.message).toContain('高新开发区、北湖开发区、空港开发区');
    const [r] = policy.staffing({ name: '高新开发区' }, 'county', policy.params.resolve({ '员额.高新开发区': 360 }), new Trace(false));
    expect(r.max).toBe(360);
  });
});

describe('长春新区 recruitment (二(三))', () => {
  const check = (raw: Record<string, unknown>, facts: WorkerFacts) => policy.recruitment(normalizeWorker({ policy: '长春新区', asOf: '2021-06-01', education: '大专', ...raw }), facts);

  test('大专, age 40 → no finding; 41 → error', () => {
    expect(check({}, { age: 40 })).toEqual([]);
    const f = check({}, { age: 41 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', rule: '招聘条件', citation: { article: '二(三)' } });
  });

  test('age from the birth date at the as-of date', () => {
    expect(check({ birthDate: '1980-06-02' }, {})).toEqual([]); // 40
    expect(check({ birthDate: '1980-06-01' }, {})[0].severity).toBe('error'); // 41
  });

  test.each<[string, Record<string, unknown>, WorkerFacts]>([
    ['existing community worker', {}, { existingWorker: true }],
    ['certificate holder (any level)', { certificate: '助理社会工作师' }, {}],
    ['sociology graduate', {}, { sociologyGraduate: true }],
    ['veteran', {}, { veteran: true }],
  ])('%s: relaxed to 45', (_name, raw, facts) => {
    const at45 = check(raw, { ...facts, age: 45 });
    expect(at45).toHaveLength(1);
    expect(at45[0].severity).toBe('info');
    expect(check(raw, { ...facts, age: 46 })[0].severity).toBe('error');
  });

  test('below 大专 is an error; an elected worker transferred in is not checked', () => {
    expect(check({ education: '中专' }, { age: 30 })[0]).toMatchObject({ severity: 'error' });
    expect(check({ education: '本科' }, { age: 30 })).toEqual([]);
    expect(check({ education: '中专' }, { age: 50, recruited: false })).toEqual([]);
  });

  test('unknown age or education → warnings, not silence', () => {
    expect(check({ education: null }, {}).map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
});

describe('长春新区 other rules', () => {
  test('service hall 2–3 (二(八))', () => {
    expect(changchunServiceHallCheck(2)).toEqual([]);
    expect(changchunServiceHallCheck(3)).toEqual([]);
    expect(changchunServiceHallCheck(1)[0]).toMatchObject({ severity: 'warning', citation: { article: '二(八)' } });
    expect(changchunServiceHallCheck(4)[0].message).toContain('多于');
  });

  test('≥ 3 社工师 (社会工作师 or higher) per community (二(七))', () => {
    expect(changchunCertificateTarget(3)).toEqual([]);
    expect(changchunCertificateTarget(2)[0]).toMatchObject({ severity: 'warning', citation: { article: '二(七)' } });
    expect(changchunCertificateTarget(['社会工作师', '高级社会工作师', '助理社会工作师', null])[0].message).toContain('2 名');
    expect(changchunCertificateTarget(['社会工作师', '高级社会工作师', '社工师'])).toEqual([]);
  });

  test('training: 书记/主任 yearly, others every 2 years (二(七))', () => {
    expect(changchunTrainingDue('书记', 2023, 2024)).toMatchObject({ due: true, intervalYears: 1, nextDueYear: 2024 });
    expect(changchunTrainingDue('主任', 2024, 2024)).toMatchObject({ due: false, nextDueYear: 2025 });
    expect(changchunTrainingDue('社区正职', null, 2024).due).toBe(true);
    expect(changchunTrainingDue('副书记', 2023, 2024)).toMatchObject({ due: false, intervalYears: 2, nextDueYear: 2025 });
    expect(changchunTrainingDue('普通工作人员', 2022, 2024).due).toBe(true);
    expect(changchunTrainingDue('其他两委成员', undefined, 2024).due).toBe(true);
    expect(() => changchunTrainingDue('局长', 2022, 2024)).toThrow(CwError);
  });

  test('no data-driven exit trigger (二(十)); no 优秀 quota', () => {
    const w = normalizeWorker({ policy: '长春新区', ratings: { 2021: '不合格', 2022: '不合格', 2023: '不合格' } });
    expect(policy.exitTriggers(w, { absenceDaysInYear: 100 })).toEqual([]);
    expect(policy.excellentQuota(100, policy.params.resolve())).toBeNull();
  });
});
