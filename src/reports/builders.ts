/**
 * The six report builders: pure functions from {@link ReportData} to a pdfmake document
 * definition. No figure is computed here except sums of the engine's amounts (decimal.js).
 */
import { Decimal, fenText } from '../engine';
import type { Rating } from '../engine';
import { documentOf, money, num, signatureLines, th, titleBlock } from './layout';
import type { DocDefinition, Node } from './layout';
import { sumText } from './data';
import { drawMarkFor, drawnAs } from './draw';
import type { ReportData, ReportKind, StaffingLine, WorkerLine } from './types';

const place = (w: { county: string; street: string; community: string }) => [w.county, w.street, w.community].filter(Boolean).join(' ');

/** Workers grouped by county → street → community, in roster order. */
export function groups(workers: WorkerLine[]): Array<{ county: string; street: string; communities: Array<{ community: string; workers: WorkerLine[] }> }> {
  const streets = new Map<string, { county: string; street: string; communities: Map<string, WorkerLine[]> }>();
  for (const w of workers) {
    const key = w.county + '\u0001' + w.street;
    let s = streets.get(key);
    if (!s) streets.set(key, (s = { county: w.county, street: w.street, communities: new Map() }));
    const list = s.communities.get(w.community) ?? [];
    list.push(w);
    s.communities.set(w.community, list);
  }
  return [...streets.values()].map((s) => ({ county: s.county, street: s.street, communities: [...s.communities].map(([community, ws]) => ({ community, workers: ws })) }));
}

/** A worker's amount of one pay item ('' when the engine gave none). */
export function amountOf(w: WorkerLine, item: string): string {
  return w.pay?.items.find((i) => i.name === item)?.amount ?? '';
}

/** Sums of each item and of the totals over assessed workers (decimal.js on the engine's two-decimal texts). */
export function sums(ws: WorkerLine[], items: string[]): { items: string[]; total: string; count: number } {
  const paid = ws.filter((w) => w.pay);
  return {
    items: items.map((it) => sumText(paid.map((w) => amountOf(w, it)).filter((a) => a !== ''))),
    total: sumText(paid.map((w) => w.pay!.total)),
    count: paid.length,
  };
}

function errorsSection(ws: WorkerLine[]): Node[] {
  const bad = ws.filter((w) => !w.pay);
  if (!bad.length) return [];
  return [
    { text: `未能核算的职工（${bad.length}人，不计入上表合计）`, style: 'h2' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [30, 120, 50, '*'],
        body: [[th('行号'), th('区县 街道 社区'), th('姓名'), th('原因（请更正花名册后重新生成）')], ...bad.map((w) => [num(w.row), place(w), w.name, w.error ?? ''])],
      },
      layout: 'cwGrid',
    },
  ];
}

/** The register's note on its deduction columns (cw payroll --pdf). */
export const DEDUCTIONS_NOTE = '代扣：个人缴纳的社会保险费、住房公积金（基数按当地上下限）和按累计预扣法（国家税务总局公告2018年第61号）代扣的个人所得税；实发 = 应发合计 − 代扣合计。';

/** 社区工作者薪酬发放表: by street and community, one row per worker, subtotals, grand total, signatures. */
export function payrollReport(data: ReportData): DocDefinition {
  const items = data.itemNames ?? [];
  // With deductions (cw payroll --pdf) the register goes on after 应发合计: each deduction, 代扣合计, 实发.
  const deds = data.deductionNames ?? [];
  const dedCols = deds.length ? [...deds, '代扣合计', '实发'] : [];
  const dedOf = (w: WorkerLine): string[] => (w.payroll ? [...deds.map((d) => w.payroll!.deductions.find((x) => x.name === d)?.amount ?? ''), w.payroll.deductionTotal, w.payroll.net] : dedCols.map(() => ''));
  const dedSums = (ws: WorkerLine[]): string[] => dedCols.map((_, i) => sumText(ws.filter((w) => w.pay && w.payroll).map((w) => dedOf(w)[i]).filter((a) => a !== '')));
  const fixed = ['序号', '姓名', '岗位类别', '等级', '计龄(年)'];
  const fixedWidths = [20, 44, 58, 22, 26];
  const widths = [...fixedWidths, ...items.map(() => (deds.length ? 40 : 50)), deds.length ? 48 : 56, ...dedCols.map(() => 38), '*'];
  // Vertical rules: after the worker columns, before the total, before the signature column.
  const vRules = [fixed.length, fixed.length + items.length, fixed.length + items.length + 1, ...(deds.length ? [fixed.length + items.length + 1 + dedCols.length] : [])];
  const span = fixed.length;
  // pdfmake annotates the cell objects it lays out: every table gets its own header cells.
  const headerRow = () => [...fixed.map((h) => th(h, { noWrap: false })), ...items.map((h) => th(h, { noWrap: false })), th('应发合计', { noWrap: false }), ...dedCols.map((h) => th(h, { noWrap: false })), th('领取人签字', { noWrap: false })];
  const nCols = headerRow().length;
  const sumRow = (label: string, s: ReturnType<typeof sums>, style: string, ws: WorkerLine[]): Node[] => [
    { text: label, colSpan: span, style, alignment: 'left' },
    ...Array(span - 1).fill(''),
    ...s.items.map((v) => num(money(v), { style })),
    num(money(s.total), { style }),
    ...(deds.length ? dedSums(ws).map((v) => num(money(v), { style })) : []),
    { text: '', style },
  ];
  const content: Node[] = [...titleBlock(data, ['金额单位：元；各项由 cwkit 政策引擎按上列政策逐人计算，每项四舍五入至分，合计为各项之和。', ...(deds.length ? [DEDUCTIONS_NOTE] : [])])];
  let seq = 0;
  const all = groups(data.workers);
  // One table per street: the street and the column headings repeat on every page it spans;
  // each community opens with a group row and closes with its subtotal; the street total ends it.
  for (const s of all) {
    const body: Node[][] = [
      [{ text: `${s.county}　${s.street}`, colSpan: nCols, style: 'group', alignment: 'left' }, ...Array(nCols - 1).fill('')],
      headerRow(),
    ];
    for (const c of s.communities) {
      body.push([{ text: c.community, colSpan: nCols, alignment: 'left' }, ...Array(nCols - 1).fill('')]);
      for (const w of c.workers) {
        seq++;
        if (!w.pay) continue;
        // The table is right-aligned (the figures are plain strings: no style object per cell); only the text cells say left.
        body.push([String(seq), { text: w.name, alignment: 'left' }, { text: w.post ?? '', alignment: 'left' }, String(w.pay.grade ?? '—'), String(w.pay.years), ...items.map((it) => money(amountOf(w, it))), money(w.pay.total), ...(deds.length ? dedOf(w).map(money) : []), '']);
      }
      const cs = sums(c.workers, items);
      body.push(sumRow(`${c.community}小计（${cs.count}人）`, cs, 'subtotal', c.workers));
    }
    const ss = sums(s.communities.flatMap((c) => c.workers), items);
    body.push(sumRow(`${s.county} ${s.street}合计（${ss.count}人）`, ss, 'total', s.communities.flatMap((c) => c.workers)));
    // One-line cells: noWrap keeps each cell one text run (no per-character line breaking).
    content.push({ table: { headerRows: 2, widths, body, vRules }, layout: 'cwRegister', margin: [0, 0, 0, 8], noWrap: true, alignment: 'right' });
  }
  content.push(...errorsSection(data.workers));
  // The grand total and the signatures stay together on one page.
  const gs = sums(data.workers, items);
  content.push({
    unbreakable: true,
    margin: [0, 6, 0, 0],
    stack: [{ table: { widths, body: [headerRow(), sumRow(`总计（${gs.count}人）`, gs, 'total', data.workers)] }, layout: 'cwGrid' }, signatureLines()],
  });
  return documentOf(data, content, { landscape: true });
}

function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}–${max}`;
  if (min !== null) return `≥${min}`;
  if (max !== null) return `≤${max}`;
  return '—';
}

/** Actual over the requirement (over the minimum, or the maximum when there is none), in percent to one decimal. */
export function ratioOf(l: StaffingLine): number | null {
  const base = l.min ?? l.max;
  if (l.actual === null || base === null || base === 0) return null;
  return Math.round((l.actual / base) * 1000) / 10;
}

/** A horizontal bar chart (SVG) of actual/required per unit; the 100% line marks the requirement. */
function ratioChart(lines: Array<{ label: string; line: StaffingLine }>, width: number): Node[] {
  const out: Node[] = [];
  const perChart = 26;
  const rowH = 15;
  const labelW = 120;
  const valueW = 120;
  const plotW = width - labelW - valueW;
  const maxRatio = Math.max(150, ...lines.map((l) => ratioOf(l.line) ?? 0));
  const scale = plotW / maxRatio;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (let start = 0; start < lines.length; start += perChart) {
    const part = lines.slice(start, start + perChart);
    const h = part.length * rowH + 24;
    const parts: string[] = [];
    part.forEach(({ label, line }, i) => {
      const y = 6 + i * rowH;
      const r = ratioOf(line);
      const color = line.status === '符合' ? '#4a7ebb' : line.status === '无法核对' ? '#999999' : '#c0504d';
      parts.push(`<text x="${labelW - 4}" y="${y + 10}" font-size="8" text-anchor="end" font-family="CwSans">${esc(label)}</text>`);
      if (r !== null) parts.push(`<rect x="${labelW}" y="${y + 2}" width="${(r * scale).toFixed(1)}" height="${rowH - 5}" fill="${color}"/>`);
      parts.push(`<text x="${labelW + (r ?? 0) * scale + 3}" y="${y + 10}" font-size="7.5" font-family="CwSans">${r === null ? '无法核对' : `${r}%（${line.actual}/${rangeText(line.min, line.max)}）`}</text>`);
    });
    const x100 = labelW + 100 * scale;
    const axisY = 6 + part.length * rowH + 2;
    parts.push(`<line x1="${x100}" y1="2" x2="${x100}" y2="${axisY}" stroke="#333333" stroke-width="0.8" stroke-dasharray="3,2"/>`);
    parts.push(`<line x1="${labelW}" y1="${axisY}" x2="${labelW + plotW}" y2="${axisY}" stroke="#333333" stroke-width="0.5"/>`);
    for (let t = 0; t <= maxRatio; t += 50) parts.push(`<text x="${labelW + t * scale}" y="${axisY + 10}" font-size="7" text-anchor="middle" font-family="CwSans">${t}%</text>`);
    out.push({ svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">${parts.join('')}</svg>`, width, font: 'CwSans', margin: [0, 2, 0, 6] });
  }
  return out;
}

/** 社区工作者配备情况统计表: required versus actual per county and community, with the ratio chart. */
export function staffingReport(data: ReportData): DocDefinition {
  const lines = data.staffing ?? [];
  const widths = [96, 96, 44, 30, 40, 40, '*', 150];
  const header = () => [th('单位'), th('项目'), th('应配(人)'), th('实有'), th('比率'), th('结论'), th('依据'), th('统计口径')];
  const row = (l: StaffingLine, unit: string): Node[] => {
    const r = ratioOf(l);
    const style = l.status === '不足' || l.status === '超出' ? 'bad' : undefined;
    return [unit, l.what, num(rangeText(l.min, l.max)), num(l.actual ?? '—'), num(r === null ? '—' : `${r}%`), { text: l.status + (l.severity === 'warning' ? '（提示）' : ''), style }, { text: `${l.basis}（${l.citation}）`, style: 'small' }, { text: l.how, style: 'small' }];
  };
  const county = lines.filter((l) => l.scope === 'county');
  const community = lines.filter((l) => l.scope === 'community');
  const bad = lines.filter((l) => l.status === '不足' || l.status === '超出').length;
  const content: Node[] = [...titleBlock(data, [`共核对 ${lines.length} 项，其中不符合 ${bad} 项。应配人数由政策的配备标准按社区表、区县表的户数和人口计算，实有人数按花名册统计（与 cw check 同一口径）。`])];
  content.push({ text: '一、区县（开发区）', style: 'h2' });
  if (county.length) {
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths, body: [header(), ...county.map((l) => row(l, l.county || '（未填区县）'))] }, layout: 'cwGrid' });
  } else {
    content.push({ text: `${data.policyDoc || data.policyName}未规定区县一级的配备总量，区县不单独核对。`, style: 'note' });
  }
  content.push({ text: '二、社区', style: 'h2' });
  if (community.length) {
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths, body: [header(), ...community.map((l) => row(l, `${l.street} ${l.community}`))] }, layout: 'cwGrid' });
  } else {
    content.push({ text: `${data.policyDoc || data.policyName}未规定社区一级的配备标准（只规定区县总量），社区不单独核对。`, style: 'note' });
  }
  // The chart: one bar per community (its headcount requirement), or per county when the policy sets none per community.
  const pick = (ls: StaffingLine[]) => ls.find((l) => l.headcount && l.actual !== null) ?? ls.find((l) => l.actual !== null && (l.min ?? l.max) !== null) ?? ls[0];
  const byUnit = new Map<string, StaffingLine[]>();
  for (const l of community.length ? community : county) {
    const key = community.length ? `${l.county}\u0001${l.street}\u0001${l.community}` : l.county;
    byUnit.set(key, [...(byUnit.get(key) ?? []), l]);
  }
  const chartLines = [...byUnit.values()].map((ls) => pick(ls)).filter(Boolean).map((l) => ({ label: community.length ? l.community : l.county || '（未填区县）', line: l }));
  const what = [...new Set(chartLines.map((c) => c.line.what))].join('、');
  content.push({ text: `三、实有与应配之比（${community.length ? '按社区' : '按区县'}：${what}；虚线为100%）`, style: 'h2', pageBreak: 'before' });
  content.push(...ratioChart(chartLines, 760));
  content.push(signatureLines());
  return documentOf(data, content, { landscape: true });
}


/** 年度考核结果汇总表: the rating distribution per unit and year, with the 优秀 quota check. */
export function ratingsReport(data: ReportData): DocDefinition {
  const words = data.ratingWords;
  const order: Rating[] = ['优秀', '合格', '基本合格', '不合格'];
  const lines = data.ratings ?? [];
  const widths = [60, 70, 80, 32, 40, ...order.map(() => 38), 38, 46, 46, '*'];
  const header = [th('区县'), th('街道'), th('考核单位'), th('年度'), th('参加考核'), ...order.map((r) => th(words[r])), th('未考核'), th('优秀比例'), th('优秀名额'), th('优秀比例核对')];
  const pct = (a: number, b: number) => (b ? `${(Math.round((a / b) * 1000) / 10).toFixed(1)}%` : '—');
  const body: Node[][] = [header];
  for (const l of lines) {
    const verdict = l.ok === null ? l.quotaBasis : l.ok ? `符合（不超过 ${l.quota} 人）` : `超出 ${l.counts['优秀'] - l.quota!} 人`;
    body.push([l.county, l.street, l.unit, num(l.year), num(l.rated), ...order.map((r) => num(l.counts[r])), num(l.unrated), num(pct(l.counts['优秀'], l.rated)), num(l.quota ?? '—'), { text: verdict, style: l.ok === false ? 'bad' : 'small' }]);
  }
  // Per-year totals over every unit.
  for (const year of data.ratingYears ?? []) {
    const ys = lines.filter((l) => l.year === year);
    const c = (r: Rating) => ys.reduce((s, l) => s + l.counts[r], 0);
    const rated = ys.reduce((s, l) => s + l.rated, 0);
    const over = ys.filter((l) => l.ok === false).length;
    body.push([{ text: `${year}年度合计`, colSpan: 4, style: 'total' }, '', '', '', num(rated, { style: 'total' }), ...order.map((r) => num(c(r), { style: 'total' })), num(ys.reduce((s, l) => s + l.unrated, 0), { style: 'total' }), num(pct(c('优秀'), rated), { style: 'total' }), num('', { style: 'total' }), { text: ys.some((l) => l.quota !== null) ? `超出名额的单位 ${over} 个` : '', style: 'total' }]);
  }
  if (!lines.length) body.push([{ text: '花名册中没有年度考核等次（考核YYYY 列）。', colSpan: header.length }, ...Array(header.length - 1).fill('')]);
  const quotaUnit = lines.find((l) => l.quota !== null);
  const notes = [quotaUnit ? `优秀名额按${data.policyName}的规定逐单位逐年计算：${quotaUnit.quotaBasis}。` : `${data.policyDoc || data.policyName}未规定优秀等次比例，本表只汇总等次分布。`];
  const content: Node[] = [...titleBlock(data, notes), { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'cwGrid' }, signatureLines()];
  return documentOf(data, content, { landscape: true });
}

/** 财政补助测算表: the higher level's share of the pay bill, where the policy sets one. */
export function fundingReport(data: ReportData): DocDefinition {
  const f = data.funding!;
  const hasShare = f.lines.some((l) => l.share !== null);
  const yearly = (m: string | null) => (m === null ? '—' : money(fenText(new Decimal(m).times(12))));
  const shareLabel = f.shareLabel;
  const restLabel = f.restLabel;
  const widths = [70, 40, 72, 70, 68, 76, 68, '*'];
  const header = [th('区县'), th('在册人数'), th('月薪酬总额'), th('补助标准'), th(`${shareLabel}（月）`), th(`${shareLabel}（年）`), th(`${restLabel}（月）`), th('测算依据')];
  const body: Node[][] = [header];
  for (const l of f.lines) {
    body.push([l.county, num(l.heads), num(money(l.bill)), num(l.ratio), num(l.share === null ? '—' : money(l.share)), num(yearly(l.share)), num(l.rest === null ? '—' : money(l.rest)), { text: l.basis + (l.warning ? `\n${l.warning}` : ''), style: 'small' }]);
  }
  body.push([{ text: '合计', style: 'total' }, num(f.total.heads, { style: 'total' }), num(money(f.total.bill), { style: 'total' }), num('', { style: 'total' }), num(f.total.share === null ? '—' : money(f.total.share), { style: 'total' }), num(yearly(f.total.share), { style: 'total' }), num(f.total.rest === null ? '—' : money(f.total.rest), { style: 'total' }), { text: '', style: 'total' }]);
  const unpaid = data.workers.filter((w) => !w.pay).length;
  const notes = [
    `${f.statement}（${f.citation}）`,
    '月薪酬总额为各区县在册职工按本政策逐人测算的应发合计（cwkit 政策引擎），金额单位：元。' + (unpaid ? `另有 ${unpaid} 人因数据不全未能测算，未计入（名单附后）。` : ''),
  ];
  const content: Node[] = [...titleBlock(data, notes), { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'cwGrid' }];
  if (!hasShare) content.push({ text: `本政策文件未规定上级财政补助比例：“${shareLabel}”各栏不适用，以“—”表示。`, style: 'h2' });
  content.push(...errorsSection(data.workers), signatureLines());
  return documentOf(data, content, { landscape: true });
}

/** 个人岗位等级薪酬核定表: one page per worker with facts, grade, items and the full trace. */
export function workerReport(data: ReportData): DocDefinition {
  const content: Node[] = [];
  data.workers.forEach((w, i) => {
    const label = (t: string) => ({ text: t, style: 'th', alignment: 'left' });
    const ratings = w.ratings.map((r) => `${r.year} ${r.rating}`).join('，') || '无';
    const page: Node[] = [
      ...titleBlock({ ...data, notes: i === 0 ? data.notes : [] }),
      {
        table: {
          widths: [56, '*', 56, '*', 56, '*'],
          body: [
            [label('姓名'), w.name, label('性别'), w.sex ?? '', label('身份证号'), w.idNumber],
            [label('所在单位'), { text: place(w), colSpan: 3 }, '', '', label('出生日期'), w.birthDate ?? ''],
            [label('岗位类别'), w.post ?? '（无法确定）', label('职务'), w.title, label('入职日期'), w.entryDate ?? '（空）'],
            [label('学历'), w.education ?? '', label('学位'), w.degree ?? '', label('职业资格'), w.certificate ?? '无'],
            [label('年度考核'), { text: ratings, colSpan: 3 }, '', '', label('花名册行号'), `${w.row}`],
            [label('计龄年限'), w.pay ? `${w.pay.years} 年` : '—', label('岗位等级'), w.pay ? (w.pay.grade === null ? '本政策不设等级' : `${w.pay.grade} 级`) : '—', label('月应发合计'), w.pay ? `${money(w.pay.total)} 元` : '—'],
          ],
        },
        layout: 'cwGrid',
      },
    ];
    if (w.pay) {
      // Items two to a row, so the trace below keeps the worker on one page.
      const cells = [...w.pay.items.map((it) => [it.name, num(money(it.amount))]), [{ text: '合计', style: 'total' }, num(money(w.pay.total), { style: 'total' })]];
      const rows: Node[][] = [];
      for (let k = 0; k < cells.length; k += 2) rows.push([...cells[k], ...(cells[k + 1] ?? ['', ''])]);
      page.push({ text: '薪酬项目（元/月）', style: 'h2' });
      page.push({ table: { headerRows: 1, widths: ['*', 80, '*', 80], body: [[th('项目'), th('金额'), th('项目'), th('金额')], ...rows] }, layout: 'cwGrid' });
      const warnings = w.pay.warnings.filter((m) => !data.notes.includes(m));
      if (warnings.length) page.push(...warnings.map((m) => ({ text: `提示：${m}`, style: 'note' })));
      page.push({ text: '计算过程与依据', style: 'h2' });
      page.push({
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [14, 58, '*', 140],
          body: [[th('序'), th('步骤'), th('结果'), th('依据')], ...w.pay.trace.map((s, k) => [num(k + 1), s.step, s.reading ? { stack: [s.value, { text: `解读：${s.reading}`, style: 'reading' }] } : s.value, { text: s.source, style: 'reading' }])],
        },
        layout: 'cwGrid',
        fontSize: 7,
        lineHeight: 1,
      });
    } else {
      page.push({ text: '未能核定', style: 'h2' }, { text: w.error ?? '', style: 'bad' }, { text: '请更正花名册中该职工的数据后重新生成。', style: 'note' });
    }
    page.push({
      margin: [0, 8, 0, 0],
      unbreakable: true,
      table: { widths: ['*', '*', '*', '*'], body: [[{ text: '本人确认：＿＿＿＿＿＿', style: 'sign' }, { text: '制表人：＿＿＿＿＿＿', style: 'sign' }, { text: '审核人：＿＿＿＿＿＿', style: 'sign' }, { text: '负责人：＿＿＿＿＿＿', style: 'sign' }]] },
      layout: 'cwPlain',
    });
    content.push(i === 0 ? { stack: page } : { stack: page, pageBreak: 'before' });
  });
  if (!data.workers.length) content.push(...titleBlock(data), { text: '没有职工。', style: 'h2' });
  return documentOf(data, content, { landscape: false, compact: true });
}

/** 退休到龄名单: workers reaching statutory retirement within the window (and those past it). */
export function retirementReport(data: ReportData): DocDefinition {
  const r = data.retirement!;
  const widths = [20, 48, 52, 56, 44, 22, 52, '*', 34, 34, 52, 52, 54, 40];
  const header = [th('序号'), th('区县'), th('街道'), th('社区'), th('姓名'), th('性别'), th('出生日期'), th('岗位类别 / 职务'), th('原退休年龄'), th('延迟(月)'), th('法定退休年龄'), th('退休日期'), th('距计算日'), th('状态')];
  const body: Node[][] = [header];
  r.lines.forEach((l, i) => {
    const w = l.worker;
    body.push([num(i + 1), w.county, w.street, w.community, w.name, w.sex ?? '', w.birthDate ?? '', [w.post, w.title].filter(Boolean).join(' / '), num(l.originalAge), num(l.delayMonths), l.ageText, l.date, num(l.overdue ? `已过${-l.monthsLeft}个月` : `${l.monthsLeft}个月`), { text: l.overdue ? '已到龄' : '将到龄', style: l.overdue ? 'bad' : undefined }]);
  });
  if (!r.lines.length) body.push([{ text: `${data.asOf} 至 ${r.until} 没有达到法定退休年龄的职工。`, colSpan: header.length }, ...Array(header.length - 1).fill('')]);
  const notes = [
    `列出 ${data.asOf} 至 ${r.until}（${r.months} 个月内）达到法定退休年龄的职工，以及计算日已超过法定退休年龄仍在花名册中的职工，共 ${r.lines.length} 人。`,
    '法定退休年龄按《国务院关于渐进式延迟法定退休年龄的办法》（2025-01-01施行）：男原60周岁，女原55周岁（管理和专业技术岗位）或50周岁，按出生月份逐步延迟。出生日期、性别缺失时按身份证号补足；两者都无法确定的职工不列入。',
  ];
  const content: Node[] = [...titleBlock(data, notes), { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'cwGrid' }, signatureLines()];
  return documentOf(data, content, { landscape: true });
}

const BUILDERS: Record<ReportKind, (d: ReportData) => DocDefinition> = {
  payroll: payrollReport,
  staffing: staffingReport,
  ratings: ratingsReport,
  funding: fundingReport,
  worker: workerReport,
  retirement: retirementReport,
};

/** The document definition of a prepared report. */
export function buildReport(data: ReportData): DocDefinition {
  // Node draws the register and the per-worker pages with PDFKit (src/reports/draw); the browser ignores the mark.
  const doc = BUILDERS[data.kind](data);
  const mark = drawMarkFor(data);
  return mark ? drawnAs(doc, mark) : doc;
}
