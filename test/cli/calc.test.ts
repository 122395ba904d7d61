import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { splitLines } from '../../src/cli/calc';
import { generateWorkers, LOCAL_PARAMS } from '../../bench/workers';
import { runCw } from '../helpers/cw';

const cw = runCw;

const DONE_WHEN = '{"policy":"本溪","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01","certificate":"社会工作师"}';

describe('cw calc', () => {
  test('the issue’s example: grade 10, total 4688.00, every step cites its source', async () => {
    const { code, out } = await cw(['calc', DONE_WHEN]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ policy: 'benxi-2022', asOf: '2023-06-01', tenureYears: 23, grade: 10, total: '4688.00' });
    expect(r.items).toEqual({ 基础工资: '3590.40', 绩效工资: '897.60', 职业津贴: '200.00' });
    expect(r.trace.filter((s: { source: string }) => s.source.includes('本民发〔2022〕41号')).length).toBeGreaterThanOrEqual(5);
  });

  test('retirementDate when birthDate and sex are given', async () => {
    const { out } = await cw(['calc', '{"policy":"benxi","post":"书记","entryDate":"2010-01-01","asOf":"2024-01-01","birthDate":"1965-03-15","sex":"男"}']);
    expect(JSON.parse(out).retirementDate).toBe('2025-04-15');
  });

  test.each([
    ['{"policy":"本溪","post":"科长","entryDate":"2010-01-01","asOf":"2024-01-01"}', 'UNKNOWN_POST', /正职.*副职.*工作人员/],
    ['{"policy":"上海","post":"正职","entryDate":"2010-01-01"}', 'UNKNOWN_POLICY', /benxi-2022/],
    ['{"policy":"本溪","post":"正职","entryDate":"2023-02-30","asOf":"2024-01-01"}', 'INVALID_DATE', /2023-02-30/],
    ['{"policy":"本溪","post":"正职","entryDate":"2010-01-01","asOf":"2024-01-01","entrydate":"x"}', 'UNKNOWN_FIELD', /entrydate/],
    ['{"policy":"本溪","post":"正职"', 'INVALID_JSON', /JSON/],
  ])('bad input %s → %s, exit 2', async (input, code, message) => {
    const r = await cw(['calc', input]);
    expect(r.code).toBe(2);
    const e = JSON.parse(r.out).error;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  test('JSON Lines batch on standard input: one line out per line in, errors in place, exit 2', async () => {
    const lines = [
      '{"policy":"benxi","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01"}',
      '',
      '{"policy":"benxi","post":"副职","entryDate":"2000-13-01","asOf":"2023-06-01"}',
      '{"policy":"benxi","post":"正职","entryDate":"2012-07-01","asOf":"2024-03-15","id":7}',
    ].join('\n');
    const r = await cw(['calc', '--no-trace'], lines);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].total).toBe('4488.00');
    expect(out[0].trace).toEqual([]);
    expect(out[1].error.code).toBe('INVALID_DATE');
    expect(out[2]).toMatchObject({ id: 7, grade: 8 });
    expect(r.code).toBe(2);
  });

  test('--file reads one worker, or JSON Lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-'));
    const one = path.join(dir, 'one.json');
    fs.writeFileSync(one, JSON.stringify(JSON.parse(DONE_WHEN), null, 2));
    expect(JSON.parse((await cw(['calc', '--file', one])).out).total).toBe('4688.00');
    const many = path.join(dir, 'many.jsonl');
    fs.writeFileSync(many, `${DONE_WHEN}\n${DONE_WHEN}\n`);
    const r = await cw(['calc', '--file', many, '--no-trace']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    const missing = await cw(['calc', '--file', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.message).toContain('无法读取文件');
  });

  test('--params gives a 参数表 once for a batch, flat or grouped by policy; a worker’s own params win', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-'));
    const grouped = path.join(dir, 'grouped.json');
    fs.writeFileSync(grouped, JSON.stringify({ 厦门: { '岗位津贴.其他社区工作者': 0 }, 'benxi-2022': { 基数: 3600 } }));
    const lines = [
      '{"policy":"厦门","post":"其他","entryDate":"2014-06-01","asOf":"2021-06-01"}',
      '{"policy":"benxi","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01"}',
      '{"policy":"benxi","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01","params":{"基数":3500}}',
    ].join('\n');
    const r = await cw(['calc', '--params', grouped, '--no-trace'], lines);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].grade).toBe(3);
    expect(out[0].total).toBe('2357.14'); // worked example (docs/rules.md 厦门): 1650 + 707.14
    expect(out[1].total).toBe('4752.00'); // 3600 × 1.32
    expect(out[2].total).toBe('4620.00'); // 3500 × 1.32
    const flat = path.join(dir, 'flat.json');
    fs.writeFileSync(flat, JSON.stringify({ 基数: 3600 }));
    expect(JSON.parse((await cw(['calc', '--params', flat, DONE_WHEN])).out).total).toBe('4952.00');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '[1]');
    expect(JSON.parse((await cw(['calc', '--params', bad, DONE_WHEN])).out).error.code).toBe('INVALID_TYPE');
  });

  test('unknown command and option', async () => {
    expect((await cw(['calcu'])).code).toBe(2);
    expect(JSON.parse((await cw(['calc', '--fast'])).out).error.code).toBe('UNKNOWN_FIELD');
  });
});

describe('the installed `cw` binary (npx cw after npm install)', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  test('prints the issue’s example as a real process', () => {
    const out = execFileSync(process.execPath, [bin, 'calc', DONE_WHEN], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ grade: 10, total: '4688.00' });
  });

  test('exits 2 with the error JSON on bad input', () => {
    const r = spawnSync(process.execPath, [bin, 'calc', '{"policy":"本溪"}'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('REQUIRED');
  });
});

describe('large batches run on every core', () => {
  test('splitLines cuts at line boundaries and numbers each piece’s first line', () => {
    const text = 'a\nbb\nccc\n\ndddd\ne';
    const parts = splitLines(text, 3);
    expect(parts.map((p) => p.text).join('\n')).toBe(text);
    for (const p of parts) expect(text.split('\n')[p.firstLine - 1]).toBe(p.text.split('\n')[0]);
    expect(splitLines('x', 4)).toEqual([{ text: 'x', firstLine: 1 }]);
  });

  test('the real binary splits a 24,000-line batch across threads: same lines, same order, an error in its place', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-batch-'));
    const workers = generateWorkers(24_000, 7).map(({ params: _shared, ...w }, i) => (i === 20_500 ? { ...w, entryDate: '2019-02-30' } : w));
    const input = workers.map((w) => JSON.stringify(w)).join('\n') + '\n';
    const file = path.join(dir, 'w.jsonl');
    fs.writeFileSync(file, input);
    const params = path.join(dir, 'p.json');
    fs.writeFileSync(params, JSON.stringify(LOCAL_PARAMS));
    const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
    const r = spawnSync(process.execPath, [bin, 'calc', '--params', params, '--no-trace', '--file', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status).toBe(2); // one bad line
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(24_000);
    const bad = JSON.parse(lines[20_500]);
    expect(bad.error.code).toBe('INVALID_DATE');
    // The same as the in-process, single-thread path, line for line.
    const sequential = await cw(['calc', '--params', params, '--no-trace'], input);
    expect(r.stdout).toBe(sequential.out);
  });
});
