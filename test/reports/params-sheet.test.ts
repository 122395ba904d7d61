/** The workbook's 参数表 sheet: two columns, or three with 生效日期 (several rows per key → a dated history). */
import { paramsFromSheets } from '../../src/reports/params-sheet';
import { parseDate, policyOf } from '../../src/engine';
import type { SheetGrid } from '../../src/engine';

const grid = (rows: SheetGrid['rows']): SheetGrid => ({ name: '本溪参数表', rows } as SheetGrid);

describe('paramsFromSheets', () => {
  const benxi = policyOf('本溪');
  test('a 生效日期 column makes a dated history; the engine reads the value in force', () => {
    const found = paramsFromSheets([grid([['参数名', '本地值', '生效日期'], ['基数', 3400, '2023-01-01'], ['基数', 3600, 45658], ['每级年限', 3, null]])], benxi)!;
    expect(found.params).toEqual({ 基数: [{ from: '2023-01-01', value: 3400 }, { from: 45658, value: 3600 }], 每级年限: 3 });
    expect(benxi.params.resolve(found.params, parseDate('2025-06-01')).num('基数')).toBe(3600); // serial 45658 = 2025-01-01
    expect(benxi.params.resolve(found.params, parseDate('2024-12-31')).num('基数')).toBe(3400);
  });

  test('two columns stay plain values', () => {
    expect(paramsFromSheets([grid([['参数名', '本地值'], ['基数', 3600]])], benxi)!.params).toEqual({ 基数: 3600 });
  });

  test('an undated row beside dated rows of the same key reaches the engine, which rejects it clearly', () => {
    const found = paramsFromSheets([grid([['参数名', '本地值', '生效日期'], ['基数', 3400, null], ['基数', 3600, '2025-01-01']])], benxi)!;
    expect(() => benxi.params.resolve(found.params)).toThrow(/缺少生效日期/);
  });
});
