/**
 * The six reports as worksheets: pure functions from {@link ReportData} (the data the PDF builders
 * lay out) to a {@link ReportSheet}. The same rows, subtotals and totals as the PDF — sums of the
 * engine's rounded amounts in decimal.js (`sumText`), written as values, never as formulas, so the
 * printed sheet shows exactly what the PDF shows. The PDF's ratio chart has no sheet counterpart:
 * its figures are the table's 比率 column.
 */
import { Decimal, fenText } from '../../engine';
import type { Rating } from '../../engine';
import { sumText } from '../data';
import { amountOf, groups, sums } from '../builders';
import type { ReportData, ReportKind, StaffingLine, WorkerLine } from '../types';
import { SheetWriter, amount } from './layout';
import type { ReportSheet, SheetValue } from './types';

/** Each kind's sheet name stem (the period follows it). */
export const SHEET_NAMES: Record<ReportKind, string> = {
  payroll: '薪酬发放表',
  staffing: '配备情况统计表',
  ratings: '考核结果汇总表',
  funding: '财政补助测算表',
  worker: '个人核定表',
  retirement: '退休到龄名单',
};

const nameOf = (data: ReportData) => `${SHEET_NAMES[data.kind]} ${data.period}`;
const place = (w: { county: string; street: string; community: string }) => [w.county, w.street, w.community].filter(Boolean).join(' ');

/** The workers whose pay could not be computed, under the main table (as on the PDF). */
function unassessed(s: SheetWriter, ws: WorkerLine[]): void {
  const bad = ws.filter((w) => !w.pay);
  if (!bad.length) return;
  s.blank();
  s.line(`未能核算的职工（${bad.length}人，不计入上表合计）`, 'section');
  const last = s.columns - 3;
  const h = s.row(['行号', '区县 街道 社区', '姓名', '原因（请更正花名册后重新生成）'], 'header');
  s.merge(h, 3, last);
  for (const w of bad) {
    const r = s.row([w.row, place(w), w.name, w.error ?? ''], 'body');
    s.merge(r, 3, last);
  }
}

/** 社区工作者薪酬发放表: by street and community, one row per worker, subtotals, totals, signatures. */
export function payrollSheet(data: ReportData): ReportSheet {
  const items = data.itemNames ?? [];
  const fixed = ['序号', '姓名', '岗位类别', '等级', '计龄(年)'];
  const headings = [...fixed, ...items, '应发合计', '领取人签字'];
  const s = new SheetWriter(headings.length);
  s.titleBlock(data, ['金额单位：元；各项由 cwkit 政策引擎按上列政策逐人计算，每项四舍五入至分，合计为各项之和。']);
  s.headings(headings);
  const span = fixed.length;
  const sumRow = (label: string, x: ReturnType<typeof sums>, role: 'subtotal' | 'total') => {
    const r = s.row([label, null, null, null, null, ...x.items.map(amount), amount(x.total), null], role);
    s.merge(r, 0, span);
  };
  let seq = 0;
  for (const st of groups(data.workers)) {
    s.line(`${st.county}　${st.street}`, 'group');
    for (const c of st.communities) {
      s.line(c.community, 'group');
      for (const w of c.workers) {
        seq++;
        if (!w.pay) continue;
        s.row([seq, w.name, w.post ?? '', w.pay.grade ?? '—', w.pay.years, ...items.map((it) => amount(amountOf(w, it))), amount(w.pay.total), null], 'body');
      }
      const cs = sums(c.workers, items);
      sumRow(`${c.community}小计（${cs.count}人）`, cs, 'subtotal');
    }
    const ss = sums(st.communities.flatMap((c) => c.workers), items);
    sumRow(`${st.county} ${st.street}合计（${ss.count}人）`, ss, 'total');
  }
  const gs = sums(data.workers, items);
  sumRow(`总计（${gs.count}人）`, gs, 'total');
  unassessed(s, data.workers);
  s.signatures();
  const money = [...items.map((_, i) => span + i), span + items.length];
  return s.done(data, { name: nameOf(data), widths: [6, 10, 12, 6, 8, ...items.map(() => 12), 13, 12], landscape: true, moneyColumns: money });
}

function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}–${max}`;
  if (min !== null) return `≥${min}`;
  if (max !== null) return `≤${max}`;
  return '—';
}

/** Actual over the requirement, in percent to one decimal (as the PDF's 比率). */
function ratioText(l: StaffingLine): string {
  const base = l.min ?? l.max;
  if (l.actual === null || base === null || base === 0) return '—';
  return `${Math.round((l.actual / base) * 1000) / 10}%`;
}

/** 社区工作者配备情况统计表: required versus actual per county and community. */
export function staffingSheet(data: ReportData): ReportSheet {
  const lines = data.staffing ?? [];
  const s = new SheetWriter(8);
  const bad = lines.filter((l) => l.status === '不足' || l.status === '超出').length;
  s.titleBlock(data, [`共核对 ${lines.length} 项，其中不符合 ${bad} 项。应配人数由政策的配备标准按社区表、区县表的户数和人口计算，实有人数按花名册统计（与 cw check 同一口径）。`]);
  s.headings(['单位', '项目', '应配(人)', '实有', '比率', '结论', '依据', '统计口径']);
  const row = (l: StaffingLine, unit: string) =>
    s.row([unit, l.what, rangeText(l.min, l.max), l.actual ?? '—', ratioText(l), l.status + (l.severity === 'warning' ? '（提示）' : ''), `${l.basis}（${l.citation}）`, l.how], 'body');
  const county = lines.filter((l) => l.scope === 'county');
  const community = lines.filter((l) => l.scope === 'community');
  s.line('一、区县（开发区）', 'section');
  if (county.length) for (const l of county) row(l, l.county || '（未填区县）');
  else s.line(`${data.policyDoc || data.policyName}未规定区县一级的配备总量，区县不单独核对。`, 'note');
  s.line('二、社区', 'section');
  if (community.length) for (const l of community) row(l, `${l.street} ${l.community}`);
  else s.line(`${data.policyDoc || data.policyName}未规定社区一级的配备标准（只规定区县总量），社区不单独核对。`, 'note');
  s.signatures();
  return s.done(data, { name: nameOf(data), widths: [18, 18, 9, 7, 8, 10, 40, 30], landscape: true });
}


/** 年度考核结果汇总表: the rating distribution per unit and year, with the 优秀 quota check. */
export function ratingsSheet(data: ReportData): ReportSheet {
  const words = data.ratingWords;
  const order: Rating[] = ['优秀', '合格', '基本合格', '不合格'];
  const lines = data.ratings ?? [];
  const headings = ['区县', '街道', '考核单位', '年度', '参加考核', ...order.map((r) => words[r]), '未考核', '优秀比例', '优秀名额', '优秀比例核对'];
  const s = new SheetWriter(headings.length);
  const quotaUnit = lines.find((l) => l.quota !== null);
  s.titleBlock(data, [quotaUnit ? `优秀名额按${data.policyName}的规定逐单位逐年计算：${quotaUnit.quotaBasis}。` : `${data.policyDoc || data.policyName}未规定优秀等次比例，本表只汇总等次分布。`]);
  s.headings(headings);
  const pct = (a: number, b: number) => (b ? `${(Math.round((a / b) * 1000) / 10).toFixed(1)}%` : '—');
  for (const l of lines) {
    const verdict = l.ok === null ? l.quotaBasis : l.ok ? `符合（不超过 ${l.quota} 人）` : `超出 ${l.counts['优秀'] - l.quota!} 人`;
    s.row([l.county, l.street, l.unit, l.year, l.rated, ...order.map((r) => l.counts[r]), l.unrated, pct(l.counts['优秀'], l.rated), l.quota ?? '—', verdict], 'body');
  }
  for (const year of data.ratingYears ?? []) {
    const ys = lines.filter((l) => l.year === year);
    const c = (r: Rating) => ys.reduce((n, l) => n + l.counts[r], 0);
    const rated = ys.reduce((n, l) => n + l.rated, 0);
    const over = ys.filter((l) => l.ok === false).length;
    const r = s.row([`${year}年度合计`, null, null, null, rated, ...order.map(c), ys.reduce((n, l) => n + l.unrated, 0), pct(c('优秀'), rated), null, ys.some((l) => l.quota !== null) ? `超出名额的单位 ${over} 个` : ''], 'total');
    s.merge(r, 0, 4);
  }
  if (!lines.length) s.line('花名册中没有年度考核等次（考核YYYY 列）。', 'body');
  s.signatures();
  return s.done(data, { name: nameOf(data), widths: [12, 12, 16, 6, 8, 7, 7, 8, 7, 7, 9, 9, 26], landscape: true });
}

/** 财政补助测算表: the higher level's share of the pay bill, where the policy sets one. */
export function fundingSheet(data: ReportData): ReportSheet {
  const f = data.funding!;
  const yearly = (m: string | null): SheetValue => (m === null ? '—' : amount(fenText(new Decimal(m).times(12))));
  const shareLabel = f.shareLabel;
  const restLabel = f.restLabel;
  const s = new SheetWriter(8);
  const unpaid = data.workers.filter((w) => !w.pay).length;
  s.titleBlock(data, [
    `${f.statement}（${f.citation}）`,
    '月薪酬总额为各区县在册职工按本政策逐人测算的应发合计（cwkit 政策引擎），金额单位：元。' + (unpaid ? `另有 ${unpaid} 人因数据不全未能测算，未计入（名单附后）。` : ''),
  ]);
  s.headings(['区县', '在册人数', '月薪酬总额', '补助标准', `${shareLabel}（月）`, `${shareLabel}（年）`, `${restLabel}（月）`, '测算依据']);
  for (const l of f.lines) {
    s.row([l.county, l.heads, amount(l.bill), l.ratio, l.share === null ? '—' : amount(l.share), yearly(l.share), l.rest === null ? '—' : amount(l.rest), l.basis + (l.warning ? `\n${l.warning}` : '')], 'body');
  }
  s.row(['合计', f.total.heads, amount(f.total.bill), null, f.total.share === null ? '—' : amount(f.total.share), yearly(f.total.share), f.total.rest === null ? '—' : amount(f.total.rest), null], 'total');
  if (!f.lines.some((l) => l.share !== null)) s.line(`本政策文件未规定上级财政补助比例：“${shareLabel}”各栏不适用，以“—”表示。`, 'section');
  unassessed(s, data.workers);
  s.signatures();
  return s.done(data, { name: nameOf(data), widths: [14, 9, 14, 12, 14, 15, 14, 40], landscape: true, moneyColumns: [2, 4, 5, 6] });
}

/** 个人岗位等级薪酬核定表: one printed page per worker with facts, grade, items and the trace. */
export function workerSheet(data: ReportData): ReportSheet {
  const s = new SheetWriter(6);
  // The report's title and meta rows repeat on every page; each worker starts a new page.
  s.titleBlock(data);
  const titleRows: [number, number] = [1, 3];
  const pair = (cells: SheetValue[]) => s.row(cells, 'body');
  data.workers.forEach((w, i) => {
    if (i > 0) s.pageBreak();
    const ratings = w.ratings.map((r) => `${r.year} ${r.rating}`).join('，') || '无';
    s.line(`${w.name}（花名册第 ${w.row} 行）`, 'section');
    pair(['姓名', w.name, '性别', w.sex ?? '', '身份证号', w.idNumber]);
    const unit = pair(['所在单位', place(w), null, null, '出生日期', w.birthDate ?? '']);
    s.merge(unit, 1, 3);
    pair(['岗位类别', w.post ?? '（无法确定）', '职务', w.title, '入职日期', w.entryDate ?? '（空）']);
    pair(['学历', w.education ?? '', '学位', w.degree ?? '', '职业资格', w.certificate ?? '无']);
    const rated = pair(['年度考核', ratings, null, null, '花名册行号', w.row]);
    s.merge(rated, 1, 3);
    pair(['计龄年限', w.pay ? `${w.pay.years} 年` : '—', '岗位等级', w.pay ? (w.pay.grade === null ? '本政策不设等级' : `${w.pay.grade} 级`) : '—', '月应发合计（元）', w.pay ? amount(w.pay.total) : '—']);
    if (w.pay) {
      s.line('薪酬项目（元/月）', 'section');
      s.row(['项目', '金额', '项目', '金额', null, null], 'header');
      const cells: SheetValue[][] = [...w.pay.items.map((it) => [it.name, amount(it.amount)]), ['合计', amount(w.pay.total)]];
      for (let k = 0; k < cells.length; k += 2) s.row([...cells[k], ...(cells[k + 1] ?? [null, null])], k + 2 >= cells.length ? 'total' : 'body');
      const warnings = w.pay.warnings.filter((m) => !data.notes.includes(m));
      for (const m of warnings) s.line(`提示：${m}`, 'note');
      s.line('计算过程与依据', 'section');
      const h = s.row(['序', '步骤', '结果', null, null, '依据'], 'header');
      s.merge(h, 2, 3);
      w.pay.trace.forEach((t, k) => {
        const r = s.row([k + 1, t.step, t.reading ? `${t.value}\n解读：${t.reading}` : t.value, null, null, t.source], 'body');
        s.merge(r, 2, 3);
      });
    } else {
      s.line('未能核定', 'section');
      s.line(w.error ?? '', 'body');
      s.line('请更正花名册中该职工的数据后重新生成。', 'note');
    }
    s.blank();
    s.row(['本人确认：＿＿＿＿', null, '制表人：＿＿＿＿', '审核人：＿＿＿＿', '负责人：＿＿＿＿', null], 'sign');
  });
  if (!data.workers.length) s.line('没有职工。', 'section');
  return s.done(data, { name: nameOf(data), widths: [12, 22, 12, 18, 14, 30], landscape: false, textColumns: [5], titleRows });
}

/** 退休到龄名单: workers reaching statutory retirement within the window (and those past it). */
export function retirementSheet(data: ReportData): ReportSheet {
  const r = data.retirement!;
  const headings = ['序号', '区县', '街道', '社区', '姓名', '性别', '出生日期', '岗位类别 / 职务', '原退休年龄', '延迟(月)', '法定退休年龄', '退休日期', '距计算日', '状态'];
  const s = new SheetWriter(headings.length);
  s.titleBlock(data, [
    `列出 ${data.asOf} 至 ${r.until}（${r.months} 个月内）达到法定退休年龄的职工，以及计算日已超过法定退休年龄仍在花名册中的职工，共 ${r.lines.length} 人。`,
    '法定退休年龄按《国务院关于渐进式延迟法定退休年龄的办法》（2025-01-01施行）：男原60周岁，女原55周岁（管理和专业技术岗位）或50周岁，按出生月份逐步延迟。出生日期、性别缺失时按身份证号补足；两者都无法确定的职工不列入。',
  ]);
  s.headings(headings);
  r.lines.forEach((l, i) => {
    const w = l.worker;
    s.row([i + 1, w.county, w.street, w.community, w.name, w.sex ?? '', w.birthDate ?? '', [w.post, w.title].filter(Boolean).join(' / '), l.originalAge, l.delayMonths, l.ageText, l.date, l.overdue ? `已过${-l.monthsLeft}个月` : `${l.monthsLeft}个月`, l.overdue ? '已到龄' : '将到龄'], 'body');
  });
  if (!r.lines.length) s.line(`${data.asOf} 至 ${r.until} 没有达到法定退休年龄的职工。`, 'body');
  s.signatures();
  return s.done(data, { name: nameOf(data), widths: [5, 10, 12, 12, 8, 5, 11, 16, 9, 8, 14, 11, 10, 8], landscape: true });
}

const BUILDERS: Record<ReportKind, (d: ReportData) => ReportSheet> = {
  payroll: payrollSheet,
  staffing: staffingSheet,
  ratings: ratingsSheet,
  funding: fundingSheet,
  worker: workerSheet,
  retirement: retirementSheet,
};

/** The worksheet of a prepared report. */
export function buildReportSheet(data: ReportData): ReportSheet {
  return BUILDERS[data.kind](data);
}
