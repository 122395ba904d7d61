/**
 * The bad-input table, driven through every Excel function: wrong types, empty, negative, future
 * dates, unknown policy/post/rating, impossible dates (2023-02-30, serial 60), missing parameters.
 * Each case yields its specific Excel error with a Chinese message naming the argument; no case
 * throws anything but the error result, and none returns a number.
 */
import * as fc from 'fast-check';
import { IMPLEMENTATIONS, callFunction } from '../../src/functions/core';
import { EXCEL_FUNCTIONS } from '../../src/functions/functions';
import { FnError, errorText, isFnError } from '../../src/functions/errors';
import { FUNCTIONS, FnId } from '../../src/functions/help';

const B = ['本溪', '副职', '2000-09-01', '2023-06-01'] as const;
const XM_ALLOWANCES = [['岗位津贴.正职', 500], ['岗位津贴.副职', 400], ['岗位津贴.专职委员', 300], ['岗位津贴.其他社区工作者', 200]];

/** [function, arguments, Excel error, fragments the message must contain (the first names the argument)] */
type Case = [FnId, unknown[], '#VALUE!' | '#N/A', string[]];

const CASES: Case[] = [
  // policy
  ['TENURE', [null, '2000-09-01'], '#VALUE!', ['policy（政策）', '缺少政策', 'benxi-2022']],
  ['GRADE', ['上海', '副职', '2000-09-01'], '#VALUE!', ['policy', '无法识别政策', '本溪', '厦门', '宁夏', '长春新区', '通州']],
  ['PAY', [1, '副职', '2000-09-01'], '#VALUE!', ['policy', '无法识别政策']],
  ['STAFF', ['', 2000], '#VALUE!', ['policy（政策）', '缺少政策']],
  ['PARAMS', ['北京'], '#VALUE!', ['policy', '无法识别政策']],
  ['PARAMS', [null], '#VALUE!', ['policy', '缺少政策']],
  ['PARAMS', [true], '#VALUE!', ['policy', '无法识别政策']],
  // post
  ['GRADE', ['本溪', '科长', '2010-01-01', '2024-03-15'], '#VALUE!', ['post（岗位）', '科长', '正职', '副职', '工作人员']],
  ['PAY', ['本溪', '', '2010-01-01', '2023-06-01'], '#VALUE!', ['post（岗位）', '正职']],
  ['PAY', ['本溪', null, '2010-01-01', '2023-06-01'], '#VALUE!', ['post（岗位）', '正职']],
  ['EXPLAIN', ['本溪', 3, '2010-01-01', '2023-06-01'], '#VALUE!', ['post（岗位）', '正职']],
  // dates
  ['TENURE', ['本溪', null, '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '不能为空']],
  ['PAY', ['本溪', '副职', '2023-02-30', '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '不是实际存在的日期']],
  ['GRADE', ['本溪', '副职', 60, '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '1900-02-29']],
  ['TENURE', ['本溪', -5, '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '超出']],
  ['TENURE', ['本溪', 0, '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '超出']],
  ['PAY', ['本溪', '副职', true, '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '不是日期']],
  ['PAY', ['本溪', '副职', '去年', '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '2015-03-01']],
  ['PAY', ['本溪', '副职', '2024-01-01', '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '晚于计算日期']],
  ['PAY', ['本溪', '副职', '2999-01-01', '2023-06-01'], '#VALUE!', ['entry_date（入职日期）', '晚于计算日期']],
  ['PAY', ['本溪', '副职', '2000-09-01', '2023-13-01'], '#VALUE!', ['as_of（计算日期）', '不是实际存在的日期']],
  ['GRADE', ['本溪', '副职', '2000-09-01', 60], '#VALUE!', ['as_of（计算日期）', '1900-02-29']],
  ['PAY', ['本溪', '副职', '2000-09-01', '2022-06-01'], '#VALUE!', ['as_of（计算日期）', '2023-01-01']],
  ['EXPLAIN', ['宁夏', '两委正职', '2010-01-01', '2024-06-01'], '#VALUE!', ['as_of（计算日期）', '2024-12-27']],
  // ratings
  ['PAY', [...B, [['很好']]], '#VALUE!', ['ratings（年度考核）', '很好', '优秀、合格']],
  ['TENURE', ['本溪', '2000-09-01', '2023-06-01', [['优秀', 2]]], '#VALUE!', ['ratings（年度考核）', '不是考核等次']],
  ['GRADE', ['本溪', '副职', '2000-09-01', '2023-06-01', [['优秀', '合格'], ['合格', '合格'], ['合格', '合格']]], '#VALUE!', ['ratings（年度考核）', '3行×2列']],
  ['TENURE', ['本溪', '2000-09-01', '2023-06-01', [[2021, 2021], ['优秀', '合格']]], '#VALUE!', ['ratings（年度考核）', '两次']],
  // other facts
  ['TENURE', ['厦门', '2010-01-01', '2021-06-01', null, -1], '#VALUE!', ['prior_years（此前年限）', '负数']],
  ['TENURE', ['厦门', '2010-01-01', '2021-06-01', null, '三年'], '#VALUE!', ['prior_years（此前年限）', '不是数字']],
  ['GRADE', ['本溪', '副职', '2000-09-01', '2023-06-01', null, '幼儿园'], '#VALUE!', ['education（学历）', '本科']],
  ['GRADE', ['本溪', '副职', '2000-09-01', '2023-06-01', null, null, '院士'], '#VALUE!', ['degree（学位）', '学士']],
  ['GRADE', ['厦门', '正职', '2010-01-01', '2021-06-01', null, null, null, [['市级']]], '#VALUE!', ['awards（表彰）', '功勋荣誉']],
  ['PAY', [...B, null, null, null, '会计师'], '#VALUE!', ['certificate（职业资格）', '社会工作师']],
  ['PAY', [...B, null, null, null, 7], '#VALUE!', ['certificate（职业资格）', '社会工作师']],
  // item
  ['PAY', [...B, null, null, null, null, '岗位津贴'], '#N/A', ['item（项目）', '岗位津贴', '基础工资、绩效工资']],
  ['PAY', [...B, null, null, null, null, 5], '#VALUE!', ['item（项目）', '不是薪酬项目名称']],
  ['EXPLAIN', [...B, null, null, null, null, '奖金'], '#N/A', ['item（项目）', '奖金']],
  // params
  ['PAY', [...B, null, null, null, null, null, [['基础', 3600]]], '#VALUE!', ['params（参数表）', '基础', 'CW.PARAMS']],
  ['PAY', [...B, null, null, null, null, null, [['基数', null], ['基础', null]]], '#VALUE!', ['params（参数表）', '基础', '第2行']],
  ['PAY', [...B, null, null, null, null, null, [['基数', '很多']]], '#VALUE!', ['params（参数表）', '不是数字']],
  ['GRADE', [...B, null, null, null, null, [['基数', -1]]], '#VALUE!', ['params（参数表）', '超出范围']],
  ['PAY', [...B, null, null, null, null, null, [['基数'], ['每级年限']]], '#VALUE!', ['params（参数表）', '两列']],
  ['PAY', [...B, null, null, null, null, null, [['基数', 1], ['基数', 2]]], '#VALUE!', ['params（参数表）', '两次']],
  ['PAY', [...B, null, null, null, null, null, [[null, 3600]]], '#VALUE!', ['params（参数表）', '没有参数名']],
  // missing parameters: figures the documents leave to local rules
  ['PAY', ['厦门', '正职', '2010-01-01', '2021-06-01'], '#VALUE!', ['params（参数表）', '缺少参数：岗位津贴.正职']],
  ['EXPLAIN', ['厦门', '正职', '2010-01-01', '2021-06-01'], '#VALUE!', ['params（参数表）', '缺少参数：岗位津贴.正职']],
  ['PAY', ['厦门', '副职', '2010-01-01', '2021-06-01', null, null, null, null, null, XM_ALLOWANCES.slice(0, 1)], '#VALUE!', ['缺少参数：岗位津贴.副职']],
  ['PAY', ['通州', '副职', '2010-01-01', '2024-06-01'], '#VALUE!', ['params（参数表）', '缺少参数']],
  ['GRADE', ['宁夏', '两委正职', '2010-01-01', '2025-06-01'], '#VALUE!', ['params（参数表）', '缺少参数：起始等级.两委正职']],
  ['PAY', ['长春新区', '社区正职', '2010-01-01', '2024-06-01'], '#VALUE!', ['params（参数表）', '缺少参数：薪酬表.社区正职']],
  // a policy without grades
  ['GRADE', ['通州', '副职', '2010-01-01', '2024-06-01'], '#N/A', ['通州政策没有岗位等级']],
  // retirement
  ['RETIRE', [null, '男'], '#VALUE!', ['birth_date（出生日期）', '不能为空']],
  ['RETIRE', ['2999-01-01', '男'], '#VALUE!', ['birth_date（出生日期）', '未来']],
  ['RETIRE', ['1965-02-30', '男'], '#VALUE!', ['birth_date（出生日期）', '不是实际存在的日期']],
  ['RETIRE', [60, '女'], '#VALUE!', ['birth_date（出生日期）', '1900-02-29']],
  ['RETIRE', [false, '女'], '#VALUE!', ['birth_date（出生日期）', '不是日期']],
  ['RETIRE', ['1965-03-15', '未知'], '#VALUE!', ['sex（性别）', '男、女']],
  ['RETIRE', ['1965-03-15', ''], '#VALUE!', ['sex（性别）', '缺少性别']],
  ['RETIRE', ['1965-03-15', 1], '#VALUE!', ['sex（性别）', '男、女']],
  ['RETIRE', ['1965-03-15', '男', 50], '#VALUE!', ['original_age（原退休年龄）', '原法定退休年龄']],
  ['RETIRE', ['1965-03-15', '女', -1], '#VALUE!', ['original_age（原退休年龄）', '负数']],
  ['RETIRE', ['1965-03-15', '女', '五十五'], '#VALUE!', ['original_age（原退休年龄）', '不是数字']],
  ['RETIRE', ['1965-03-15', '女', 55.5], '#VALUE!', ['original_age（原退休年龄）', '不是整数']],
  // staffing
  ['STAFF', ['通州', null], '#VALUE!', ['households_or_population（户数或人口）', '缺少', '社区户数']],
  ['STAFF', ['通州', -1], '#VALUE!', ['households_or_population（户数或人口）', '负数']],
  ['STAFF', ['本溪', '很多'], '#VALUE!', ['households_or_population（户数或人口）', '不是数字', '城镇常住人口']],
  ['STAFF', ['通州', 2000.5], '#VALUE!', ['households_or_population（户数或人口）', '不是整数']],
  ['STAFF', ['通州', 2000, -3], '#VALUE!', ['party_members（党员数）', '负数']],
  ['STAFF', ['通州', true], '#VALUE!', ['households_or_population（户数或人口）', '不是数字']],
  // payroll
  ['IIT', [null, 0, 0, 1, 0], '#VALUE!', ['income（累计收入）', '缺少']],
  ['IIT', [-1, 0, 0, 1, 0], '#VALUE!', ['income（累计收入）', '负数']],
  ['IIT', [10000, 0, 0, 13, 0], '#VALUE!', ['months（任职月数）', '1 至 12']],
  ['IIT', [10000, 0, 0, 1.5, 0], '#VALUE!', ['months（任职月数）', '整数']],
  ['IIT', [10000, '很多', 0, 1, 0], '#VALUE!', ['special（累计专项扣除）', '不是数字']],
  ['CONTRIB', [5000, null], '#VALUE!', ['缺少参数：社保基数.下限']],
  ['CONTRIB', [null, [['社保基数.下限', 4000]]], '#VALUE!', ['base（缴费基数）', '缺少']],
  ['CONTRIB', [5000, [['基数', 3400]]], '#VALUE!', ['params（参数表）', '基数', '不是代扣代缴的参数']],
];

describe('bad input through every function', () => {
  test('the table covers every function', () => {
    for (const f of FUNCTIONS) expect(CASES.some((c) => c[0] === f.id)).toBe(true);
  });

  test.each(CASES.map((c, i) => [`${i + 1}. CW.${c[0]}(${c[1].map((a) => JSON.stringify(a)).join(', ')})`, ...c] as const))(
    '%s',
    (_title, id, args, code, fragments) => {
      // The pure implementation returns the error result; it never throws.
      let result: unknown;
      expect(() => { result = IMPLEMENTATIONS[id](...args); }).not.toThrow();
      expect(typeof result).not.toBe('number');
      expect(isFnError(result)).toBe(true);
      const e = result as FnError;
      expect(errorText(e)).toBe(code);
      for (const f of fragments) expect(e.message).toContain(f);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      // The Excel wrapper throws exactly that error result, nothing else.
      let thrown: unknown;
      try {
        EXCEL_FUNCTIONS[id](...args);
      } catch (x) {
        thrown = x;
      }
      expect(thrown).toBeInstanceOf(FnError);
      expect((thrown as FnError).message).toBe(e.message);
      // And `cw fn`'s path (callFunction) agrees.
      expect((callFunction(id, args) as FnError).message).toBe(e.message);
    },
  );
});

describe('no input makes a function throw or return a non-finite number', () => {
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -100000, max: 3000000 }),
    fc.string(),
    fc.constantFrom('本溪', '厦门', '宁夏', '长春新区', '通州', '副职', '正职', '2023-06-01', '2023-02-30', '明细', '优秀', '不合格', '男', '女'),
    fc.array(fc.array(fc.oneof(fc.constant(null), fc.string(), fc.integer({ min: 1900, max: 2100 }), fc.constantFrom('优秀', '基数', 3600)), { maxLength: 3 }), { maxLength: 3 }),
  );
  test.each(FUNCTIONS.map((f) => [f.id, f.params.length] as const))('CW.%s', (id, n) => {
    fc.assert(
      fc.property(fc.array(junk, { minLength: 0, maxLength: n }), (args) => {
        const r = IMPLEMENTATIONS[id](...args);
        if (typeof r === 'number') return Number.isFinite(r);
        return isFnError(r) || typeof r === 'string' || Array.isArray(r);
      }),
      { numRuns: 300 },
    );
  });
});
