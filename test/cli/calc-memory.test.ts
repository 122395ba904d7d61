import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateWorkers, LOCAL_PARAMS } from '../../bench/workers';
import { measureNode } from '../../bench/measure';

/**
 * `cw calc` streams: the compiled binary, with the full trace (≈2.6 KB of output a line), on two
 * batch sizes in one run. Holding the output would add ≈130 MB at 50,000 lines; streaming keeps
 * the peak where it is at 10,000. Memory, not time: the ratio is asserted loosely.
 */
describe('cw calc memory', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'cw.js');
  const probe = path.join(__dirname, '..', '..', 'dist', 'bench', 'probe.js');
  test('peak memory does not grow with the batch size (10,000 vs 60,000 lines, with trace)', () => {
    expect(fs.existsSync(probe)).toBe(true); // npm test builds dist/ first
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mem-'));
    const params = path.join(dir, 'p.json');
    fs.writeFileSync(params, JSON.stringify(LOCAL_PARAMS));
    const lines = generateWorkers(10_000, 3).map(({ params: _shared, ...w }) => JSON.stringify(w)).join('\n') + '\n';
    const small = path.join(dir, 'small.jsonl');
    const large = path.join(dir, 'large.jsonl');
    fs.writeFileSync(small, lines);
    fs.writeFileSync(large, lines.repeat(6));
    try {
      const a = measureNode(bin, ['calc', '--params', params, '--file', small], { keepStdout: false });
      const b = measureNode(bin, ['calc', '--params', params, '--file', large], { keepStdout: false });
      expect([a.status, b.status]).toEqual([0, 0]);
      expect(b.rssBytes / a.rssBytes).toBeLessThan(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
