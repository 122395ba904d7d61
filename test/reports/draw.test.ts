/**
 * The PDFKit drawings (src/reports/draw): line breaking where pdfmake breaks, the per-worker pages
 * and the register drawn straight from the data with the same bytes as through the marked
 * document definition, and the register's 代扣/实发 columns summed like its 应发 columns.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Decimal } from '../../src/engine';
import type { Roster } from '../../src/engine';
import { buildReport, money, prepareReport } from '../../src/reports';
import { Widths } from '../../src/reports/draw/measure';
import type { Pdf } from '../../src/reports/draw/pdfkit';
import { documentDrawable } from '../../src/reports/draw';
import { drawsItself, renderPdf, renderReport } from '../../src/reports/node';
import { readRosterFile } from '../../src/workbook/read';

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
let roster: Roster;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-draw-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  roster = (await readRosterFile(SAMPLE)).roster!;
});

/** A stand-in font: every character one unit wide at size 1 (a Chinese character as wide as a digit). */
function fakePdf(): Pdf {
  let size = 1;
  const doc = { fontSize: (s: number) => { size = s; return doc; }, widthOfString: (t: string) => Array.from(t).length * size };
  return doc as unknown as Pdf;
}

describe('line breaking', () => {
  const w = new Widths(fakePdf());
  test('Chinese breaks between any two characters; a line never starts with closing punctuation', () => {
    expect(w.wrap('基础工资绩效工资', 4, 1)).toEqual(['基础工资', '绩效工资']);
    expect(w.wrap('一二三，四五', 3, 1)).toEqual(['一二', '三，四', '五']);
  });
  test('numbers and Latin words stay whole; spaces are where Latin text breaks', () => {
    expect(w.wrap('计 2019-11-03 入职', 12, 1)).toEqual(['计 2019-11-03', '入职']);
    expect(w.wrap('本民发〔2022〕41号', 9, 1)).toEqual(['本民发〔2022〕', '41号']);
  });
  test('a word longer than the line is cut by character; newlines are kept', () => {
    expect(w.wrap('12345678', 3, 1)).toEqual(['123', '456', '78']);
    expect(w.wrap('甲\n乙', 10, 1)).toEqual(['甲', '乙']);
  });
  test('widths scale with the size', () => {
    expect(w.of('工资', 8)).toBe(16);
  });
});

describe('drawn from the data', () => {
  test('the per-worker report: drawn, not laid out by pdfmake, the same bytes either way', async () => {
    const data = prepareReport('worker', roster, { policy: 'benxi-2022', period: '2026-12', unit: '春晖社区' });
    expect(drawsItself(data)).toBe(true);
    const direct = await renderReport(data);
    const viaDoc = await renderPdf(buildReport(data));
    expect(direct.equals(viaDoc)).toBe(true);
    const file = path.join(tmp, 'w.pdf');
    fs.writeFileSync(file, direct);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+15\b/);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const w = data.workers[1];
    expect(text.replace(/\s+/g, '')).toContain(`月应发合计${money(w.pay!.total)}元`);
    for (const s of w.pay!.trace) expect(text.replace(/\s+/g, '')).toContain(s.source.replace(/\s+/g, '').slice(0, 10));
  });

  test('the register with deductions: each deduction, 代扣合计 and 实发 per worker, summed per community and in 总计', async () => {
    const data = prepareReport('payroll', roster, { policy: 'benxi-2022', period: '2026-12', unit: '春晖社区' });
    // Deductions as cw payroll gives them (the engine's figures are not the point here: the columns and their sums are).
    data.deductionNames = ['养老保险', '个人所得税'];
    for (const w of data.workers) {
      if (!w.pay) continue;
      const pension = new Decimal(w.pay.total).times('0.08').toFixed(2);
      const tax = '1.05';
      const total = new Decimal(pension).plus(tax).toFixed(2);
      w.payroll = { deductions: [{ name: '养老保险', amount: pension }, { name: '个人所得税', amount: tax }], deductionTotal: total, net: new Decimal(w.pay.total).minus(total).toFixed(2) };
    }
    const file = path.join(tmp, 'p.pdf');
    fs.writeFileSync(file, await renderReport(data));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // 个人所得税 wraps onto two header lines in its 38-point column.
    expect(text).toMatch(/应发合计\s+养老保险\s+代扣合计\s+实发\s+领取人签字/);
    expect(text).toMatch(/个人所得\s[\s\S]*?\s税\n/);
    const paid = data.workers.filter((w) => w.pay && w.payroll);
    const first = paid[0];
    const row = text.split('\n').find((l) => l.includes(first.name))!;
    expect(row).toContain(money(first.payroll!.net));
    expect(row).toContain(money(first.payroll!.deductionTotal));
    const net = paid.reduce((s, w) => s.plus(w.payroll!.net), new Decimal(0));
    const tax = paid.reduce((s, w) => s.plus(w.payroll!.deductions[1].amount), new Decimal(0));
    const grand = text.split('\n').find((l) => l.includes(`总计（${paid.length}人）`))!;
    expect(grand).toContain(money(net.toFixed(2)));
    expect(grand).toContain(money(tax.toFixed(2)));
    expect(text).toContain('实发 = 应发合计 − 代扣合计');
  });
});

describe('the other tabular reports drawn from their document definition', () => {
  test('paragraphs and tables only: drawn; the staffing chart (SVG) stays with pdfmake', () => {
    const of = (kind: 'ratings' | 'retirement' | 'staffing') => buildReport(prepareReport(kind, roster, { policy: 'benxi-2022', period: '2026-12', months: 12 }));
    expect(documentDrawable(of('ratings'))).toBe(true);
    expect(documentDrawable(of('retirement'))).toBe(true);
    expect(documentDrawable(of('staffing'))).toBe(false);
  });

  test('退休到龄名单 drawn: the same bytes twice, header and page numbers on every page', async () => {
    const data = prepareReport('retirement', roster, { policy: 'benxi-2022', period: '2026-12', months: 60 });
    const a = await renderPdf(buildReport(data));
    const b = await renderPdf(buildReport(data));
    expect(a.equals(b)).toBe(true);
    const file = path.join(tmp, 'r.pdf');
    fs.writeFileSync(file, a);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Producer:\s+cwkit \(PDFKit\)/);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页/共${pages.length}页`);
      if (i > 0) expect(p).toContain('退休到龄名单');
    });
    for (const l of data.retirement!.lines) expect(pages.join('')).toContain(l.worker.name);
  });
});
