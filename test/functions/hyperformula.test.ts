/**
 * The templates and a generated 10,000-row pay sheet evaluated as formulas in HyperFormula, with
 * the CW functions registered from the very code Excel runs, checked against the engine.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { evaluate, fromExcelSerial, civilOf, dayNumberOf, toExcelSerial, policyOf } from '../../src/engine';
import { buildEngine, workbookToSheets } from './hf-harness';
import { AS_OF_CELL, CW_TOTAL_COL, NATIVE_TOTAL_COL, SHEET, cwPaySheet, engineInput, generateWorkers, nativePaySheet } from './paysheet';

const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
const serial = (y: number, m: number, d: number) => toExcelSerial(dayNumberOf(y, m, d));

async function loadTemplate(file: string): Promise<{ wb: ExcelJS.Workbook; hf: HyperFormula }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(TEMPLATES, file));
  return { wb, hf: buildEngine(workbookToSheets(wb)) };
}

interface Layout {
  sheet: number;
  params: number;
  col: Record<string, number>;
  ratingCols: number[];
  payCols: { col: number; item: string | null }[];
  firstRow: number;
  lastRow: number;
}

/** Finds the columns of a template's 薪酬表 from its header row (row 4). */
function layoutOf(hf: HyperFormula): Layout {
  const sheet = hf.getSheetId('薪酬表')!;
  const params = hf.getSheetId('参数表')!;
  const values = hf.getSheetValues(sheet);
  const header = values[3].map((v) => String(v ?? ''));
  const col: Record<string, number> = {};
  header.forEach((h, i) => { col[h] = i; });
  const ratingCols = header.map((h, i) => (h.startsWith('考核') ? i : -1)).filter((i) => i >= 0);
  const gradeCol = col['岗位等级'];
  const payCols = header.slice(gradeCol + 1).map((h, k) => ({ col: gradeCol + 1 + k, item: h === '薪酬合计' ? null : h }));
  let lastRow = 4;
  while (typeof values[lastRow + 1]?.[0] === 'number') lastRow++;
  return { sheet, params, col, ratingCols, payCols, firstRow: 4, lastRow };
}

/** Checks every formula cell of a template against evaluate() for the row's facts. */
function checkAgainstEngine(hf: HyperFormula, L: Layout, params: Record<string, number> | null): number {
  const asOf = hf.getCellValue({ sheet: L.sheet, row: 1, col: 3 }) as number;
  const policy = hf.getCellValue({ sheet: L.sheet, row: 1, col: 1 }) as string;
  const asOfYear = civilOf(fromExcelSerial(asOf)).y;
  const header = hf.getSheetValues(L.sheet)[3];
  // The rating headers follow the as-of date.
  L.ratingCols.forEach((c, k) => expect(header[c]).toBe(`考核${asOfYear - 3 + k}`));
  let checked = 0;
  for (let r = L.firstRow; r <= L.lastRow; r++) {
    const v = (c: number) => hf.getCellValue({ sheet: L.sheet, row: r, col: c });
    const ratings: Record<string, unknown> = {};
    L.ratingCols.forEach((c, k) => { if (v(c) !== null) ratings[asOfYear - 3 + k] = v(c); });
    const input: Record<string, unknown> = { policy, post: v(L.col['岗位']), entryDate: v(L.col['入职日期']), asOf, ratings };
    for (const [field, h] of [['education', '学历'], ['degree', '学位'], ['certificate', '职业资格']] as const) if (v(L.col[h]) !== null) input[field] = v(L.col[h]);
    if (params) input.params = params;
    const e = evaluate(input);
    const tenureCol = L.col['计龄（年）'] ?? L.col['有效年限（年）'];
    expect(v(tenureCol)).toBeCloseTo(e.tenureYears, 8); // HyperFormula keeps 10 significant digits
    expect(v(L.col['岗位等级'])).toBe(e.grade);
    for (const p of L.payCols) {
      const expected = p.item === null ? e.total : e.items[p.item] ?? '0.00';
      expect({ row: r + 1, item: p.item ?? '合计', value: v(p.col) }).toEqual({ row: r + 1, item: p.item ?? '合计', value: Number(expected) });
      checked++;
    }
  }
  return checked;
}

/** The cached results the template file carries equal what HyperFormula computes. */
function checkCachedResults(wb: ExcelJS.Workbook, hf: HyperFormula, L: Layout): void {
  const ws = wb.getWorksheet('薪酬表')!;
  for (let r = L.firstRow; r <= L.lastRow + 1; r++) {
    for (let c = 0; c < hf.getSheetDimensions(L.sheet).width; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      if (cell.type !== ExcelJS.ValueType.Formula) continue;
      const computed = hf.getCellValue({ sheet: L.sheet, row: r, col: c });
      const cachedResult = cell.result as unknown;
      if (computed instanceof DetailedCellError) expect(cachedResult).toEqual({ error: computed.value });
      else if (typeof computed === 'number') expect(cachedResult ?? 0).toBeCloseTo(computed, 8); // HyperFormula rounds to 10 significant digits
      else expect(cachedResult).toBe(computed);
    }
  }
}

describe('templates evaluated in HyperFormula', () => {
  test('本溪 pay sheet: every formula equals the engine, the cached results are current, and a new as-of date recalculates', async () => {
    const { wb, hf } = await loadTemplate('benxi-pay.xlsx');
    const L = layoutOf(hf);
    expect(L.lastRow - L.firstRow + 1).toBeGreaterThanOrEqual(8);
    expect(checkAgainstEngine(hf, L, null)).toBeGreaterThan(30);
    checkCachedResults(wb, hf, L);
    // The clerk changes the as-of date: everything follows (dependency tracking through the CW functions).
    hf.setCellContents({ sheet: L.sheet, row: 1, col: 3 }, [[serial(2026, 1, 15)]]);
    checkAgainstEngine(hf, L, null);
    // … and a 参数表 override (基数 3600) reaches every row.
    const keys = hf.getSheetValues(L.params).map((r) => r[0]);
    hf.setCellContents({ sheet: L.params, row: keys.indexOf('基数'), col: 1 }, [[3600]]);
    checkAgainstEngine(hf, L, { 基数: 3600 });
    hf.destroy();
  });

  test('厦门 pay sheet: #VALUE! 缺少参数 until the district fills 岗位津贴, then equal to the engine', async () => {
    const { wb, hf } = await loadTemplate('xiamen-pay.xlsx');
    const L = layoutOf(hf);
    checkCachedResults(wb, hf, L);
    for (let r = L.firstRow; r <= L.lastRow; r++) {
      const total = hf.getCellValue({ sheet: L.sheet, row: r, col: L.payCols[L.payCols.length - 1].col });
      expect(total).toBeInstanceOf(DetailedCellError);
      expect((total as DetailedCellError).value).toBe('#VALUE!');
      expect((total as DetailedCellError).message).toMatch(/缺少参数：岗位津贴\./);
      // Grade and effective years need no 岗位津贴.
      expect(typeof hf.getCellValue({ sheet: L.sheet, row: r, col: L.col['岗位等级'] })).toBe('number');
    }
    const keys = hf.getSheetValues(L.params).map((r) => r[0]);
    const allowances: Record<string, number> = { '岗位津贴.正职': 520, '岗位津贴.副职': 430, '岗位津贴.专职委员': 310, '岗位津贴.其他社区工作者': 205 };
    for (const [k, amount] of Object.entries(allowances)) {
      const row = keys.indexOf(k);
      expect(row).toBeGreaterThan(0);
      expect(hf.getCellValue({ sheet: L.params, row, col: 1 })).toBeNull(); // shipped blank, no invented figure
      hf.setCellContents({ sheet: L.params, row, col: 1 }, [[amount]]);
    }
    expect(checkAgainstEngine(hf, L, allowances)).toBeGreaterThan(30);
    hf.destroy();
  });

  test('params.xlsx has a 参数表 per policy listing every parameter, required ones blank', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, 'params.xlsx'));
    for (const name of ['本溪', '厦门', '宁夏', '长春新区', '通州']) {
      const ws = wb.getWorksheet(`${name}参数表`)!;
      const defs = policyOf(name).params.defs;
      defs.forEach((d, i) => {
        expect(ws.getCell(i + 2, 1).value).toBe(d.key);
        expect(ws.getCell(i + 2, 2).value).toBeNull();
        if (d.value === undefined) expect(String(ws.getCell(i + 2, 6).value)).toMatch(d.optional ? /^可选/ : /^必填/);
      });
    }
  });
});

describe('spilled results and errors in HyperFormula', () => {
  test('明细, STAFF, PARAMS and EXPLAIN spill; errors keep their Chinese message', () => {
    const hf = buildEngine({
      S: [
        ['=CW.PAY("本溪","副职","2000-09-01","2023-06-01",,,,"社会工作师","明细")', null, null, '=CW.STAFF("通州",2000)', null, null, '=CW.RETIRE("1965-03-15","男")'],
        [], [], [], [],
        ['=CW.GRADE("本溪","科长","2010-01-01","2024-03-15")', '=CW.PAY("本溪","副职","2000-09-01","2023-06-01",,,,,"岗位津贴")', '=CW.PAY("厦门","正职","2010-01-01","2021-06-01")'],
        ['=CW.PARAMS("本溪")', null, null, null, null, '=CW.EXPLAIN("本溪","副职","2000-09-01","2023-06-01")'],
      ],
    });
    const S = hf.getSheetId('S')!;
    const at = (row: number, col: number) => hf.getCellValue({ sheet: S, row, col });
    expect([[at(0, 0), at(0, 1)], [at(1, 0), at(1, 1)], [at(2, 0), at(2, 1)], [at(3, 0), at(3, 1)]]).toEqual([
      ['基础工资', 3590.4], ['绩效工资', 897.6], ['职业津贴', 200], ['合计', 4688],
    ]);
    expect([at(0, 3), at(0, 4)]).toEqual([16, '']);
    expect(at(0, 6)).toBe(45762);
    const grade = at(5, 0) as DetailedCellError;
    expect(grade.value).toBe('#VALUE!');
    expect(grade.message).toContain('post（岗位）');
    expect((at(5, 1) as DetailedCellError).value).toBe('#N/A');
    expect((at(5, 2) as DetailedCellError).message).toContain('缺少参数：岗位津贴.正职');
    expect([at(6, 0), at(6, 1)]).toEqual(['基数', 3400]);
    expect(at(6 + policyOf('本溪').params.defs.length - 1, 0)).toBe(policyOf('本溪').params.defs.at(-1)!.key);
    expect(at(6, 5)).toBe('适用政策');
    hf.destroy();
  });

  test('an error in an argument cell reaches the result unchanged, as in Excel', () => {
    const hf = buildEngine({ S: [['=1/0', '=CW.PAY("本溪","副职",A1,"2023-06-01")']] });
    const v = hf.getCellValue({ sheet: hf.getSheetId('S')!, row: 0, col: 1 }) as DetailedCellError;
    expect(v.value).toBe('#DIV/0!');
    hf.destroy();
  });
});

describe('a generated 10,000-row pay sheet', () => {
  const N = 10_000;
  const asOfYear = 2024;
  const asOf = serial(2024, 7, 1);
  const workers = generateWorkers(N, asOfYear);

  test('every =CW.PAY(…) equals evaluate(), before and after the shared as-of date changes', () => {
    const hf = buildEngine(cwPaySheet(workers, asOf));
    const check = (asOfNow: number, year: number) => {
      const rows = hf.getSheetValues(hf.getSheetId(SHEET)!);
      const wrong: unknown[] = [];
      workers.forEach((w, i) => {
        const expected = Number(evaluate(engineInput(w, asOfNow, year), { trace: false }).total);
        const got = rows[i + 1][CW_TOTAL_COL];
        if (got !== expected && wrong.length < 3) wrong.push({ row: i + 2, worker: w, got, expected });
      });
      expect(wrong).toEqual([]);
    };
    check(asOf, asOfYear);
    // One shared input changes: the as-of date. The ratings stay in their columns, so the engine
    // reads them as the three years before the new as-of year.
    const next = serial(2025, 3, 1);
    hf.setCellContents({ sheet: hf.getSheetId(AS_OF_CELL.sheetName)!, row: AS_OF_CELL.row, col: AS_OF_CELL.col }, [[next]]);
    check(next, 2025);
    hf.destroy();
  });

  test('the native lookup version of the sheet (the benchmark baseline) gives the same pay on a sample', () => {
    const sample = workers.slice(0, 1000);
    const hf = buildEngine(nativePaySheet(sample, asOf));
    const rows = hf.getSheetValues(hf.getSheetId(SHEET)!);
    const wrong: unknown[] = [];
    sample.forEach((w, i) => {
      const expected = Number(evaluate(engineInput(w, asOf, asOfYear), { trace: false }).total);
      const got = rows[i + 1][NATIVE_TOTAL_COL] as number;
      if (Math.abs(got - expected) > 0.001 && wrong.length < 3) wrong.push({ row: i + 2, worker: w, got, expected });
    });
    expect(wrong).toEqual([]);
    hf.destroy();
  });
});
