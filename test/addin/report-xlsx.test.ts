/**
 * `cw report KIND ROSTER --out FILE.xlsx`: the print-ready report sheet as a file, for Excel
 * 2016/2019 where the add-in cannot run. Read back as Excel reads it (the sheet XML and exceljs):
 * A4 in the report's orientation, one page wide, the heading row as print titles, the
 * “第 &P 页 / 共 &N 页” footer, and the same totals as the report data; an existing file is
 * never overwritten.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { prepareReport, sumText } from '../../src/reports';
import { buildReportSheet } from '../../src/reports/sheet';
import { readRosterFile } from '../../src/workbook/read';
import { runCw } from '../helpers/cw';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-report-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('payroll as .xlsx: A4 landscape, fit to width, print titles, page-number footer, the totals', async () => {
  const out = path.join(tmp, '发放表.xlsx');
  const r = await runCw(['report', 'payroll', SAMPLE, '--policy', 'benxi-2022', '--period', '2026-12', '--out', out, '--no-progress']);
  expect([r.code, r.err]).toEqual([0, '']);
  expect(r.out).toContain('A4 横向');
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
  expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
  expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
  expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
  expect(xml).toMatch(/<sheetPr>.*<pageSetUpPr fitToPage="1"\/>/s);
  expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页 / 共 &amp;N 页</oddFooter>');
  const workbook = await zip.file('xl/workbook.xml')!.async('string');

  const read = (await readRosterFile(SAMPLE)).roster!;
  const data = prepareReport('payroll', read, { policy: 'benxi-2022', period: '2026-12' });
  const sheet = buildReportSheet(data);
  const [first, last] = sheet.page.printTitleRows;
  expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${sheet.name}&apos;!$${first}:$${last}</definedName>`);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(sheet.name)!;
  const paid = data.workers.filter((w) => w.pay);
  const totalRow = sheet.rows.findIndex((row) => row[0] === `总计（${paid.length}人）`);
  const totalCol = sheet.columns - 2; // 应发合计
  expect(ws.getRow(totalRow + 1).getCell(totalCol + 1).value).toBe(Number(sumText(paid.map((w) => w.pay!.total))));
  expect(ws.getRow(totalRow + 1).getCell(totalCol + 1).numFmt).toBe('#,##0.00');
  expect(ws.getRow(1).getCell(1).value).toBe('社区工作者薪酬发放表');
});

test('the 个人核定表 as .xlsx is portrait with one worker a page; an existing file is refused', async () => {
  const out = path.join(tmp, '核定表.xlsx');
  const r = await runCw(['report', 'worker', SAMPLE, '--policy', 'benxi-2022', '--period', '2026-12', '--unit', '春晖社区', '--out', out, '--no-progress']);
  expect(r.code).toBe(0);
  const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml).toMatch(/<pageSetup[^>]*orientation="portrait"/);
  expect((xml.match(/<brk /g) ?? []).length).toBeGreaterThan(5);
  const again = await runCw(['report', 'worker', SAMPLE, '--policy', 'benxi-2022', '--period', '2026-12', '--unit', '春晖社区', '--out', out, '--no-progress']);
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/已存在/);
});
