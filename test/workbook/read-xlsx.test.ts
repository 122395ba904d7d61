import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { generateSampleRoster } from '../../src/sample/roster';
import { readWorkbook, readWorkbookExceljs } from '../../src/workbook/read';
import { writeRosterWorkbook } from '../../src/workbook/write';
import { readXlsxGrids } from '../../src/workbook/xlsx/grids';
import { webInflater } from '../../src/workbook/xlsx/inflate';
import { nodeInflater } from '../../src/workbook/xlsx/inflate-node';
import type { SheetGrid } from '../../src/engine';

/** Grids as plain JSON (holes as null, merges left out) for comparing two readers. */
const plain = (grids: SheetGrid[]) => grids.map((g) => ({ name: g.name, rowNumbers: g.rowNumbers, rows: g.rows.map((r) => Array.from(r, (v) => v ?? null)) }));

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cw-xlsx-'));

describe('the .xlsx reader gives the cells exceljs’s streaming reader gave', () => {
  test.each(['示例花名册.xlsx', 'params.xlsx'])('templates/%s', async (name) => {
    const file = path.join(__dirname, '..', '..', 'templates', name);
    expect(plain(await readWorkbook(file))).toEqual(plain(await readWorkbookExceljs(file)));
  });

  test('a generated 3,000-worker roster written by exceljs', async () => {
    const file = path.join(tmp(), 'roster.xlsx');
    const s = generateSampleRoster({ communities: 150, counties: 3, streetsPerCounty: 5, perCommunity: 20, breaks: false, vary: false });
    await writeRosterWorkbook(s.roster, file);
    const fast = await readWorkbook(file);
    expect(fast[0].rows.length).toBeGreaterThan(3000);
    expect(plain(fast)).toEqual(plain(await readWorkbookExceljs(file)));
  });
});

/** A hand-written workbook: what Excel, WPS and other writers put in sheet XML, exceljs's writer does not. */
async function handMade(sheetXml: string, options: { date1904?: boolean; prefix?: string } = {}): Promise<Uint8Array> {
  const p = options.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}` : 'xmlns';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="职工 &amp; 社区" sheetId="1" r:id="rId1"/><${p}sheet name="空" sheetId="2" r:id="rId2"/></${p}sheets></${p}workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><${p}sst ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}si><${p}t>姓名</${p}t></${p}si><${p}si/><${p}si><${p}r><${p}t>张</${p}t></${p}r><${p}r><${p}rPr/><${p}t xml:space="preserve">三 </${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ZHANG</${p}t></${p}rPh></${p}si><${p}si><${p}t>A&amp;B &lt;社区&gt; &#x4E00;</${p}t></${p}si></${p}sst>`);
  zip.file('xl/styles.xml', `<?xml version="1.0"?><${p}styleSheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></${p}numFmts><${p}cellXfs count="4"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/><${p}xf numFmtId="164"/><${p}xf numFmtId="4"/></${p}cellXfs></${p}styleSheet>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheetXml}</${p}sheetData><${p}mergeCells count="2"><${p}mergeCell ref="A5:A7"/><${p}mergeCell ref="B5:C5"/></${p}mergeCells></${p}worksheet>`);
  zip.file('xl/worksheets/sheet2.xml', `<?xml version="1.0"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData/></${p}worksheet>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const SHEET = (p: string) =>
  [
    `<${p}row><${p}c t="s"><${p}v>0</${p}v></${p}c><${p}c t="s"><${p}v>2</${p}v></${p}c><${p}c t="s"><${p}v>3</${p}v></${p}c></${p}row>`, // no r anywhere
    `<${p}row><${p}c t="s"><${p}v>1</${p}v></${p}c></${p}row>`, // only an empty string: a blank row
    `<${p}row r="4" spans="1:6"><${p}c r="A4" s="1"><${p}v>45000</${p}v></${p}c><${p}c s="2"><${p}v>45000.75</${p}v></${p}c><${p}c r="D4" s="3"><${p}v>1234.5</${p}v></${p}c><${p}c t="b"><${p}v>1</${p}v></${p}c><${p}c t="e"><${p}v>#N/A</${p}v></${p}c></${p}row>`,
    `<${p}row r="5"><${p}c r="A5" t="inlineStr"><${p}is><${p}t>东风社区</${p}t></${p}is></${p}c><${p}c r="B5" s="1"><${p}f>TODAY()</${p}f><${p}v>45001</${p}v></${p}c><${p}c r="C5"><${p}f>IFNA(X1,0)</${p}f><${p}v>0</${p}v></${p}c><${p}c r="D5" t="e"><${p}f>1/0</${p}f><${p}v>#DIV/0!</${p}v></${p}c><${p}c r="E5" t="str"><${p}f>"a"&amp;"b"</${p}f><${p}v>a&amp;b</${p}v></${p}c><${p}c r="F5" s="1"/></${p}row>`,
    `<${p}row r="6"/>`,
    `<${p}row r="7"><${p}c r="C7"><${p}v>7</${p}v></${p}c></${p}row>`,
    `<${p}row><${p}c><${p}v>8</${p}v></${p}c></${p}row>`, // row 8 by position
  ].join('');

const EXPECTED_ROWS = [
  ['姓名', '张三 ', 'A&B <社区> 一'],
  [45000, 45000, null, 1234.5, true, '#N/A'],
  ['东风社区', 45001, 0, '#DIV/0!', 'a&b'],
  [null, null, 7],
  [8],
];

describe('the .xlsx reader on what other writers produce', () => {
  test.each([[''], ['x:']])('cells and rows without r, inline and rich text, dates, formulas, errors, merges (prefix “%s”)', async (p) => {
    const bytes = await handMade(SHEET(p), { prefix: p });
    const [sheet, empty] = await readXlsxGrids(bytes, nodeInflater);
    expect(sheet.name).toBe('职工 & 社区');
    expect(sheet.rows.map((r) => Array.from(r, (v) => v ?? null))).toEqual(EXPECTED_ROWS);
    expect(sheet.rowNumbers).toEqual([1, 4, 5, 7, 8]);
    expect(sheet.merges).toEqual([{ top: 5, left: 1, bottom: 7, right: 1 }, { top: 5, left: 2, bottom: 5, right: 3 }]);
    expect(empty).toMatchObject({ name: '空', rows: [], merges: [] });
  });

  test('the 1904 date system: date cells come back as 1900-system serials', async () => {
    const bytes = await handMade(`<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1"><v>43538</v></c></row>`, { date1904: true });
    const [sheet] = await readXlsxGrids(bytes, nodeInflater);
    expect(sheet.rows[0]).toEqual([43538 + 1462, 43538]);
  });

  test('the browser’s inflater (DecompressionStream) reads the same cells as zlib', async () => {
    const bytes = await handMade(SHEET(''));
    expect(await readXlsxGrids(bytes, webInflater)).toEqual(await readXlsxGrids(bytes, nodeInflater));
  });

  test('a damaged or foreign file is a Chinese error, not a crash', async () => {
    const dir = tmp();
    const good = await handMade(SHEET(''));
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, good.subarray(0, good.length - 30));
    await expect(readWorkbook(cut)).rejects.toMatchObject({ message: expect.stringMatching(/损坏/) });
    const csv = path.join(dir, 'roster.xlsx');
    fs.writeFileSync(csv, '姓名,社区\n张三,东风\n');
    await expect(readWorkbook(csv)).rejects.toMatchObject({ message: expect.stringMatching(/文本|CSV/) });
  });
});
