/**
 * The product stands alone (issue 8): every “解读 §…” the code cites resolves to a heading of
 * docs/readings.md, and no output of cw calc / fn / check / report names the specification files
 * a clerk does not have (POLICY-NOTES, DESIGN.md, ../shared).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateWorkers } from '../../bench/workers';
import { runCw } from '../helpers/cw';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', '示例花名册.xlsx');
const FORBIDDEN = /POLICY-NOTES|DESIGN\.md|\.\.\/shared/;
/** A 解读 citation: the anchor runs up to the first space or Chinese/ASCII punctuation. */
const CITATION = /解读 §([^\s：:，,；;。…）)」"'`]+)/g;

const headings = new Set(
  fs.readFileSync(path.join(ROOT, 'docs', 'readings.md'), 'utf8').split('\n')
    .filter((l) => l.startsWith('### ')).map((l) => l.slice(4).trim()),
);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Anchors cited in a text that docs/readings.md lacks. */
function unresolved(text: string): string[] {
  return [...text.matchAll(CITATION)].map((m) => m[1]).filter((a) => !headings.has(a));
}

describe('解读 citations resolve to docs/readings.md', () => {
  test('docs/readings.md has its anchors, each once', () => {
    const all = fs.readFileSync(path.join(ROOT, 'docs', 'readings.md'), 'utf8').split('\n').filter((l) => l.startsWith('### '));
    expect(all.length).toBe(headings.size);
    expect(headings.has('厦门-优秀比例')).toBe(true);
  });

  test('every 解读 § in the source code names an anchor, and the code cites none of the specification files', () => {
    const bad: string[] = [];
    let cited = 0;
    for (const f of sourceFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(f, 'utf8');
      cited += [...text.matchAll(CITATION)].length;
      for (const a of unresolved(text)) bad.push(`${path.relative(ROOT, f)}: 解读 §${a}`);
      if (FORBIDDEN.test(text)) bad.push(`${path.relative(ROOT, f)}: ${FORBIDDEN.exec(text)![0]}`);
    }
    expect(bad).toEqual([]);
    expect(cited).toBeGreaterThan(40);
  });

  test('README and docs do not point to the specification files', () => {
    const docs = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];
    for (const d of docs) expect([d, FORBIDDEN.exec(fs.readFileSync(path.join(ROOT, d), 'utf8'))?.[0]]).toEqual([d, undefined]);
  });
});

describe('no output of cw calc, fn, check or report names POLICY-NOTES, DESIGN.md or ../shared', () => {
  const outputs: string[] = [];
  afterAll(() => {
    const all = outputs.join('\n');
    expect(FORBIDDEN.exec(all)?.[0]).toBeUndefined();
    expect(unresolved(all)).toEqual([]);
  });
  const keep = (name: string, text: string) => {
    outputs.push(text);
    expect([name, FORBIDDEN.exec(text)?.[0], unresolved(text)]).toEqual([name, undefined, []]);
  };

  test('cw calc with trace: 500 workers of every policy, and the worked examples', async () => {
    const lines = generateWorkers(500, 8).map((w) => JSON.stringify(w)).join('\n') + '\n';
    const r = await runCw(['calc', '--compact'], lines);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(500);
    expect(r.out).toMatch(/解读 §/);
    keep('calc batch', r.out + r.err);
    for (const w of [
      { policy: '本溪', post: '副职', entryDate: '2000-09-01', asOf: '2025-06-01', probation: true, certificate: '社会工作师' },
      { policy: '厦门', post: '其他', entryDate: '2016-01-01', asOf: '2022-06-01' },
      { policy: '宁夏', post: '主任', entryDate: '2000-01-01', asOf: '2025-06-01', awards: ['国家级'] },
      { policy: '通州', post: '正职', entryDate: '1990-01-01', asOf: '2025-06-01' },
      { policy: '长春新区', post: '社区正职', entryDate: '2010-01-01', asOf: '2019-06-01' },
    ]) keep(`calc ${w.policy}`, (await runCw(['calc', JSON.stringify(w)])).out);
  });

  test('cw fn EXPLAIN, PARAMS and STAFF for every policy', async () => {
    for (const [policy, post] of [['本溪', '副职'], ['厦门', '副职'], ['宁夏', '两委副职'], ['长春新区', '社区正职'], ['通州', '副职']]) {
      keep(`EXPLAIN ${policy}`, (await runCw(['fn', 'EXPLAIN', policy, post, '2005-03-01', '2025-06-01'])).out);
      keep(`PARAMS ${policy}`, (await runCw(['fn', 'PARAMS', policy])).out);
      keep(`STAFF ${policy}`, (await runCw(['fn', 'STAFF', policy, '3600'])).out);
    }
  });

  test('cw check --json on the sample roster, every policy', async () => {
    for (const policy of ['benxi', 'xiamen', 'ningxia', 'changchun', 'tongzhou']) {
      const r = await runCw(['check', SAMPLE, '--policy', policy, '--json', '--as-of', '2026-12-01']);
      expect(r.out.length).toBeGreaterThan(1000);
      keep(`check ${policy}`, r.out + r.err);
    }
  });

  test('cw report: the staffing and ratings reports as printed (pdftotext)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-readings-'));
    try {
      for (const [kind, policy] of [['staffing', 'tongzhou'], ['ratings', 'xiamen'], ['funding', 'ningxia'], ['worker', 'benxi']]) {
        const out = path.join(dir, `${kind}.pdf`);
        const args = ['report', kind, SAMPLE, '--policy', policy, '--out', out, '--period', '2026-12'];
        if (kind === 'worker') args.push('--unit', '春晖社区');
        if (policy === 'ningxia') args.push('--params', writeNingxiaParams(dir));
        const r = await runCw(args);
        expect([kind, r.code, r.err]).toEqual([kind, 0, expect.any(String)]);
        keep(`report ${kind}`, execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }) + r.out + r.err);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The example Ningxia 参数表 of the bench (made-up values, labelled so), as a --params file. */
function writeNingxiaParams(dir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { LOCAL_PARAMS } = require('../../bench/workers') as typeof import('../../bench/workers');
  const file = path.join(dir, 'ningxia.json');
  fs.writeFileSync(file, JSON.stringify(LOCAL_PARAMS['ningxia-2024']));
  return file;
}
