import { ParamTable } from './params';
import { CwError } from './errors';

const table = new ParamTable('测试', [
  { key: '基数', kind: 'number', value: 3400, unit: '元/月', effective: '2023-01-01', citation: { doc: '某文', article: '一' }, label: '基数', min: 0 },
  { key: '津贴', kind: 'number', unit: '元/月', effective: '2023-01-01', citation: { doc: '某文', article: '二' }, label: '岗位津贴' },
  { key: '开关', kind: 'boolean', value: false, unit: '是/否', effective: '2023-01-01', citation: { doc: '某文', article: '三' }, label: '开关' },
]);

describe('parameters as dated data with citations', () => {
  test('defaults, overrides and their sources', () => {
    const v = table.resolve({ 基数: '3600', 开关: '是' });
    expect(v.num('基数')).toBe(3600);
    expect(v.flag('开关')).toBe(true);
    expect(v.source('基数')).toContain('参数表');
    expect(table.resolve(null).source('基数')).toBe('某文 一');
  });

  test('a figure left to local rules has no default: 缺少参数 names it', () => {
    const v = table.resolve(null);
    expect(v.has('津贴')).toBe(false);
    expect(() => v.get('津贴')).toThrow(expect.objectContaining({ code: 'MISSING_PARAM', message: expect.stringContaining('缺少参数：津贴') }));
    expect(table.resolve({ 津贴: 0 }).num('津贴')).toBe(0);
  });

  test('blank override cells keep the default; bad keys and values are errors', () => {
    expect(table.resolve({ 基数: '' }).num('基数')).toBe(3400);
    expect(() => table.resolve({ 基础: 1 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_PARAM' }));
    expect(() => table.resolve({ 基数: '三千' })).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
    expect(() => table.resolve({ 基数: -1 })).toThrow(CwError);
    expect(() => table.resolve({ 开关: '也许' })).toThrow(/是\/否/);
  });
});
