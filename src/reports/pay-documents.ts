/**
 * Two payroll documents over the report machinery (title block, running header, page numbers,
 * signature lines): 社区工作者薪酬补发明细表 and 岗位等级调整名单. Builders only: every figure comes
 * from the engine (backPay, adjustmentList); amounts are its rounded decimals.
 */
import { fenText } from '../engine';
import type { AdjustmentList, BackPay, PayrollSheet, Policy } from '../engine';
import { payrollReport } from './builders';
import { drawnAsRegister } from './draw';
import { documentOf, num, signatureLines, th, titleBlock } from './layout';
import type { DocDefinition, Node } from './layout';
import type { ReportData, WorkerLine } from './types';

/** The title-block facts of a payroll document. */
function meta(policy: Policy, title: string, period: string, periodText: string, asOf: string, unit: string, notes: string[]): ReportData {
  return {
    // Both are pay documents: they share the payroll register's kind for the PDF's keywords.
    kind: 'payroll', title, policyId: policy.id, policyName: policy.name, policyTitle: policy.title, policyDoc: policy.doc,
    jurisdiction: policy.jurisdiction, ratingWords: { ...policy.ratingWords }, period, periodText, asOf, unit, notes, workers: [],
  };
}

/** 社区工作者薪酬补发明细表: one row per month — due items, due, paid, difference, reasons — and the total. */
export function backPayDocument(policy: Policy, who: { name: string; idNumber: string; community: string }, b: BackPay): DocDefinition {
  const first = b.months[0].period;
  const last = b.months[b.months.length - 1].period;
  const data = meta(policy, '社区工作者薪酬补发明细表', last, `${first} 至 ${last}`, `${last}-01`, `${who.community} ${who.name}`, [
    `姓名：${who.name}　身份证号：${who.idNumber || '（未填）'}　社区：${who.community}`,
    `应发按现有事实、各月1日有效的参数计算；已发取自各月薪酬表或花名册“已发”列。补发合计 ${fenText(b.total)} 元。`,
  ]);
  const names: string[] = [];
  for (const mo of b.months) for (const i of mo.due) if (!names.includes(i.name)) names.push(i.name);
  const header = [th('月份'), th('等级'), ...names.map((n) => th(n)), th('应发合计'), th('已发'), th('补发'), th('原因及依据')];
  const body: Node[][] = [header];
  for (const mo of b.months) {
    body.push([
      mo.period, num(mo.grade ?? ''), ...names.map((n) => num(mo.due.find((i) => i.name === n) ? fenText(mo.due.find((i) => i.name === n)!.amount) : '')),
      num(fenText(mo.dueTotal)), num(fenText(mo.paid.total)), num(fenText(mo.difference), { bold: !mo.difference.isZero() }),
      { text: mo.reasons.map((r) => `${r.text}（${r.source}）`).join('；'), style: 'small' },
    ]);
  }
  const dueSum = b.months.reduce((s, mo) => s.plus(mo.dueTotal), b.months[0].dueTotal.times(0));
  const paidSum = b.months.reduce((s, mo) => s.plus(mo.paid.total), b.months[0].dueTotal.times(0));
  body.push([{ text: '合计', style: 'total', colSpan: 2 + names.length }, ...Array(1 + names.length).fill(''), num(fenText(dueSum), { style: 'total' }), num(fenText(paidSum), { style: 'total' }), num(fenText(b.total), { style: 'total', bold: true }), { text: '', style: 'total' }]);
  const widths = [40, 26, ...names.map(() => 50), 52, 52, 52, '*'];
  const content: Node[] = [
    ...titleBlock(data),
    { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'cwGrid' },
    ...(b.reasons.length ? [{ text: '补发原因', style: 'h2' }, { ul: b.reasons.map((r) => `${r.text}；依据：${r.source}`) }] : []),
    signatureLines(),
  ];
  return documentOf(data, content, { landscape: true });
}

/** 岗位等级调整名单: every worker whose grade changes in the year, old and new grade and pay, from when, the article. */
export function adjustmentDocument(policy: Policy, list: AdjustmentList, unit: string): DocDefinition {
  const data = meta(policy, '社区工作者岗位等级调整名单', `${list.year}-01`, `${list.year}年`, `${list.year}-01-01`, unit, [
    `${list.rule}。共 ${list.lines.length} 人调整，月应发合计增加 ${fenText(list.increase)} 元。`,
    ...list.notes,
  ]);
  const header = [th('序号'), th('区县'), th('街道'), th('社区'), th('姓名'), th('岗位类别'), th('调整月份'), th('原等级'), th('新等级'), th('原月应发'), th('新月应发'), th('增加'), th('依据')];
  const body: Node[][] = [header];
  list.lines.forEach((l, i) => {
    body.push([num(i + 1), l.county, l.street, l.community, l.name, l.post ?? '', l.from, num(l.oldGrade), num(l.newGrade), num(fenText(l.oldPay)), num(fenText(l.newPay)), num(fenText(l.newPay.minus(l.oldPay))), { text: l.source, style: 'small' }]);
  });
  if (!list.lines.length) body.push([{ text: `${list.year}年没有职工调整岗位等级。`, colSpan: header.length }, ...Array(header.length - 1).fill('')]);
  const content: Node[] = [...titleBlock(data), { table: { headerRows: 1, dontBreakRows: true, widths: [22, 48, 52, 60, 44, 44, 44, 30, 30, 52, 52, 44, '*'], body }, layout: 'cwGrid' }, signatureLines()];
  return documentOf(data, content, { landscape: true });
}

/** The register's data for a `cw payroll` month: 应发 items, each deduction, 代扣合计 and 实发 per worker. */
export function payrollRegisterData(sheet: PayrollSheet, unit: string): ReportData {
  const { policy } = sheet;
  const data = meta(policy, '社区工作者薪酬发放表', sheet.period, `${sheet.year}年${sheet.month}月`, `${sheet.period}-01`, unit, []);
  data.itemNames = sheet.itemNames;
  data.deductionNames = sheet.deductionNames;
  data.workers = sheet.lines.map((l): WorkerLine => {
    const r = l.row;
    const line: WorkerLine = {
      row: r.row, county: r.county, street: r.street, community: r.community, name: r.name, sex: null, idNumber: r.idNumber, birthDate: null,
      post: r.worker?.post ?? null, title: '', entryDate: null, education: null, degree: null, certificate: null, ratings: [], rowFindings: [],
    };
    const m = l.month;
    if (m) {
      line.pay = { years: l.years ?? 0, grade: l.grade, items: m.gross.map((i) => ({ name: i.name, amount: fenText(i.amount) })), total: fenText(m.grossTotal), warnings: m.warnings, trace: [] };
      line.payroll = { deductions: m.deductions.map((d) => ({ name: d.name, amount: fenText(d.amount) })), deductionTotal: fenText(m.deductionTotal), net: fenText(m.net) };
    } else line.error = l.error ?? '';
    return line;
  });
  return data;
}

/**
 * 社区工作者薪酬发放表 for a `cw payroll` month as a document definition (the browser's pdfmake);
 * marked so Node draws it with PDFKit. Node callers can skip the definition: `renderReport(payrollRegisterData(…))`.
 */
export function payrollRegisterDocument(sheet: PayrollSheet, unit: string): DocDefinition {
  const data = payrollRegisterData(sheet, unit);
  return drawnAsRegister(payrollReport(data), data);
}
