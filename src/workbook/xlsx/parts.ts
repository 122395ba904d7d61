/**
 * The workbook-level parts of an .xlsx a reader needs before the sheets (ECMA-376 Part 1 §18.2,
 * §18.4, §18.8): the sheet list with each sheet's part, the 1904 date system flag, which cell
 * styles are date formats, and the shared strings.
 */
import { attrOf, prefixOf, runsText, startTags } from './xml';

/** A sheet as the workbook part lists it, with its worksheet part (null for a chart sheet or a broken link). */
export interface SheetPart {
  name: string;
  part: string | null;
}

/** The directory of `path` inside the package ('xl/' for 'xl/workbook.xml'). */
function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** A relationship target resolved against the part it belongs to (absolute targets start at the package root). */
export function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The relationships part of `part` (xl/_rels/workbook.xml.rels for xl/workbook.xml). */
export function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

/** Id → target part, worksheets only, from a relationships part. */
export function worksheetTargets(relsXml: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of startTags(relsXml, 'Relationship', prefixOf(relsXml, 'Relationships'))) {
    const type = attrOf(tag, 'Type') ?? '';
    const id = attrOf(tag, 'Id');
    const target = attrOf(tag, 'Target');
    if (id && target && type.endsWith('/worksheet') && attrOf(tag, 'TargetMode') !== 'External') out.set(id, resolveTarget(base, target));
  }
  return out;
}

/** The sheets in workbook order and the date system. */
export function workbookSheets(workbookXml: string, targets: Map<string, string>): { sheets: SheetPart[]; date1904: boolean } {
  const p = prefixOf(workbookXml, 'workbook');
  const sheets: SheetPart[] = [];
  for (const tag of startTags(workbookXml, 'sheet', p)) {
    const rid = attrOf(tag, 'r:id') ?? /\s[\w]+:id\s*=\s*["']([^"']*)/.exec(tag)?.[1] ?? null;
    sheets.push({ name: attrOf(tag, 'name') ?? '', part: (rid && targets.get(rid)) ?? null });
  }
  let date1904 = false;
  for (const tag of startTags(workbookXml, 'workbookPr', p)) {
    const v = attrOf(tag, 'date1904');
    date1904 = v === '1' || v === 'true';
  }
  return { sheets, date1904 };
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30: 14–22, 45–47), as exceljs reads them. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule for a date format code: date letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (a cell's `s`), whether its number format is a date. */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const p = prefixOf(stylesXml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const tag of startTags(stylesXml, 'numFmt', p)) custom.set(Number(attrOf(tag, 'numFmtId')), attrOf(tag, 'formatCode') ?? '');
  const start = stylesXml.indexOf(`<${p}cellXfs`);
  if (start < 0) return [];
  const end = stylesXml.indexOf(`</${p}cellXfs>`, start);
  const xfs = stylesXml.slice(start, end < 0 ? undefined : end);
  const out: boolean[] = [];
  for (const tag of startTags(xfs, 'xf', p)) {
    const id = Number(attrOf(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
  }
  return out;
}

/** The shared strings, in order (rich text joined, phonetic runs left out). */
export function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const p = prefixOf(xml, 'sst');
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const out: string[] = [];
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 1)) {
    const k = xml.charCodeAt(i + open.length);
    if (k !== 62 && k !== 32 && k !== 47) continue;
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) { out.push(''); i = gt; continue; } // <si/>
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out.push(runsText(xml.slice(gt + 1, end), p));
    i = end;
  }
  return out;
}
