import { cwErrorOf as err } from '../../../../test/helpers/errors';
import { evaluate, assess, assessGrade, assessTenure, policyOf, normalizeWorker, Trace, CwError } from '../../index';
import type { WorkerFacts } from '../../index';
import {
  TONGZHOU_DRAFT_WARNING, tongzhouRatingCheck, tongzhouServiceAgreement, tongzhouContinuingEducation, tongzhouRetirement, tongzhouAverageWageCheck,
} from './index';

/**
 * TEST FIXTURE — invented amounts. The draft (第十一条) names the four pay items but publishes no
 * figure; these numbers only exercise the rules and are not policy.
 */
const FIXTURE_PAY = {
  '职务工资.正职': 3000,
  '职务工资.副职': 2500,
  '职务工资.一般工作人员': 2000,
  '专业技术等级工资.无': 0,
  '专业技术等级工资.助理社会工作师': 300,
  '专业技术等级工资.社会工作师': 500.5,
  '专业技术等级工资.高级社会工作师': 800,
  综合补贴: 1234.565,
  '绩效工资.正职': 1500,
  '绩效工资.副职': 1200,
  '绩效工资.一般工作人员': 1000,
};

const base = { policy: '通州', asOf: '2024-06-01', params: FIXTURE_PAY };
const policy = policyOf('tongzhou-draft');
const DOC = '通州区社区工作者管理办法（征求意见稿）';

describe('通州 is a draft: every result says so', () => {
  test('evaluate, assess, assessGrade and assessTenure all carry the draft warning', () => {
    const raw = { ...base, post: '正职', entryDate: '2010-01-01' };
    expect(evaluate(raw).warnings).toContain(TONGZHOU_DRAFT_WARNING);
    expect(assess(raw).warnings).toContain(TONGZHOU_DRAFT_WARNING);
    expect(assessGrade(raw).warnings).toContain(TONGZHOU_DRAFT_WARNING);
    expect(assessTenure({ policy: '通州', entryDate: '2010-01-01', asOf: '2024-06-01' }).warnings).toContain(TONGZHOU_DRAFT_WARNING);
    expect(evaluate({ ...raw, asOf: '2000-01-01', entryDate: '1999-01-01' }).warnings).toContain(TONGZHOU_DRAFT_WARNING);
    expect(TONGZHOU_DRAFT_WARNING).toContain('征求意见稿');
    expect(evaluate(raw).trace[0].source).toContain(DOC);
  });
});

describe('通州 pay (第十一条)', () => {
  test('正职, no certificate: 3000 + 0 + 1234.57 + 1500 = 5734.57; no grade', () => {
    const r = evaluate({ ...base, post: '正职', entryDate: '2010-01-01' });
    expect(r.policy).toBe('tongzhou-draft');
    expect(r.grade).toBeNull();
    expect(r.tenureYears).toBe(14);
    expect(r.items).toEqual({ 职务工资: '3000.00', 专业技术等级工资: '0.00', 综合补贴: '1234.57', 绩效工资: '1500.00' });
    expect(r.total).toBe('5734.57');
    expect(r.trace.every((s) => s.source.length > 0)).toBe(true);
  });

  test('一般工作人员 with 社会工作师: 2000 + 500.50 + 1234.57 + 1000 = 4735.07', () => {
    const r = evaluate({ ...base, post: '一般工作人员', entryDate: '2020-01-01', certificate: '社会工作师' });
    expect(r.items).toEqual({ 职务工资: '2000.00', 专业技术等级工资: '500.50', 综合补贴: '1234.57', 绩效工资: '1000.00' });
    expect(r.total).toBe('4735.07');
  });

  test('posts (第九条): 站长 is paid as 正职; 副站长/专职副书记 副职; 委员 一般工作人员', () => {
    expect(evaluate({ ...base, post: '服务站站长', entryDate: '2020-01-01' }).items['职务工资']).toBe('3000.00');
    expect(normalizeWorker({ policy: '通州', post: '站长' }).post).toBe('正职');
    expect(normalizeWorker({ policy: '通州', post: '副站长' }).post).toBe('副职');
    expect(normalizeWorker({ policy: '通州', post: '专职副书记' }).post).toBe('副职');
    expect(normalizeWorker({ policy: '通州', post: '委员' }).post).toBe('一般工作人员');
    expect(normalizeWorker({ policy: '通州', post: '网格员' }).post).toBe('一般工作人员');
  });

  test('no parameters: one MISSING_PARAM error naming each key the worker needs', () => {
    const e = err(() => evaluate({ policy: '通州', asOf: '2024-06-01', post: '副职', entryDate: '2020-01-01', certificate: '高级社会工作师' }));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message.startsWith('缺少参数：')).toBe(true);
    for (const key of ['职务工资.副职', '专业技术等级工资.高级社会工作师', '综合补贴', '绩效工资.副职']) expect(e.message).toContain(key);
    expect(e.message).not.toContain('职务工资.正职');
  });

  test.each(Object.keys(FIXTURE_PAY))('missing %s alone is named', (key) => {
    const params: Record<string, unknown> = { ...FIXTURE_PAY };
    delete params[key];
    const [, what] = key.split('.');
    const post = ['正职', '副职', '一般工作人员'].includes(what) ? what : '正职';
    const certificate = key.startsWith('专业技术等级工资.') && what !== '无' ? what : undefined;
    const e = err(() => evaluate({ ...base, params, post, certificate, entryDate: '2020-01-01' }));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message).toContain(`缺少参数：${key}`);
    expect(e.field).toBe(`params.${key}`);
  });

  test('counted years accumulate across moves (第十九条), whole years only', () => {
    expect(assessTenure({ policy: '通州', entryDate: '2004-06-01', priorYears: 10, asOf: '2024-06-01' }).years).toBe(30);
    expect(assessTenure({ policy: '通州', entryDate: '2004-06-02', priorYears: 10, asOf: '2024-06-01' }).years).toBe(29);
    expect(assessTenure({ policy: '通州', entryDate: '2004-06-02', priorYears: 10.5, asOf: '2024-06-01' }).years).toBe(30);
  });

  test('≥ 30 years: special subsidy only when its amount is supplied, otherwise a warning (第三十五条)', () => {
    const at30 = { ...base, post: '正职', entryDate: '1994-06-01' };
    const noAmount = evaluate(at30);
    expect(noAmount.items['长期任职特殊补贴']).toBeUndefined();
    expect(noAmount.total).toBe('5734.57');
    expect(noAmount.warnings.some((w) => w.includes('第三十五条') && w.includes('长期任职特殊补贴'))).toBe(true);
    const withAmount = evaluate({ ...at30, params: { ...FIXTURE_PAY, 长期任职特殊补贴: 600 } });
    expect(withAmount.items['长期任职特殊补贴']).toBe('600.00');
    expect(withAmount.total).toBe('6334.57');
    const at29 = evaluate({ ...at30, entryDate: '1994-06-02', params: { ...FIXTURE_PAY, 长期任职特殊补贴: 600 } });
    expect(at29.items['长期任职特殊补贴']).toBeUndefined();
    expect(at29.warnings).toEqual([TONGZHOU_DRAFT_WARNING]);
  });
});

describe('通州 staffing (第七条、第八条)', () => {
  const p = policy.params.resolve();
  const reqs = (facts: Parameters<typeof policy.staffing>[0]) => policy.staffing(facts, 'community', p, new Trace(true));
  const find = (facts: Parameters<typeof policy.staffing>[0], what: string) => reqs(facts).find((r) => r.what === what)!;

  test.each([
    [0, 9],
    [1169, 9],
    [1170, 9],
    [1171, 10],
    [1300, 10],
    [1301, 11],
    [2600, 20],
  ])('%i households → at least %i workers', (households, min) => {
    const r = find({ households }, '社区工作者总数');
    expect(r).toMatchObject({ min, max: null, belowSeverity: 'error', citation: { doc: DOC, article: '第七条' } });
  });

  test('at most 2 正职 and 3 副职 (第八条)', () => {
    expect(find({ households: 1000 }, '正职')).toMatchObject({ min: null, max: 2, aboveSeverity: 'error', citation: { article: '第八条' } });
    expect(find({ households: 1000 }, '副职')).toMatchObject({ min: null, max: 3, aboveSeverity: 'error' });
  });

  test.each([
    ['党委', '社区党委委员', 5, 9],
    ['社区党总支', '社区党总支委员', 5, 7],
    ['党支部', '社区党支部委员', 3, 5],
  ])('party organisation %s → %s %i–%i', (partyOrgType, what, min, max) => {
    expect(find({ households: 1000, partyOrgType }, what)).toMatchObject({ min, max });
  });

  test('unknown party organisation type is an error; none given skips that check', () => {
    expect(err(() => reqs({ households: 1000, partyOrgType: '党小组' })).message).toContain('党委、党总支、党支部');
    expect(reqs({ households: 1000 }).some((r) => r.what.endsWith('委员') && r.what.startsWith('社区党'))).toBe(false);
  });

  test('1 secretary and 1 full-time deputy secretary', () => {
    expect(find({ households: 1000 }, '社区党组织书记')).toMatchObject({ min: 1, max: 1 });
    expect(find({ households: 1000 }, '社区党组织专职副书记')).toMatchObject({ min: 1, max: 1 });
  });

  test.each([
    [undefined, 1, 3],
    [200, 1, 3],
    [201, 2, 4],
    [300, 2, 4],
    [301, 3, 5],
  ])('%p party members → %i–%i full-time party workers', (partyMembers, min, max) => {
    expect(find({ households: 1000, partyMembers }, '专职党务工作者')).toMatchObject({ min, max });
  });

  test('居委会 5–9: 主任 1, 副主任 1–2', () => {
    expect(find({ households: 1000 }, '社区居委会成员')).toMatchObject({ min: 5, max: 9 });
    expect(find({ households: 1000 }, '社区居委会主任')).toMatchObject({ min: 1, max: 1 });
    expect(find({ households: 1000 }, '社区居委会副主任')).toMatchObject({ min: 1, max: 2 });
  });

  test('every requirement cites its article; households are required; no district figure', () => {
    for (const r of reqs({ households: 1000, partyOrgType: '党委', partyMembers: 250 })) expect(['第七条', '第八条']).toContain(r.citation.article);
    expect(err(() => reqs({})).code).toBe('REQUIRED');
    expect(policy.staffing({ name: '通州区' }, 'county', p, new Trace(false))).toEqual([]);
  });
});

describe('通州 ratings (第二十一–二十六条)', () => {
  test.each([
    [0, 0],
    [3, 0],
    [4, 1],
    [8, 2],
    [10, 2],
    [12, 3],
    [100, 25],
  ])('%i rated in a street → at most %i 优秀', (rated, max) => {
    expect(policy.excellentQuota(rated, policy.params.resolve())).toMatchObject({ max, unit: '街道(乡镇)', citation: { article: '第二十六条' } });
  });

  test('more than 15 days of unexcused absence in a year → the rating must be 不称职', () => {
    expect(tongzhouRatingCheck('称职', { absenceDaysInYear: 15 })).toEqual([]);
    expect(tongzhouRatingCheck('称职', { absenceDaysInYear: 16 })[0]).toMatchObject({ severity: 'error', citation: { article: '第二十五条(二)' } });
    expect(tongzhouRatingCheck('优秀', { absenceDaysInYear: 16 })[0].message).toContain('应确定为不称职');
    expect(tongzhouRatingCheck('不称职', { absenceDaysInYear: 16 })).toEqual([]);
    expect(tongzhouRatingCheck(null, { absenceDaysInYear: 16 })[0].severity).toBe('warning');
  });

  test('exitTriggers includes that rating check for the as-of year', () => {
    const w = normalizeWorker({ policy: '通州', asOf: '2024-12-31', ratings: { 2024: '称职' } });
    const f = policy.exitTriggers(w, { absenceDaysInYear: 20 });
    expect(f.map((x) => x.rule)).toEqual(['考核等次']);
  });
});

describe('通州 exit (第四十条) and protection (第四十一条)', () => {
  const worker = (ratings: Record<string, string> = {}) => normalizeWorker({ policy: '通州', asOf: '2024-06-01', ratings });
  const exits = (facts: WorkerFacts, ratings?: Record<string, string>) => policy.exitTriggers(worker(ratings), facts).filter((f) => f.rule.startsWith('退出情形'));

  test('2 consecutive 不称职 years → exit; 2 non-consecutive → none', () => {
    const f = exits({}, { 2022: '不称职', 2023: '不称职' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', citation: { doc: DOC, article: '第四十条(一)' } });
    expect(exits({}, { 2021: '不称职', 2022: '称职', 2023: '不合格' })).toEqual([]);
  });

  test('unexcused absence: > 15 consecutive days or > 30 days in a year', () => {
    expect(exits({ absenceConsecutiveDays: 15 })).toEqual([]);
    expect(exits({ absenceConsecutiveDays: 16 })[0]).toMatchObject({ severity: 'error', citation: { article: '第四十条(六)' } });
    expect(exits({ absenceDaysInYear: 30 })).toEqual([]);
    expect(exits({ absenceDaysInYear: 31 })[0].message).toContain('31 天');
    expect(exits({ absenceConsecutiveDays: 16, absenceDaysInYear: 31 })).toHaveLength(2);
  });

  test.each([
    ['产假', '第四十一条(三)'],
    ['哺乳期', '第四十一条(三)'],
    ['孕期', '第四十一条(三)'],
    ['医疗期', '第四十一条(二)'],
    ['工伤', '第四十一条(一)'],
    ['因公致残', '第四十一条(一)'],
  ])('a worker in %s: the exit finding says dismissal is barred (%s)', (protectedStatus, article) => {
    const f = exits({ absenceConsecutiveDays: 20, protectedStatus }, { 2022: '不称职', 2023: '不称职' });
    expect(f).toHaveLength(2);
    for (const x of f) {
      expect(x.severity).toBe('warning');
      expect(x.rule).toBe('退出情形（不得辞退）');
      expect(x.message).toContain('不得辞退');
      expect(x.message).toContain(protectedStatus);
      expect(x.citation.article).toContain(article);
    }
  });

  test('"无" is not a protected status', () => {
    expect(exits({ absenceConsecutiveDays: 20, protectedStatus: '无' })[0].severity).toBe('error');
  });
});

describe('通州 recruitment (第六条)', () => {
  const check = (raw: Record<string, unknown>, facts: WorkerFacts) => policy.recruitment(normalizeWorker({ policy: '通州', asOf: '2024-06-01', education: '大专', ...raw }), facts);

  test('大专, age 40 → none; 41 → warning ("一般在40周岁以下")', () => {
    expect(check({}, { age: 40 })).toEqual([]);
    expect(check({}, { age: 41 })[0]).toMatchObject({ severity: 'warning', citation: { article: '第六条(二)' } });
    expect(check({ birthDate: '1983-06-01' }, {})[0].message).toContain('41周岁');
  });

  test('fresh graduates need 本科; below 大专 is an error', () => {
    expect(check({}, { age: 23, freshGraduate: true })[0]).toMatchObject({ severity: 'error' });
    expect(check({ education: '本科' }, { age: 23, freshGraduate: true })).toEqual([]);
    expect(check({ education: '高中' }, { age: 30 })[0].severity).toBe('error');
  });

  test('a non-resident is an error; an elected worker gets warnings (第六条(一)3)', () => {
    expect(check({}, { age: 30, localHukou: false })[0].severity).toBe('error');
    const elected = check({ education: '中专' }, { age: 30, recruited: false });
    expect(elected[0]).toMatchObject({ severity: 'warning', citation: { article: '第六条(一)3；第六条(二)' } });
  });
});

describe('通州 helpers', () => {
  test('service agreements (第十六条)', () => {
    expect(tongzhouServiceAgreement(true)).toMatchObject({ term: '一届', years: null, probationMonths: 6 });
    expect(tongzhouServiceAgreement(false)).toMatchObject({ term: '5年', years: 5, probationMonths: 6 });
    expect(tongzhouServiceAgreement(false, false).probationMonths).toBeNull();
    expect(tongzhouServiceAgreement(false, true, policy.params.resolve({ '服务协议.招聘年限': 3 })).years).toBe(3);
  });

  test('continuing education per 3-year registration period (第三十条)', () => {
    expect(tongzhouContinuingEducation('助理社会工作师', 72)).toEqual([]);
    expect(tongzhouContinuingEducation('助理社会工作师', 71)[0]).toMatchObject({ severity: 'error', citation: { article: '第三十条' } });
    expect(tongzhouContinuingEducation('社会工作师', 89)[0].message).toContain('90小时');
    expect(tongzhouContinuingEducation('社会工作师', 90)).toEqual([]);
    expect(tongzhouContinuingEducation('高级社会工作师', 89)).toHaveLength(1);
    expect(tongzhouContinuingEducation(3, 90)).toEqual([]);
    expect(tongzhouContinuingEducation('无', 0)).toEqual([]);
    expect(() => tongzhouContinuingEducation('社会工作师', -1)).toThrow(CwError);
  });

  test('retirement: national schedule; an elected worker may finish the term (第二十条)', () => {
    const man = tongzhouRetirement({ birthDate: '1965-03-15', sex: '男' });
    expect(man).toMatchObject({ retirementDate: '2025-04-15', delayMonths: 1, mayWorkUntil: null });
    const elected = tongzhouRetirement({ birthDate: '1965-03-15', sex: '男', elected: true, termEnd: '2026-12-31' });
    expect(elected.mayWorkUntil).toBe('2026-12-31');
    expect(elected.message).toContain('本届任期结束');
    expect(tongzhouRetirement({ birthDate: '1969-12-31', sex: '女' }).retirementDate).toBe('2024-12-31');
  });

  test('average pay not below the city average (第十一条(一))', () => {
    expect(tongzhouAverageWageCheck(200000, 200000)).toEqual([]);
    expect(tongzhouAverageWageCheck('199999.99', 200000)[0].message).toContain('0.01');
  });
});
