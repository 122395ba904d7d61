import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkRoster, parseResidentId, POLICIES, sexOf, parseDate } from '../../src/engine';
import type { PolicyId, Roster, RosterFinding } from '../../src/engine';
import { generateSampleRoster, sampleReadme, updateReadme, SAMPLE_AS_OF, SAMPLE_BACKGROUND, SAMPLE_BREAKS } from '../../scripts/make-sample-roster';
import { RARE_NAME_CHARS } from '../../src/sample/roster';
import { readRosterFile } from '../../src/workbook/read';
import { writeRosterWorkbook } from '../../src/workbook/write';

const FILE = path.join(__dirname, '..', '..', 'templates', '示例花名册.xlsx');
const sample = generateSampleRoster();
let fromFile: Roster;

beforeAll(async () => {
  const d = await readRosterFile(FILE);
  fromFile = d.roster!;
});

describe('templates/示例花名册.xlsx', () => {
  test('is exactly what the generator makes (after changing src/sample/roster.ts run `npm run sample-roster`)', () => {
    for (const k of ['workers', 'communities', 'counties'] as const) {
      const a = fromFile[k]!;
      const b = sample.roster[k]!;
      expect([k, a.sheet, a.headerRow, a.headers]).toEqual([k, b.sheet, b.headerRow, b.headers]);
      expect(a.rows.map((r) => b.headers.map((_, j) => r[j] ?? null))).toEqual(b.rows);
    }
  });

  test('templates/README.md lists the planted breaks as the generator does (run `npm run sample-roster` after changing a reading)', () => {
    const readme = path.join(__dirname, '..', '..', 'templates', 'README.md');
    const committed = fs.readFileSync(readme, 'utf8');
    expect(updateReadme(committed, sampleReadme(sample))).toBe(committed);
  });

  test('2 districts, 6 streets, 40 communities, about 600 workers; names with rare characters', () => {
    const w = sample.roster.workers;
    const col = (h: string) => w.headers.indexOf(h);
    expect(new Set(w.rows.map((r) => r[col('区县')])).size).toBe(2);
    expect(new Set(w.rows.map((r) => r[col('街道')])).size).toBe(6);
    expect(new Set(w.rows.map((r) => r[col('社区')])).size).toBe(40);
    expect(sample.roster.communities!.rows).toHaveLength(40);
    expect(w.rows.length).toBeGreaterThanOrEqual(550);
    expect(w.rows.length).toBeLessThanOrEqual(650);
    const names = w.rows.map((r) => String(r[col('姓名')]));
    for (const c of RARE_NAME_CHARS) expect(names.some((n) => n.includes(c))).toBe(true);
    expect(fromFile.workers.rows.map((r) => r[col('姓名')])).toEqual(names);
  });

  test('every resident ID is valid and agrees with 出生日期 and 性别, except the planted ID breaks', () => {
    const w = sample.roster.workers;
    const col = (h: string) => w.headers.indexOf(h);
    const planted = new Set(sample.breaks.filter((b) => b.id.startsWith('id-')).map((b) => b.row));
    let checked = 0;
    w.rows.forEach((r, i) => {
      const row = w.headerRow + 1 + i;
      if (planted.has(row)) return;
      const id = parseResidentId(r[col('身份证号码')]);
      if (r[col('出生日期')] !== null) expect([row, parseDate(r[col('出生日期')])]).toEqual([row, id.birthDate]);
      expect([row, sexOf(r[col('性别')])]).toEqual([row, id.sex]);
      checked++;
    });
    expect(checked).toBe(w.rows.length - 3);
  });

  test('writing the same roster twice gives the same bytes (regenerating does not churn the committed file)', async () => {
    const small = generateSampleRoster({ communities: 4, counties: 1, streetsPerCounty: 2, breaks: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-sample-'));
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await writeRosterWorkbook(small.roster, a);
    await new Promise((r) => setTimeout(r, 1100));
    await writeRosterWorkbook(small.roster, b);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every break is planted once', () => {
    expect(sample.breaks.map((b) => b.id).sort()).toEqual(SAMPLE_BREAKS.map((b) => b.id).sort());
  });
});

/** One expected finding, located. */
interface Want { severity: string; rule: string; scope: string; county: string | null; street: string | null; community: string | null; row: number | null; id: string }

function matches(f: RosterFinding, w: Want): boolean {
  if (f.severity !== w.severity || f.rule !== w.rule || f.scope !== w.scope || f.county !== w.county) return false;
  if (w.scope === 'street') return f.street === w.street && f.row === null;
  if (w.scope === 'county') return f.row === w.row;
  return f.street === w.street && f.community === w.community && f.row === w.row;
}

const show = (f: RosterFinding) => `${f.severity} ${f.rule} @${f.scope} ${[f.county, f.street, f.community].filter(Boolean).join(' ')} 行${f.row ?? '-'} ${f.name ?? ''}: ${f.message}`;

describe.each(POLICIES.map((p) => [p.id]))('%s on the sample roster', (policy) => {
  test('finds every planted break the policy has a rule for — and no other error or warning', async () => {
    const r = await checkRoster(fromFile, policy, { asOf: SAMPLE_AS_OF });
    const wants: Want[] = sample.breaks.flatMap((b) => (b.expect[policy as PolicyId] ?? []).map((e) => ({
      ...e, scope: b.scope, county: b.county, street: b.street, community: b.community, row: b.scope === 'street' ? null : b.row, id: b.id,
    })));
    const left = r.findings.filter((f) => f.severity !== 'info');
    const missing: string[] = [];
    for (const w of wants) {
      const i = left.findIndex((f) => matches(f, w));
      if (i < 0) missing.push(`${w.id}: ${w.severity} ${w.rule} @${w.scope} 行${w.row ?? '-'}`);
      else left.splice(i, 1);
    }
    const infos = r.findings.filter((f) => f.severity === 'info');
    for (const bg of SAMPLE_BACKGROUND[policy as PolicyId] ?? []) {
      const pool = bg.severity === 'info' ? infos : left;
      for (let n = 0; n < bg.count; n++) {
        const i = pool.findIndex((f) => f.severity === bg.severity && f.rule === bg.rule && f.scope === bg.scope);
        if (i < 0) missing.push(`background: ${bg.severity} ${bg.rule} @${bg.scope} (#${n + 1} of ${bg.count})`);
        else pool.splice(i, 1);
      }
    }
    expect({ missing, unexpected: left.map(show) }).toEqual({ missing: [], unexpected: [] });
    expect(wants.length).toBeGreaterThan(5);
  });

  test('every finding names its rule, cites an article, says what to do, and points at a place', async () => {
    const r = await checkRoster(fromFile, policy, { asOf: SAMPLE_AS_OF });
    for (const f of r.findings) {
      expect(f.citation.doc.length).toBeGreaterThan(0);
      expect(f.citation.article.length).toBeGreaterThan(0);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.action).toMatch(/[\u4e00-\u9fff]/);
      if (f.scope === 'worker') expect([f.sheet, typeof f.row, typeof f.name, typeof f.community]).toEqual(['职工', 'number', 'string', 'string']);
      if (f.scope === 'community') expect(typeof f.community).toBe('string');
    }
    const errors = r.summary.byCommunity.reduce((n, c) => n + c.error, 0);
    expect(errors).toBe(r.findings.filter((f) => f.severity === 'error' && f.community !== null).length);
  });
});
