/**
 * Every report as a print-ready worksheet through the WPS adapter (port.addReportSheet) on the
 * fake ET object model, from the sample roster: the cells are the report sheet's values, amounts
 * carry #,##0.00 and IDs the text format, merges, widths and table borders are set, the page is
 * A4 in the report's orientation, one page wide, with repeated heading rows, the page-number
 * footer and the heading rows frozen — and a sheet of the same name that exists is never touched.
 */
import * as path from 'path';
import { policyOf } from '../../src/engine';
import type { Roster } from '../../src/engine';
import { prepareReport } from '../../src/reports';
import type { ReportKind } from '../../src/reports';
import { buildReportSheet, MONEY_FORMAT, PAGE_FOOTER } from '../../src/reports/sheet';
import { readRosterFile } from '../../src/workbook/read';
import { WpsWorkbook } from '../../src/wps/workbook';
import type { EtHost } from '../../src/wps/workbook';
import { LOCAL_PARAMS } from '../../bench/workers';
import { FakeEt } from './fake-et';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
let roster: Roster;

beforeAll(async () => {
  roster = (await readRosterFile(SAMPLE)).roster!;
});

const KINDS: Array<{ kind: ReportKind; unit?: string }> = [
  { kind: 'payroll' }, { kind: 'staffing' }, { kind: 'ratings' }, { kind: 'funding' }, { kind: 'worker', unit: '春晖社区' }, { kind: 'retirement' },
];

test.each(KINDS)('$kind: a new sheet with the report’s cells, formats, merges, borders and A4 page setup', async ({ kind, unit }) => {
  const policy = 'benxi-2022';
  const data = prepareReport(kind, roster, { policy, period: '2026-12', params: LOCAL_PARAMS[policyOf(policy).id] ?? null, unit: unit ?? null });
  const sheet = buildReportSheet(data);
  const et = new FakeEt([{ name: '职工', rows: [['姓名'], ['张三']] }, { name: sheet.name, rows: [['用户自己的表']] }]);
  const port = new WpsWorkbook(et as unknown as EtHost);
  const name = await port.addReportSheet(sheet);
  expect(name).toBe(`${sheet.name}(2)`);
  expect(et.sheet(sheet.name).cells).toEqual([['用户自己的表']]);
  expect(et.sheet('职工').cells).toEqual([['姓名'], ['张三']]);
  const s = et.sheet(name);
  const written = sheet.rows.map((r, i) => r.map((_, j) => s.cells[i]?.[j] ?? null));
  expect(written).toEqual(sheet.rows.map((r) => r.map((v) => (v === '' ? null : v))));
  expect(s.formulas.size).toBe(0);
  const firstBody = sheet.page.printTitleRows[1]; // 0-based index of the row after the headings
  for (const c of sheet.moneyColumns) expect(s.formats.get(`${firstBody},${c}`)).toBe(MONEY_FORMAT);
  for (const c of sheet.textColumns) expect(s.formats.get(`${firstBody},${c}`)).toBe('@');
  expect(s.merges).toEqual(sheet.merges);
  expect([...s.columnWidths.entries()]).toEqual(sheet.widths.map((w, c) => [c, w]));
  expect(new Set(s.borders.map((b) => b.edge))).toEqual(new Set([7, 8, 9, 10, 11, 12]));
  expect(s.borders.every((b) => b.lineStyle === 1)).toBe(true);
  expect(s.bold.has('0,0')).toBe(true); // the title
  expect(s.page).toMatchObject({
    PaperSize: 9,
    Orientation: sheet.page.orientation === 'landscape' ? 2 : 1,
    Zoom: false,
    FitToPagesWide: 1,
    FitToPagesTall: false,
    PrintTitleRows: `$${sheet.page.printTitleRows[0]}:$${sheet.page.printTitleRows[1]}`,
    CenterFooter: PAGE_FOOTER,
    RightHeader: sheet.page.rightHeader,
  });
  expect(s.pageBreaks).toEqual(sheet.page.pageBreaksBefore);
  expect(et.ActiveWindow.frozen.get(name)).toBe(sheet.page.printTitleRows[1]);
  expect(et.active).toBe(name);
});
