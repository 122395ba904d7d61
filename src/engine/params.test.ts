import { ParamTable } from './params';
import { dayNumberOf } from './dates';
import { CwError } from './errors';

const table = new ParamTable('测试', [
  { key: '施行日期', kind: 'text', value: '2023-01-01', unit: '日期', citation: { doc: '某文', article: '末' }, label: '施行日期' },
  { key: '基数', kind: 'number', value: 3400, unit: '元/月', citation: { doc: '某文', article: '一' }, label: '基数', min: 0 },
  { key: '津贴', kind: 'number', unit: '元/月', citation: { doc: '某文', article: '二' }, label: '岗位津贴' },
  { key: '开关', kind: 'boolean', value: false, unit: '是/否', citation: { doc: '某文', article: '三' }, label: '开关' },
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

describe('dated parameters: the value in force on the as-of date', () => {
  const day = (iso: string) => dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  const history = { 基数: [{ from: '2023-01-01', value: 3400 }, { from: '2025-01-01', value: 3600 }] };

  test('a dated override: each date reads the value whose start is on or before it', () => {
    expect(table.resolve(history, day('2024-12-31')).num('基数')).toBe(3400);
    expect(table.resolve(history, day('2025-01-01')).num('基数')).toBe(3600);
    expect(table.resolve(history, day('2025-06-01')).dec('基数').toFixed(2)).toBe('3600.00');
    expect(table.resolve(history).num('基数')).toBe(3600); // no date: the latest value
  });

  test('the value in force names its start date; the trace lists the history', () => {
    const v = table.resolve(history, day('2025-06-01'));
    expect(v.entry('基数')).toMatchObject({ value: 3600, overridden: true });
    expect(v.source('基数')).toBe('参数表“基数”（替代 某文 一），2025-01-01 起适用');
    expect(v.datedInForce()).toEqual([{ key: '基数', text: '基数 = 3600（2025-01-01 起适用；此前：2023-01-01 起 3400）', source: v.source('基数') }]);
    const earlier = table.resolve(history, day('2024-06-01'));
    expect(earlier.datedInForce()[0].text).toBe('基数 = 3400（2023-01-01 起适用；之后：2025-01-01 起 3600）');
  });

  test('a later dated override keeps the published value before its date', () => {
    const later = { 基数: [{ from: '2025-01-01', value: 3600 }] };
    expect(table.resolve(later, day('2024-06-01')).num('基数')).toBe(3400);
    expect(table.resolve(later, day('2024-06-01')).isOverridden('基数')).toBe(false);
    expect(table.resolve(later, day('2024-06-01')).source('基数')).toBe('某文 一，2023-01-01 起适用');
    expect(table.resolve(later, day('2025-02-01')).num('基数')).toBe(3600);
  });

  test('a required figure supplied only from a date: before it, 缺少参数 says from when', () => {
    const v = table.resolve({ 津贴: [{ from: '2024-07-01', value: 150 }] }, day('2024-06-30'));
    expect(() => v.get('津贴')).toThrow(expect.objectContaining({ code: 'MISSING_PARAM', message: expect.stringContaining('2024-07-01') }));
    expect(table.resolve({ 津贴: [{ from: '2024-07-01', value: 150 }] }, day('2024-07-01')).num('津贴')).toBe(150);
  });

  test('a plain override is in force always; views with the same values share their memos', () => {
    expect(table.resolve({ 基数: 3000 }, day('2023-02-01')).num('基数')).toBe(3000);
    const a = table.resolve(history, day('2025-03-01'));
    const b = table.resolve(history, day('2026-03-01'));
    expect(a).toBe(b);
    expect(a.memo('x', () => 1)).toBe(1);
    expect(b.memo('x', () => 2)).toBe(1);
    expect(table.resolve(history, day('2024-03-01'))).not.toBe(a);
  });

  test('published histories: a params file may declare dated values', () => {
    const t = new ParamTable('测试', [
      { key: '基数', kind: 'number', unit: '元/月', citation: { doc: '某文', article: '一' }, label: '基数', values: [{ from: '2025-01-01', value: 3600, citation: { doc: '县文', article: '二' } }, { from: '2023-01-01', value: 3400 }] },
    ]);
    expect(t.byKey.get('基数')!.value).toBe(3600);
    expect(t.resolve(null, day('2024-01-01')).num('基数')).toBe(3400);
    expect(t.resolve(null, day('2025-01-01')).source('基数')).toBe('县文 二，2025-01-01 起适用');
  });

  test('bad dated overrides are clear Chinese errors', () => {
    expect(() => table.resolve({ 基数: [{ value: 1 }] })).toThrow(/缺少生效日期/);
    expect(() => table.resolve({ 基数: [{ from: '2024-13-01', value: 1 }] })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => table.resolve({ 基数: [{ from: '2024-01-01', value: 1 }, { from: '2024/1/1', value: 2 }] })).toThrow(/两个值/);
    expect(() => table.resolve({ 基数: [{ from: '2024-01-01', value: '多' }] })).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
    expect(() => table.resolve({ 基数: [{ from: '2024-01-01', amount: 1 }] })).toThrow(/未知字段/);
    expect(() => table.resolve({ 基数: [3400] })).toThrow(/不是带生效日期的值/);
  });
});
