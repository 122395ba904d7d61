import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/workbook/read';

/**
 * exceljs's streaming reader decoded each zip chunk on its own, so a Chinese character split
 * across a chunk boundary became U+FFFD. patches/exceljs+4.4.0.patch (applied by patch-package
 * on install) decodes the stream as a whole; these tests fail without it.
 */
describe('reading Chinese text from large workbooks', () => {
  test('every shared string survives, whatever chunk boundary it straddles', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('职工');
    const names: string[] = [];
    // Enough distinct 3-byte characters to fill many 16 KB chunks at every alignment.
    for (let i = 0; i < 4000; i++) {
      const name = String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)) + '喆堃赟' + i + '社区工作者名单'.repeat(1 + (i % 5));
      names.push(name);
      ws.addRow([name]);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-read-')), 'big.xlsx');
    await wb.xlsx.writeFile(file);
    const [sheet] = await readWorkbook(file);
    const read = sheet.rows.map((r) => r[0]);
    expect(read.filter((c) => typeof c === 'string' && c.includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(names);
  });

  test('the committed 参数表 template reads exactly as exceljs’s whole-file reader reads it', async () => {
    const file = path.join(__dirname, '..', '..', 'templates', 'params.xlsx');
    const streamed = await readWorkbook(file);
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(file);
    for (const sheet of streamed) {
      const ws = whole.getWorksheet(sheet.name)!;
      sheet.rows.forEach((row, i) => {
        row.forEach((cell, c) => {
          const v = ws.getRow(sheet.rowNumbers?.[i] ?? i + 1).getCell(c + 1).value;
          if (typeof v === 'string') expect(cell).toBe(v);
        });
      });
    }
    const text = streamed.flatMap((s) => s.rows.flat()).filter((c) => typeof c === 'string').join('');
    expect(text).not.toContain('\uFFFD');
  });
});
