/**
 * The Excel functions as Excel calls them: values, spills, argument forms (serials, text dates,
 * ranges), and the error results in and out of Excel.
 */
import { EXPLAIN, GRADE, PARAMS, PAY, RETIRE, STAFF, TENURE, callFunction } from '../../src/functions/core';
import { EXCEL_FUNCTIONS, pay, grade } from '../../src/functions/functions';
import { FnError, errorText, isFnError, makeError } from '../../src/functions/errors';
import { ratingsArg, paramsArg } from '../../src/functions/args';
import { FUNCTIONS } from '../../src/functions/help';
import { dayNumberOf, evaluate, policyOf, toExcelSerial } from '../../src/engine';

const serial = (y: number, m: number, d: number) => toExcelSerial(dayNumberOf(y, m, d));

function expectError(r: unknown, code: '#VALUE!' | '#N/A', ...fragments: string[]): void {
  expect(isFnError(r)).toBe(true);
  const e = r as FnError;
  expect(errorText(e)).toBe(code);
  for (const f of fragments) expect(e.message).toContain(f);
}

describe('worked examples (POLICY-NOTES)', () => {
  test('CW.PAY 本溪 副职 2000-09-01 at 2023-06-01 = 4488; 明细 with 社会工作师 spills items and 合计', () => {
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01')).toBe(4488);
    expect(PAY('benxi-2022', '副主任', serial(2000, 9, 1), serial(2023, 6, 1))).toBe(4488);
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, '社会工作师', '明细')).toEqual([
      ['基础工资', 3590.4],
      ['绩效工资', 897.6],
      ['职业津贴', 200],
      ['合计', 4688],
    ]);
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, null, '绩效工资')).toBe(897.6);
  });

  test('CW.GRADE and CW.TENURE: entry 2012-07-01, as of 2024-03-15 → 12 counted years → 正职 grade 8', () => {
    expect(TENURE('本溪', '2012-07-01', '2024-03-15')).toBe(12);
    expect(GRADE('本溪', '正职', '2012年7月1日', '2024/3/15')).toBe(8);
  });

  test('CW.RETIRE: a man born 1965-03-15 retires on 2025-04-15 (serial 45762)', () => {
    expect(RETIRE('1965-03-15', '男')).toBe(45762);
    expect(RETIRE(serial(1965, 3, 15), '男', 60)).toBe(45762);
    expect(RETIRE('1970-01-10', '女')).toBe(serial(2025, 2, 10)); // 55 + 1 month
    expect(RETIRE('1975-01-10', '女', 50)).toBe(serial(2025, 2, 10)); // 50 + 1 month
  });

  test('CW.STAFF: 通州 2000 households → at least max(9, ⌈2000/130⌉) = 16, no maximum', () => {
    expect(STAFF('通州', 2000)).toEqual([[16, '']]);
    expect(STAFF('通州', 100)).toEqual([[9, '']]);
    expect(STAFF('本溪', 100000)).toEqual([[180, '']]);
    expect(STAFF('长春新区', 3500)).toEqual([[11, 16]]);
    const xm = STAFF('厦门', 3500) as unknown[][];
    expect(xm[0][0]).toBe('');
    expect(xm[0][1]).toBe(10);
  });

  test('CW.PARAMS spills key, value, unit, citation; required figures have a blank value', () => {
    const rows = PARAMS('本溪') as unknown[][];
    expect(rows[0]).toEqual(['基数', 3400, '元/月', '本民发〔2022〕41号 三(六)1']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows.length).toBe(policyOf('本溪').params.defs.length);
    const xm = PARAMS('厦门') as unknown[][];
    const allowance = xm.find((r) => r[0] === '岗位津贴.正职')!;
    expect(allowance[1]).toBe('');
    expect(String(allowance[3])).toContain('第十一条');
  });

  test('CW.EXPLAIN spills step, value, source with the articles', () => {
    const rows = EXPLAIN('本溪', '副职', '2000-09-01', '2023-06-01') as string[][];
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows.find((r) => r[0] === '计龄')![1]).toContain('计23年');
    expect(rows.find((r) => r[0] === '合计')![1]).toContain('4488.00');
    expect(rows.some((r) => r[2].includes('本民发〔2022〕41号'))).toBe(true);
  });
});

describe('results agree with the engine', () => {
  test('every item and the total equal evaluate() for the same facts', () => {
    const facts = { policy: '本溪', post: '正职', entryDate: '2009-03-01', asOf: '2024-07-01', ratings: { 2021: '合格', 2022: '不合格', 2023: '优秀' }, education: '本科', degree: '学士', certificate: '助理社会工作师' };
    const e = evaluate(facts);
    const rows = PAY('本溪', '正职', '2009-03-01', '2024-07-01', [['合格', '不合格', '优秀']], '本科', '学士', '助理社会工作师', '明细') as [string, number][];
    for (const [name, amount] of rows.slice(0, -1)) expect(amount.toFixed(2)).toBe(e.items[name]);
    expect(rows[rows.length - 1]).toEqual(['合计', Number(e.total)]);
    expect(GRADE('本溪', '正职', '2009-03-01', '2024-07-01', [['合格', '不合格', '优秀']], '本科', '学士')).toBe(e.grade);
    expect(TENURE('本溪', '2009-03-01', '2024-07-01', [['合格', '不合格', '优秀']])).toBe(e.tenureYears);
  });

  test('params ranges override parameters the way the engine does', () => {
    const params = [['参数名', '本地值'], ['基数', 3600], [null, null], ['职业津贴.中级', '250']];
    const e = evaluate({ policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01', certificate: '社会工作师', params: { 基数: 3600, '职业津贴.中级': 250 } });
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, '社会工作师', null, params)).toBe(Number(e.total));
    expect(e.total).toBe('5002.00'); // 3600 × 1.32 = 4752, + 250 — the override really applied
  });

  test('厦门 pay with the district 岗位津贴 supplied', () => {
    const params = [['岗位津贴.正职', 500], ['岗位津贴.副职', 400], ['岗位津贴.专职委员', 300], ['岗位津贴.其他社区工作者', 200]];
    const e = evaluate({ policy: '厦门', post: '其他社区工作者', entryDate: '2015-03-01', asOf: '2023-06-01', ratings: { 2020: '优秀', 2021: '合格', 2022: '基本合格' }, education: '本科', degree: '学士', params: Object.fromEntries(params) });
    expect(PAY('厦门', '其他', '2015-03-01', '2023-06-01', [['优秀', '合格', '基本合格']], '本科', '学士', null, null, params)).toBe(Number(e.total));
  });
});

describe('ratings ranges', () => {
  const asOf = dayNumberOf(2024, 3, 15);
  test('one row or one column: consecutive years ending the year before as_of', () => {
    expect(ratingsArg([['优秀', '合格', '不合格']], 'r', asOf)).toEqual({ 2021: '优秀', 2022: '合格', 2023: '不合格' });
    expect(ratingsArg([['优秀'], [null], ['称职']], 'r', asOf)).toEqual({ 2021: '优秀', 2023: '合格' });
    expect(ratingsArg([['不称职']], 'r', asOf)).toEqual({ 2023: '不合格' });
  });
  test('two rows or two columns of year and rating', () => {
    expect(ratingsArg([[2019, '2020年', '考核2021'], ['优秀', null, '基本称职']], 'r', asOf)).toEqual({ 2019: '优秀', 2021: '基本合格' });
    expect(ratingsArg([[2022, '合格'], [2024, '不合格']], 'r', asOf)).toEqual({ 2022: '合格', 2024: '不合格' });
  });
  test('blank ranges mean no ratings; bad shapes and duplicate years are errors', () => {
    expect(ratingsArg(null, 'r', asOf)).toEqual({});
    expect(ratingsArg([[null, '']], 'r', asOf)).toEqual({});
    expect(() => ratingsArg([['优秀', '合格'], ['合格', '合格'], ['合格', '合格']], 'r', asOf)).toThrow('3行×2列');
    expect(() => ratingsArg([[2021, 2021], ['优秀', '合格']], 'r', asOf)).toThrow('出现了两次');
    expect(() => ratingsArg([[null, 2021], ['优秀', '合格']], 'r', asOf)).toThrow('没有年份');
  });
  test('the current year rated 不合格 (two-row form) withholds 本溪 绩效工资', () => {
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', [[2023], ['不合格']], null, null, null, '绩效工资')).toBe(0);
  });
});

describe('params ranges', () => {
  test('wider ranges use their first two columns; header rows and blank rows are skipped', () => {
    expect(paramsArg([['参数', '值', '单位'], ['基数', 3600, '元/月'], [null, null, null]], 'p')).toEqual({ 基数: 3600 });
    expect(paramsArg([[null, null]], 'p')).toBeNull();
  });
  test('a table equal cell for cell to a recent one gives the same object back; any change is seen', () => {
    const keys = { policyName: '本溪', has: (k: string) => policyOf('本溪').params.byKey.has(k) };
    const a = paramsArg([['基数', 3600], ['每级年限', null]], 'p', keys);
    expect(paramsArg([['基数', 3600], ['每级年限', null]], 'p', keys)).toBe(a);
    expect(paramsArg([['基数', 3700], ['每级年限', null]], 'p', keys)).toEqual({ 基数: 3700 });
    expect(paramsArg([['基数', '3600'], ['每级年限', null]], 'p', keys)).toEqual({ 基数: '3600' });
    expect(paramsArg([['基数', 3600], ['每级年限', 2]], 'p', keys)).toEqual({ 基数: 3600, 每级年限: 2 });
    expect(paramsArg([['基数', null]], 'p', keys)).toBeNull();
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, null, null, [['基数', 3700]])).toBe(4884); // 3700 × 1.32
    expect(PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, null, null, [['基数', null]])).toBe(4488);
  });

  test('one column, a value without a key, duplicate keys and non-text keys are errors', () => {
    expect(() => paramsArg([['基数'], ['每级年限']], 'p')).toThrow('两列');
    expect(() => paramsArg([[null, 5]], 'p')).toThrow('没有参数名');
    expect(() => paramsArg([['基数', 1], ['基数', 2]], 'p')).toThrow('出现了两次');
    expect(() => paramsArg([[12, 1]], 'p')).toThrow('不是文本');
  });
});

describe('the Excel layer', () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test('wrappers return matrices and throw error results, as Excel expects', () => {
    expect(pay('本溪', '副职', '2000-09-01', '2023-06-01', null as never, null, null, null, null, null as never)).toEqual([[4488]]);
    expect(() => grade('本溪', '科长', '2010-01-01', null, null as never, null, null, null as never, null as never)).toThrow(FnError);
    for (const f of FUNCTIONS) expect(typeof EXCEL_FUNCTIONS[f.id]).toBe('function');
  });

  test('inside Excel an error result is a CustomFunctions.Error with the same code and message', () => {
    class FakeError {
      constructor(readonly code: string, readonly message?: string) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    const r = GRADE('本溪', '科长', '2010-01-01', '2023-06-01');
    expect(r).toBeInstanceOf(FakeError);
    expect((r as FakeError).code).toBe('#VALUE!');
    expect((r as FakeError).message).toContain('正职');
    const na = PAY('本溪', '副职', '2000-09-01', '2023-06-01', null, null, null, null, '岗位津贴');
    expect(na).toBeInstanceOf(FakeError);
    expect((na as FakeError).code).toBe('#N/A');
    expect(() => grade('本溪', '科长', '2010-01-01', '2023-06-01')).toThrow(FakeError as never);
    expect(makeError('#N/A', 'x')).toBeInstanceOf(FakeError);
  });

  test('callFunction pads omitted arguments with null and rejects too many', () => {
    expect(callFunction('cw.pay', ['本溪', '副职', '2000-09-01', '2023-06-01'])).toBe(4488);
    expectError(callFunction('PARAMS', ['本溪', 1]), '#VALUE!', '最多 1 个参数');
    expectError(callFunction('SALARY', []), '#N/A', 'CW.PAY');
  });

  test('as_of is required (a non-volatile function would keep a stale "today"): blank says to write TODAY()', () => {
    for (const r of [EXPLAIN('本溪', '副职', '2000-09-01', null), PAY('本溪', '副职', '2000-09-01', ''), TENURE('本溪', '2000-09-01', undefined)]) {
      expectError(r, '#VALUE!', 'TODAY()');
      expectError(r, '#VALUE!', 'as_of（计算日期）');
    }
  });
});
