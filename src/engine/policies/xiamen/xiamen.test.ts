import { cwErrorOf as cwError } from '../../../../test/helpers/errors';
import { assessGrade, assessTenure, evaluate, normalizeWorker, policyOf, CwError, Trace } from '../../index';
import { xiamen, xiamenSocialInsuranceBase } from './index';

const DOC = '厦民规〔2020〕2号';
/** Every 岗位津贴 supplied (the document leaves them to the districts). */
const ZERO_ALLOWANCES = { '岗位津贴.正职': 0, '岗位津贴.副职': 0, '岗位津贴.专职委员': 0, '岗位津贴.其他社区工作者': 0 };
const base = { policy: 'xiamen-2020', params: ZERO_ALLOWANCES };

/**
 * 《厦门市社区工作者岗位等级和工资套改一览表》 as printed: level → [正职, 副职, 委员, 其他] year bands, 岗位工资.
 * '-3' = 3年以下, '34+' = 34年以上, 'a-b' = a–b年 (the a-th to b-th year of service).
 */
const TABLE: Array<[number, string, string, string, string, number]> = [
  [18, '34+', '', '', '', 3150],
  [17, '31-33', '', '', '', 3000],
  [16, '28-30', '34+', '', '', 2850],
  [15, '25-27', '31-33', '', '', 2700],
  [14, '22-24', '28-30', '34+', '', 2550],
  [13, '19-21', '25-27', '31-33', '', 2400],
  [12, '16-18', '22-24', '28-30', '34+', 2250],
  [11, '13-15', '19-21', '25-27', '31-33', 2100],
  [10, '10-12', '16-18', '22-24', '28-30', 1950],
  [9, '7-9', '13-15', '19-21', '25-27', 1800],
  [8, '4-6', '10-12', '16-18', '22-24', 1650],
  [7, '-3', '7-9', '13-15', '19-21', 1500],
  [6, '', '4-6', '10-12', '16-18', 1350],
  [5, '', '-3', '7-9', '13-15', 1200],
  [4, '', '', '4-6', '10-12', 1050],
  [3, '', '', '-3', '7-9', 900],
  [2, '', '', '', '4-6', 750],
  [1, '', '', '', '-3', 600],
];
const POSTS = ['正职', '副职', '专职委员', '其他社区工作者'] as const;
const BASIC = { 正职: '1250.00', 副职: '1050.00', 专职委员: '950.00', 其他社区工作者: '750.00' };

/**
 * Probes of a band in effective years: its first instant (a−1 whole years) and its last whole
 * month (b − 1/12); '34+' probes 33 and 45 years. Built as priorYears + months of service.
 */
function probes(band: string): Array<{ priorYears: number; months: 0 | 35; years: number }> {
  if (band.endsWith('+')) {
    const lo = Number(band.slice(0, -1)) - 1;
    return [{ priorYears: lo, months: 0, years: lo }, { priorYears: 45, months: 0, years: 45 }];
  }
  const [lo, hi] = band.startsWith('-') ? [1, Number(band.slice(1))] : band.split('-').map(Number);
  return [
    { priorYears: lo - 1, months: 0, years: lo - 1 },
    { priorYears: hi - 3, months: 35, years: hi - 1 / 12 },
  ];
}
/** 0 months: entered in the as-of month. 35 months: 2018-02-01 to the end of 2020-12. */
const SERVICE = { 0: { entryDate: '2021-01-01', asOf: '2021-01-15' }, 35: { entryDate: '2018-02-01', asOf: '2021-01-10' } };

const cells = TABLE.flatMap(([level, ...rest]) =>
  POSTS.flatMap((post, i) => {
    const band = rest[i] as string;
    return band ? probes(band).map((p) => ({ level, post, band, wage: (rest[4] as number).toFixed(2), ...p })) : [];
  }),
);

describe('厦门 一览表: every cell of the 18-level table through the public API', () => {
  test.each(cells)('$post $band 年（有效 $years 年）→ $level 级，岗位工资 $wage', ({ level, post, wage, priorYears, months, years }) => {
    const input = { ...base, post, ...SERVICE[months], priorYears };
    const g = assessGrade(input);
    expect(g.years).toBeCloseTo(years, 10);
    expect(g.grade).toBe(level);
    const r = evaluate(input, { trace: false });
    expect(r.grade).toBe(level);
    expect(r.items['岗位工资']).toBe(wage);
    expect(r.items['基本工资']).toBe(BASIC[post]);
  });

  test('48 filled cells (4 posts × 12 levels), every one probed; 岗位工资 = 600 + 150 × (level − 1)', () => {
    const filled = TABLE.reduce((n, row) => n + row.slice(1, 5).filter(Boolean).length, 0);
    expect(filled).toBe(48);
    expect(new Set(cells.map((c) => `${c.level}/${c.post}`)).size).toBe(48);
    for (const [level, , , , , wage] of TABLE) expect(wage).toBe(600 + 150 * (level - 1));
  });
});

describe('厦门 worked example (POLICY-NOTES §3)', () => {
  test('其他, level 3, 岗位津贴 0 → 750 + 900 = 1650; 绩效 707.14; total 2357.14', () => {
    const r = evaluate({ ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01' });
    expect(r.policy).toBe('xiamen-2020');
    expect(r.grade).toBe(3);
    expect(r.items).toEqual({ 基本工资: '750.00', 岗位工资: '900.00', 岗位津贴: '0.00', 绩效报酬: '707.14' });
    expect(r.total).toBe('2357.14');
    expect(r.warnings).toEqual([]);
    expect(r.trace.every((s) => s.source.trim().length > 0)).toBe(true);
    expect(r.trace.find((s) => s.step === '绩效报酬')!.source).toContain(`${DOC} 第十二条`);
    expect(r.trace.find((s) => s.step === '实际工作年限')!.reading).toContain('整月数 ÷ 12');
  });

  test('岗位津贴 from the 参数表 enters 基础工资 and 绩效报酬', () => {
    const r = evaluate({ ...base, post: '正职', entryDate: '2015-01-01', asOf: '2022-03-01', params: { ...ZERO_ALLOWANCES, '岗位津贴.正职': 800 } });
    // 正职 7.17 年 → level 9: 1250 + 1800 + 800 = 3850; × 3/7 = 1650.00
    expect(r.grade).toBe(9);
    expect(r.items).toEqual({ 基本工资: '1250.00', 岗位工资: '1800.00', 岗位津贴: '800.00', 绩效报酬: '1650.00' });
    expect(r.total).toBe('5500.00');
    expect(r.trace.find((s) => s.step === '岗位津贴')!.source).toBe(`参数表“岗位津贴.正职”（替代 ${DOC} 第十一条（三））`);
  });

  test('every published figure is overridable: 基本工资, 级差, 绩效占比', () => {
    const r = evaluate({ ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', params: { ...ZERO_ALLOWANCES, '基本工资.其他社区工作者': 800, '岗位工资.级差': 200, 绩效占比: 0.35, 基础工资占比: 0.65 } });
    // 800 + 600 + 2 × 200 = 1800; × 0.35 / 0.65 = 969.230769… → 969.23
    expect(r.items).toEqual({ 基本工资: '800.00', 岗位工资: '1000.00', 岗位津贴: '0.00', 绩效报酬: '969.23' });
    expect(r.total).toBe('2769.23');
  });
});

describe('厦门 岗位津贴 has no default (第十一条（三）)', () => {
  test.each([
    ['正职', '岗位津贴.正职'],
    ['委员', '岗位津贴.专职委员'],
    ['其他', '岗位津贴.其他社区工作者'],
  ])('%s without 岗位津贴 → MISSING_PARAM naming %s', (post, key) => {
    const e = cwError(() => evaluate({ policy: '厦门', post, entryDate: '2015-01-01', asOf: '2022-03-01' }));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message).toContain(`缺少参数：${key}`);
    expect(e.message).toContain('缺少参数：岗位津贴');
    expect(e.field).toBe(`params.${key}`);
  });

  test('CW.GRADE does not need 岗位津贴', () => {
    const g = assessGrade({ policy: '厦门', post: '正职', entryDate: '2015-01-01', asOf: '2022-03-01' });
    expect(g.grade).toBe(9);
  });
});

describe('厦门 effective years (第十一条（二）)', () => {
  const worker = { ...base, post: '其他社区工作者' };

  test('exactly 3 years of whole months → level 2; one month short → level 1', () => {
    const three = assessGrade({ ...worker, entryDate: '2019-07-01', asOf: '2022-07-01' });
    expect(three.years).toBe(3);
    expect(three.grade).toBe(2);
    const short = assessGrade({ ...worker, entryDate: '2019-07-01', asOf: '2022-06-30' });
    expect(short.years).toBeCloseTo(35 / 12, 12);
    expect(short.grade).toBe(1);
  });

  test('measured at the end of the previous month: a mid-month anniversary counts from the next month', () => {
    // 3rd anniversary 2022-07-15: July still 35 whole months (to 2022-06-30), August 36.
    expect(assessGrade({ ...worker, entryDate: '2019-07-15', asOf: '2022-07-31' }).grade).toBe(1);
    expect(assessGrade({ ...worker, entryDate: '2019-07-15', asOf: '2022-07-31' }).years).toBeCloseTo(35 / 12, 12);
    expect(assessGrade({ ...worker, entryDate: '2019-07-15', asOf: '2022-08-01' }).grade).toBe(2);
    expect(assessGrade({ ...worker, entryDate: '2019-07-15', asOf: '2022-08-01' }).years).toBe(3);
    // Entered this month: nothing counted yet.
    expect(assessTenure({ ...worker, entryDate: '2022-08-01', asOf: '2022-08-31' }).years).toBe(0);
  });

  test('counted from 2003-03-01 at the earliest', () => {
    const early = assessGrade({ ...base, post: '正职', entryDate: '1998-01-01', asOf: '2015-03-01' });
    expect(early.years).toBe(12); // 2003-03-01 .. 2015-02-28 = 144 months
    expect(early.grade).toBe(11);
    expect(early.trace.find((s) => s.step === '最早起算')!.value).toContain('自 2003-03-01 起算');
    expect(assessGrade({ ...base, post: '正职', entryDate: '2003-03-01', asOf: '2015-03-01' }).years).toBe(12);
    expect(assessGrade({ ...base, post: '正职', entryDate: '2003-04-01', asOf: '2015-03-01' }).years).toBeCloseTo(143 / 12, 12);
    // A district that counts from a later date overrides the parameter.
    const later = assessGrade({ ...base, post: '正职', entryDate: '1998-01-01', asOf: '2015-03-01', params: { 最早起算日期: '2006-03-01' } });
    expect(later.years).toBe(9);
    expect(later.grade).toBe(10);
  });

  test('transfers add up: priorYears is added to the current stint', () => {
    const r = assessGrade({ ...worker, entryDate: '2020-01-01', asOf: '2023-01-01', priorYears: 4.5 });
    expect(r.years).toBe(7.5);
    expect(r.grade).toBe(3);
    expect(assessGrade({ ...worker, entryDate: '2020-01-01', asOf: '2023-01-01' }).grade).toBe(2);
    expect(r.trace.some((s) => s.step === '此前社区工作年限' && s.source === `${DOC} 第十一条（二）`)).toBe(true);
  });

  test('ratings: +0.5 per 优秀, −0.5 per 基本合格, −1 per 不合格', () => {
    const w55 = { ...worker, entryDate: '2016-01-01', asOf: '2021-07-01' }; // 66 months = 5.5 years → level 2
    expect(assessGrade(w55).years).toBe(5.5);
    expect(assessGrade(w55).grade).toBe(2);
    expect(assessGrade({ ...w55, ratings: { 2018: '优秀' } }).years).toBe(6);
    expect(assessGrade({ ...w55, ratings: { 2018: '优秀' } }).grade).toBe(3);
    expect(assessGrade({ ...w55, ratings: { 2017: '优秀', 2018: '优秀', 2019: '合格' } }).years).toBe(6.5);

    const w6 = { ...worker, entryDate: '2014-01-01', asOf: '2020-01-01' }; // 72 months = 6 years → level 3
    expect(assessGrade(w6).grade).toBe(3);
    expect(assessGrade({ ...w6, ratings: { 2016: '基本合格' } }).years).toBe(5.5);
    expect(assessGrade({ ...w6, ratings: { 2016: '基本合格' } }).grade).toBe(2);
    expect(assessGrade({ ...w6, ratings: { 2016: '基本称职' } }).years).toBe(5.5);
    expect(assessGrade({ ...w6, ratings: { 2016: '不合格' } }).years).toBe(5);
    expect(assessGrade({ ...w6, ratings: { 2015: '优秀', 2016: '不合格', 2017: '基本合格' } }).years).toBe(5);
  });

  test('ratings outside the counted service change nothing', () => {
    const w6 = { ...worker, entryDate: '2014-01-01', asOf: '2020-01-01' };
    expect(assessGrade({ ...w6, ratings: { 2013: '优秀' } }).years).toBe(6); // before entry
    expect(assessGrade({ ...w6, ratings: { 2020: '优秀' } }).years).toBe(6); // after the measuring date (2019-12-31)
    // With earlier service added, years before entry (from 2003) may belong to it.
    expect(assessGrade({ ...w6, priorYears: 1, ratings: { 2012: '优秀', 2002: '优秀' } }).years).toBe(7.5);
  });

  test('never below the starting level; effective years not negative', () => {
    const r = assessGrade({ ...base, post: '副职', entryDate: '2017-01-01', asOf: '2020-01-01', ratings: { 2017: '不合格', 2018: '不合格', 2019: '不合格', 2016: '不合格' } });
    expect(r.years).toBe(0);
    expect(r.grade).toBe(5);
  });

  test('a change of post applies from the next month (从次月调整); years accumulate across posts', () => {
    const w = { ...base, post: '正职', previousPost: '副职', postDate: '2022-03-15', entryDate: '2012-01-01' }; // 10.x years
    const march = evaluate({ ...w, asOf: '2022-03-31' });
    expect(march.grade).toBe(8); // 副职 5 + 3
    expect(march.items['基本工资']).toBe('1050.00');
    const april = evaluate({ ...w, asOf: '2022-04-01' });
    expect(april.grade).toBe(10); // 正职 7 + 3
    expect(april.items['基本工资']).toBe('1250.00');
    expect(april.items['岗位工资']).toBe('1950.00');
  });
});

describe('厦门 awards (第二十七条)', () => {
  const staff = { ...base, post: '其他社区工作者', entryDate: '2020-01-01', asOf: '2020-01-20' };
  test.each([
    [[], 0, 1],
    [['provincial'], 0, 2],
    [['national'], 0, 3],
    [['merit'], 0, 6],
    [['merit', 'provincial'], 0, 6], // the highest award only, not stacked
    [['provincial', 'national'], 0, 3],
    [['省部级'], 30, 12], // level 11 + 1 = top
    [['national'], 30, 12], // level 11 + 2 → capped at the top 12
    [['merit'], 33, 12], // already at the top
  ])('awards %j with priorYears %i → level %i', (awards, priorYears, level) => {
    expect(assessGrade({ ...staff, awards, priorYears }).grade).toBe(level);
  });

  test('正职 start 7 + 功勋荣誉 → 12, and the cap is the post’s own top (18)', () => {
    expect(assessGrade({ ...base, post: '正职', entryDate: '2020-01-01', asOf: '2020-01-20', awards: ['功勋荣誉'] }).grade).toBe(12);
    const top = assessGrade({ ...base, post: '正职', entryDate: '2020-01-01', asOf: '2020-01-20', priorYears: 30, awards: ['national'] });
    expect(top.grade).toBe(18);
    const step = top.trace.find((s) => s.step === '表彰高定等级')!;
    expect(step.value).toContain('不超过正职最高18级');
    expect(step.value).toContain('专项奖励');
    expect(step.source).toBe(`${DOC} 第二十七条`);
  });
});

describe('厦门 学历津贴 and 职业津贴 (第十三条（三）)', () => {
  const w = { ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01' }; // 2357.14 without allowances
  test.each([
    ['本科', '学士', '100.00'],
    ['本科', '无', '50.00'],
    ['本科', null, '50.00'],
    ['大专', '学士', '50.00'],
    [null, '学士', '50.00'],
    ['硕士研究生', '硕士', '200.00'],
    ['硕士研究生', '学士', '100.00'],
    ['硕士研究生', '无', '100.00'],
    ['本科', '硕士', '100.00'],
    ['博士研究生', '博士', '400.00'],
    ['博士研究生', '硕士', '200.00'],
    ['博士研究生', '无', '200.00'],
    ['硕士研究生', '博士', '200.00'],
    ['大专', '无', undefined],
    ['高中及以下', null, undefined],
  ])('学历 %s + 学位 %s → %s', (education, degree, amount) => {
    const r = evaluate({ ...w, education, degree });
    expect(r.items['学历津贴']).toBe(amount);
    const expected = (2357.14 + (amount ? Number(amount) : 0)).toFixed(2);
    expect(r.total).toBe(expected);
  });

  test.each([
    ['助理社会工作师', '200.00'],
    ['社会工作师', '300.00'],
    ['高级社会工作师', '500.00'],
  ])('%s → 职业津贴 %s', (certificate, amount) => {
    expect(evaluate({ ...w, certificate }).items['职业津贴']).toBe(amount);
    expect(evaluate({ ...w, certificate, certificateDate: '2022-03-01' }).items['职业津贴']).toBe(amount);
  });

  test('a certificate obtained after the as-of date pays nothing yet', () => {
    const r = evaluate({ ...w, certificate: '社会工作师', certificateDate: '2022-03-02' });
    expect(r.items['职业津贴']).toBeUndefined();
    expect(r.total).toBe('2357.14');
    expect(r.trace.find((s) => s.step === '职业津贴')!.value).toContain('尚未取得');
  });
});

describe('厦门 probation (第十一条（二）)', () => {
  test('80% of the intended level’s 基础工资, no 绩效报酬; 学历津贴 and 职业津贴 still paid', () => {
    const w = { ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', probation: true, params: { ...ZERO_ALLOWANCES, '岗位津贴.其他社区工作者': 100 } };
    const r = evaluate(w);
    // (750 + 900 + 100) × 0.8 = 1400
    expect(r.items).toEqual({ 试用期基础工资: '1400.00' });
    expect(r.total).toBe('1400.00');
    const withAllowances = evaluate({ ...w, education: '本科', degree: '学士', certificate: '助理社会工作师' });
    expect(withAllowances.items).toEqual({ 试用期基础工资: '1400.00', 学历津贴: '100.00', 职业津贴: '200.00' });
    expect(withAllowances.total).toBe('1700.00');
    const step = r.trace.find((s) => s.step === '试用期薪酬')!;
    expect(step.source).toBe(`${DOC} 第十一条（二）`);
    expect(step.reading).toContain('不另发绩效报酬');
  });

  test('80% is rounded half-up to the fen on the whole 基础工资', () => {
    const r = evaluate({ ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', probation: true, params: { ...ZERO_ALLOWANCES, '岗位津贴.其他社区工作者': 0.01 } });
    // 1650.01 × 0.8 = 1320.008 → 1320.01
    expect(r.items['试用期基础工资']).toBe('1320.01');
  });
});

describe('厦门 validity window (第三十六条)', () => {
  const w = { ...base, post: '其他', entryDate: '2015-01-01' };
  test.each([
    ['2020-06-28', '早于'],
    ['2020-06-29', null],
    ['2022-06-28', null],
    ['2022-06-29', '有效期'],
    ['2024-01-01', '有效期'],
  ])('as of %s → warning %s, still computed', (asOf, warning) => {
    const r = evaluate({ ...w, asOf });
    expect(r.total).not.toBe('0.00');
    if (warning === null) expect(r.warnings).toEqual([]);
    else {
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toContain(warning);
      expect(r.warnings[0]).toContain('第三十六条');
    }
  });

  test('an extension is a parameter', () => {
    expect(evaluate({ ...w, asOf: '2024-01-01', params: { ...ZERO_ALLOWANCES, 有效期年数: 5 } }).warnings).toEqual([]);
  });
});

describe('厦门 第十四条 不合格 note', () => {
  test('a 不合格 in the as-of year or the year before warns that districts may cut pay; nothing is deducted', () => {
    const r = evaluate({ ...base, post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', ratings: { 2021: '不合格' } });
    expect(r.warnings.some((x) => x.includes('2021年度考核不合格') && x.includes('第十四条'))).toBe(true);
    expect(r.tenureYears).toBeCloseTo(86 / 12 - 1, 12); // 2021 is within the service: −1 year
    expect(r.grade).toBe(3);
    expect(r.total).toBe('2357.14'); // no deduction
  });
});

describe('厦门 posts (第十一条)', () => {
  test.each([
    ['正职', '正职'],
    ['书记', '正职'],
    ['社区正职', '正职'],
    ['副主任', '副职'],
    ['委员', '专职委员'],
    ['专职委员', '专职委员'],
    ['其他', '其他社区工作者'],
    ['网格员', '其他社区工作者'],
  ])('%s → %s', (post, category) => {
    expect(normalizeWorker({ policy: '厦门', post, asOf: '2021-01-01' }).post).toBe(category);
  });

  test('policy aliases', () => {
    for (const a of ['xiamen', '厦门', 'XIAMEN-2020', '厦门市']) expect(policyOf(a).id).toBe('xiamen-2020');
  });
});

describe('厦门 social-insurance base (第十三条（一）)', () => {
  const make = (extra: Record<string, unknown>) =>
    normalizeWorker({ policy: '厦门', post: '其他', entryDate: '2015-01-01', asOf: '2022-03-01', ...extra });

  test('基本工资 + 岗位工资 + 岗位津贴, raised to 60% of the provincial average wage', () => {
    const w = make({ params: { ...ZERO_ALLOWANCES, '社保.全省平均工资': 7000 } });
    const trace = new Trace(true);
    expect(xiamenSocialInsuranceBase(w, undefined, trace).toFixed(2)).toBe('4200.00'); // 1650 < 4200
    expect(trace.steps.every((s) => s.source.length > 0)).toBe(true);
    expect(trace.steps.find((s) => s.step === '社保缴交基数')!.value).toContain('1650.00');
    const low = make({ params: { ...ZERO_ALLOWANCES, '社保.全省平均工资': 2000 } });
    expect(xiamenSocialInsuranceBase(low).toFixed(2)).toBe('1650.00'); // 1650 ≥ 1200
  });

  test('an explicit level; 岗位津贴 counts; floor rounded to the fen', () => {
    const w = make({ post: '正职', params: { ...ZERO_ALLOWANCES, '岗位津贴.正职': 1000, '社保.全省平均工资': 7000 } });
    expect(xiamenSocialInsuranceBase(w, 18).toFixed(2)).toBe('5400.00'); // 1250 + 3150 + 1000
    const odd = make({ params: { ...ZERO_ALLOWANCES, '社保.全省平均工资': 8333.35 } });
    expect(xiamenSocialInsuranceBase(odd).toFixed(2)).toBe('5000.01'); // 5000.01
  });

  test('the provincial average wage has no default', () => {
    const e = cwError(() => xiamenSocialInsuranceBase(make({ params: ZERO_ALLOWANCES })));
    expect(e.code).toBe('MISSING_PARAM');
    expect(e.message).toContain('缺少参数：社保.全省平均工资');
  });
});

describe('厦门 staffing (第五条)', () => {
  const p = xiamen.params.resolve(null);
  test('district: ≤ 3 per 1,000 residents, rounded down; above is an error', () => {
    const trace = new Trace(true);
    const [r] = xiamen.staffing({ population: 12345 }, 'county', p, trace);
    expect(r).toMatchObject({ what: '社区工作者总数', scope: 'county', min: null, max: 37, aboveSeverity: 'error' });
    expect(r.citation).toEqual({ doc: DOC, article: '第五条' });
    expect(trace.steps[0].source).toBe(`${DOC} 第五条`);
    expect(xiamen.staffing({ population: 10000 }, 'county', p, new Trace(false))[0].max).toBe(30);
    expect(xiamen.staffing({ population: 333 }, 'county', p, new Trace(false))[0].max).toBe(0);
    const q = xiamen.params.resolve({ '配备.每千常住人口最多人数': 2.5 });
    expect(xiamen.staffing({ population: 10000 }, 'county', q, new Trace(false))[0].max).toBe(25);
  });

  test('district without population → REQUIRED', () => {
    expect(cwError(() => xiamen.staffing({ households: 100 }, 'county', p, new Trace(false))).code).toBe('REQUIRED');
  });

  test('community: 两委专职成员 5–9 (warning), never above 11 (error); ≥ 1 专职社区党群工作者 (error)', () => {
    const reqs = xiamen.staffing({ name: '某社区' }, 'community', p, new Trace(false));
    expect(reqs.map(({ what, min, max, belowSeverity, aboveSeverity }) => ({ what, min, max, belowSeverity, aboveSeverity }))).toEqual([
      { what: '两委专职成员', min: 5, max: 9, belowSeverity: 'warning', aboveSeverity: 'warning' },
      { what: '两委专职成员', min: null, max: 11, belowSeverity: 'warning', aboveSeverity: 'error' },
      { what: '专职社区党群工作者', min: 1, max: null, belowSeverity: 'error', aboveSeverity: 'warning' },
    ]);
    expect(reqs.every((r) => r.scope === 'community' && r.citation.article === '第五条')).toBe(true);
  });
});

describe('厦门 优秀 quota (第二十一条)', () => {
  const p = xiamen.params.resolve(null);
  test.each([
    [0, 0],
    [3, 0],
    [4, 1],
    [10, 2],
    [11, 2],
    [12, 3],
    [100, 25],
  ])('%i rated → at most %i 优秀', (rated, max) => {
    const q = xiamen.excellentQuota(rated, p)!;
    expect(q.max).toBe(max);
    expect(q.unit).toBe('单位');
    expect(q.citation).toEqual({ doc: DOC, article: '第二十一条' });
    expect(q.basis).toContain('社区正职实行单列考核');
  });

  test('the ratio is a parameter', () => {
    expect(xiamen.excellentQuota(10, xiamen.params.resolve({ 优秀比例上限: 0.3 }))!.max).toBe(3);
  });
});

describe('厦门 recruitment (第八条, 第九条; 解读 §厦门-招聘条件)', () => {
  const w = (extra: Record<string, unknown> = {}) => normalizeWorker({ policy: '厦门', post: '其他', entryDate: '2021-03-01', asOf: '2021-06-01', education: '大专', ...extra });

  test('大专, 35, local → no findings', () => {
    expect(xiamen.recruitment(w(), { age: 35, localHukou: true })).toEqual([]);
  });

  test('below 大专 → a warning naming 第九条 (a street may relax 学历 for people it recommends)', () => {
    const f = xiamen.recruitment(w({ education: '中专' }), { age: 30 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', rule: '招聘条件', citation: { doc: DOC, article: '第八条；第九条' } });
    expect(f[0].message).toContain('中专');
    expect(f[0].message).toContain('第九条');
  });

  test('no 学历 given → warning', () => {
    expect(xiamen.recruitment(w({ education: null }), {}).map((x) => x.severity)).toEqual(['warning']);
  });

  test('over 35 → warning mentioning 第九条; age from birthDate at entry when not given', () => {
    const f = xiamen.recruitment(w(), { age: 36 });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].citation.article).toBe('第八条；第九条');
    expect(f[0].action).toContain('第九条');
    expect(xiamen.recruitment(w({ birthDate: '1985-03-01' }), {}).map((x) => x.message)).toEqual(['年龄36周岁，超过“年龄一般在35周岁以下”的招聘条件；第九条允许对经街道（镇）推荐的人员适当放宽年龄条件（解读 §厦门-招聘条件）。']);
    expect(xiamen.recruitment(w({ birthDate: '1985-03-02' }), {})).toEqual([]); // 35 on the entry date 2021-03-01
  });

  test('not 本市户籍 → error: 第九条 relaxes age and 学历, never 户籍', () => {
    const f = xiamen.recruitment(w(), { localHukou: false });
    expect(f.map((x) => [x.severity, x.message.includes('本市户籍')])).toEqual([['error', true]]);
    expect(xiamen.recruitment(w({ education: '高中' }), { age: 40, localHukou: false }).map((x) => x.severity)).toEqual(['warning', 'warning', 'error']);
  });

  test('elected workers (recruited false) are not checked', () => {
    expect(xiamen.recruitment(w({ education: '高中' }), { recruited: false, age: 50, localHukou: false })).toEqual([]);
  });
});

describe('厦门 exit triggers (第三十条)', () => {
  const w = (extra: Record<string, unknown> = {}) => normalizeWorker({ policy: '厦门', post: '其他', entryDate: '2021-03-01', asOf: '2021-12-31', ...extra });

  test('(一) on probation with a 不合格 rating → error', () => {
    const f = xiamen.exitTriggers(w({ probation: true, ratings: { 2021: '不合格' } }), {});
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', rule: '退出情形', citation: { doc: DOC, article: '第三十条（一）' } });
    expect(f[0].message).toContain('2021');
  });

  test('(一) an explicit probation result', () => {
    expect(xiamen.exitTriggers(w(), { probationRating: '不合格' } as never)).toHaveLength(1);
    expect(xiamen.exitTriggers(w({ probation: true, ratings: { 2021: '不合格' } }), { probationRating: '合格' } as never)).toEqual([]);
  });

  test('no trigger otherwise', () => {
    expect(xiamen.exitTriggers(w({ ratings: { 2021: '不合格' } }), {})).toEqual([]); // not on probation
    expect(xiamen.exitTriggers(w({ probation: true, ratings: { 2020: '不合格' } }), {})).toEqual([]); // before entry
    expect(xiamen.exitTriggers(w({ probation: true, ratings: { 2021: '不合格' } }), { recruited: false })).toEqual([]); // elected
    expect(xiamen.exitTriggers(w({ ratings: { 2019: '不合格', 2020: '不合格', 2021: '不合格' }, entryDate: '2015-01-01' }), {})).toEqual([]); // no 连续不合格 rule in Xiamen
  });
});

describe('厦门 trace: every step cites its source', () => {
  test('a worker touching every rule', () => {
    const r = evaluate({
      ...base, post: '正职', previousPost: '副职', postDate: '2021-05-10', entryDate: '1999-01-01', asOf: '2021-05-20', priorYears: 1,
      ratings: { 2019: '优秀', 2020: '基本合格' }, awards: '省部级', education: '硕士研究生', degree: '学士', certificate: '社会工作师',
      birthDate: '1975-04-01', sex: '女',
    });
    expect(r.trace.length).toBeGreaterThan(10);
    for (const s of r.trace) expect(s.source).toMatch(/厦民规〔2020〕2号|参数表|POLICY-NOTES|国务院/);
    expect(r.warnings).toHaveLength(0);
    // 2003-03 .. 2021-04 = 218 months = 18.1667 + 1 + 0.5 − 0.5 = 19.1667 → 副职 5 + 6 = 11, +1 省部级 = 12
    expect(r.grade).toBe(12);
    expect(r.items['基本工资']).toBe('1050.00');
    expect(r.items['学历津贴']).toBe('100.00');
    expect(r.items['职业津贴']).toBe('300.00');
  });
});
