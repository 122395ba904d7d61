/**
 * Findings 5 and 7: hostile workbooks. Each file the issue tried — .xls, password-protected, .csv,
 * damaged, empty, cells without `r`, a zip that expands to gigabytes, a million rows — gets a
 * specific Chinese message before anything is expanded, and no worker data is left in a temp file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbook } from '../../src/workbook/read';
import { bytesSource } from '../../src/workbook/bytes';
import { DEFAULT_LIMITS, dimensionRows, guardWorkbook, zipEntries } from '../../src/workbook/guard';
import { notWorkbookError, sniffFile, sniffWorkbook } from '../../src/workbook/sniff';
import { CwError } from '../../src/engine';
import { runCw } from '../helpers/cw';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-hostile-books-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A minimal OLE compound file (512-byte sectors: FAT in sector 0, directory in sector 1) holding these stream names. */
export function compoundFile(streams: string[]): Buffer {
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 0x18); b.writeUInt16LE(3, 0x1a); b.writeUInt16LE(0xfffe, 0x1c);
  b.writeUInt16LE(9, 0x1e); b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(1, 0x2c); b.writeUInt32LE(1, 0x30); b.writeUInt32LE(4096, 0x38);
  b.writeUInt32LE(0xfffffffe, 0x3c); b.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) b.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = 512;
  for (let i = 0; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  b.writeUInt32LE(0xfffffffd, fat); b.writeUInt32LE(0xfffffffe, fat + 4);
  ['Root Entry', ...streams].forEach((name, k) => {
    const at = 1024 + k * 128;
    b.write(name, at, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    b[at + 0x42] = k === 0 ? 5 : 2;
  });
  return b;
}

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function errorOfRead(file: string, limits = DEFAULT_LIMITS): Promise<CwError> {
  try {
    await readWorkbook(file, { limits });
  } catch (e) {
    if (e instanceof CwError) return e;
    throw e;
  }
  throw new Error('expected a CwError');
}

/** An .xlsx whose sheet1.xml is replaced by `xml`. */
async function withSheetXml(name: string, xml: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.file('xl/worksheets/sheet1.xml', xml);
  return write(name, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const SHEET = (body: string, dimension = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${body}</sheetData></worksheet>`;

describe('files that are not an .xlsx: a specific Chinese message each (cw check and cw report)', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['old .xls', () => write('旧表.xls', compoundFile(['Workbook', '\u0005SummaryInformation'])), /是旧版 Excel 97-2003 工作簿（\.xls）[\s\S]*另存为[\s\S]*Excel 工作簿（\*\.xlsx）/],
    ['.xlsx renamed from .xls', () => write('改名.xlsx', compoundFile(['Book'])), /旧版 Excel 97-2003 工作簿/],
    ['password-protected .xlsx', () => write('加密.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])), /设置了打开密码（已加密）[\s\S]*清空密码/],
    ['a Word .doc', () => write('文档.xlsx', compoundFile(['WordDocument'])), /旧版 Office 文档/],
    ['.csv', () => write('花名册.csv', '\uFEFF姓名,身份证号,入职日期\n张三,110101199003071234,2015-03-01\n'), /是文本文件（如 CSV）/],
    ['.csv in GB18030 named .xlsx', () => write('导出.xlsx', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x41, 0x0a])), /是文本文件（如 CSV）/],
    ['an HTML table saved as .xls', () => write('系统导出.xls', '<html><body><table><tr><td>姓名</td></tr></table></body></html>'), /网页（HTML）格式的表格/],
    ['a PDF', () => write('报表.xlsx', '%PDF-1.7\n%\u00e2\u00e3\n'), /是 PDF 文件/],
    ['an empty file', () => write('空.xlsx', ''), /是空文件（0 字节）/],
    ['a damaged (truncated) .xlsx', () => write('截断.xlsx', fs.readFileSync(SAMPLE).subarray(0, 60_000)), /已损坏[\s\S]*另存为新的 \.xlsx/],
    ['an empty zip', () => write('空zip.xlsx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])), /已损坏（zip 结构不完整）/],
    ['random bytes', () => write('乱码.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /不是 Excel 工作簿/],
  ];
  test.each(cases)('%s', async (_what, make, message) => {
    const file = make();
    for (const args of [
      ['check', file, '--policy', 'benxi'],
      ['report', 'payroll', file, '--policy', 'benxi', '--out', path.join(tmp, `never-${path.basename(file)}.pdf`)],
    ]) {
      const r = await runCw(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toContain(file);
      expect(r.err).not.toMatch(/invalid signature|FILE_ENDED|内部错误|Error|undefined/);
    }
  });

  test('the directory of the compound file is read, not guessed: names past the first sector count', () => {
    expect(sniffFile(bytesSource(compoundFile(['Workbook'])))).toBe('xls');
    expect(sniffFile(bytesSource(compoundFile(['EncryptedPackage'])))).toBe('encrypted');
    expect(sniffFile(bytesSource(fs.readFileSync(SAMPLE)))).toBe('xlsx');
    expect(sniffWorkbook(new Uint8Array(0), 'a.xlsx').message).toMatch(/“a\.xlsx”是空文件/);
    expect(notWorkbookError('xlsx', 'x')).toBeNull();
  });

  test('a sheet whose cells lack the optional r attribute: a Chinese message, not "Cannot read properties of undefined"', async () => {
    const file = await withSheetXml('无r.xlsx', SHEET('<row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>社区</t></is></c></row><row><c t="inlineStr"><is><t>张三</t></is></c></row>'));
    const r = await runCw(['check', file, '--policy', 'benxi']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/工作表结构不完整|职工表|没有可识别/);
    expect(r.err).not.toMatch(/Cannot read|undefined|内部错误/);
  });

  test('a workbook whose every sheet is empty says so', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('职工');
    wb.addWorksheet('社区');
    const file = path.join(tmp, '空表.xlsx');
    await wb.xlsx.writeFile(file);
    const e = await errorOfRead(file);
    expect(e.code).toBe('INVALID_WORKBOOK');
    expect(e.message).toMatch(/的工作表（职工、社区）都是空的，没有任何数据/);
  });
});

describe('size guards, before anything is expanded', () => {
  test('a zip that declares 3.2 GB uncompressed is refused with the limit and the option; --max-size raises it', async () => {
    const bytes = Buffer.from(fs.readFileSync(SAMPLE));
    const entries = zipEntries(bytesSource(bytes), 'x');
    // Patch the central directory's uncompressed size of sheet1 (offset 24 of its record) to 3.2 GB.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = bytes.lastIndexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]));
    for (at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) break;
    }
    expect(entries.length).toBeGreaterThan(5);
    bytes.writeUInt32LE(3_200_000_000, at + 24);
    const file = write('炸弹.xlsx', bytes);
    const r = await runCw(['check', file, '--policy', 'benxi']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/解压后共 30\d\d MB，超过上限 1024 MB，未解压。确是花名册请用 --max-size 30\d\d 提高上限/);
    const ok = await runCw(['check', file, '--policy', 'benxi', '--as-of', '2026-12-01', '--max-size', '4000']);
    expect(ok.err).not.toMatch(/超过上限/);
    // Past the guard, every entry is expanded once and checked: this one's declared size is a lie.
    expect(ok.code).toBe(2);
    expect(ok.err).toMatch(/已损坏（内部文件“xl\/worksheets\/sheet1\.xml”的校验和不符）/);
  });

  test('a sheet that declares 1,048,576 rows is refused by default, before its rows are read', async () => {
    const file = await withSheetXml('百万行.xlsx', SHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>张三</t></is></c></row>', '<dimension ref="A1:H1048576"/>'));
    const r = await runCw(['report', 'payroll', file, '--policy', 'benxi', '--out', path.join(tmp, 'm.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/有 1048576 行，超过上限 200000 行，未读取。确是花名册请用 --max-rows 1048576 提高上限/);
  });

  test('rows are counted while reading too, for a sheet without a dimension', async () => {
    const file = await withSheetXml('无维度.xlsx', SHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="300000"><c r="A300000" t="inlineStr"><is><t>张三</t></is></c></row>'));
    const e = await errorOfRead(file);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/至少有 300000 行，超过上限 200000 行/);
  });

  test('a sheet’s dimension is read from its first 4 KB only; a sheet without one (as exceljs writes) is counted while read; --max-rows', async () => {
    const file = await withSheetXml('有维度.xlsx', SHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>', '<dimension ref="A1:T581"/>'));
    const bytes = fs.readFileSync(file);
    let inflated = 0;
    const guard = guardWorkbook(bytesSource(bytes), 's', DEFAULT_LIMITS, (e, limit) => {
      const zlib = require('zlib');
      const dataAt = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
      const out = zlib.inflateRawSync(bytes.subarray(dataAt, dataAt + Math.min(e.compressedSize, limit)), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      inflated += out.length;
      return out;
    });
    expect(guard.sheetRows.get('xl/worksheets/sheet1.xml')).toBe(581);
    expect(inflated).toBeLessThan(3 * 4096 * 4);
    expect((await runCw(['check', file, '--policy', 'benxi', '--max-rows', '500'])).err).toMatch(/有 581 行，超过上限 500 行，未读取。确是花名册请用 --max-rows 581/);
    const r = await runCw(['check', SAMPLE, '--policy', 'benxi', '--max-rows', '100']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/至少有 \d+ 行，超过上限 100 行/);
    expect((await runCw(['check', SAMPLE, '--policy', 'benxi', '--max-rows', 'many'])).err).toMatch(/--max-rows：“many”不是 1 至 1000000000 之间的整数/);
    expect(dimensionRows('<dimension ref="B2:C9"/>')).toBe(8);
    expect(dimensionRows('<dimension ref="A1"/>')).toBe(1);
    expect(dimensionRows('<worksheet>')).toBeNull();
  });
});

describe('no worker data in temporary files', () => {
  test('reading the sample (its sheets come before the shared strings) creates no temporary file', async () => {
    const tmpModule = require('tmp');
    const spy = jest.spyOn(tmpModule, 'file');
    const sheets = await readWorkbook(SAMPLE);
    expect(sheets.length).toBeGreaterThan(1);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  test('a reader killed (SIGKILL) in the middle of a large roster leaves nothing in its temp folder', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('职工');
    ws.addRow(['姓名', '身份证号', '社区']);
    for (let i = 0; i < 9000; i++) ws.addRow([`职工${i}`, `11010119900307${String(i).padStart(4, '0')}`, `社区${i % 40}`]);
    const big = path.join(tmp, '大.xlsx');
    await wb.xlsx.writeFile(big);
    const names = (await JSZip.loadAsync(fs.readFileSync(big))).file(/.*/).map((f) => f.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml')); // exceljs would copy it to /tmp
    const tmpdir = fs.mkdtempSync(path.join(tmp, 'child-tmp-'));
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'workbook', 'read.js'))}).readWorkbook(${JSON.stringify(big)}, { onRows: (n) => { if (n >= 4096) process.kill(process.pid, 'SIGKILL'); } }).then(() => console.log('finished'));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmpdir, TMP: tmpdir, TEMP: tmpdir } });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.readdirSync(tmpdir)).toEqual([]);
  });
});
