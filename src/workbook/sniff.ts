/**
 * What a file really is, from its first bytes (never its name), so a clerk who gives an old .xls,
 * a password-protected workbook (Excel encrypts an .xlsx inside an OLE compound file), a .csv or a
 * damaged file is told exactly that and what to do, instead of a zip library's
 * `invalid signature: 0x…`. Pure: reads through a {@link ByteSource}; `cw check`/`cw report` use
 * {@link notWorkbookError}, the local app {@link sniffWorkbook} on a dropped file's bytes.
 */
import { CwError } from '../engine/errors';
import { ByteSource, bytesSource, u16, u32 } from './bytes';

/** The kinds of file a clerk may give in place of an .xlsx workbook. */
export type FileKind =
  | 'xlsx'
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'ole'
  | 'ods'
  | 'docx'
  | 'zip'
  | 'zip-damaged'
  | 'xml-2003'
  | 'html'
  | 'pdf'
  | 'csv'
  | 'text'
  | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, bytes: number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

/**
 * Stream names in an OLE compound file's root directory (Workbook/Book for .xls,
 * EncryptionInfo/EncryptedPackage for a password-protected .xlsx). The directory chain is
 * followed through the FAT, at most 4,096 sectors; an unreadable directory gives what was read.
 */
export function oleStreamNames(src: ByteSource): string[] {
  const header = src.read(0, 512);
  if (header.length < 512) return [];
  const shift = u16(header, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const perFat = sectorSize / 4;
  const difat: number[] = [];
  for (let i = 0; i < 109; i++) difat.push(u32(header, 0x4c + i * 4));
  const sectorAt = (n: number) => src.read((n + 1) * sectorSize, sectorSize);
  const next = (n: number): number => {
    const fatSector = difat[Math.floor(n / perFat)];
    if (fatSector === undefined || fatSector >= 0xfffffffa) return 0xfffffffe;
    const fat = sectorAt(fatSector);
    const at = (n % perFat) * 4;
    return at + 4 <= fat.length ? u32(fat, at) : 0xfffffffe;
  };
  const names: string[] = [];
  let sector = u32(header, 0x30);
  for (let guard = 0; sector < 0xfffffffa && guard < 4096; guard++) {
    const dir = sectorAt(sector);
    if (dir.length < sectorSize) break;
    for (let e = 0; e + 128 <= dir.length; e += 128) {
      const length = u16(dir, e + 0x40);
      if (length < 2 || length > 64) continue;
      let name = '';
      for (let c = 0; c < length - 2; c += 2) name += String.fromCharCode(u16(dir, e + c));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}

/** Names of the entries in a zip's local headers near the start (enough to tell .xlsx from .docx or .ods). */
function localNames(head: Uint8Array): string[] {
  const names: string[] = [];
  for (let p = 0; p + 30 <= head.length && u32(head, p) === 0x04034b50 && names.length < 64; ) {
    const nameLength = u16(head, p + 26);
    const extraLength = u16(head, p + 28);
    names.push(new TextDecoder().decode(head.subarray(p + 30, p + 30 + nameLength)));
    const flags = u16(head, p + 6);
    const size = u32(head, p + 18);
    if (flags & 8) break; // sizes follow the data: stop rather than guess
    p += 30 + nameLength + extraLength + size;
  }
  return names;
}

/** Whether `b` holds `text` encoded as UTF-16LE (a compound file whose directory could not be followed). */
function hasUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const limit = b.length - text.length * 2;
  for (let i = 0; i <= limit; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    let k = 1;
    while (k < text.length && b[i + 2 * k] === text.charCodeAt(k) && b[i + 2 * k + 1] === 0) k++;
    if (k === text.length) return true;
  }
  return false;
}

/** True when the bytes look like text (no NULs, mostly printable). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / head.length < 0.01;
}

/** Decodes a text head as UTF-8, or as GB18030 (Excel's Chinese CSV) when it is not valid UTF-8. */
function textOf(head: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(head);
    } catch {
      return new TextDecoder('latin1').decode(head);
    }
  }
}

/** The kind of file, from its first bytes (and, for OLE files, their directory). */
export function sniffFile(src: ByteSource): FileKind {
  if (src.size === 0) return 'empty';
  const head = src.read(0, 8192);
  if (startsWith(head, OLE_MAGIC)) {
    const names = oleStreamNames(src);
    if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return 'encrypted';
    if (names.includes('Workbook') || names.includes('Book')) return 'xls';
    if (names.length > 0) return 'ole';
    // No readable directory: look for the names in the first 64 KB, else take it for an .xls.
    const more = src.read(0, 65536);
    return hasUtf16(more, 'EncryptionInfo') || hasUtf16(more, 'EncryptedPackage') ? 'encrypted' : 'xls';
  }
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip-damaged'; // an empty zip
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = localNames(head);
    const text = new TextDecoder('latin1').decode(head);
    if (names[0] === 'mimetype' && text.includes('opendocument.spreadsheet')) return 'ods';
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/') || n === '[Content_Types].xml')) return 'xlsx';
    return names.length ? 'zip' : 'zip-damaged';
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (!looksLikeText(head)) return 'unknown';
  const text = textOf(head).replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^<\?xml/i.test(text) && /urn:schemas-microsoft-com:office:spreadsheet/.test(text)) return 'xml-2003';
  if (/^<(!doctype html|html|table)\b/i.test(text) || /<html\b/i.test(text.slice(0, 512))) return 'html';
  const first = text.split(/\r?\n/, 1)[0];
  if (/[,，\t;]/.test(first)) return 'csv';
  return 'text';
}

const SAVE_AS = '请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再用另存的 .xlsx 文件。';

/**
 * What to tell the clerk about a file of this kind, naming it as `name` (“花名册.xls”), or null
 * when it is (or may be: a zip whose damage only the reader will find) an .xlsx workbook.
 */
export function notWorkbookText(kind: FileKind, name: string): string | null {
  switch (kind) {
    case 'xlsx': case 'zip': return null;
    case 'empty': return `${name}是空文件（0 字节），不是 Excel 工作簿。请确认文件已保存完整，再选择 .xlsx 花名册。`;
    case 'xls': return `${name}是旧版 Excel 97-2003 工作簿（.xls），cwkit 只读取 .xlsx。${SAVE_AS}`;
    case 'encrypted': return `${name}设置了打开密码（已加密），无法读取加密的工作簿。请在 Excel 中打开它，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再重试。`;
    case 'ole': return `${name}是旧版 Office 文档（如 .doc），不是 .xlsx 工作簿。${SAVE_AS}`;
    case 'ods': return `${name}是 OpenDocument 表格（.ods），cwkit 只读取 .xlsx。${SAVE_AS.replace('Excel 或 WPS', 'WPS 或 LibreOffice')}`;
    case 'docx': return `${name}是 Word 文档，不是 Excel 工作簿。请选择花名册的 .xlsx 文件。`;
    case 'zip-damaged': return `${name}已损坏（zip 结构不完整），无法作为 Excel 工作簿读取。请在 Excel 中打开它，如能打开，另存为新的 .xlsx 文件后再试。`;
    case 'xml-2003': return `${name}是 Excel 2003 XML 表格，不是 .xlsx 工作簿。${SAVE_AS}`;
    case 'html': return `${name}是网页（HTML）格式的表格（常见于系统导出的“.xls”），不是 .xlsx 工作簿。${SAVE_AS}`;
    case 'pdf': return `${name}是 PDF 文件，不是 Excel 工作簿。请选择花名册的 .xlsx 文件。`;
    case 'csv': return `${name}是文本文件（如 CSV），不是 Excel 工作簿：日期、身份证号等在文本中可能已经变形。${SAVE_AS.replace('再用另存的 .xlsx 文件', '核对日期和身份证号后再用另存的 .xlsx 文件')}`;
    case 'text': return `${name}是文本文件，不是 Excel 工作簿。${SAVE_AS}`;
    default: return `${name}不是 Excel 工作簿（.xlsx），也不是能识别的表格文件。请选择用 Excel 或 WPS 保存的 .xlsx 花名册。`;
  }
}

/** The INVALID_WORKBOOK error for a file that is not an .xlsx workbook, or null (see {@link notWorkbookText}). */
export function notWorkbookError(kind: FileKind, file: string): CwError | null {
  const text = notWorkbookText(kind, `“${file}”`);
  return text === null ? null : new CwError('INVALID_WORKBOOK', text, 'file');
}

/** A file's kind and, when it cannot be opened as an .xlsx, what to tell the clerk. */
export interface Sniffed {
  kind: FileKind;
  /** Chinese: what the file is and what to do. Absent for a zip that may be an .xlsx. */
  message?: string;
}

/** Sniffs a whole file's bytes (the local app's dropped file); `fileName` names it in the message. */
export function sniffWorkbook(bytes: Uint8Array, fileName = ''): Sniffed {
  const kind = sniffFile(bytesSource(bytes));
  const message = notWorkbookText(kind, fileName ? `“${fileName}”` : '这个文件');
  return message === null ? { kind } : { kind, message };
}
