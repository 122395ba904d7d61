/**
 * Saving in the app (issue 10 item 4): the clerk's parts come back byte for byte, a typed cell
 * changes only that cell (its style kept), new sheets and the settings sheet are added, and
 * exceljs — as Excel would — reads every original sheet's cells, styles, fills, merges and the
 * sheet list unchanged. The settings travel: reading the saved file gives them back.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsx } from '../../src/app/xlsx/read';
import { patchSheetXml, saveXlsx } from '../../src/app/xlsx/save';
import { SETTINGS_SHEET } from '../../src/app/xlsx/parts';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('职工');
  a.addRow(['花名册', null, null]);
  a.mergeCells('A1:C1');
  a.addRow(['姓名', '入职日期', '合计']);
  a.addRow(['张三', new Date(Date.UTC(2015, 2, 1)), { formula: 'LEN(A3)', result: 2 }]);
  a.addRow(['李四', new Date(Date.UTC(2016, 5, 1)), 7]);
  a.getColumn(2).numFmt = 'yyyy-mm-dd';
  a.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
  a.getCell('A4').font = { bold: true, color: { argb: 'FFFF0000' } };
  a.getRow(2).font = { bold: true };
  const b = wb.addWorksheet('社区');
  b.addRow(['社区', '户数']);
  b.addRow(['东山社区', 3200]);
  b.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
  b.addConditionalFormatting({ ref: 'B2:B10', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [3000], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } }, priority: 1 }] });
  (b as unknown as { dataValidations: { add(ref: string, v: unknown): void } }).dataValidations.add('B2:B10', { type: 'whole', operator: 'greaterThan', formulae: [0], allowBlank: true });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('nodebuffer'));
  return out;
}

/** Every cell of a sheet as exceljs models it: value, style (font, fill, numFmt, border, alignment), merges. */
function model(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => cells.push([c.address, c.value, JSON.stringify(c.style)])));
  return { name: ws.name, cells, merges: (ws.model as { merges?: string[] }).merges ?? [], state: ws.state };
}

test('typed cells, new sheets and settings are saved; every other part and sheet is unchanged', async () => {
  const original = await userWorkbook();
  const before = await readXlsx(original);
  const staff = before.sheets.find((s) => s.name === '职工')!;
  const saved = await saveXlsx({
    original,
    edits: [{ part: staff.part, cells: [{ row: 4, col: 0, value: '李四改' }, { row: 4, col: 5, value: 12.5 }, { row: 9, col: 1, value: 'x<&>"' }] }],
    added: [{ name: '薪酬计算', rows: [['行号', '身份证号', '合计'], [3, 21050219800101, 4688]], boldRows: 1, textColumns: [1] }],
    settings: [['cwkit.mapping', '{"v":1,"tables":{}}']],
    settingsPart: null,
  });
  const a = await entries(original);
  const b = await entries(saved);
  const changed = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', staff.part]);
  for (const [name, bytes] of a) {
    expect(b.has(name)).toBe(true);
    if (!changed.has(name)) expect(b.get(name)!.equals(bytes)).toBe(true);
  }

  const x = new ExcelJS.Workbook();
  await x.xlsx.load(Buffer.from(original) as never);
  const y = new ExcelJS.Workbook();
  await y.xlsx.load(Buffer.from(saved) as never);
  expect(y.worksheets.map((w) => w.name)).toEqual(['职工', '社区', '薪酬计算', SETTINGS_SHEET]);
  expect(model(y.getWorksheet('社区')!)).toEqual(model(x.getWorksheet('社区')!));
  // The staff sheet: the same but for the typed cells; A4 keeps its bold red font.
  const ys = y.getWorksheet('职工')!;
  expect(ys.getCell('A4').value).toBe('李四改');
  expect(ys.getCell('A4').font).toEqual(x.getWorksheet('职工')!.getCell('A4').font);
  expect(ys.getCell('F4').value).toBe(12.5);
  expect(ys.getCell('B9').value).toBe('x<&>"');
  ys.getCell('A4').value = '李四';
  ys.getCell('F4').value = null;
  ys.getCell('B9').value = null;
  const strip = (m: any) => ({ ...m, cells: m.cells.filter((c: any[]) => c[1] !== null || c[2] !== '{}') });
  expect(strip(model(ys))).toEqual(strip(model(x.getWorksheet('职工')!)));
  expect(y.getWorksheet('薪酬计算')!.getCell('B2').value).toBe('21050219800101');
  expect(y.getWorksheet('薪酬计算')!.getCell('C2').value).toBe(4688);
  expect(y.getWorksheet(SETTINGS_SHEET)!.state).toBe('veryHidden');

  // Read back: the settings come back and the settings sheet is not shown as a sheet.
  const again = await readXlsx(saved);
  expect(again.sheets.map((s) => s.name)).toEqual(['职工', '社区', '薪酬计算']);
  expect(again.settings).toEqual([['cwkit.mapping', '{"v":1,"tables":{}}']]);
  expect(again.sheets[0].rows[3][0]).toBe('李四改');

  // Saved again with the settings sheet in place: it is rewritten, not added twice.
  const twice = await saveXlsx({ original: saved, edits: [], added: [], settings: [['cwkit.policy', '"xiamen-2020"']], settingsPart: again.settingsPart });
  const third = await readXlsx(twice);
  expect(third.settings).toEqual([['cwkit.policy', '"xiamen-2020"']]);
  expect(third.sheets.map((s) => s.name)).toEqual(['职工', '社区', '薪酬计算']);
});

test('the sample roster round-trips: exceljs reads every original sheet unchanged', async () => {
  const original = new Uint8Array(fs.readFileSync(SAMPLE));
  const saved = await saveXlsx({ original, edits: [], added: [{ name: '检查结果', rows: [['a'], ['b']] }], settings: [], settingsPart: null });
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(Buffer.from(original) as never);
  const y = new ExcelJS.Workbook();
  await y.xlsx.load(Buffer.from(saved) as never);
  expect(y.worksheets.map((w) => w.name)).toEqual([...x.worksheets.map((w) => w.name), '检查结果']);
  for (const ws of x.worksheets) expect(model(y.getWorksheet(ws.name)!)).toEqual(model(ws));
});

test('a report sheet keeps its layout: merges, widths, A4 one page wide, title rows on every page, footer, page breaks', async () => {
  const original = await userWorkbook();
  const saved = await saveXlsx({
    original, edits: [], settings: [], settingsPart: null,
    added: [{
      name: '薪酬发放表', rows: [['社区工作者薪酬发放表', null, null], ['姓名', '岗位', '合计'], ['张三', '正职', 4688], ['李四', '副职', 4000]],
      layout: {
        merges: [{ row: 0, col: 0, rows: 1, cols: 3 }], widths: [12, 10, 14],
        page: { paper: 'A4', orientation: 'landscape', fitToWidth: true, printTitleRows: [1, 2], centerFooter: '第 &P 页 / 共 &N 页', rightHeader: '厦门 & 2026-12', pageBreaksBefore: [4] },
      },
    }],
  });
  const y = new ExcelJS.Workbook();
  await y.xlsx.load(Buffer.from(saved) as never);
  const ws = y.getWorksheet('薪酬发放表')!;
  expect((ws.model as { merges?: string[] }).merges).toEqual(['A1:C1']);
  expect(ws.columns.map((c) => c.width)).toEqual([12, 10, 14]);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
  expect(ws.headerFooter).toMatchObject({ oddHeader: '&R厦门 && 2026-12', oddFooter: '&C第 &P 页 / 共 &N 页' });
  expect(ws.getCell('C3').value).toBe(4688);
  const zip = await JSZip.loadAsync(saved);
  expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="2">'薪酬发放表'!\$1:\$2<\/definedName>/);
});

test('patching keeps rows and cells in order, with a prefixed namespace too', () => {
  const xml = '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2" spans="1:3"><x:c r="A2" s="3"><x:v>1</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row><x:row r="5"/></x:sheetData></x:worksheet>';
  const out = patchSheetXml(xml, [{ row: 2, col: 1, value: 2 }, { row: 2, col: 0, value: null }, { row: 1, col: 0, value: '首' }, { row: 5, col: 3, value: true }, { row: 7, col: 0, value: 7 }]);
  expect(out).toBe(
    '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">首</x:t></x:is></x:c></x:row>'
    + '<x:row r="2"><x:c r="A2" s="3"/><x:c r="B2"><x:v>2</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row>'
    + '<x:row r="5"><x:c r="D5" t="b"><x:v>1</x:v></x:c></x:row><x:row r="7"><x:c r="A7"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  );
  expect(patchSheetXml('<worksheet><sheetData/></worksheet>', [{ row: 1, col: 0, value: 1 }])).toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
});
