/**
 * The app's in-page .xlsx reader gives exactly the cells the `cw` command's exceljs reader gives
 * (so the app's checks match `cw check`), on the committed sample and on a roster exceljs writes
 * with dates, IDs as text, formulas, rich text, booleans and a 1904 date system; and refuses
 * .xls, encrypted, CSV and damaged files with their Chinese messages.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/app/xlsx/read';
import { readWorkbook } from '../../src/workbook/read';
import type { SheetGrid } from '../../src/engine';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');

/** The grids as dense sheets of non-blank rows, for comparison. */
function rowsOf(g: SheetGrid): Array<[number, unknown[]]> {
  return g.rows.map((r, i) => [g.rowNumbers ? g.rowNumbers[i] : i + 1, trim(r)] as [number, unknown[]]).filter(([, r]) => r.length);
}
function trim(r: unknown[]): unknown[] {
  const out = Array.from(r, (v) => (v === undefined || v === '' ? null : v));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

async function compare(file: string): Promise<void> {
  const expected = await readWorkbook(file);
  const book = await readXlsx(new Uint8Array(fs.readFileSync(file)));
  expect(book.sheets.map((s) => s.name)).toEqual(expected.map((g) => g.name));
  for (const g of expected) {
    const s = book.sheets.find((x) => x.name === g.name)!;
    const got = s.rows.map((r, i) => [i + 1, trim(r)] as [number, unknown[]]).filter(([, r]) => r.length);
    expect(got).toEqual(rowsOf(g));
  }
}

test('the sample roster reads cell for cell as cw check reads it', async () => {
  await compare(SAMPLE);
});

test('dates, text IDs, formulas, rich text, booleans, errors and shared strings read as exceljs reads them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-app-read-'));
  try {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('职工 & <表>');
      ws.addRow(['姓名', '入职日期', '身份证号码', '考核2024', '合计', '在岗', '说明']);
      ws.addRow(['张三', new Date(Date.UTC(2015, 2, 1)), '210502198001011234', '优秀', { formula: 'B2+1', result: 42000 }, true, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }]);
      ws.addRow(['李四"引号"', new Date(Date.UTC(2020, 11, 31, 13, 0)), '21050219800101123X', null, { error: '#N/A' }, false, 'a\nb']);
      ws.getColumn(2).numFmt = 'yyyy"年"m"月"d"日"';
      ws.getColumn(3).numFmt = '@';
      const file = path.join(dir, `r${date1904 ? 1904 : 1900}.xlsx`);
      await wb.xlsx.writeFile(file);
      await compare(file);
      const book = await readXlsx(new Uint8Array(fs.readFileSync(file)));
      expect(book.sheets[0].columnFormats[1]).toBe('date');
      expect(book.sheets[0].formulas).toEqual(['2,4']);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('files that are not a readable .xlsx get a Chinese message saying what to do', async () => {
  const cfb = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  await expect(readXlsx(cfb, { fileName: '花名册.xls' })).rejects.toThrow(/“花名册\.xls”是旧版 Excel 97-2003 工作簿（\.xls）[\s\S]*另存为[\s\S]*\.xlsx/);
  const enc = Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le')]);
  await expect(readXlsx(enc)).rejects.toThrow(/加密[\s\S]*密码/);
  await expect(readXlsx(Buffer.from('姓名,入职日期\n张三,2015-03-01\n'), { fileName: 'a.csv' })).rejects.toThrow(/文本文件（如 CSV）[\s\S]*另存为/);
  const zip = fs.readFileSync(SAMPLE);
  await expect(readXlsx(zip.subarray(0, zip.length >> 1))).rejects.toThrow(/文件已损坏/);
  await expect(readXlsx(new Uint8Array(0))).rejects.toThrow(/空文件/);
});
