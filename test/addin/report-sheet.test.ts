/**
 * Every report as a print-ready worksheet, written through both workbook adapters — the Office.js
 * adapter on the fake Excel (office-addin-mock, test/taskpane/fake-excel.ts) and the in-memory
 * workbook — from the sample roster: the sheet's cells hold the same totals as the PDF made from
 * the same data (read back with pdftotext), and its page setup is A4 in the PDF's orientation,
 * one page wide, with the heading row repeated and the “第 &P 页 / 共 &N 页” footer. A sheet of
 * the same name that already exists is never touched.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { policyOf } from '../../src/engine';
import type { Roster } from '../../src/engine';
import { buildReport, money, prepareReport, sumText } from '../../src/reports';
import type { ReportData, ReportKind } from '../../src/reports';
import { renderPdf } from '../../src/reports/node';
import { buildReportSheet, PAGE_FOOTER } from '../../src/reports/sheet';
import type { ReportSheet } from '../../src/reports/sheet';
import { readRosterFile } from '../../src/workbook/read';
import { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import { OfficeWorkbook } from '../../src/taskpane/workbook/office';
import { LOCAL_PARAMS } from '../../bench/workers';
import { FakeExcel } from '../taskpane/fake-excel';

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
const PERIOD = '2026-12';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-report-sheet-'));
let roster: Roster;

beforeAll(async () => {
  roster = (await readRosterFile(SAMPLE)).roster!;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CASES: Array<{ kind: ReportKind; policy: string; unit?: string }> = [
  { kind: 'payroll', policy: 'benxi-2022' },
  { kind: 'staffing', policy: 'benxi-2022' },
  { kind: 'ratings', policy: 'benxi-2022' },
  { kind: 'funding', policy: 'benxi-2022' },
  { kind: 'worker', policy: 'benxi-2022', unit: '春晖社区' },
  { kind: 'retirement', policy: 'benxi-2022' },
];

function dataOf(c: (typeof CASES)[number]): ReportData {
  return prepareReport(c.kind, roster, { policy: c.policy, period: PERIOD, params: LOCAL_PARAMS[policyOf(c.policy).id] ?? null, unit: c.unit ?? null });
}

async function pdfText(data: ReportData): Promise<{ text: string; orientation: string }> {
  const doc = buildReport(data);
  const file = path.join(tmp, `${data.kind}.pdf`);
  fs.writeFileSync(file, await renderPdf(doc));
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }), orientation: doc.pageOrientation };
}

/** The figures that must agree: each as the sheet holds it and as the PDF prints it. */
function keyFigures(data: ReportData, sheet: ReportSheet): Array<{ label: string; cell: string | number; pdf: string }> {
  const rowStarting = (text: string | RegExp) => sheet.rows.find((r) => (typeof text === 'string' ? r[0] === text : text.test(String(r[0] ?? ''))));
  const lastAmount = (r: (string | number | null)[] | undefined) => [...(r ?? [])].reverse().find((v) => typeof v === 'number') as number;
  switch (data.kind) {
    case 'payroll': {
      const paid = data.workers.filter((w) => w.pay);
      const total = sumText(paid.map((w) => w.pay!.total));
      return [{ label: `总计（${paid.length}人）`, cell: lastAmount(rowStarting(`总计（${paid.length}人）`)), pdf: money(total) }];
    }
    case 'funding': {
      const r = rowStarting('合计')!;
      return [
        { label: '在册人数合计', cell: r[1] as number, pdf: String(data.funding!.total.heads) },
        { label: '月薪酬总额合计', cell: r[2] as number, pdf: money(data.funding!.total.bill) },
      ];
    }
    case 'ratings': {
      const year = data.ratingYears![0];
      const r = rowStarting(`${year}年度合计`)!;
      const rated = data.ratings!.filter((l) => l.year === year).reduce((n, l) => n + l.rated, 0);
      return [{ label: `${year}年度合计 参加考核`, cell: r[4] as number, pdf: String(rated) }];
    }
    case 'staffing': {
      const note = sheet.rows.find((r) => String(r[0]).startsWith('注：共核对'))![0] as string;
      return [{ label: '核对项数', cell: note.replace(/^注：/, '').split('。')[0], pdf: note.replace(/^注：/, '').split('。')[0] }];
    }
    case 'worker': {
      const w = data.workers.find((x) => x.pay)!;
      const r = sheet.rows.find((x) => x[4] === '月应发合计（元）')!;
      return [{ label: `${w.name} 月应发合计`, cell: r[5] as number, pdf: money(w.pay!.total) }];
    }
    case 'retirement': {
      const note = sheet.rows.find((r) => String(r[0]).startsWith('注：列出'))![0] as string;
      return [{ label: '名单人数', cell: note.match(/共 (\d+) 人/)![1], pdf: `共 ${data.retirement!.lines.length} 人` }];
    }
  }
}

describe.each(CASES)('$kind as a worksheet', (c) => {
  let data: ReportData;
  let sheet: ReportSheet;
  let pdf: { text: string; orientation: string };
  beforeAll(async () => {
    data = dataOf(c);
    sheet = buildReportSheet(data);
    pdf = await pdfText(data);
  }, 180_000);

  test('holds the same totals as the PDF, as values', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const f of keyFigures(data, sheet)) {
      expect([f.label, flat.includes(f.pdf)]).toEqual([f.label, true]);
      const asNumber = Number(String(f.pdf).replace(/,/g, ''));
      if (typeof f.cell === 'number') expect([f.label, f.cell]).toEqual([f.label, asNumber]);
      else expect([f.label, f.pdf.includes(String(f.cell))]).toEqual([f.label, true]);
    }
    // Values, never formulas: nothing a workbook opened elsewhere would have to recalculate.
    expect(sheet.rows.flat().filter((v) => typeof v === 'string' && v.startsWith('='))).toEqual([]);
  });

  test('carries the title block, the heading row and the signature lines of the PDF', () => {
    expect(sheet.rows[0][0]).toBe(data.title);
    expect(pdf.text).toContain(data.title);
    const [first, last] = sheet.page.printTitleRows;
    expect(first).toBeGreaterThanOrEqual(1);
    expect(last).toBeGreaterThanOrEqual(first);
    if (c.kind !== 'worker') {
      expect(sheet.roles[first - 1]).toBe('header');
      expect(sheet.rows.flat()).toContain('制表人：＿＿＿＿＿＿＿＿');
    }
    expect(sheet.rows.every((r) => r.length === sheet.columns)).toBe(true);
  });

  test('on the fake Excel: a new sheet (the existing one of that name untouched), A4, the PDF\'s orientation, one page wide, print titles, page-number footer', async () => {
    const fake = new FakeExcel([{ name: '职工', rows: [['姓名'], ['张三']] }, { name: sheet.name, rows: [['用户自己的表']] }]);
    const port = new OfficeWorkbook({ run: fake.run });
    const name = await port.addReportSheet(sheet);
    expect(name).toBe(`${sheet.name}(2)`);
    expect(fake.sheet(sheet.name).cells).toEqual([['用户自己的表']]);
    const s = fake.sheet(name);
    expect(s.page).toMatchObject({
      paperSize: 'A4',
      orientation: pdf.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${sheet.page.printTitleRows[0]}:$${sheet.page.printTitleRows[1]}`,
      centerFooter: '第 &P 页 / 共 &N 页',
    });
    expect(s.page.rightHeader).toContain(data.title);
    // The cells as written: every value of the sheet description, row by row.
    const written = sheet.rows.map((r, i) => r.map((_, j) => s.cells[i]?.[j] ?? null));
    expect(written).toEqual(sheet.rows.map((r) => r.map((v) => (v === '' ? null : v))));
    for (const col of sheet.moneyColumns) expect(s.formats.get(`${sheet.page.printTitleRows[1]},${col}`)).toBe('#,##0.00');
    expect(s.merges).toHaveLength(sheet.merges.length);
    expect(s.merges[0]).toEqual({ row: 0, column: 0, rows: 1, columns: sheet.columns });
    expect(s.columnWidths.size).toBe(sheet.widths.length);
    expect([...s.borders].some((b) => b.endsWith(':InsideVertical'))).toBe(true);
    expect(s.frozenRows).toBe(sheet.page.printTitleRows[1]);
    if (c.kind === 'worker') expect(s.page.pageBreaks).toEqual(sheet.page.pageBreaksBefore.map((r) => `A${r}`));
    expect(fake.active).toBe(name);
  });

  test('in the in-memory workbook: the same cells and page setup', async () => {
    const wb = new MemoryWorkbook([{ name: sheet.name, rows: [['用户自己的表']] }]);
    const name = await wb.addReportSheet(sheet);
    expect(name).toBe(`${sheet.name}(2)`);
    expect(wb.sheet(sheet.name).cells).toEqual([['用户自己的表']]);
    const s = wb.sheet(name);
    expect(s.cells).toEqual(sheet.rows);
    expect(s.report!.page).toEqual(sheet.page);
    expect(s.report!.page.centerFooter).toBe(PAGE_FOOTER);
  });
});

test('A4 orientation follows the PDF: landscape registers, the portrait 个人核定表', () => {
  const orientations = CASES.map((c) => [c.kind, buildReportSheet(dataOf(c)).page.orientation, buildReport(dataOf(c)).pageOrientation]);
  for (const [kind, sheetO, pdfO] of orientations) expect([kind, sheetO]).toEqual([kind, pdfO]);
});
