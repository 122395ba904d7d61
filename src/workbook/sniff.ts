/**
 * What kind of file the clerk chose, from its first bytes (never its name): a zip is an .xlsx
 * (or another zip-based format), an OLE compound file is an old .xls or an encrypted workbook
 * (Excel encrypts .xlsx inside a compound file), text is a CSV. Pure: the app runs it on the
 * bytes of a dropped file; the message says what to do, in Chinese.
 */

/** The kinds a file can be. */
export type FileKind = 'xlsx' | 'xls' | 'encrypted' | 'csv' | 'ods' | 'empty' | 'unknown';

/** A file's kind and, when it cannot be opened as an .xlsx, what to tell the clerk. */
export interface Sniffed {
  kind: FileKind;
  /** Chinese: what the file is and what to do. Absent for a zip that may be an .xlsx. */
  message?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/** Whether `b` holds `text` encoded as UTF-16LE (compound-file directory names are). */
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

const SAVE_AS = '请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再打开另存的文件。';

/** Sniffs a file's bytes (the whole file, or at least its first 64 KB for a compound file's directory). */
export function sniffWorkbook(bytes: Uint8Array, fileName = ''): Sniffed {
  const name = fileName ? `“${fileName}”` : '这个文件';
  if (bytes.length === 0) return { kind: 'empty', message: `${name}是空文件（0 字节），不是 Excel 工作簿。请选择保存好的 .xlsx 花名册。` };
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) {
      return { kind: 'ods', message: `${name}是 OpenDocument 表格（.ods）。${SAVE_AS.replace('Excel 或 WPS', 'WPS 或 LibreOffice')}` };
    }
    return { kind: 'xlsx' };
  }
  if (startsWith(bytes, CFB)) {
    if (hasUtf16(bytes, 'EncryptionInfo') || hasUtf16(bytes, 'EncryptedPackage')) {
      return { kind: 'encrypted', message: `${name}设置了打开密码（已加密），本页无法读取加密的工作簿。请在 Excel 中打开它，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再打开。` };
    }
    return { kind: 'xls', message: `${name}是旧版 Excel 97-2003 工作簿（.xls），本页只读取 .xlsx。${SAVE_AS}` };
  }
  // Text: no NUL bytes in the first 4 KB and mostly printable — a CSV or another text export.
  const head = bytes.subarray(0, 4096);
  if (!head.includes(0)) {
    return { kind: 'csv', message: `${name}是文本文件（如 CSV），不是 Excel 工作簿：日期、身份证号等在文本中可能已经变形。${SAVE_AS.replace('再打开另存的文件', '核对日期和身份证号后再打开另存的文件')}` };
  }
  return { kind: 'unknown', message: `${name}不是 Excel 工作簿（.xlsx），也不是能识别的表格文件。请选择用 Excel 或 WPS 保存的 .xlsx 花名册。` };
}
