/**
 * The pane's own logic, without a browser: language choice and the two string tables, roster
 * detection through the port with the clerk's remembered mapping, what a check's result becomes
 * in the workbook (the 检查结果 sheet, the rows to highlight, the groups), and the 参数表 the pane
 * creates (the template's layout, read back by the reports' 参数表 reader).
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkRoster, matchHeaders, mustSupply, POLICIES } from '../../src/engine';
import type { Cell, CheckResult, RosterFinding } from '../../src/engine';
import { paramsFromSheets } from '../../src/reports/params-sheet';
import { DATE_HEADERS, SAMPLE_AS_OF } from '../../src/sample/roster';
import { langOf, STRINGS } from '../../src/taskpane/i18n';
import { paramSheet, paramSheetName, PARAM_HEADERS } from '../../src/taskpane/params';
import { groupFindings, highlightMarks, resultSheet, RESULT_HEADERS, targetOf } from '../../src/taskpane/results';
import { loadRoster, paramSheetCandidates, readParams, saveTableChoice, scanWorkbook, withMappedHeaders } from '../../src/taskpane/roster';
import { sampleData, workbookOf } from '../../src/app/sample';
import { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { plainCell, readWorkbook } from '../../src/workbook/read';

const ROOT = path.join(__dirname, '..', '..');
let grids: Awaited<ReturnType<typeof readWorkbook>>;
let benxi: CheckResult;

const sample = () => workbookOf(sampleData('templates/示例花名册.xlsx', grids, SAMPLE_AS_OF, [], DATE_HEADERS, new Set(['身份证号码'])));

beforeAll(async () => {
  grids = await readWorkbook(path.join(ROOT, 'templates', '示例花名册.xlsx'));
  const scan = await scanWorkbook(sample());
  const loaded = await loadRoster(sample(), scan);
  benxi = await checkRoster(loaded.roster, 'benxi-2022', { asOf: SAMPLE_AS_OF });
});

describe('language', () => {
  test('Chinese for any zh display language, English otherwise; Chinese when Office gives none', () => {
    expect(['zh-CN', 'zh-TW', 'zh-Hans', 'ZH-cn', 'en-US', 'fr-FR', 'ja-JP', '', undefined].map(langOf)).toEqual(['zh', 'zh', 'zh', 'zh', 'en', 'en', 'en', 'zh', 'zh']);
  });

  test('both string tables have the same entries, of the same kind and arity', () => {
    const shape = (t: Record<string, unknown>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'function' ? `fn/${v.length}` : typeof v]));
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.zh));
    expect(STRINGS.zh.tabCheck).toMatch(/[\u4e00-\u9fff]/);
    expect(STRINGS.en.tabCheck).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('roster detection and the remembered mapping', () => {
  test('the sample’s three tables are found by their headers; nothing to map', async () => {
    const scan = await scanWorkbook(sample());
    expect(scan.needsMapping).toBe(false);
    expect([scan.tables.workers?.sheet, scan.tables.workers?.headerRow, scan.tables.communities?.sheet, scan.tables.counties?.sheet]).toEqual(['职工', 2, '社区', '区县']);
    expect(scan.heads.every((h) => h.rows.length <= 20)).toBe(true);
  });

  test('an unknown header asks for a column; the choice is saved in the workbook and the checks give the same result', async () => {
    const wb = sample();
    const col = wb.sheet('职工').cells[1].indexOf('社区');
    wb.setCell('职工', 2, col, '所在单位');
    const before = await scanWorkbook(wb);
    expect(before.needsMapping).toBe(true);
    expect(before.missing.workers).toEqual(['community']);
    expect(before.tables.workers?.match.unrecognised).toContainEqual({ column: col, header: '所在单位' });
    await saveTableChoice(wb, 'workers', { sheet: '职工', headerRow: 2, override: { community: '所在单位' } });
    expect(JSON.parse(wb.settings.get('cwkit.mapping')!)).toEqual({ v: 1, tables: { workers: { sheet: '职工', headerRow: 2, override: { community: '所在单位' } } } });
    const after = await scanWorkbook(wb);
    expect(after.needsMapping).toBe(false);
    expect(after.tables.workers?.saved).toBe(true);
    const loaded = await loadRoster(wb, after);
    expect(loaded.mapping).toEqual({ workers: { community: '所在单位' } });
    const r = await checkRoster(loaded.roster, 'benxi-2022', { asOf: SAMPLE_AS_OF, mapping: loaded.mapping });
    expect(r.summary.byCommunity).toEqual(benxi.summary.byCommunity);
    expect(r.findings.map((f) => [f.rule, f.row, f.community])).toEqual(benxi.findings.map((f) => [f.rule, f.row, f.community]));
    // For code that reads headers without a mapping (the reports), the mapped column carries cwkit's name.
    const renamed = withMappedHeaders(loaded);
    expect(renamed.workers.headers[col]).toBe('社区');
    expect(matchHeaders(renamed.workers.headers, 'workers').columns.community).toBe(col);
  });

  test('a worker table in an unexpected place is taken from the saved choice; a saved sheet that is gone falls back to the headers', async () => {
    const wb = new MemoryWorkbook([
      { name: '说明', rows: [['本表为人员名单']] },
      { name: '名单', rows: [['单位', '名字', '级别'], ['春晖社区', '张三', '正职'], ['春晖社区', '李喆', '副职']] },
    ]);
    const none = await scanWorkbook(wb);
    expect(none.tables.workers).toBeUndefined();
    expect(none.needsMapping).toBe(true);
    expect(none.notes.join()).toContain('没有找到职工表');
    await saveTableChoice(wb, 'workers', { sheet: '名单', headerRow: 1, override: { community: '单位', name: '名字', post: '级别' } });
    const scan = await scanWorkbook(wb);
    expect(scan.needsMapping).toBe(false);
    const loaded = await loadRoster(wb, scan);
    expect(loaded.roster.workers.rows).toHaveLength(2);
    const r = await checkRoster(loaded.roster, 'benxi-2022', { asOf: SAMPLE_AS_OF, mapping: loaded.mapping });
    expect(r.summary.workers).toBe(2);
    await saveTableChoice(wb, 'workers', { sheet: '已删除', headerRow: 1 });
    const gone = await scanWorkbook(wb);
    expect(gone.notes.join()).toContain('已删除');
    expect(gone.tables.workers).toBeUndefined();
  });
});

describe('results in the workbook', () => {
  test('the 检查结果 sheet: a title with the counts, the headers, one row per finding; places and names as text', () => {
    const { rows, boldRows, textColumns } = resultSheet(benxi);
    expect(String(rows[0][0])).toBe(`花名册检查结果：本溪（${benxi.doc}），检查日期 ${SAMPLE_AS_OF}；580名职工、40个社区；错误 ${benxi.summary.error}、警告 ${benxi.summary.warning}、提示 ${benxi.summary.info}`);
    expect(rows[1]).toEqual([...RESULT_HEADERS]);
    expect(rows).toHaveLength(2 + benxi.findings.length);
    expect(boldRows).toBe(2);
    expect(textColumns).not.toContain(RESULT_HEADERS.indexOf('行号'));
    expect(textColumns).toContain(RESULT_HEADERS.indexOf('姓名'));
    const f = benxi.findings[0];
    expect(rows[2].slice(1, 3)).toEqual([{ error: '错误', warning: '警告', info: '提示' }[f.severity], f.rule]);
  });

  test('highlight marks: errors red, warnings yellow, the worse one per row; notes not marked; a unit’s worker rows on the worker sheet', () => {
    const f = (severity: RosterFinding['severity'], row: number | null, sheet: string | null, rows?: number[]): RosterFinding => ({
      severity, rule: 'r', citation: { doc: 'd', article: 'a' }, message: 'm', action: 'a', scope: rows ? 'street' : 'worker', county: null, street: null, community: null, sheet, row, name: null, ...(rows ? { rows } : {}),
    });
    const result = { ...benxi, findings: [f('warning', 5, '职工'), f('error', 5, '职工'), f('info', 6, '职工'), f('warning', 7, '职工'), f('error', null, null, [8, 9]), f('warning', 3, '社区')] };
    // Worker rows are keyed by the 身份证号 column (the mark follows the worker through a sort); other sheets' rows by their text.
    const id = benxi.mapping.workers.columns.idNumber;
    expect(id).toBeGreaterThanOrEqual(0);
    expect(highlightMarks(result, '职工')).toEqual([
      { sheet: '社区', row: 3, color: '#FFEB9C' },
      { sheet: '职工', row: 5, color: '#FFC7CE', keyColumn: id },
      { sheet: '职工', row: 7, color: '#FFEB9C', keyColumn: id },
      { sheet: '职工', row: 8, color: '#FFC7CE', keyColumn: id },
      { sheet: '职工', row: 9, color: '#FFC7CE', keyColumn: id },
    ]);
    expect(targetOf(result.findings[4], '职工')).toEqual({ sheet: '职工', row: 8 });
    expect(targetOf(result.findings[4], null)).toBeNull();
  });

  test('groups: by community in the engine’s order, each finding once, with counts', () => {
    const groups = groupFindings(benxi);
    expect(groups.flatMap((g) => g.items).sort((a, b) => a - b)).toEqual(benxi.findings.map((_, i) => i));
    for (const g of groups) {
      expect(g.items.every((i) => (benxi.findings[i].community ?? null) === g.community)).toBe(true);
      expect(g.counts.error).toBe(g.items.filter((i) => benxi.findings[i].severity === 'error').length);
    }
    expect(groups.find((g) => g.scope === 'community')!.title).toMatch(/社区 · .+街道 · .+区$/);
  });
});

describe('the 参数表', () => {
  let templates: ExcelJS.Workbook;
  beforeAll(async () => {
    // Read whole (not streamed): exceljs's streaming reader can split a multi-byte character at a
    // 16 KB chunk boundary (exceljs issues #2063, #2084), and this file's 说明 column is long.
    templates = new ExcelJS.Workbook();
    await templates.xlsx.readFile(path.join(ROOT, 'templates', 'params.xlsx'));
  });

  test.each(POLICIES.map((p) => [p.name, p] as const))('%s: the pane’s sheet has the template’s rows (templates/params.xlsx)', (_, policy) => {
    const ws = templates.getWorksheet(paramSheetName(policy))!;
    const template = { rows: [] as Cell[][] };
    ws.eachRow((row) => {
      template.rows.push(Array.from({ length: 6 }, (_, c) => plainCell(row.getCell(c + 1).value)));
    });
    const { rows, required } = paramSheet(policy);
    expect(rows[0]).toEqual([...PARAM_HEADERS]);
    const n = policy.params.defs.length;
    // The template's six columns, then 生效日期 for dated rows.
    expect(rows.slice(0, n + 1).map((r) => r.slice(0, 6).map((v) => v ?? null))).toEqual(template.rows.slice(0, n + 1).map((r) => r.slice(0, 6).map((v) => v ?? null)));
    expect(rows[0][6]).toBe('生效日期');
    expect(required.map((r) => rows[r - 1][0])).toEqual(policy.params.defs.filter(mustSupply).map((d) => d.key));
    // A figure without a value that no pay needs (薪酬水平.上年度平均工资) is 可选, not 必填.
    for (const d of policy.params.defs.filter((x) => x.optional)) expect(String(rows.find((r) => r[0] === d.key)![5])).toMatch(/^可选：/);
  });

  test('is found by its header and read back with the clerk’s local values', async () => {
    const policy = POLICIES.find((p) => p.id === 'xiamen-2020')!;
    const wb = sample();
    await wb.addSheet(paramSheetName(policy), { rows: paramSheet(policy).rows });
    const at = wb.sheet('厦门参数表').cells.findIndex((r) => r[0] === '岗位津贴.正职');
    wb.setCell('厦门参数表', at + 1, 1, 1800);
    const scan = await scanWorkbook(wb);
    expect(paramSheetCandidates(scan.heads)).toEqual(['厦门参数表']);
    expect(await readParams(wb, policy, scan.heads)).toEqual({ sheet: '厦门参数表', params: { '岗位津贴.正职': 1800 } });
    expect(paramsFromSheets([{ name: '厦门参数表', rows: wb.sheet('厦门参数表').cells }], policy)).toEqual({ sheet: '厦门参数表', params: { '岗位津贴.正职': 1800 } });
  });
});
