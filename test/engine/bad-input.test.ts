import { evaluate, assessTenure, CwError } from '../../src/engine';

const good = { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2023-06-01' };

/** [description, input, expected code, expected field, text the message must contain] */
const CASES: Array<[string, unknown, string, string | undefined, RegExp]> = [
  ['not an object', '本溪 副职', 'INVALID_TYPE', undefined, /不是职工对象/],
  ['an array', [good], 'INVALID_TYPE', undefined, /不是职工对象/],
  ['null', null, 'INVALID_TYPE', undefined, /不是职工对象/],
  ['empty object', {}, 'REQUIRED', 'policy', /benxi-2022/],
  ['unknown policy', { ...good, policy: '上海' }, 'UNKNOWN_POLICY', 'policy', /本溪.*厦门.*宁夏.*长春新区.*通州/],
  ['policy as a number', { ...good, policy: 1 }, 'UNKNOWN_POLICY', 'policy', /可用/],
  ['unknown post', { ...good, post: '科长' }, 'UNKNOWN_POST', 'post', /正职.*副职.*工作人员/],
  ['empty post', { ...good, post: '' }, 'REQUIRED', 'post', /岗位/],
  ['post as a number', { ...good, post: 3 }, 'UNKNOWN_POST', 'post', /岗位/],
  ['missing entry date', { policy: '本溪', post: '副职', asOf: '2023-06-01' }, 'REQUIRED', 'entryDate', /入职日期/],
  ['impossible date', { ...good, entryDate: '2023-02-30' }, 'INVALID_DATE', 'entryDate', /不是实际存在的日期/],
  ['garbage date', { ...good, entryDate: '去年' }, 'INVALID_DATE', 'entryDate', /2015-03-01/],
  ['date as boolean', { ...good, entryDate: true }, 'INVALID_DATE', 'entryDate', /不是日期/],
  ['Excel phantom 1900-02-29', { ...good, entryDate: 60 }, 'INVALID_DATE', 'entryDate', /1900-02-29/],
  ['negative serial', { ...good, entryDate: -5 }, 'INVALID_DATE', 'entryDate', /超出/],
  ['entry after as-of', { ...good, entryDate: '2024-01-01' }, 'FUTURE_DATE', 'entryDate', /晚于计算日期/],
  ['birth in the future', { ...good, birthDate: '2999-01-01', sex: '男' }, 'FUTURE_DATE', 'birthDate', /未来/],
  ['entry before birth', { ...good, birthDate: '2001-01-01' }, 'FUTURE_DATE', 'entryDate', /早于出生日期/],
  ['as-of before the policy', { ...good, asOf: '2022-06-01' }, 'NOT_IN_FORCE', 'asOf', /2023-01-01/],
  ['unknown rating', { ...good, ratings: { 2021: '很好' } }, 'UNKNOWN_RATING', 'ratings.2021', /优秀、合格/],
  ['rating year not a year', { ...good, ratings: { 去年: '优秀' } }, 'INVALID_TYPE', 'ratings', /四位年份/],
  ['ratings as a list', { ...good, ratings: ['优秀'] }, 'INVALID_TYPE', 'ratings', /年份: 等次/],
  ['unknown education', { ...good, education: '幼儿园' }, 'UNKNOWN_EDUCATION', 'education', /本科/],
  ['unknown degree', { ...good, degree: '院士' }, 'UNKNOWN_DEGREE', 'degree', /学士/],
  ['unknown certificate', { ...good, certificate: '会计师' }, 'UNKNOWN_CERTIFICATE', 'certificate', /社会工作师/],
  ['unknown sex', { ...good, sex: '未知' }, 'UNKNOWN_SEX', 'sex', /男、女/],
  ['unknown award', { ...good, awards: ['市级'] }, 'UNKNOWN_AWARD', 'awards', /功勋荣誉/],
  ['negative prior years', { ...good, priorYears: -1 }, 'INVALID_NUMBER', 'priorYears', /负数/],
  ['prior years as text', { ...good, priorYears: '三年' }, 'INVALID_NUMBER', 'priorYears', /不是数字/],
  ['negative current pay', { ...good, currentPay: -100 }, 'INVALID_NUMBER', 'currentPay', /负数/],
  ['star out of range', { ...good, star: 6 }, 'INVALID_NUMBER', 'star', /1、2、3、4、5/],
  ['probation as text', { ...good, probation: '可能' }, 'INVALID_TYPE', 'probation', /是\/否/],
  ['unknown field', { ...good, entrydate: '2000-01-01' }, 'UNKNOWN_FIELD', 'entrydate', /entryDate/],
  ['params not an object', { ...good, params: 'x' }, 'INVALID_TYPE', 'params', /参数表/],
  ['unknown parameter', { ...good, params: { 基础: 3600 } }, 'UNKNOWN_PARAM', 'params.基础', /CW.PARAMS/],
  ['parameter not a number', { ...good, params: { 基数: '很多' } }, 'INVALID_PARAM', 'params.基数', /不是数字/],
  ['negative parameter', { ...good, params: { 基数: -1 } }, 'INVALID_PARAM', 'params.基数', /超出范围/],
  ['original age not for the sex', { ...good, birthDate: '1970-01-01', sex: '男', originalAge: 50 }, 'INVALID_NUMBER', 'originalAge', /原法定退休年龄/],
  ['missing parameter (Xiamen 岗位津贴)', { policy: '厦门', post: '正职', entryDate: '2010-01-01', asOf: '2021-06-01' }, 'MISSING_PARAM', 'params.岗位津贴.正职', /缺少参数：岗位津贴\.正职/],
];

describe('bad input: each case yields its specific error, none throws anything else', () => {
  test.each(CASES)('%s', (_name, input, code, field, message) => {
    let caught: unknown;
    try {
      evaluate(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CwError);
    const e = caught as CwError;
    expect(e.code).toBe(code);
    if (field !== undefined) expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  test('a worker with only what tenure needs is enough for tenure', () => {
    expect(assessTenure({ policy: '本溪', entryDate: '2000-09-01', asOf: '2023-06-01' }).years).toBe(23);
  });
});
