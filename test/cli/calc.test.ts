import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lineChunks } from '../../src/cli/line-chunks';
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
    expect(out).toHaveLength(4);
    expect(out[0].total).toBe('4488.00');
    expect(out[0].trace).toEqual([]);
    expect(out[1].error).toMatchObject({ code: 'REQUIRED', line: 2 });
    expect(out[1].error.message).toContain('第2行是空行');
    expect(out[2].error).toMatchObject({ code: 'INVALID_DATE', line: 3 });
    expect(out[3]).toMatchObject({ id: 7, grade: 8 });
    expect(r.code).toBe(2);
  });

  test('blank lines, CRLF and a bad line: output line N answers input line N, every error names its line, in Chinese', async () => {
    const good = (id: number) => `{"policy":"benxi","post":"副职","entryDate":"2000-09-01","asOf":"2023-06-01","id":${id}}`;
    const input = [good(1), '', good(3), 'not json', '   ', good(6), '{"policy":"benxi",', good(8), '{"policy":"上海","post":"正职","entryDate":"2010-01-01"}', good(10)].join('\r\n') + '\r\n';
    const r = await cw(['calc', '--no-trace'], input);
    expect(r.code).toBe(2);
    const out = r.out.split('\n');
    expect(out.pop()).toBe(''); // ends with a newline
    expect(out).toHaveLength(10);
    const parsed = out.map((l) => JSON.parse(l));
    parsed.forEach((o, i) => {
      if (o.error) {
        expect(o.error.line).toBe(i + 1);
        if (o.error.code !== 'UNKNOWN_POLICY') expect(o.error.message).toMatch(new RegExp(`^第${i + 1}行`));
        expect(o.error.message).not.toMatch(/Unexpected|token|position|JSON input/);
      } else expect(o.id).toBe(i + 1);
    });
    expect(parsed.map((o) => o.error?.code ?? 'ok')).toEqual(['ok', 'REQUIRED', 'ok', 'INVALID_JSON', 'REQUIRED', 'ok', 'INVALID_JSON', 'ok', 'UNKNOWN_POLICY', 'ok']);
    expect(parsed[3].error.message).toContain('第 1 个字符处');
    expect(parsed[6].error.message).toContain('内容不完整');
  });

  test('`echo not json | cw calc` says in Chinese what is wrong, with the line', async () => {
    const r = await cw(['calc'], 'not json\n');
    expect(r.code).toBe(2);
    const e = JSON.parse(r.out).error;
    expect(e).toMatchObject({ code: 'INVALID_JSON', line: 1 });
    expect(e.message).toMatch(/^第1行不是有效的 JSON：第 1 个字符处应为一个值/);
    expect(e.message).not.toMatch(/Unexpected|token/);
    const single = await cw(['calc', '{"policy":"本溪",}']);
    expect(JSON.parse(single.out).error.message).toMatch(/^输入不是有效的 JSON：第 16 个字符处应为用双引号括起的字段名/);
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
    expect(out[0].total).toBe('2357.14'); // POLICY-NOTES §3 worked example: 1650 + 707.14
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

describe('large batches stream through worker threads', () => {
  test('lineChunks cuts a byte stream at line ends, numbering each chunk’s first line, however the bytes arrive', async () => {
    const text = '\uFEFFa\nbb\r\n\n中文行\ndddd\ne';
    const bytes = Buffer.from(text, 'utf8');
    // Fed one byte at a time (splitting the UTF-8 of 中文), with a tiny chunk target.
    const pieces = (async function* () { for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1); })();
    const chunks = [];
    for await (const c of lineChunks(pieces, { targetBytes: 3 })) chunks.push(c);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8')).toBe(text.slice(1));
    const lines = text.slice(1).split('\n');
    for (const c of chunks) expect(c.bytes.toString('utf8').split('\n')[0]).toBe(lines[c.firstLine - 1]);
    expect(chunks.reduce((n, c) => n + c.lines, 0)).toBe(6);
  });

  test('a line over the limit becomes one error chunk and is not kept', async () => {
    const big = 'x'.repeat(5000);
    const pieces = (async function* () { yield 'ok\n'; for (let i = 0; i < 10; i++) yield big; yield '\nnext\n'; })();
    const chunks = [];
    for await (const c of lineChunks(pieces, { targetBytes: 100, maxLineBytes: 20_000 })) chunks.push(c);
    expect(chunks.map((c) => [c.firstLine, c.lines, !!c.tooLong])).toEqual([[1, 1, false], [2, 1, true], [3, 1, false]]);
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
