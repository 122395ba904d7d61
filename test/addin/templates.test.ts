/**
 * The committed templates open clean in Excel and in other spreadsheets: every formula in every
 * sheet of every templates/*.xlsx calls only function names Excel knows as stored — Excel 2007's
 * by name, newer ones with the `_xlfn.` future-function prefix ([MS-XLSX] 2.2.2), CW functions as
 * `_xldudf_CW_*` — each formula cell keeps its cached value (shown by an Excel without the
 * add-in), and the workbook asks for a full recalculation on load.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { CLASSIC_FUNCTIONS, FUTURE_FUNCTIONS, functionNamesIn, knownStoredFunction, withFuturePrefixes } from '../../src/workbook/excel-functions';

const DIR = path.join(__dirname, '..', '..', 'templates');
const TEMPLATES = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every formula cell of a sheet part: its reference, formula text and cached value (null when none). */
function formulaCells(xml: string): Array<{ ref: string; formula: string; cached: string | null }> {
  const out: Array<{ ref: string; formula: string; cached: string | null }> = [];
  for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const inner = c[2] ?? '';
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
    if (!f) continue;
    const ref = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1] ?? '?';
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner) ?? /<is>([\s\S]*?)<\/is>/.exec(inner);
    out.push({ ref, formula: unescape(f[1]), cached: v ? v[1] : null });
  }
  return out;
}

/** Function names in a stored formula that Excel would not know (each would show #NAME?). */
function unknownNames(formula: string): string[] {
  return functionNamesIn(formula).filter((n) => !knownStoredFunction(n));
}

describe('the checker itself', () => {
  test('fails on an unprefixed future function and passes it prefixed', () => {
    expect(unknownNames('IFNA(A1,0)')).toEqual(['IFNA']);
    expect(unknownNames('_xlfn.IFNA(A1,0)')).toEqual([]);
    expect(unknownNames('SUM(A1:A3)+IFERROR(1/0,0)')).toEqual([]);
    expect(unknownNames('XLOOKUP(1,A:A,B:B)+_xlfn._xlws.FILTER(A1:A3,B1:B3)')).toEqual(['XLOOKUP']);
    expect(unknownNames('_xldudf_CW_PAY($B$2,C5,D5,$D$2)')).toEqual([]);
    expect(unknownNames('NOSUCHFUNCTION(1)')).toEqual(['NOSUCHFUNCTION']);
    // Text in quotes is not a call; a sheet-qualified range is not a function.
    expect(unknownNames('"IFNA(" & \'参数表\'!$A$2')).toEqual([]);
  });

  test('withFuturePrefixes stores newer functions as Excel does, and leaves the rest alone', () => {
    expect(withFuturePrefixes('IFNA(_xldudf_CW_PAY(A1),0)')).toBe('_xlfn.IFNA(_xldudf_CW_PAY(A1),0)');
    expect(withFuturePrefixes('SUM(A1)+filter(A1:A2,B1:B2)')).toBe('SUM(A1)+_xlfn._xlws.FILTER(A1:A2,B1:B2)');
    expect(withFuturePrefixes('_xlfn.IFNA(1,0)')).toBe('_xlfn.IFNA(1,0)');
  });

  test('the lists do not overlap', () => {
    expect(CLASSIC_FUNCTIONS.filter((n) => n in FUTURE_FUNCTIONS)).toEqual([]);
  });
});

describe.each(TEMPLATES)('templates/%s', (file) => {
  let zip: JSZip;
  let sheets: Array<{ part: string; xml: string }>;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(fs.readFileSync(path.join(DIR, file)));
    const parts = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
    sheets = await Promise.all(parts.map(async (part) => ({ part, xml: await zip.file(part)!.async('string') })));
  });

  test('every formula calls only names Excel knows as stored, and keeps its cached value', () => {
    const problems: string[] = [];
    for (const { part, xml } of sheets) {
      for (const c of formulaCells(xml)) {
        for (const n of unknownNames(c.formula)) problems.push(`${part} ${c.ref}: ${n} in =${c.formula}`);
        if (c.cached === null) problems.push(`${part} ${c.ref}: no cached value for =${c.formula}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('a workbook with formulas recalculates fully on load', async () => {
    const count = sheets.reduce((n, s) => n + formulaCells(s.xml).length, 0);
    if (count === 0) return; // the sample roster and the parameter tables hold values only
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });
});

test('the pay templates store IFNA as _xlfn.IFNA', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(DIR, 'benxi-pay.xlsx')));
  const xml = (await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')))).join('');
  expect(xml).toContain('_xlfn.IFNA(');
  expect(xml).not.toMatch(/<f>IFNA\(/);
});
