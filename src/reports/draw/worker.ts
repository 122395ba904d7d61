/**
 * 个人岗位等级薪酬核定表 drawn with PDFKit directly, under the look of the pdfmake version
 * (builders.ts `workerReport`): A4 portrait, one page per worker — title block, the worker's facts,
 * the pay items two to a row, the engine's warnings, the whole trace with its citations and
 * readings, the signature line — the running header and 第 N 页 / 共 M 页. A trace longer than
 * the page goes on over the next with its header row repeated, as pdfmake's table does.
 */
import { money, policyLine, runningHeader } from '../layout';
import type { ReportData, WorkerLine } from '../types';
import { Grid } from './grid';
import type { Cell, TextLine } from './grid';
import { lineOf, Pages } from './pages';
import type { Pdf } from './pdfkit';

/** The pdfmake version's compact page margins. */
export const WORKER_MARGINS = { top: 30, bottom: 30, left: 28, right: 28 };
const TH = '#e8e8e8';
const TOTAL = '#dddddd';
const NOTE = '#444444';
const BAD = '#b00000';

const place = (w: WorkerLine) => [w.county, w.street, w.community].filter(Boolean).join(' ');

/** A paragraph of `text` over the content width at the cursor, then `after` points. */
function paragraph(p: Pages, text: string, size: number, color: string | undefined, after: number): void {
  for (const line of p.widths.wrap(text, p.width, size)) {
    p.ensure(lineOf(size));
    p.rules.text(line, p.left, p.y, size, color);
    p.y += lineOf(size);
  }
  p.y += after;
}

/** A 10.5-point heading with pdfmake's h2 margins. */
function heading(p: Pages, text: string): void {
  p.ensure(8 + lineOf(10.5) + 3 + 30);
  p.y += 8;
  p.rules.text(text, p.left, p.y, 10.5);
  p.y += lineOf(10.5) + 3;
}

/** Title, 地区/单位 with 期间 at the right, 政策依据, and the notes, as layout.ts `titleBlock`. */
export function titleLines(p: Pages, data: ReportData, notes: string[]): void {
  // Centred on its width without the spacing: where pdfmake puts it (its characterSpacing does not reach the page).
  p.rules.text(data.title, p.left + (p.width - p.widths.of(data.title, 16)) / 2, p.y, 16);
  p.y += lineOf(16) + 6;
  // The borderless two-column meta table: 1 pt above and below each row.
  const right = `期间：${data.periodText}（计算日期 ${data.asOf}）`;
  const rw = p.widths.of(right, 8.5);
  const left = p.widths.wrap(`地区：${data.jurisdiction}　　单位：${data.unit}`, p.width - rw, 8.5);
  p.rules.text(right, p.right - rw, p.y + 1, 8.5);
  left.forEach((t, k) => p.rules.text(t, p.left, p.y + 1 + k * lineOf(8.5), 8.5));
  p.y += 2 + left.length * lineOf(8.5);
  const policy = p.widths.wrap(`政策依据：${policyLine(data)}`, p.width, 8.5);
  policy.forEach((t, k) => p.rules.text(t, p.left, p.y + 1 + k * lineOf(8.5), 8.5));
  p.y += 2 + policy.length * lineOf(8.5) + 4;
  for (const n of notes) paragraph(p, `注：${n}`, 7.5, NOTE, 2);
}

/** The worker's facts: six columns of label and value. */
function facts(p: Pages, w: WorkerLine): void {
  const g = new Grid(p, [56, '*', 56, '*', 56, '*']);
  const label = (t: string, col: number): Cell => g.cell(t, col, { fill: TH });
  const value = (t: string, col: number, span = 1): Cell => g.cell(t, col, { span });
  const ratings = w.ratings.map((r) => `${r.year} ${r.rating}`).join('，') || '无';
  const rows: Array<Array<[string, number] | [string, number, number]>> = [
    [['姓名', 0], [w.name, 1], ['性别', 2], [w.sex ?? '', 3], ['身份证号', 4], [w.idNumber, 5]],
    [['所在单位', 0], [place(w), 1, 3], ['出生日期', 4], [w.birthDate ?? '', 5]],
    [['岗位类别', 0], [w.post ?? '（无法确定）', 1], ['职务', 2], [w.title, 3], ['入职日期', 4], [w.entryDate ?? '（空）', 5]],
    [['学历', 0], [w.education ?? '', 1], ['学位', 2], [w.degree ?? '', 3], ['职业资格', 4], [w.certificate ?? '无', 5]],
    [['年度考核', 0], [ratings, 1, 3], ['花名册行号', 4], [`${w.row}`, 5]],
    [['计龄年限', 0], [w.pay ? `${w.pay.years} 年` : '—', 1], ['岗位等级', 2], [w.pay ? (w.pay.grade === null ? '本政策不设等级' : `${w.pay.grade} 级`) : '—', 3], ['月应发合计', 4], [w.pay ? `${money(w.pay.total)} 元` : '—', 5]],
  ];
  for (const r of rows) g.row(r.map(([t, col, span]) => (col % 2 === 0 && !span ? label(t, col) : value(t, col, span))));
  g.end();
}

/** 薪酬项目: the items two to a row, then 合计. */
function items(p: Pages, pay: NonNullable<WorkerLine['pay']>): void {
  heading(p, '薪酬项目（元/月）');
  const g = new Grid(p, ['*', 80, '*', 80]);
  const pairs: Array<[string, string, boolean]> = [...pay.items.map((it): [string, string, boolean] => [it.name, money(it.amount), false]), ['合计', money(pay.total), true]];
  g.head([['项目', '金额', '项目', '金额'].map((t, c) => g.cell(t, c, { fill: TH, align: 'center' }))]);
  for (let k = 0; k < pairs.length; k += 2) {
    const row: Cell[] = [];
    for (const [i, pair] of [pairs[k], pairs[k + 1]].entries()) {
      const fill = pair?.[2] ? TOTAL : undefined;
      row.push(g.cell(pair?.[0] ?? '', 2 * i, { fill }), g.cell(pair?.[1] ?? '', 2 * i + 1, { fill, align: 'right' }));
    }
    g.row(row);
  }
  g.end();
}

/** 计算过程与依据: every trace step, its result (and reading) and its citation, at 7 points. */
function trace(p: Pages, pay: NonNullable<WorkerLine['pay']>): void {
  heading(p, '计算过程与依据');
  const g = new Grid(p, [14, 58, '*', 140]);
  const small = { size: 7, lh: 1 };
  const reading = { size: 6.3, lh: 1, color: NOTE };
  g.head([['序', '步骤', '结果', '依据'].map((t, c) => g.cell(t, c, { ...small, fill: TH, align: 'center' }))]);
  pay.trace.forEach((s, k) => {
    const result: TextLine[] = [...g.linesOf(s.value, 2, small), ...(s.reading ? g.linesOf(`解读：${s.reading}`, 2, reading) : [])];
    g.row([g.cell(String(k + 1), 0, { ...small, align: 'right' }), g.cell(s.step, 1, small), { lines: result }, g.cell(s.source, 3, reading)]);
  });
  g.end();
}

/** 本人确认 / 制表人 / 审核人 / 负责人, kept on one page. */
function signatures(p: Pages): void {
  const h = 8 + 2 + lineOf(9);
  p.ensure(h);
  p.y += 8;
  const w = p.width / 4;
  ['本人确认：＿＿＿＿＿＿', '制表人：＿＿＿＿＿＿', '审核人：＿＿＿＿＿＿', '负责人：＿＿＿＿＿＿'].forEach((t, i) => p.rules.text(t, p.left + i * w, p.y + 1, 9));
  p.y += 2 + lineOf(9);
}

/** One worker's page(s). */
function workerPage(p: Pages, data: ReportData, w: WorkerLine, first: boolean): void {
  titleLines(p, data, first ? data.notes : []);
  facts(p, w);
  if (w.pay) {
    items(p, w.pay);
    for (const m of w.pay.warnings.filter((x) => !data.notes.includes(x))) paragraph(p, `提示：${m}`, 7.5, NOTE, 2);
    trace(p, w.pay);
  } else {
    heading(p, '未能核定');
    paragraph(p, w.error ?? '', 8, BAD, 0);
    paragraph(p, '请更正花名册中该职工的数据后重新生成。', 7.5, NOTE, 2);
  }
  signatures(p);
}

/** Draws the per-worker report for `data` into an empty document; returns the number of pages. */
export function drawWorkers(doc: Pdf, data: ReportData): number {
  const p = new Pages(doc, WORKER_MARGINS, runningHeader(data), 32);
  data.workers.forEach((w, i) => {
    p.newPage();
    workerPage(p, data, w, i === 0);
  });
  if (!data.workers.length) {
    p.newPage();
    titleLines(p, data, data.notes);
    heading(p, '没有职工。');
  }
  p.finish();
  return p.count;
}
