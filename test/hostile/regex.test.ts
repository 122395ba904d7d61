/**
 * Finding 6: quadratic regular expressions. Each input below is a million characters long: the old
 * patterns backtracked quadratically (the 长春新区 pay table took 18 s at 80,000 spaces, so hours
 * here), the linear parsers answer at once. Jest's timeout is only the hang guard; nothing is timed.
 */
import { CwError, evaluate } from '../../src/engine';
import { parseChangchunPayTable } from '../../src/engine/policies/changchun';
import { TENURE } from '../../src/functions/core';
import { isFnError } from '../../src/functions/errors';
import { runCw } from '../helpers/cw';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { isDateFormat, readXlsx } from '../../src/app/xlsx/read';
import type { ReadBook } from '../../src/app/xlsx/read';
import { patchSheetXml } from '../../src/app/xlsx/save';
import { NS_MAIN, XlsxError, prefixOf } from '../../src/app/xlsx/parts';
import { cellOfText } from '../../src/app/typed';

const N = 1_000_000;
const blanks = ' '.repeat(N);

test('the 长春新区 pay-table parser on the issue’s input: the usual INVALID_PARAM message', () => {
  expect(() => parseChangchunPayTable('0' + blanks + 'x', '薪酬表.正职')).toThrow(/缺少冒号/);
  expect(() => parseChangchunPayTable('0' + blanks + ':' + blanks + 'x', '薪酬表.正职')).toThrow(/月薪酬 .* 不是金额/);
  expect(() => parseChangchunPayTable('0' + '　'.repeat(N) + 'x：3000', '薪酬表.正职')).toThrow(/年限 .* 不是非负整数/);
  expect(parseChangchunPayTable('0' + '　'.repeat(N) + '：3000', '薪酬表.正职').map((s) => s.amount.toFixed(2))).toEqual(['3000.00']);
  // Same readings as before for ordinary tables.
  expect(parseChangchunPayTable('0 : 3000；3年：3200元;6年以上:3400', 'k').map((s) => [s.fromYears, s.amount.toFixed(2)])).toEqual([[0, '3000.00'], [3, '3200.00'], [6, '3400.00']]);
});

test('through the engine: a pay table of blanks is an INVALID_PARAM error', () => {
  let error: unknown;
  try {
    evaluate({ policy: '长春新区', post: '正职', entryDate: '2015-03-01', asOf: '2023-06-01', params: { '薪酬表.社区正职': '0' + blanks + 'x' } }, { trace: false });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CwError);
  expect(error).toMatchObject({ code: 'INVALID_PARAM', field: 'params.薪酬表.社区正职' });
});

test('a ratings range whose year cell is a million blanks: #VALUE! at once', () => {
  const r = TENURE('厦门', '2015-03-01', '2023-06-01', [[blanks + 'x', '2021'], ['合格', '优秀']]);
  expect(isFnError(r)).toBe(true);
  const y = TENURE('厦门', '2015-03-01', '2023-06-01', [['考核' + blanks + 'x', '2021' + blanks + 'x'], ['合格', '优秀']]);
  expect(isFnError(y)).toBe(true);
  expect(TENURE('厦门', '2015-03-01', '2023-06-01', [[' 考核 2021 年度 ', '2022年'], ['合格', '优秀']])).toBe(TENURE('厦门', '2015-03-01', '2023-06-01', [[2021, 2022], ['合格', '优秀']]));
});

test('cw calc: one object followed by a million newlines is read as one document', async () => {
  const r = await runCw(['calc', '{"policy":"本溪"}' + '\n'.repeat(N) + 'x']);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).error.code).toBe('INVALID_JSON');
});

describe('the app’s .xlsx reader and saver on parts built to backtrack (a million characters each)', () => {
  const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');

  /** The sample workbook with one part rewritten. */
  async function withPart(part: string, rewrite: (xml: string) => string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.file(part, rewrite(await zip.file(part)!.async('string')));
    return zip.generateAsync({ type: 'uint8array' });
  }

  /** The book read, or the Chinese XlsxError it was refused with (anything else fails the test). */
  async function outcome(bytes: Uint8Array): Promise<ReadBook | XlsxError> {
    try {
      return await readXlsx(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
      return e as XlsxError;
    }
  }

  const cases: Array<[string, string, (xml: string) => string]> = [
    ['shared strings: a million characters of <si> never closed', 'xl/sharedStrings.xml', (x) => x + '<si>'.repeat(N / 4)],
    ['shared strings: a string item of <t> never closed', 'xl/sharedStrings.xml', (x) => x.replace('</sst>', `<si>${'<t>'.repeat(N / 3)}</si></sst>`)],
    ['shared strings: phonetic runs never closed', 'xl/sharedStrings.xml', (x) => x.replace('</sst>', `<si><t>a</t>${'<rPh>'.repeat(N / 5)}</si></sst>`)],
    ['styles: <numFmt without a >', 'xl/styles.xml', (x) => x + '<numFmt'.repeat(N / 7)],
    ['styles: cellXfs never closed', 'xl/styles.xml', (x) => '<cellXfs>'.repeat(N / 9) + x],
    ['styles: <xf without a >', 'xl/styles.xml', (x) => x.replace('</cellXfs>', '<xf'.repeat(N / 3) + '</cellXfs>')],
    ['a sheet of <c without a >', 'xl/worksheets/sheet1.xml', () => '<worksheet><sheetData><row r="1">' + '<c'.repeat(N / 2)],
    ['a cell of <v> never closed', 'xl/worksheets/sheet1.xml', () => `<worksheet><sheetData><row r="1"><c r="A1">${'<v>'.repeat(N / 3)}</c></row></sheetData></worksheet>`],
    ['an inline string of <is> never closed', 'xl/worksheets/sheet1.xml', () => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">${'<is>'.repeat(N / 4)}</c></row></sheetData></worksheet>`],
    ['workbook relationships: <Relationship without a >', 'xl/_rels/workbook.xml.rels', (x) => x + '<Relationship'.repeat(N / 13)],
    ['package relationships: <Relationship Type=" without a >', '_rels/.rels', (x) => x + '<Relationship Type="'.repeat(N / 20)],
    ['workbook: <sheet without a >', 'xl/workbook.xml', (x) => x + '<sheet'.repeat(N / 6)],
    ['workbook: a root tag never closed, then many tags', 'xl/workbook.xml', () => '<a '.repeat(N / 3)],
  ];
  test.each(cases)('%s: read at once (or refused in Chinese)', async (_label, part, rewrite) => {
    await outcome(await withPart(part, rewrite));
  });

  test('the ordinary cells still read as before after the hostile tail', async () => {
    const plain = await readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)));
    const tailed = await outcome(await withPart('xl/sharedStrings.xml', (x) => x + '<si>'.repeat(N / 4)));
    expect(tailed).not.toBeInstanceOf(XlsxError);
    expect((tailed as ReadBook).sheets.map((s) => s.rows)).toEqual(plain.sheets.map((s) => s.rows));
  });

  test('saving a cell into a row whose tag holds the issue’s run of blanks (40,000 took 15 s; here a million)', () => {
    const xml = `<worksheet><sheetData><row r="1"${blanks}spans="1:2"${blanks}><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const out = patchSheetXml(xml, [{ row: 1, col: 1, value: 'x' }]);
    expect(out).toContain('<c r="B1" t="inlineStr">');
    expect(out).not.toContain('spans=');
    expect(patchSheetXml(`<worksheet><sheetData><row r="1"${blanks}x="1"><c r="A1"/></row></sheetData></worksheet>`, [{ row: 1, col: 0, value: 2 }])).toContain('<c r="A1"><v>2</v></c>');
  });

  test('saving into a row of <c without a >, or cells never closed: written or refused in Chinese at once', () => {
    // A tag left open ends the scan of the row: the edited cell is added after it.
    expect(patchSheetXml(`<worksheet><sheetData><row r="1">${'<c '.repeat(N / 3)}</row></sheetData></worksheet>`, [{ row: 1, col: 0, value: 1 }])).toContain('<c r="A1"><v>1</v></c></row>');
    expect(() => patchSheetXml(`<worksheet><sheetData><row r="1">${'<c r="A1">'.repeat(N / 10)}</row></sheetData></worksheet>`, [{ row: 1, col: 0, value: 1 }])).toThrow(XlsxError);
    expect(() => patchSheetXml('<worksheet>' + '<sheetData'.repeat(N / 10), [{ row: 1, col: 0, value: 1 }])).toThrow(XlsxError);
  });

  test('a number format of a million [ reads as exceljs would, at once', () => {
    expect(isDateFormat('['.repeat(N))).toBe(false);
    expect(isDateFormat('['.repeat(N) + 'yyyy')).toBe(true);
    expect(isDateFormat('[$-804]0.00')).toBe(false);
    expect(isDateFormat('[$-804]yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('"d"0')).toBe(false);
  });

  test('a namespace prefix looked up in a root tag of a million blanks', () => {
    expect(prefixOf(`<?xml version="1.0"?><x:workbook${blanks}xmlns:x="${NS_MAIN}"${blanks}>`, NS_MAIN)).toBe('x');
    expect(prefixOf('<a '.repeat(N / 3), NS_MAIN)).toBeNull();
  });
});

test('the app’s grid: a million digits typed or pasted into a cell stay text at once (the number pattern was quadratic)', () => {
  const digits = '1'.repeat(N);
  expect(cellOfText(digits + 'x', null)).toBe(digits + 'x');
  expect(cellOfText(digits, null)).toBe(digits); // 12 digits or more: kept as text
  expect(cellOfText('1'.repeat(N) + '.' + '1'.repeat(N) + 'x', null)).toBe('1'.repeat(N) + '.' + '1'.repeat(N) + 'x');
  expect([cellOfText('12.5', null), cellOfText('.5', null), cellOfText('-3.', null), cellOfText('007', null), cellOfText('1.2.3', null)]).toEqual([12.5, 0.5, -3, '007', '1.2.3']);
  expect(cellOfText('2015' + ' '.repeat(N) + '-3-1x', 'date')).toBe('2015' + ' '.repeat(N) + '-3-1x');
});
