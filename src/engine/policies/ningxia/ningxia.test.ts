import { cwErrorOf as errorOf } from '../../../../test/helpers/errors';
import { evaluate, assessGrade, policyOf, normalizeWorker, CwError, Decimal, Trace, fenText } from '../../index';
import { ningxiaRegionalShare, ningxiaReservePool, ningxiaCertificationTarget, ningxiaLongServiceSubsidy } from './index';
import { ningxiaParams } from './params';

/**
 * TEST DATA ONLY — NOT A DEFAULT. The Ningxia document publishes neither the level boundaries
 * nor the 岗位等级薪酬 amounts, nor a city's average wage; these invented figures exist only
 * so the rules can be exercised to the fen.
 */
const POSTS = ['两委正职', '两委副职', '两委其他专职成员', '专职工作人员'] as const;
const TEST_START = { 两委正职: 9, 两委副职: 7, 两委其他专职成员: 4, 专职工作人员: 1 };
const TEST_YEARS_PER_LEVEL = { 两委正职: 3, 两委副职: 3, 两委其他专职成员: 2.5, 专职工作人员: 3 };
const TEST_TABLE_BASE = { 两委正职: 1500, 两委副职: 1300, 两委其他专职成员: 1100, 专职工作人员: 900 };
/** Test table: base(post) + 60 × (level − 1). */
const testLevelPay = (post: (typeof POSTS)[number], level: number) => TEST_TABLE_BASE[post] + 60 * (level - 1);
const TEST_PARAMS: Record<string, number> = { 城市月平均工资: 8123.47 };
for (const post of POSTS) {
  TEST_PARAMS[`起始等级.${post}`] = TEST_START[post];
  TEST_PARAMS[`每级年限.${post}`] = TEST_YEARS_PER_LEVEL[post];
  for (let level = 1; level <= 24; level++) TEST_PARAMS[`岗位等级薪酬.${post}.${level}`] = testLevelPay(post, level);
}

const nx = { policy: '宁夏', params: TEST_PARAMS };

describe('宁夏 policy identity and in-force date', () => {
  test('aliases resolve to ningxia-2024; job titles map to the four posts', () => {
    expect(policyOf('宁夏').id).toBe('ningxia-2024');
    expect(policyOf('ningxia').id).toBe('ningxia-2024');
    const post = (p: string) => normalizeWorker({ policy: '宁夏', post: p }).post;
    expect(post('书记')).toBe('两委正职');
    expect(post('主任')).toBe('两委正职');
    expect(post('副主任')).toBe('两委副职');
    expect(post('委员')).toBe('两委其他专职成员');
    expect(post('网格员')).toBe('专职工作人员');
    expect(post('社区“两委”正职')).toBe('两委正职');
  });

  test('as-of before 2024-12-27 → NOT_IN_FORCE with a Chinese message; 2024-12-27 is in force', () => {
    const e = errorOf(() => evaluate({ ...nx, post: '两委正职', entryDate: '2020-01-01', asOf: '2024-12-26' }));
    expect(e.code).toBe('NOT_IN_FORCE');
    expect(e.message).toContain('2024-12-27');
    expect(e.message).toContain('早于此日');
    expect(assessGrade({ ...nx, post: '两委正职', entryDate: '2020-01-01', asOf: '2024-12-27' }).grade).toBe(10);
  });

  test('no 优秀 quota and no recruitment floor are published', () => {
    const p = policyOf('宁夏');
    expect(p.excellentQuota(100, p.params.resolve(null))).toBeNull();
    expect(p.recruitment(normalizeWorker({ policy: '宁夏' }), { age: 50, recruited: true })).toEqual([]);
  });
});

describe('宁夏 parameters', () => {
  test('published figures are defaults with their sections; the level structure has no default', () => {
    const t = policyOf('宁夏').params;
    const v = t.resolve(null);
    expect(v.num('最高等级')).toBe(24);
    expect(v.num('基本薪酬比例')).toBe(0.55);
    expect([1, 2, 3, 4, 5].map((s) => v.num(`星级补贴.${s}`))).toEqual([100, 200, 300, 400, 500]);
    expect(['专科', '本科', '研究生'].map((e) => v.num(`学历津贴.${e}`))).toEqual([100, 200, 300]);
    expect(['初级', '中级', '高级'].map((c) => v.num(`职业津贴.${c}`))).toEqual([200, 300, 500]);
    expect(v.num('绩效薪酬比例')).toBe(0.2);
    expect(v.source('绩效薪酬比例')).toBe('宁夏《关于加强社区工作者队伍建设的实施意见》 四 落实薪酬待遇');
    expect(v.source('基本薪酬比例')).toBe('宁夏《关于加强社区工作者队伍建设的实施意见》 四 明确薪酬标准');
    const noDefault = t.defs.filter((d) => d.value === undefined).map((d) => d.key);
    expect(noDefault).toHaveLength(4 + 4 + 96 + 1);
    expect(noDefault).toContain('城市月平均工资');
    expect(noDefault).toContain('岗位等级薪酬.专职工作人员.24');
    expect(noDefault).toContain('起始等级.两委其他专职成员');
    expect(noDefault).toContain('每级年限.两委副职');
  });
});

describe('宁夏 counted years and level (一 健全岗位序列)', () => {
  test('months to as-of + prior years; 优秀 −½ year wait, 不合格 +½; as-of year rating not yet counted', () => {
    // 2010-03-01 → 2025-06-15 = 15y3m; + 2 prior years = 17.25; + 3 × 0.5 − 1 × 0.5 = 18.25;
    // 两委正职 (test data: start 9, 3 years per level) → 9 + ⌊18.25 / 3⌋ = 15.
    const r = assessGrade({
      ...nx, post: '两委正职', entryDate: '2010-03-01', asOf: '2025-06-15', priorYears: 2,
      ratings: { 2021: '优秀', 2022: '优秀', 2023: '不合格', 2024: '优秀', 2025: '优秀' },
    });
    expect(r.years).toBe(17.25);
    expect(r.grade).toBe(15);
    const step = r.trace.find((s) => s.step === '晋升年限')!;
    expect(step.value).toBe('社区工作年限 17.25 年 + 0.5 × 3 个优秀（2021、2022、2024年） − 0.5 × 1 个不合格（2023年） = 18.25 年；2025年度考核未满一年度周期，暂不计入');
    expect(r.trace.find((s) => s.step === '岗位等级')!.value).toBe('两委正职：起始9级 + ⌊18.25 ÷ 3⌋ = 15级');
  });

  test('one 优秀 lets a half-year count: 专职工作人员 2.5 years → level 2 with 优秀, 1 without', () => {
    const base = { ...nx, post: '专职工作人员', entryDate: '2023-01-01', asOf: '2025-07-01' };
    expect(assessGrade(base).years).toBe(2.5);
    expect(assessGrade(base).grade).toBe(1);
    expect(assessGrade({ ...base, ratings: { 2024: '优秀' } }).grade).toBe(2);
  });

  test('one 不合格 delays promotion: 两委副职 6y1m → level 9, with 不合格 → 8', () => {
    const base = { ...nx, post: '两委副职', entryDate: '2019-01-01', asOf: '2025-02-01' };
    expect(assessGrade(base).years).toBe(73 / 12);
    expect(assessGrade(base).grade).toBe(9);
    expect(assessGrade({ ...base, ratings: { 2022: '不合格' } }).grade).toBe(8);
  });

  test('level is clamped to [start, 24]', () => {
    expect(assessGrade({ ...nx, post: '两委正职', entryDate: '1985-01-01', asOf: '2025-01-01' }).grade).toBe(22);
    expect(assessGrade({ ...nx, post: '两委正职', entryDate: '1985-01-01', asOf: '2025-01-01', priorYears: 10 }).grade).toBe(24);
    expect(assessGrade({ ...nx, post: '两委其他专职成员', entryDate: '2024-12-01', asOf: '2025-01-10', ratings: { 2024: '不合格' } }).grade).toBe(4);
  });
});

describe('宁夏 missing parameters name the exact key', () => {
  test.each(POSTS)('%s: 起始等级, then 每级年限 (CW.GRADE), then 城市月平均工资 and the table entry (CW.PAY)', (post) => {
    const w = { policy: 'ningxia', post, entryDate: '2020-01-01', asOf: '2025-01-01' };
    let e = errorOf(() => assessGrade(w));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.field).toBe(`params.起始等级.${post}`);
    expect(e.message).toContain(`缺少参数：起始等级.${post}（`);
    expect(e.message).toContain(`请在参数表（params）中提供“起始等级.${post}”`);

    const withStart = { ...w, params: { [`起始等级.${post}`]: 3 } };
    e = errorOf(() => assessGrade(withStart));
    expect(e.field).toBe(`params.每级年限.${post}`);
    expect(e.message).toContain(`缺少参数：每级年限.${post}（`);

    const gradeOnly = { ...w, params: { [`起始等级.${post}`]: 3, [`每级年限.${post}`]: 2 } };
    expect(assessGrade(gradeOnly).grade).toBe(5); // 5 years → 3 + ⌊5/2⌋

    e = errorOf(() => evaluate(gradeOnly));
    expect(e.field).toBe('params.城市月平均工资');
    expect(e.message).toContain('缺少参数：城市月平均工资（');

    e = errorOf(() => evaluate({ ...gradeOnly, params: { ...gradeOnly.params, 城市月平均工资: 7000 } }));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.field).toBe(`params.岗位等级薪酬.${post}.5`);
    expect(e.message).toContain(`缺少参数：岗位等级薪酬.${post}.5（`);
  });

  test('a fractional start level is rejected', () => {
    const e = errorOf(() => assessGrade({ ...nx, post: '两委正职', entryDate: '2020-01-01', asOf: '2025-01-01', params: { ...TEST_PARAMS, '起始等级.两委正职': 2.5 } }));
    expect(e.code).toBe('INVALID_PARAM');
  });
});

describe('宁夏 pay (四 明确薪酬标准, 四 落实薪酬待遇)', () => {
  const worker = {
    ...nx, post: '书记', entryDate: '2010-03-01', asOf: '2025-06-15', priorYears: 2,
    ratings: { 2021: '优秀', 2022: '优秀', 2023: '不合格', 2024: '优秀' },
    star: 4, education: '硕士研究生', certificate: '社会工作者', certificateDate: '2020-05-01',
  };

  test('all four parts to the fen; 绩效薪酬 20% is a split shown in the trace', () => {
    const r = evaluate(worker);
    expect(r.policy).toBe('ningxia-2024');
    expect(r.grade).toBe(15);
    expect(r.items).toEqual({
      基本薪酬: '4467.91', // 8123.47 × 0.55 = 4467.9085 → 4467.91
      岗位等级薪酬: '2340.00', // test table: 1500 + 60 × 14
      星级补贴: '400.00',
      学历津贴: '300.00',
      职业津贴: '300.00',
    });
    expect(r.total).toBe('7807.91');
    const perf = r.trace.find((s) => s.step === '其中绩效薪酬')!;
    expect(perf.value).toBe('7807.91 × 0.2 = 1561.58，依据考核结果按月发放；其余 6246.33 为固定部分（拆分，不另加）');
    expect(perf.source).toBe('宁夏《关于加强社区工作者队伍建设的实施意见》 四 落实薪酬待遇');
    expect(r.trace.find((s) => s.step === '薪酬（含五险一金）')!.value).toContain('“五险一金”在此薪酬内列支，不另加');
    expect(r.trace.find((s) => s.step === '岗位等级薪酬')!.source).toBe('参数表“岗位等级薪酬.两委正职.15”（替代 宁夏《关于加强社区工作者队伍建设的实施意见》 四 明确薪酬标准）');
    expect(r.warnings).toEqual([]);
  });

  test('star 1–5 → 100/200/300/400/500; no star → no item; override applies', () => {
    const w = { ...nx, post: '专职工作人员', entryDate: '2024-01-01', asOf: '2025-01-01' };
    for (const star of [1, 2, 3, 4, 5]) expect(evaluate({ ...w, star }).items['星级补贴']).toBe(`${star * 100}.00`);
    expect(evaluate(w).items['星级补贴']).toBeUndefined();
    expect(evaluate({ ...w, star: 3, params: { ...TEST_PARAMS, '星级补贴.3': 350 } }).items['星级补贴']).toBe('350.00');
  });

  test('education: 专科 100, 本科 200, 研究生 300; below 大专 none', () => {
    const w = { ...nx, post: '专职工作人员', entryDate: '2024-01-01', asOf: '2025-01-01' };
    const edu = (education: string) => evaluate({ ...w, education }).items['学历津贴'];
    expect(edu('大专')).toBe('100.00');
    expect(edu('专科')).toBe('100.00');
    expect(edu('本科')).toBe('200.00');
    expect(edu('硕士研究生')).toBe('300.00');
    expect(edu('博士研究生')).toBe('300.00');
    expect(edu('中专')).toBeUndefined();
    expect(edu('高中')).toBeUndefined();
  });

  test('certificate: 助理社会工作者 200, 社会工作者 300, 高级社会工作者 500; not before its date', () => {
    const w = { ...nx, post: '专职工作人员', entryDate: '2024-01-01', asOf: '2025-01-01', certificateDate: '2025-01-01' };
    expect(evaluate({ ...w, certificate: '助理社会工作者' }).items['职业津贴']).toBe('200.00');
    expect(evaluate({ ...w, certificate: '社会工作者' }).items['职业津贴']).toBe('300.00');
    expect(evaluate({ ...w, certificate: '高级社会工作者' }).items['职业津贴']).toBe('500.00');
    const later = evaluate({ ...w, certificate: '高级社会工作者', certificateDate: '2025-01-02' });
    expect(later.items['职业津贴']).toBeUndefined();
    expect(later.total).toBe('5367.91'); // 4467.91 + 900 (level 1)
    const undated = evaluate({ ...w, certificate: '社会工作者', certificateDate: undefined });
    expect(undated.items['职业津贴']).toBe('300.00');
    expect(undated.warnings).toEqual(['未提供取证日期（certificateDate），按计算日已持证发放职业津贴；请核对取证日期。']);
  });

  test('long service in pay: 两委正职, 21 years as 书记/主任 (headYears), 自治区 honour → 600 on top, outside the 绩效 base', () => {
    const r = evaluate({ ...nx, post: '主任', entryDate: '2004-01-01', asOf: '2025-01-01', awards: ['自治区党委政府'], headYears: 21 });
    expect(r.tenureYears).toBe(21);
    expect(r.grade).toBe(16); // 9 + ⌊21 / 3⌋
    expect(r.items).toEqual({ 基本薪酬: '4467.91', 岗位等级薪酬: '2400.00', 长期任职奖励补贴: '600.00' });
    expect(r.total).toBe('7467.91');
    expect(r.trace.find((s) => s.step === '其中绩效薪酬')!.value).toContain('6867.91 × 0.2 = 1373.58');
    expect(r.warnings).toEqual([]);
    expect(r.trace.find((s) => s.step === '长期任职奖励补贴')).toMatchObject({ value: expect.stringContaining('任书记、主任累计任职 21 年'), reading: '解读 §宁夏-长期任职' });
    // National honour wins over provincial.
    expect(evaluate({ ...nx, post: '书记', entryDate: '2004-01-01', asOf: '2025-01-01', awards: ['省部级', '党中央、国务院'], headYears: 20 }).items['长期任职奖励补贴']).toBe('800.00');
    // Not a 正职, or under 20 years as 书记/主任 (whatever the community years): nothing.
    expect(evaluate({ ...nx, post: '副书记', entryDate: '2004-01-01', asOf: '2025-01-01', awards: ['国家级'], headYears: 25 }).items['长期任职奖励补贴']).toBeUndefined();
    expect(evaluate({ ...nx, post: '书记', entryDate: '2000-01-01', asOf: '2025-01-01', awards: ['国家级'], headYears: 19.5 }).items['长期任职奖励补贴']).toBeUndefined();
  });

  test('long service without headYears: not paid, and a warning asks for the years as 书记/主任 (解读 §宁夏-长期任职)', () => {
    const r = evaluate({ ...nx, post: '主任', entryDate: '2000-01-01', asOf: '2025-01-01', awards: ['国家级'] });
    expect(r.items['长期任职奖励补贴']).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/headYears.*任书记主任年限.*未计发/);
    expect(() => evaluate({ ...nx, post: '主任', entryDate: '2000-01-01', asOf: '2025-01-01', headYears: '多年' })).toThrow(/headYears/);
  });

  test('retirement follows the national schedule', () => {
    const r = evaluate({ ...worker, birthDate: '1970-05-10', sex: '女' });
    expect(r.retirementDate).toBe('2025-07-10'); // 55 years + 2 months
  });
});

describe('宁夏 long-service subsidy (四 完善激励机制)', () => {
  test('600/500 provincial, 800/600 national, highest honour applies, ≥ 20 years', () => {
    const amount = (years: number, award: Parameters<typeof ningxiaLongServiceSubsidy>[1], retired: boolean) =>
      fenText(ningxiaLongServiceSubsidy(years, award, retired).amount);
    expect(amount(20, 'provincial', false)).toBe('600.00');
    expect(amount(20, 'provincial', true)).toBe('500.00');
    expect(amount(25, 'national', false)).toBe('800.00');
    expect(amount(25, 'national', true)).toBe('600.00');
    expect(amount(25, ['provincial', 'national'], false)).toBe('800.00');
    expect(amount(25, 'merit', true)).toBe('600.00');
    expect(amount(19.99, 'national', false)).toBe('0.00');
    expect(amount(30, [], false)).toBe('0.00');
    expect(amount(30, null, false)).toBe('0.00');
    const s = ningxiaLongServiceSubsidy(22, 'provincial', true);
    expect(s.key).toBe('长期任职补贴.省部级.退休');
    expect(s.tier).toBe('provincial');
    expect(s.citation).toEqual({ doc: '宁夏《关于加强社区工作者队伍建设的实施意见》', article: '四 完善激励机制' });
  });
});

describe('宁夏 regional funding share (四 落实薪酬待遇)', () => {
  test('mountain county: 80%, names with or without suffix or city prefix', () => {
    for (const name of ['西吉县', '西吉', '固原市西吉县', ' 宁夏回族自治区固原市西吉县 ']) {
      const s = ningxiaRegionalShare(name, new Decimal('12345.67'));
      expect(s.county).toBe('西吉县');
      expect(s.area).toBe('mountain');
      expect(s.ratio).toBe(0.8);
      expect(fenText(s.amount)).toBe('9876.54'); // 9876.536
      expect(s.warning).toBeUndefined();
    }
    expect(ningxiaRegionalShare('红寺堡', new Decimal(100)).county).toBe('红寺堡区');
    expect(ningxiaRegionalShare('红寺堡开发区', new Decimal(100)).area).toBe('mountain');
    expect(ningxiaRegionalShare('原州', new Decimal(100)).county).toBe('原州区');
    expect(ningxiaRegionalShare('吴忠市盐池县', new Decimal(100)).area).toBe('mountain');
  });

  test('non-mountain county and 宁东: 20%', () => {
    const s = ningxiaRegionalShare('兴庆区', new Decimal('12345.67'));
    expect(s).toMatchObject({ county: '兴庆区', area: 'other', ratio: 0.2 });
    expect(fenText(s.amount)).toBe('2469.13'); // 2469.134
    expect(s.citation.article).toBe('四 落实薪酬待遇');
    expect(ningxiaRegionalShare('灵武市', new Decimal(1000)).county).toBe('灵武市');
    expect(ningxiaRegionalShare('中卫市中宁县', new Decimal(1000)).county).toBe('中宁县');
    const nd = ningxiaRegionalShare('宁东能源化工基地', new Decimal(1000));
    expect(nd).toMatchObject({ county: '宁东', area: 'ningdong', ratio: 0.2 });
    expect(fenText(nd.amount)).toBe('200.00');
  });

  test('an unrecognised name gets 20% with a warning; a blank name is an error', () => {
    const s = ningxiaRegionalShare('西急县', new Decimal(1000));
    expect(s.area).toBe('other');
    expect(fenText(s.amount)).toBe('200.00');
    expect(s.warning).toContain('不是宁夏的县（区）名称');
    expect(errorOf(() => ningxiaRegionalShare(' ', new Decimal(1))).code).toBe('REQUIRED');
  });
});

describe('宁夏 staffing (一 优化队伍结构, 一 严格政治把关)', () => {
  const p = policyOf('宁夏');
  const params = p.params.resolve(null);

  test('county total control: 18 per 10,000 urban residents, rounded half-up; above error, below warning', () => {
    const [req] = p.staffing({ name: '西夏区', urbanPopulation: 123456 }, 'county', params, new Trace(true));
    expect(req).toMatchObject({ what: '社区工作者总数', scope: 'county', min: 222, max: 222, belowSeverity: 'warning', aboveSeverity: 'error' });
    expect(req.citation).toEqual({ doc: '宁夏《关于加强社区工作者队伍建设的实施意见》', article: '一 优化队伍结构' });
    expect(p.staffing({ urbanPopulation: 123750 }, 'county', params, new Trace(false))[0].max).toBe(223); // 222.75
    expect(p.staffing({ urbanPopulation: 2500 }, 'county', params, new Trace(false))[0].max).toBe(5); // 4.5 half-up
    expect(p.staffing({ urbanPopulation: 250000 }, 'county', params, new Trace(false))[0].min).toBe(450);
  });

  test('no community-level figure; missing urban population is an error', () => {
    expect(p.staffing({ households: 3000 }, 'community', params, new Trace(false))).toEqual([]);
    expect(errorOf(() => p.staffing({ name: '金凤区' }, 'county', params, new Trace(false))).code).toBe('REQUIRED');
  });

  test('party-secretary reserve pool 1 : 3 per street', () => {
    expect(ningxiaReservePool(7)).toMatchObject({ secretaries: 7, perSecretary: 3, required: 21 });
    expect(ningxiaReservePool([{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }]).required).toBe(12);
    expect(ningxiaReservePool(0).required).toBe(0);
    expect(ningxiaReservePool(5).citation.article).toBe('一 严格政治把关');
  });
});

describe('宁夏 certification share (一 开展职业评价)', () => {
  test('below 35% from 2025 → warning; the 50% aim → info before 2030, warning from 2030', () => {
    const f = ningxiaCertificationTarget(30, 100, 2025);
    expect(f.map((x) => x.severity)).toEqual(['warning', 'info']);
    expect(f[0].message).toBe('2025年持证社区工作者 30/100 = 30%，低于“到2025年达到35%”的目标。');
    expect(f[0].action).toContain('持证人数需至少 35 人（还差 5 人）');
    expect(f[1].action).toContain('持证人数需至少 50 人（还差 20 人）');
    expect(ningxiaCertificationTarget(30, 100, 2024).map((x) => x.severity)).toEqual(['info', 'info']);
    expect(ningxiaCertificationTarget(35, 100, 2025).map((x) => x.severity)).toEqual(['info']);
    expect(ningxiaCertificationTarget(40, 100, 2030).map((x) => x.severity)).toEqual(['warning']);
    expect(ningxiaCertificationTarget(50, 100, 2030)).toEqual([]);
    expect(ningxiaCertificationTarget(1, 3, 2026).map((x) => x.severity)).toEqual(['warning', 'info']); // 33.3%
  });

  test('bad counts are errors', () => {
    expect(errorOf(() => ningxiaCertificationTarget(5, 0, 2025)).code).toBe('INVALID_NUMBER');
    expect(errorOf(() => ningxiaCertificationTarget(6, 5, 2025)).code).toBe('INVALID_NUMBER');
  });
});

describe('宁夏 exit (三 完善退出机制)', () => {
  const p = policyOf('宁夏');
  const w = (ratings: Record<string, string>) => normalizeWorker({ policy: '宁夏', ratings });

  test('2 consecutive 不合格 years → error', () => {
    const f = p.exitTriggers(w({ 2022: '不合格', 2023: '不合格' }), {});
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', rule: '退出情形' });
    expect(f[0].message).toBe('连续2个年度考核为不合格等次（不合格年度：2022、2023年），属于连续2个年度考核不合格的退出情形。');
    expect(f[0].citation).toEqual({ doc: '宁夏《关于加强社区工作者队伍建设的实施意见》', article: '三 完善退出机制' });
    expect(p.exitTriggers(w({ 2021: '不合格', 2022: '合格', 2023: '不合格' }), {})).toEqual([]);
  });

  test('probation ended 不合格 → error', () => {
    const f = p.exitTriggers(w({}), { probationRating: '不合格' });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toBe('试用期满考核不合格，属于解除劳动合同的退出情形。');
    expect(p.exitTriggers(w({}), { probationRating: '合格' })).toEqual([]);
  });
});

describe('宁夏 mountain counties are a parameter from outside the document (解读 §宁夏-山区县)', () => {
  test('the default list and its basis say where it comes from; an override changes the share', () => {
    const d = ningxiaRegionalShare('西吉县', new Decimal(1000));
    expect([d.area, d.amount.toFixed(2)]).toEqual(['mountain', '800.00']);
    expect(d.basis).toContain('解读 §宁夏-山区县');
    const own = ningxiaParams.resolve({ 山区县名单: '西吉、海原县' });
    expect(ningxiaRegionalShare('原州区', new Decimal(1000), own).area).toBe('other');
    expect(ningxiaRegionalShare('西吉县', new Decimal(1000), own).basis).toContain('山区县名单：参数表');
    expect(ningxiaParams.byKey.get('山区县名单')!.citation.doc).toContain('文件外');
  });
});
