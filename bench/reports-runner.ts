/**
 * One measurement of bench/reports.bench.ts, in its own process so its peak RSS is its own:
 * `node dist/bench/reports-runner.js cwkit|bare|pdfmake|naive|worker|worker-bare ROWS OUT.pdf` prints one JSON line
 * {mode, rows, pages, prepareMs, renderMs, renderCpuMs, bytes, maxRssMb}.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateSampleRoster } from '../src/sample/roster';
import { buildReport, prepareReport, FONT, money } from '../src/reports';
import type { ReportData } from '../src/reports';
import { fontPath, renderPdf, renderReport } from '../src/reports/node';

/**
 * The baseline: the same rows as one pdfmake table with default settings — auto column widths,
 * pdfmake's default layout and padding, one header row, every worker, subtotal and total in one
 * table body, the same font and page (A4 landscape) and the same title.
 */
export function naiveDocument(data: ReportData): Record<string, unknown> {
  const items = data.itemNames ?? [];
  const body: unknown[][] = [['序号', '区县', '街道', '社区', '姓名', '岗位类别', '等级', '计龄', ...items, '应发合计', '领取人签字']];
  data.workers.forEach((w, i) => {
    if (!w.pay) return;
    body.push([String(i + 1), w.county, w.street, w.community, w.name, w.post ?? '', String(w.pay.grade ?? ''), String(w.pay.years), ...items.map((it) => money(w.pay!.items.find((x) => x.name === it)?.amount ?? '')), money(w.pay.total), '']);
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    info: { creationDate: new Date(Date.UTC(2026, 11, 1)) },
    defaultStyle: { font: FONT, fontSize: 8 },
    content: [{ text: data.title, fontSize: 16 }, { table: { headerRows: 1, body } }],
  };
}

/**
 * The bare PDFKit writer: the same font, page and rows, each row's cells as plain text at fixed
 * positions, a page's rules as one path — no grouping, subtotals, measuring or page furniture.
 * The floor a drawn register is compared with.
 */
export async function bareRegister(data: ReportData): Promise<Buffer> {
  const PDFDocument = require('pdfkit');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 32, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
  doc.registerFont(FONT, fontPath());
  doc.font(FONT, 8);
  const items = data.itemNames ?? [];
  const widths = [20, 44, 58, 22, 26, ...items.map(() => 50), 56];
  const rows = data.workers.filter((w) => w.pay).map((w, i) => [String(i + 1), w.name, w.post ?? '', String(w.pay!.grade ?? ''), String(w.pay!.years), ...items.map((it) => money(w.pay!.items.find((x) => x.name === it)?.amount ?? '')), money(w.pay!.total)]);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  const rowH = 15.74;
  const perPage = Math.floor((595.28 - 72) / rowH);
  for (let start = 0; start < rows.length; start += perPage) {
    doc.addPage();
    const page = rows.slice(start, start + perPage);
    page.forEach((cells, k) => {
      let x = 32;
      cells.forEach((t, c) => { doc.text(t, x + 2, 36 + k * rowH + 2, { lineBreak: false }); x += widths[c]; });
    });
    for (let k = 0; k <= page.length; k++) doc.moveTo(32, 36 + k * rowH).lineTo(809, 36 + k * rowH);
    doc.lineWidth(0.5).stroke();
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Every text of a worker's page in drawing order: the same strings the drawn per-worker report prints. */
function workerTexts(data: ReportData, w: ReportData['workers'][number]): string[] {
  const out = [data.title, `地区：${data.jurisdiction}　　单位：${data.unit}`, `期间：${data.periodText}（计算日期 ${data.asOf}）`, `政策依据：${data.policyDoc}`];
  out.push('姓名', w.name, '性别', w.sex ?? '', '身份证号', w.idNumber, '所在单位', [w.county, w.street, w.community].join(' '), '出生日期', w.birthDate ?? '');
  out.push('岗位类别', w.post ?? '', '职务', w.title, '入职日期', w.entryDate ?? '', '学历', w.education ?? '', '学位', w.degree ?? '', '职业资格', w.certificate ?? '');
  out.push('年度考核', w.ratings.map((r) => `${r.year} ${r.rating}`).join('，'), '花名册行号', String(w.row));
  if (w.pay) {
    out.push('计龄年限', `${w.pay.years} 年`, '岗位等级', `${w.pay.grade} 级`, '月应发合计', money(w.pay.total), '薪酬项目（元/月）', '项目', '金额', '项目', '金额');
    for (const it of w.pay.items) out.push(it.name, money(it.amount));
    out.push('合计', money(w.pay.total), '计算过程与依据', '序', '步骤', '结果', '依据');
    w.pay.trace.forEach((t, k) => out.push(String(k + 1), t.step, t.value, ...(t.reading ? [`解读：${t.reading}`] : []), t.source));
  } else out.push('未能核定', w.error ?? '');
  out.push('本人确认：＿＿＿＿＿＿', '制表人：＿＿＿＿＿＿', '审核人：＿＿＿＿＿＿', '负责人：＿＿＿＿＿＿');
  return out.filter((t) => t !== '');
}

/**
 * The per-worker baseline: bare PDFKit writing the same texts, one page per worker, each text on
 * its own line at a fixed position and size (long ones clipped by the page), the page number at
 * the foot — no tables, rules, fills, measuring or wrapping.
 */
export async function bareWorkers(data: ReportData): Promise<Buffer> {
  const PDFDocument = require('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 28, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
  doc.registerFont(FONT, fontPath());
  doc.font(FONT, 7);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  data.workers.forEach((w, i) => {
    doc.addPage();
    const texts = workerTexts(data, w);
    const perColumn = Math.ceil(texts.length / 2);
    texts.forEach((t, k) => doc.text(t, k < perColumn ? 28 : 300, 30 + (k % perColumn) * 10, { lineBreak: false }));
    doc.text(`第 ${i + 1} 页 / 共 ${data.workers.length} 页`, 270, 812, { lineBreak: false });
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The per-worker report of the committed 580-worker sample: drawn (`worker`) or the bare baseline (`worker-bare`). */
async function workersMain(mode: string, out: string): Promise<void> {
  const { readRosterFile } = await import('../src/workbook/read');
  const file = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
  const roster = (await readRosterFile(file)).roster!;
  const t0 = process.hrtime.bigint();
  const data = prepareReport('worker', roster, { policy: 'benxi-2022', period: '2026-12' });
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const pdf = mode === 'worker-bare' ? await bareWorkers(data) : await renderReport(data);
  const t2 = process.hrtime.bigint();
  const c2 = process.cpuUsage(c1);
  fs.writeFileSync(out, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(JSON.stringify({ mode, rows: data.workers.length, pages, prepareMs: Number(t1 - t0) / 1e6, renderMs: Number(t2 - t1) / 1e6, renderCpuMs: (c2.user + c2.system) / 1000, bytes: pdf.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const [mode, rowsText, out] = process.argv.slice(2);
  if (mode === 'worker' || mode === 'worker-bare') return workersMain(mode, out);
  const rows = Number(rowsText);
  const sample = generateSampleRoster({ counties: 4, streetsPerCounty: 5, communities: Math.ceil(rows / 14.5), perCommunity: 15, breaks: false });
  sample.roster.workers.rows = sample.roster.workers.rows.slice(0, rows);
  const t0 = process.hrtime.bigint();
  const data = prepareReport('payroll', sample.roster, { policy: 'benxi-2022', period: '2026-12' });
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  let pdf: Buffer;
  if (mode === 'bare') pdf = await bareRegister(data);
  else if (mode === 'pdfmake') {
    // The register as pdfmake lays it out (the browser's path; the CLI's before it was drawn directly).
    const { ...plain } = buildReport(data); // the copy drops the non-enumerable draw mark
    pdf = await renderPdf(plain);
  } else if (mode === 'naive') pdf = await renderPdf(naiveDocument(data));
  else pdf = await renderReport(data); // drawn from the data, as the CLI does: no pdfmake document is built
  const t2 = process.hrtime.bigint();
  const c2 = process.cpuUsage(c1);
  fs.writeFileSync(out, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(JSON.stringify({
    mode, rows: data.workers.length, pages, prepareMs: Number(t1 - t0) / 1e6, renderMs: Number(t2 - t1) / 1e6, renderCpuMs: (c2.user + c2.system) / 1000, bytes: pdf.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
