/**
 * What every report shares: A4 pages, the embedded font, the title block, page numbers
 * "第 N 页 / 共 M 页", a running header, thin-ruled tables with repeated header rows, signature
 * lines, and a fixed document date (the period's first day) so the same input gives the same PDF.
 */
import type { ReportData } from './types';

/** The font name every report uses (assets/fonts/CwSansSC-Regular.ttf). */
export const FONT = 'CwSans';
/** The font file's name, as registered with pdfmake's virtual file system. */
export const FONT_FILE = 'CwSansSC-Regular.ttf';

// pdfmake's document definition is loosely typed JSON; these aliases keep the builders readable.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Node = any;
export type DocDefinition = Record<string, any>;

/** Table layout: thin grey rules, compact padding, a light fill on header rows. */
export const GRID_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};
/**
 * The register layout for long tables: a horizontal rule under every row, vertical rules only at
 * the frame and around the amount columns' block edges given by `node.table.vRules` (0-based
 * column boundaries). pdfmake draws every rule segment of every cell as its own path, so fewer
 * vertical rules is most of what makes a 5,000-row register fast.
 */
export const REGISTER_LAYOUT = {
  ...GRID_LAYOUT,
  vLineWidth: (i: number, node: { table: { widths: unknown[]; vRules?: number[] } }) =>
    i === 0 || i === node.table.widths.length || node.table.vRules?.includes(i) ? 0.5 : 0,
};
/** A layout with no rules, for the title block and signature lines. */
export const PLAIN_LAYOUT = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 };

/** Table layouts the renderer registers (pdfmake needs them by name so a doc definition stays plain JSON). */
export const TABLE_LAYOUTS = { cwGrid: GRID_LAYOUT, cwPlain: PLAIN_LAYOUT, cwRegister: REGISTER_LAYOUT };

/** Amount text with thousands separators, from the engine's two-decimal text (no floating point). */
export function money(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}

/** A header cell. */
export function th(text: string, extra: Node = {}): Node {
  return { text, style: 'th', ...extra };
}

/** A right-aligned number cell. */
export function num(text: string | number | null | undefined, extra: Node = {}): Node {
  return { text: text === null || text === undefined ? '' : String(text), alignment: 'right', ...extra };
}

/** The document date: the period's first day, midnight UTC (fixed, so output is reproducible). */
export function documentDate(data: ReportData): Date {
  const [y, m] = data.period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

/** The 政策依据 text of the title block: the document number with its title. */
export function policyLine(data: ReportData): string {
  const bare = data.policyTitle.replace(/^《|》$/g, '');
  return !data.policyDoc ? data.policyTitle : data.policyDoc.includes(bare) ? data.policyDoc : `${data.policyDoc}《${bare}》`;
}

/** The running header of every page after the first. */
export function runningHeader(data: ReportData): string {
  return `${data.title}　${data.jurisdiction}　${data.periodText}　${data.policyDoc || data.policyName}`;
}

/** The document's metadata (fixed dates: the same input gives the same bytes). */
export function documentInfo(data: ReportData, producer: string): { title: string; author: string; subject: string; keywords: string; creator: string; producer: string; creationDate: Date; modDate: Date } {
  const date = documentDate(data);
  return {
    title: `${data.title}（${data.periodText}）`,
    author: data.unit,
    subject: `${data.title} · ${data.policyName} · ${data.periodText}`,
    keywords: `${data.policyId} ${data.kind} ${data.period}`,
    creator: 'cwkit',
    producer,
    creationDate: date,
    modDate: date,
  };
}

/** The title block: report title, then policy, jurisdiction, period and unit. */
export function titleBlock(data: ReportData, extra: string[] = []): Node[] {
  const policy = policyLine(data);
  return [
    { text: data.title, style: 'title' },
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [{ text: `地区：${data.jurisdiction}　　单位：${data.unit}`, style: 'meta' }, { text: `期间：${data.periodText}（计算日期 ${data.asOf}）`, style: 'meta', alignment: 'right' }],
          [{ text: `政策依据：${policy}`, style: 'meta', colSpan: 2 }, ''],
        ],
      },
      layout: 'cwPlain',
      margin: [0, 0, 0, 4],
    },
    ...[...data.notes, ...extra].map((n) => ({ text: `注：${n}`, style: 'note' })),
  ];
}

/** 制表 / 审核 / 负责人 signature lines, with the date line. */
export function signatureLines(): Node {
  const line = (label: string) => ({ text: `${label}：＿＿＿＿＿＿＿＿`, style: 'sign' });
  return {
    margin: [0, 14, 0, 0],
    unbreakable: true,
    table: {
      widths: ['*', '*', '*', '*'],
      body: [[line('制表人'), line('审核人'), line('负责人'), { text: '日期：＿＿＿＿年＿＿月＿＿日', style: 'sign' }], [{ text: '（单位盖章）', style: 'sign', colSpan: 4, alignment: 'right', margin: [0, 10, 40, 0] }, '', '', '']],
    },
    layout: 'cwPlain',
  };
}

/** Wraps content into a full document definition: page, font, styles, running header, page numbers, metadata. */
export function documentOf(data: ReportData, content: Node[], options: { landscape?: boolean; compact?: boolean } = {}): DocDefinition {
  return {
    pageSize: 'A4',
    pageOrientation: options.landscape ? 'landscape' : 'portrait',
    pageMargins: options.compact ? [28, 30, 28, 30] : [32, 36, 32, 36],
    info: documentInfo(data, 'cwkit (pdfmake)'),
    header: (page: number) => (page === 1 ? null : { text: runningHeader(data), style: 'running', margin: [32, 16, 32, 0] }),
    footer: (page: number, pages: number) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, style: 'pageNo', margin: [0, 10, 0, 0] }),
    content,
    defaultStyle: { font: FONT, fontSize: 8, lineHeight: 1.1 },
    styles: {
      title: { fontSize: 16, alignment: 'center', margin: [0, 0, 0, 6], characterSpacing: 1 },
      meta: { fontSize: 8.5 },
      note: { fontSize: 7.5, color: '#444444', margin: [0, 0, 0, 2] },
      h2: { fontSize: 10.5, margin: [0, 8, 0, 3] },
      th: { fillColor: '#e8e8e8', alignment: 'center' },
      group: { fillColor: '#f4f4f4' },
      subtotal: { fillColor: '#f4f4f4' },
      total: { fillColor: '#dddddd' },
      sign: { fontSize: 9 },
      running: { fontSize: 7, color: '#666666', alignment: 'right' },
      pageNo: { fontSize: 8, alignment: 'center' },
      small: { fontSize: 7, color: '#444444' },
      reading: { fontSize: 6.3, color: '#444444' },
      bad: { color: '#b00000' },
    },
  };
}
