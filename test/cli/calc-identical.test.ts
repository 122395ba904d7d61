import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateWorkers, LOCAL_PARAMS } from '../../bench/workers';
import { errorJson, evaluateChunk, parseJsonText } from '../../src/cli/batch-lines';
import { sharedParamsOf, withShared } from '../../src/cli/shared-params';
import { evaluatePayroll } from '../../src/engine';

/** Local payroll figures (示例参数，非政策数额), so some lines go on to 实发. */
const PAYROLL = {
  '失业保险.个人缴费比例': 0.005, '补充医疗.个人缴费': 10, '社保基数.下限': 4000, '社保基数.上限': 20000,
  '公积金.个人缴存比例': 0.12, '公积金基数.下限': 2000, '公积金基数.上限': 30000,
};

/**
 * A 2,000-line batch mixing every kind of line: the five policies, own and shared 参数表, Chinese
 * aliases, ids and names, retirement and payroll fields, and errors of several kinds.
 */
function mixedBatch(): string[] {
  return generateWorkers(2000, 11).map((w, i) => {
    const { params, ...bare } = w;
    const line: Record<string, unknown> = i % 3 === 0 && params ? { ...bare, params } : { ...bare };
    if (i % 7 === 0) Object.assign(line, { id: `A${i}`, name: `职工${i}` });
    if (i % 11 === 0) Object.assign(line, { birthDate: '1968-05-20', sex: i % 2 ? '女' : '男' });
    if (i % 13 === 0) Object.assign(line, { params: { ...(params as object), ...PAYROLL }, contributionBase: 6000 + i, specialAdditional: 1000 });
    if (i % 17 === 0) line.policy = { 'benxi-2022': '本溪', 'xiamen-2020': '厦门', 'ningxia-2024': '宁夏', 'changchun-xinqu-2020': '长春新区', 'tongzhou-draft': '通州' }[line.policy as string] ?? line.policy;
    if (i % 19 === 0) line.priorYears = (i % 5) + 0.5;
    if (i % 101 === 0) line.entryDate = '2019-02-30';
    if (i % 103 === 0) line.post = '科长';
    if (i % 107 === 0) line.unknownField = 1;
    if (i % 307 === 0) return '{"policy": "本溪", "post": ';
    if (i % 401 === 0) return '';
    return JSON.stringify(line);
  });
}

/** What `cw calc` has always printed for line `n`: the engine's result through JSON.stringify, or the error. */
function reference(line: string, n: number, trace: boolean, shared: ReturnType<typeof sharedParamsOf>): string {
  if (line.trim() === '') return '';
  try {
    const r = evaluatePayroll(withShared(parseJsonText(line, `第${n}行`), shared), { trace });
    if (!trace) r.trace = [];
    return JSON.stringify(r);
  } catch (e) {
    return JSON.stringify(errorJson(e, n));
  }
}

describe('cw calc output is byte-identical to evaluate() + JSON.stringify', () => {
  const lines = mixedBatch();
  const shared = sharedParamsOf(LOCAL_PARAMS);
  const input = lines.join('\r\n') + '\n';

  function expectSame(out: string, trace: boolean): void {
    const got = out.split('\n');
    expect(got.pop()).toBe('');
    expect(got).toHaveLength(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const want = reference(lines[i], i + 1, trace, shared);
      if (want === '') expect(JSON.parse(got[i]).error).toMatchObject({ code: 'REQUIRED', line: i + 1 });
      else if (got[i] !== want) expect(`${i + 1}: ${got[i]}`).toBe(`${i + 1}: ${want}`);
    }
  }

  test.each([false, true])('in-process, trace %s: every line', (trace) => {
    const r = evaluateChunk(input, 1, trace, shared);
    expect(r.lines).toBe(lines.length);
    expectSame(r.out, trace);
  });

  test('the real binary on two worker threads, with and without trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-same-'));
    try {
      const file = path.join(dir, 'w.jsonl');
      const params = path.join(dir, 'p.json');
      fs.writeFileSync(file, input);
      fs.writeFileSync(params, JSON.stringify(LOCAL_PARAMS));
      const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
      for (const trace of [false, true]) {
        const r = spawnSync(process.execPath, [bin, 'calc', '--params', params, '--threads', '2', '--file', file, ...(trace ? [] : ['--no-trace'])], { encoding: 'utf8', maxBuffer: 1 << 28 });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(2);
        expectSame(r.stdout, trace);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
