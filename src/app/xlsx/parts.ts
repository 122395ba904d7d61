/**
 * The parts of an .xlsx package the app reads and writes (ECMA-376 Part 1): where the workbook
 * part is, its sheets with their relationship targets, and small XML helpers. The app works on
 * the XML text itself so every part it does not change is written back byte for byte.
 */
import type JSZip from 'jszip';
import { nextStartTag, startTags } from './scan';

/** The hidden sheet where the app keeps its settings (policy, column mapping) inside the workbook. */
export const SETTINGS_SHEET = 'cwkit设置';
/** Cell A1 of that sheet, so a clerk's own sheet of the same name is never taken for it. */
export const SETTINGS_MARK = 'cwkit 设置（由 cwkit 写入，请勿修改）';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** One sheet as the workbook part lists it. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part's path in the zip (e.g. xl/worksheets/sheet1.xml); null for a chart sheet or a broken link. */
  part: string | null;
}

/** The workbook part and what it lists. */
export interface WorkbookParts {
  workbookPath: string;
  workbookXml: string;
  relsPath: string;
  relsXml: string;
  sheets: SheetEntry[];
  date1904: boolean;
}

/** The workbook could not be read: `message` is Chinese and says what to do. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

const DAMAGED = '文件已损坏或不是完整的 Excel 工作簿。请在 Excel 或 WPS 中打开它（如能打开，选择“文件 → 另存为 → Excel 工作簿（*.xlsx）”），再打开另存的文件。';

/** Decodes XML character and entity references. */
export function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : "'";
  });
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEncode(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One compiled pattern per attribute name: the sheet scan asks for r, s and t of every cell. */
const ATTR_RE = new Map<string, RegExp>();

/** An attribute of a tag's attribute text, decoded (null when absent). Prefixed names (r:id) are given whole. */
export function attr(attrs: string, name: string): string | null {
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? xmlDecode(m[2] ?? m[3] ?? '') : null;
}

/** The text of a zip entry, or null when there is none. */
export async function text(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async('string') : null;
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The rels part of a part (xl/workbook.xml → xl/_rels/workbook.xml.rels). */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The prefix a document binds to a namespace in its root element ('' for the default namespace; null when unbound). */
export function prefixOf(xml: string, ns: string): string | null {
  // The `>` is optional so that a root tag left open is scanned once, not from every later `<`.
  const root = /<(?:[\w.-]+:)?[\w.-]+\s[^>]*(>?)/.exec(xml.slice(xml.indexOf('<', xml.startsWith('<?') ? xml.indexOf('?>') : 0)));
  const head = root && root[1] ? root[0] : xml.slice(0, 2000);
  const re = /xmlns(?::([\w.-]+))?\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(head); m; m = re.exec(head)) if (m[2] === ns) return m[1] ?? '';
  return null;
}

/** Reads the workbook part and its sheet list. Throws {@link XlsxError} when the package is not a workbook. */
export async function workbookParts(zip: JSZip): Promise<WorkbookParts> {
  const rootRels = await text(zip, '_rels/.rels');
  let workbookPath = 'xl/workbook.xml';
  if (rootRels) {
    const m = startTags(rootRels, 'Relationship').find((t) => (attr(t.attrs, 'Type') ?? '').endsWith('/officeDocument'));
    const target = m ? attr(m.attrs, 'Target') : null;
    if (target) workbookPath = resolveTarget('', target);
  }
  const workbookXml = await text(zip, workbookPath);
  if (workbookXml === null) {
    if (zip.file('word/document.xml')) throw new XlsxError('这是 Word 文档（.docx），不是 Excel 工作簿。请选择 .xlsx 花名册。');
    if (zip.file('ppt/presentation.xml')) throw new XlsxError('这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。请选择 .xlsx 花名册。');
    throw new XlsxError(DAMAGED);
  }
  const relsPath = relsPathOf(workbookPath);
  const relsXml = (await text(zip, relsPath)) ?? '';
  const targets = new Map<string, { type: string; target: string }>();
  for (const t of startTags(relsXml, 'Relationship')) {
    const id = attr(t.attrs, 'Id');
    const target = attr(t.attrs, 'Target');
    if (id && target) targets.set(id, { type: attr(t.attrs, 'Type') ?? '', target });
  }
  const relPrefix = prefixOf(workbookXml, NS_REL) ?? 'r';
  const sheets: SheetEntry[] = [];
  for (const t of startTags(workbookXml, 'sheet')) {
    const a = t.attrs;
    const relId = attr(a, relPrefix ? `${relPrefix}:id` : 'id') ?? '';
    const rel = targets.get(relId);
    const state = attr(a, 'state');
    sheets.push({
      name: attr(a, 'name') ?? '',
      sheetId: Number(attr(a, 'sheetId') ?? 0),
      relId,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      part: rel && rel.type === REL_WORKSHEET ? resolveTarget(workbookPath, rel.target) : null,
    });
  }
  const pr = nextStartTag(workbookXml, 'workbookPr');
  const d = pr ? attr(pr.attrs, 'date1904') : null;
  return { workbookPath, workbookXml, relsPath, relsXml, sheets, date1904: d === '1' || d === 'true' };
}

export { DAMAGED };
