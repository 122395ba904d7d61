/**
 * Saves the clerk's workbook with the app's changes, at the level of the package's parts: every
 * part the clerk did not change (their sheets, styles, shared strings, charts, pictures, macros'
 * companions…) is copied byte for byte; a cell typed into is replaced in its sheet's XML, keeping
 * its style; new sheets (检查结果, 薪酬计算, 计算过程, 参数表 …) are added as new worksheet parts
 * of plain values; the app's settings (policy, column mapping) go into one very hidden sheet, so
 * they travel with the file. Nothing of the clerk's is rewritten by a general-purpose writer.
 */
import JSZip from 'jszip';
import type { Cell } from '../../engine';
import type { ReportSheet } from '../../reports/sheet/types';
import { CT_WORKSHEET, DAMAGED, NS_MAIN, NS_REL, REL_WORKSHEET, SETTINGS_MARK, SETTINGS_SHEET, XlsxError, attr, prefixOf, text, workbookParts, xmlEncode } from './parts';
import { nextCloseTag, nextStartTag } from './scan';

/** A cell the clerk typed into (1-based row, 0-based column). */
export interface CellEdit {
  row: number;
  col: number;
  value: Cell;
}

/** A sheet the app adds. */
export interface AddedSheet {
  name: string;
  rows: Cell[][];
  /** The first rows are frozen (the header). */
  boldRows?: number;
  /** 0-based columns written as text even when a value is a number. */
  textColumns?: number[];
  /** A report sheet's layout: merged cells, column widths and how it prints (title rows, A4, one page wide, footer, page breaks). */
  layout?: Pick<ReportSheet, 'merges' | 'widths' | 'page'>;
}

/** What to save. */
export interface SaveRequest {
  /** The file as opened. */
  original: Uint8Array;
  /** Typed cells per worksheet part. */
  edits: Array<{ part: string; cells: CellEdit[] }>;
  added: AddedSheet[];
  /** The settings to keep in the workbook (key → JSON text). */
  settings: Array<[string, string]>;
  /** The settings sheet's part when the file already has one. */
  settingsPart: string | null;
}

/** A1 column letters of a 0-based column. */
export function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One cell's XML; `p` is the element prefix ('x:' or ''), `style` the kept s="…" attribute text. */
function cellXml(p: string, ref: string, value: Cell, style: string, asText: boolean): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined || value === '') return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === 'number' && !asText && Number.isFinite(value)) return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean' && !asText) return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlEncode(String(value))}</${p}t></${p}is></${p}c>`;
}

/** Replaces or inserts the edited cells of one row's content (cells stay in column order). */
function patchRow(content: string, rowNo: number, edits: CellEdit[], p: string): string {
  const byCol = new Map(edits.map((e) => [e.col, e]));
  let out = '';
  let at = 0;
  const pending = [...byCol.keys()].sort((a, b) => a - b);
  let k = 0;
  for (let m = nextStartTag(content, 'c'), from = 0; m; m = nextStartTag(content, 'c', from)) {
    const ref = attr(m.attrs, 'r');
    if (!ref) throw new XlsxError(`第${rowNo}行的单元格没有位置标记，无法只修改其中一格。请在 Excel 中打开并另存此文件后再试。`);
    const col = colOf(ref);
    // The next cell is looked for after this one's close, so a cell's content is scanned once.
    from = m.end;
    if (!m.selfClosing) {
      const e = nextCloseTag(content, 'c', from);
      if (!e) throw new XlsxError(DAMAGED);
      from = e.end;
    }
    while (k < pending.length && pending[k] < col) {
      out += content.slice(at, m.index) + cellXml(p, `${letters(pending[k])}${rowNo}`, byCol.get(pending[k])!.value, '', false);
      at = m.index;
      k++;
    }
    if (k < pending.length && pending[k] === col) {
      out += content.slice(at, m.index) + cellXml(p, ref, byCol.get(col)!.value, attr(m.attrs, 's') ?? '', false);
      at = from;
      k++;
    }
  }
  out += content.slice(at);
  for (; k < pending.length; k++) out += cellXml(p, `${letters(pending[k])}${rowNo}`, byCol.get(pending[k])!.value, '', false);
  return out;
}

function colOf(ref: string): number {
  let c = 0;
  for (const ch of ref) {
    const k = ch.charCodeAt(0);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

/** Applies typed cells to a worksheet's XML; everything else in it stays as it was. */
export function patchSheetXml(xml: string, cells: CellEdit[]): string {
  const rows = new Map<number, CellEdit[]>();
  for (const c of cells) {
    const list = rows.get(c.row) ?? [];
    const i = list.findIndex((x) => x.col === c.col);
    if (i >= 0) list[i] = c;
    else list.push(c);
    rows.set(c.row, list);
  }
  const open = nextStartTag(xml, 'sheetData');
  if (!open) throw new XlsxError(DAMAGED);
  const p = open.prefix;
  let body: string;
  let bodyStart: number;
  let bodyEnd: number;
  if (open.selfClosing) {
    bodyStart = open.index;
    bodyEnd = open.end;
    body = '';
  } else {
    bodyStart = open.end;
    bodyEnd = xml.indexOf(`</${p}sheetData>`, bodyStart);
    if (bodyEnd < 0) throw new XlsxError(DAMAGED);
    body = xml.slice(bodyStart, bodyEnd);
  }
  const wanted = [...rows.keys()].sort((a, b) => a - b);
  let out = '';
  let at = 0;
  let k = 0;
  let last = 0;
  const newRow = (n: number) => `<${p}row r="${n}">${patchRow('', n, rows.get(n)!, p)}</${p}row>`;
  for (let m = nextStartTag(body, 'row'), from = 0; m && k < wanted.length; m = nextStartTag(body, 'row', from)) {
    from = m.end;
    const r = attr(m.attrs, 'r');
    const n = r ? Number(r) : last + 1;
    last = n;
    while (k < wanted.length && wanted[k] < n) {
      out += body.slice(at, m.index) + newRow(wanted[k]);
      at = m.index;
      k++;
    }
    if (k < wanted.length && wanted[k] === n) {
      // `spans` is only a hint and may no longer cover the row's cells: drop it. One whitespace
      // character before the name (not `\s+`, which backtracks quadratically over a run of blanks).
      const attrs = m.attrs.replace(/\sspans\s*=\s*"[^"]*"/, '');
      if (m.selfClosing) {
        out += body.slice(at, m.index) + `<${p}row${attrs}>${patchRow('', n, rows.get(n)!, p)}</${p}row>`;
        at = m.end;
      } else {
        const close = body.indexOf(`</${p}row>`, m.end);
        if (close < 0) throw new XlsxError(DAMAGED);
        out += body.slice(at, m.index) + `<${p}row${attrs}>${patchRow(body.slice(m.end, close), n, rows.get(n)!, p)}</${p}row>`;
        at = close + `</${p}row>`.length;
        from = at;
      }
      k++;
    }
  }
  out += body.slice(at);
  for (; k < wanted.length; k++) out += newRow(wanted[k]);
  const data = open.selfClosing ? `<${p}sheetData>${out}</${p}sheetData>` : out;
  return xml.slice(0, bodyStart) + data + xml.slice(bodyEnd);
}

/** Pixels → Excel column width, roughly: CJK characters count double. */
function widthOf(rows: Cell[][], col: number): number {
  let w = 6;
  for (let i = 0; i < Math.min(rows.length, 200); i++) {
    const v = rows[i]?.[col];
    if (v === null || v === undefined) continue;
    let n = 0;
    for (const ch of String(v).split('\n')[0]) n += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
    w = Math.max(w, n + 2);
  }
  return Math.min(60, w);
}

/** A new worksheet part of plain values. */
export function sheetXml(sheet: AddedSheet): string {
  const text = new Set(sheet.textColumns ?? []);
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  const layout = sheet.layout;
  const frozen = layout ? layout.page.printTitleRows[1] : sheet.boldRows ?? 0;
  if (layout) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (width > 0) {
    parts.push('<cols>');
    for (let c = 0; c < width; c++) parts.push(`<col min="${c + 1}" max="${c + 1}" width="${layout?.widths[c] ?? widthOf(sheet.rows, c)}" customWidth="1"/>`);
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((r, i) => {
    if (!r.length) return;
    const n = i + 1;
    let row = `<row r="${n}">`;
    r.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      row += cellXml('', `${letters(c)}${n}`, v, '', text.has(c));
    });
    parts.push(row + '</row>');
  });
  parts.push('</sheetData>');
  if (layout) {
    const range = (m: { row: number; col: number; rows: number; cols: number }) => `${letters(m.col)}${m.row + 1}:${letters(m.col + m.cols - 1)}${m.row + m.rows}`;
    if (layout.merges.length) parts.push(`<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${range(m)}"/>`).join('')}</mergeCells>`);
    const page = layout.page;
    parts.push('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    // paperSize 9 is A4 (ECMA-376 Part 1, 18.3.1.63); fitToHeight 0: as many pages tall as it takes.
    parts.push(`<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="1" fitToHeight="0"/>`);
    parts.push(`<headerFooter><oddHeader>${xmlEncode(`&R${page.rightHeader.replace(/&/g, '&&')}`)}</oddHeader><oddFooter>${xmlEncode(`&C${page.centerFooter}`)}</oddFooter></headerFooter>`);
    const breaks = page.pageBreaksBefore.filter((r) => r > 1);
    if (breaks.length) parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  parts.push('</worksheet>');
  return parts.join('');
}

/** The settings sheet's rows. */
export function settingsRows(settings: Array<[string, string]>): Cell[][] {
  return [[SETTINGS_MARK, 'v1'], ...settings.map(([k, v]): Cell[] => [k, v])];
}

/** Saves the workbook with the changes; returns the new file's bytes. */
export async function saveXlsx(req: SaveRequest): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(req.original);
  } catch {
    throw new XlsxError(DAMAGED);
  }
  const parts = await workbookParts(zip);
  for (const e of req.edits) {
    if (!e.cells.length) continue;
    const xml = await text(zip, e.part);
    if (xml === null) throw new XlsxError(DAMAGED);
    zip.file(e.part, patchSheetXml(xml, e.cells));
  }
  const added = req.added.slice();
  let hideFrom = Infinity;
  if (req.settingsPart) zip.file(req.settingsPart, sheetXml({ name: SETTINGS_SHEET, rows: settingsRows(req.settings) }));
  else if (req.settings.length) {
    hideFrom = added.length;
    added.push({ name: SETTINGS_SHEET, rows: settingsRows(req.settings) });
  }
  if (added.length) {
    let workbookXml = parts.workbookXml;
    let relsXml = parts.relsXml || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    let types = (await text(zip, '[Content_Types].xml')) ?? '';
    if (!types.includes('</Types>')) throw new XlsxError(DAMAGED);
    const relIds = new Set([...relsXml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let sheetId = parts.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0);
    const names = new Set(parts.sheets.map((s) => s.name.toLowerCase()));
    const wbPrefix = prefixOf(workbookXml, NS_MAIN) ?? '';
    let relPrefix = prefixOf(workbookXml, NS_REL);
    if (relPrefix === null) {
      // Bind the relationships namespace on the root element so the new <sheet r:id> is valid.
      workbookXml = workbookXml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${NS_REL}"`);
      relPrefix = 'r';
    }
    const wp = wbPrefix ? `${wbPrefix}:` : '';
    const folder = parts.workbookPath.split('/').slice(0, -1).join('/');
    let entries = '';
    let rels = '';
    let overrides = '';
    let file = 1;
    added.forEach((sheet, i) => {
      if (names.has(sheet.name.toLowerCase())) throw new XlsxError(`工作簿中已有名为“${sheet.name}”的工作表。`);
      names.add(sheet.name.toLowerCase());
      while (zip.file(`${folder}/worksheets/sheet${file}.xml`)) file++;
      const path = `${folder}/worksheets/sheet${file}.xml`;
      zip.file(path, sheetXml(sheet));
      let r = 1;
      while (relIds.has(`rId${r}`)) r++;
      relIds.add(`rId${r}`);
      sheetId++;
      const state = i >= hideFrom ? ' state="veryHidden"' : '';
      entries += `<${wp}sheet name="${xmlEncode(sheet.name)}" sheetId="${sheetId}"${state} ${relPrefix ? `${relPrefix}:` : ''}id="rId${r}"/>`;
      rels += `<Relationship Id="rId${r}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${file}.xml"/>`;
      overrides += `<Override PartName="/${path}" ContentType="${CT_WORKSHEET}"/>`;
    });
    const close = `</${wp}sheets>`;
    if (!workbookXml.includes(close)) throw new XlsxError(DAMAGED);
    workbookXml = workbookXml.replace(close, entries + close);
    // Report sheets repeat their title rows on every printed page: a sheet-local _xlnm.Print_Titles name.
    const titles = added.flatMap((sheet, i) => {
      if (!sheet.layout) return [];
      const [first, last] = sheet.layout.page.printTitleRows;
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      return [`<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${parts.sheets.length + i}">${xmlEncode(`${quoted}!$${first}:$${last}`)}</${wp}definedName>`];
    });
    if (titles.length) {
      const endNames = `</${wp}definedNames>`;
      if (workbookXml.includes(endNames)) workbookXml = workbookXml.replace(endNames, titles.join('') + endNames);
      else {
        // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's order).
        const after = [new RegExp(`</${wp}externalReferences>`), new RegExp(`<${wp}functionGroups\\b[^>]*/>|</${wp}functionGroups>`), new RegExp(close)].map((re) => re.exec(workbookXml)).find((m) => m)!;
        const at = after.index + after[0].length;
        workbookXml = `${workbookXml.slice(0, at)}<${wp}definedNames>${titles.join('')}</${wp}definedNames>${workbookXml.slice(at)}`;
      }
    }
    relsXml = relsXml.replace(/<\/((?:\w+:)?)Relationships>/, (m, pre: string) => (pre ? rels.replace(/<Relationship /g, `<${pre}Relationship `) : rels) + m);
    types = types.replace('</Types>', overrides + '</Types>');
    zip.file(parts.workbookPath, workbookXml);
    zip.file(parts.relsPath, relsXml);
    zip.file('[Content_Types].xml', types);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
