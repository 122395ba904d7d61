/**
 * Every report kind rendered from the sample roster, read back with poppler (pdftotext, pdftoppm):
 * titles, headers and page numbers on every page, totals equal to the engine's, every worker's
 * name (rare characters included), a page that is not blank, the font-coverage check, and
 * byte-identical output for the same input.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Decimal, evaluate, fenText, policyOf } from '../../src/engine';
// Tests may read a policy's own helpers from its folder (they are not part of the engine's API).
import { ningxiaRegionalShare } from '../../src/engine/policies/ningxia';
import { benxiCityFunding } from '../../src/engine/policies/benxi';
import type { Roster } from '../../src/engine';
import { buildReport, missingGlyphs, prepareReport, reportKindOf, money, REPORT_TITLES, missingText, fontCovers } from '../../src/reports';
import type { ReportKind } from '../../src/reports';
import { renderPdf } from '../../src/reports/node';
import { readRosterFile } from '../../src/workbook/read';
import { generateSampleRoster } from '../../src/sample/roster';

/** Where the sample's deliberate breaks landed (the same generator made templates/示例花名册.xlsx). */
const BREAKS = new Map(generateSampleRoster().breaks.map((b) => [b.id, b]));
const nameOf = (id: string) => BREAKS.get(id)!.name!;
import { LOCAL_PARAMS } from '../../bench/workers';
import { RARE_NAME_CHARS } from '../../src/sample/roster';

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
const PERIOD = '2026-12';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-reports-'));
let roster: Roster;

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const read = await readRosterFile(SAMPLE);
  roster = read.roster!;
});

/** Renders a report to a file and returns its data, its pages of text (pdftotext -layout) and the file. */
async function render(kind: ReportKind, policy: string, extra: { unit?: string; months?: number; roster?: Roster } = {}) {
  const data = prepareReport(kind, extra.roster ?? roster, { policy, period: PERIOD, params: LOCAL_PARAMS[policyOf(policy).id] ?? null, unit: extra.unit ?? null, months: extra.months });
  const doc = buildReport(data);
  const file = path.join(tmp, `${kind}-${policy}-${extra.unit ?? 'all'}.pdf`);
  fs.writeFileSync(file, await renderPdf(doc));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  return { data, doc, file, text, pages };
}

/** Every page carries "第 N 页 / 共 M 页" with the right numbers, and the header text given. */
function expectEveryPage(pages: string[], header: string | RegExp, skip: (page: string) => boolean = () => false) {
  expect(pages.length).toBeGreaterThan(0);
  // A last page holding only the signature lines has no table to head.
  const signaturesOnly = (p: string) => p.includes('制表人') && p.split('\n').filter((l) => l.trim()).length <= 5;
  pages.forEach((p, i) => {
    expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页/共${pages.length}页`);
    if (!skip(p) && !(i === pages.length - 1 && i > 0 && signaturesOnly(p))) expect(p).toMatch(header);
  });
}

const flat = (s: string) => s.replace(/[ \t]+/g, ' ');

describe('社区工作者薪酬发放表 (payroll)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('payroll', 'benxi-2022');
  });

  test('title block, A4 landscape, column headers and page numbers on every page', () => {
    expect(r.pages[0]).toContain('社区工作者薪酬发放表');
    expect(r.pages[0]).toContain('本民发〔2022〕41号');
    expect(r.pages[0]).toContain('2026年12月');
    expect(r.pages[0]).toMatch(/地区：辽宁省本溪市\s+单位：清河区、白塔区/);
    const info = execFileSync('pdfinfo', [r.file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
    expect(r.pages.length).toBeGreaterThan(5);
    expectEveryPage(r.pages, /序号\s+姓名\s+岗位类别\s+等级/);
    expect(r.text).toMatch(/制表人：＿+\s+审核人：＿+\s+负责人：＿+/);
  });

  test('every sample worker’s name is printed, rare characters included', () => {
    expect(r.data.workers.length).toBe(580);
    const missing = r.data.workers.filter((w) => !r.text.includes(w.name)).map((w) => w.name);
    expect(missing).toEqual([]);
    for (const ch of RARE_NAME_CHARS) {
      const names = r.data.workers.filter((w) => w.name.includes(ch));
      expect(names.length).toBeGreaterThan(0);
      for (const w of names) expect(r.text).toContain(w.name);
    }
    expect(missingGlyphs(r.data, r.doc)).toEqual([]);
  });

  test('grand total, street totals and community subtotals equal the sums of the engine’s totals', () => {
    const paid = r.data.workers.filter((w) => w.pay);
    expect(paid.length).toBe(577);
    const grand = paid.reduce((s, w) => s.plus(w.pay!.total), new Decimal(0));
    expect(flat(r.text)).toContain(`总计（577人）`);
    const totalLine = flat(r.text).split('\n').find((l) => l.includes('总计（577人）'))!;
    expect(totalLine.trim().endsWith(money(fenText(grand)))).toBe(true);
    // Each community subtotal.
    const byCommunity = new Map<string, Decimal>();
    for (const w of paid) byCommunity.set(w.community, (byCommunity.get(w.community) ?? new Decimal(0)).plus(w.pay!.total));
    for (const [c, total] of byCommunity) {
      const line = flat(r.text).split('\n').find((l) => l.includes(`${c}小计（`));
      expect(line).toBeDefined();
      expect(line!.trim().endsWith(money(fenText(total)))).toBe(true);
    }
  });

  test('a worker’s row is what `cw calc` gives for the same facts', () => {
    // Row 3 of the sample: 苏喆, 正职, entry 2019-11-03, ratings 2022–2025, 现薪酬 from the sheet.
    const w = r.data.workers.find((x) => x.row === 3)!;
    expect(w.name).toBe('苏喆');
    const current = roster.workers.rows[0][roster.workers.headers.findIndex((h) => String(h).startsWith('现薪酬'))];
    const e = evaluate({
      policy: 'benxi-2022', post: '正职', entryDate: '2019-11-03', asOf: '2026-12-01', education: '本科', degree: '学士',
      ratings: { 2022: '合格', 2023: '合格', 2024: '优秀', 2025: '合格' }, birthDate: '1987-05-03', sex: '男',
      ...(current !== null && current !== undefined && current !== '' ? { currentPay: current } : {}),
    });
    expect(w.pay!.total).toBe(e.total);
    expect(w.pay!.grade).toBe(e.grade);
    const line = flat(r.text).split('\n').find((l) => l.includes(' 苏喆 '))!;
    expect(line.trim()).toMatch(new RegExp(`${money(e.total).replace('.', '\\.')}$`));
  });

  test('workers the engine cannot assess are listed with the reason, not counted', () => {
    expect(r.text).toContain('未能核算的职工（3人');
    for (const id of ['impossible-date', 'unknown-post', 'missing-entry-date']) expect(r.text).toContain(nameOf(id));
    expect(r.text).toContain('2019-02-30');
  });

  test('page 1 is not blank (pdftoppm)', () => {
    const out = path.join(tmp, 'page1');
    execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', r.file, out]);
    const pgm = fs.readFileSync(out + '.pgm');
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [w, h] = [Number(m[1]), Number(m[2])];
    expect(w).toBeGreaterThan(h); // landscape
    const pixels = pgm.subarray(pgm.length - w * h);
    let dark = 0;
    for (const p of pixels) if (p < 160) dark++;
    // Text, rules and the header fill: several percent of the page is ink.
    expect(dark / (w * h)).toBeGreaterThan(0.03);
  });

  test('the same input gives the same bytes; the document date is the period’s first day', async () => {
    const again = await renderPdf(buildReport(prepareReport('payroll', roster, { policy: 'benxi-2022', period: PERIOD })));
    expect(again.equals(fs.readFileSync(r.file))).toBe(true);
    const info = execFileSync('pdfinfo', ['-isodates', r.file], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-12-01T00:00:00/);
  });
});

describe('the other five reports', () => {
  test('社区工作者配备情况统计表: required vs actual per county and community, the ratio chart', async () => {
    const r = await render('staffing', 'tongzhou-draft');
    expect(r.pages[0]).toContain('社区工作者配备情况统计表');
    // Table pages carry the header; the chart pages carry the chart's caption and labels.
    expectEveryPage(r.pages, /单位\s+项目\s+应配\(人\)\s+实有/, (p) => p.includes('%（') && !p.includes('统计口径'));
    // 桂园社区 has 5 workers against ≥ 9 (a deliberate break): 不足, and its bar label.
    const line = flat(r.text).split('\n').find((l) => l.includes('桂园社区 社区工作者总数'))!;
    expect(line).toMatch(/≥9 5 55\.6% 不足/);
    expect(r.text).toContain('实有与应配之比');
    expect(r.text).toMatch(/桂园社区\s+55\.6%（5\/≥9）/);
    const lines = r.data.staffing!;
    expect(lines.filter((l) => l.status === '不足' || l.status === '超出').length).toBeGreaterThan(0);
    // Benxi sets only a county total: its county lines are the checks' figures.
    const b = prepareReport('staffing', roster, { policy: 'benxi', period: PERIOD });
    expect(b.staffing!.filter((l) => l.scope === 'county').map((l) => [l.county, l.min, l.actual, l.status])).toEqual([
      ['清河区', expect.any(Number), 285, '符合'],
      ['白塔区', expect.any(Number), 295, '不足'],
    ]);
  });

  test('年度考核结果汇总表: the distribution per unit and year, the 优秀 quota check', async () => {
    const r = await render('ratings', 'xiamen-2020');
    expect(r.pages[0]).toContain('年度考核结果汇总表');
    expectEveryPage(r.pages, /考核单位\s+年度\s+参加考核\s+优秀\s+合格\s+基本合格\s+不合格/);
    // The sample's quota break: 春晖社区 rated all 优秀 in 2024; its 社区正职 is rated in a separate list
    // and not counted (解读 §厦门-优秀比例): 13 of its 14 workers.
    const q = policyOf('xiamen').excellentQuota(13, policyOf('xiamen').params.resolve(null))!;
    const line = flat(r.text).split('\n').find((l) => l.includes('春晖社区 2024'))!;
    expect(line).toContain(`13 13 0 0 0 1 100.0% ${q.max} 超出 ${13 - q.max} 人`);
    expect(flat(r.text)).toMatch(/不含社区正职/);
    expect(r.text).toMatch(/2024年度合计/);
    // Tongzhou's words, and a policy without a quota.
    const t = await render('ratings', 'tongzhou-draft');
    expect(t.pages[0]).toMatch(/优秀\s+称职\s+基本称职\s+不称职/);
    const b = await render('ratings', 'benxi-2022');
    expect(b.text).toContain('未规定优秀等次比例');
  });

  test('财政补助测算表: Benxi’s city share per head; Ningxia 80% for mountain counties, 20% elsewhere; others say there is none', async () => {
    const r = await render('funding', 'benxi-2022');
    expectEveryPage(r.pages, /区县\s+在册人数\s+月薪酬总额/);
    const f = r.data.funding!;
    for (const l of f.lines) {
      const city = benxiCityFunding(l.heads);
      expect(l.share).toBe(fenText(city.monthly));
      expect(flat(r.text)).toContain(`${l.county} ${l.heads} ${money(l.bill)} 330.00 元/人·月 ${money(fenText(city.monthly))}`);
    }
    // Ningxia: the sample's districts renamed to a mountain county and a Yinchuan district.
    const renamed: Roster = JSON.parse(JSON.stringify(roster));
    for (const t of [renamed.workers, renamed.communities!, renamed.counties!]) {
      const c = t.headers.findIndex((h) => h === '区县');
      for (const row of t.rows) row[c] = row[c] === '清河区' ? '西吉县' : '兴庆区';
    }
    const n = await render('funding', 'ningxia-2024', { roster: renamed });
    const byCounty = Object.fromEntries(n.data.funding!.lines.map((l) => [l.county, l]));
    expect(byCounty['西吉县'].ratio).toBe('80%');
    expect(byCounty['兴庆区'].ratio).toBe('20%');
    for (const l of n.data.funding!.lines) expect(l.share).toBe(fenText(ningxiaRegionalShare(l.county, l.bill).amount));
    expect(n.text).toMatch(/西吉县\s+\d+\s+[\d,.]+\s+80%/);
    const x = await render('funding', 'xiamen-2020');
    expect(x.text).toContain('未规定上级财政对社区工作者薪酬的补助比例');
    expect(x.data.funding!.lines.every((l) => l.share === null)).toBe(true);
  });

  test('个人岗位等级薪酬核定表: one page per worker with facts, items and the whole trace with citations', async () => {
    const r = await render('worker', 'xiamen-2020', { unit: '春晖社区' });
    const workers = r.data.workers;
    expect(workers.length).toBe(15);
    expect(r.pages.length).toBe(15);
    r.pages.forEach((p, i) => {
      const w = workers[i];
      expect(p).toContain('个人岗位等级薪酬核定表');
      expect(p).toContain(w.name);
      expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页/共15页`);
      expect(p).toMatch(/序\s+步骤\s+结果\s+依据/);
      for (const s of w.pay!.trace) expect(flat(p)).toContain(s.step);
      expect(flat(p)).toContain(`月应发合计 ${money(w.pay!.total)} 元`);
      expect(p).toContain('厦民规〔2020〕2号 第十一条');
    });
  });

  test('退休到龄名单: workers reaching statutory retirement within N months, and those past it', async () => {
    const r = await render('retirement', 'benxi-2022', { months: 6 });
    expectEveryPage(r.pages, /姓名\s+性别\s+出生日期/);
    const names = r.data.retirement!.lines.map((l) => [l.worker.name, l.date, l.overdue]);
    expect(names).toEqual([[nameOf('retired-elected'), expect.stringMatching(/^2023-/), true], [nameOf('retiring-soon'), '2027-03-10', false]]);
    expect(flat(r.text)).toContain(`${nameOf('retiring-soon')} 女 1971-09-10`);
    const longer = prepareReport('retirement', roster, { policy: 'benxi', period: PERIOD, months: 60 });
    expect(longer.retirement!.lines.length).toBeGreaterThan(2);
  });
});

describe('font coverage', () => {
  test('the font covers GBK names and the engine’s symbols', () => {
    for (const ch of '喆堃赟≒⌊⌋≥≤×÷−→〔〕“”…') expect(fontCovers(ch.codePointAt(0)!)).toBe(true);
  });

  test('a character the font lacks is reported with the worker and the field', () => {
    const copy: Roster = JSON.parse(JSON.stringify(roster));
    const nameCol = copy.workers.headers.findIndex((h) => h === '姓名');
    const titleCol = copy.workers.headers.findIndex((h) => h === '职务');
    copy.workers.rows[0][nameCol] = '叶𠀀海'; // CJK Extension B
    copy.workers.rows[1][titleCol] = '副主任😀';
    const data = prepareReport('payroll', copy, { policy: 'benxi', period: PERIOD, unit: '春晖社区' });
    const missing = missingGlyphs(data, buildReport(data));
    expect(missing).toEqual([
      { worker: '叶𠀀海', row: 3, field: '姓名', char: '𠀀', codePoint: 'U+20000' },
      { worker: data.workers[1].name, row: 4, field: '职务', char: '😀', codePoint: 'U+1F600' },
    ]);
    expect(missingText(missing[0])).toContain('叶𠀀海（第3行）的“姓名”中的“𠀀”（U+20000）');
  });
});

describe('report names', () => {
  test.each([
    ['payroll', 'payroll'], ['社区工作者薪酬发放表', 'payroll'], ['薪酬发放表', 'payroll'], ['配备情况统计表', 'staffing'],
    ['年度考核结果汇总表', 'ratings'], ['财政补助测算表', 'funding'], ['个人岗位等级薪酬核定表', 'worker'], ['个人核定表', 'worker'], ['退休到龄名单', 'retirement'],
  ])('%s → %s', (text, kind) => {
    expect(reportKindOf(text)).toBe(kind);
    expect(REPORT_TITLES[kind as ReportKind]).toBeTruthy();
  });
  test('unknown name: a Chinese error listing the kinds', () => {
    expect(() => reportKindOf('工资条')).toThrow(/无法识别报表“工资条”。可用：payroll（社区工作者薪酬发放表）/);
  });
});

