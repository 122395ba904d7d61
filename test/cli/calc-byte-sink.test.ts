import { ByteSink } from '../../src/cli/byte-sink';

describe('ByteSink (cw calc encodes result lines straight to UTF-8)', () => {
  test('gives back exactly the UTF-8 of what was written, growing past its first size', () => {
    const sink = new ByteSink(8);
    const parts = ['{"a":1}\n', '基础工资 3590.40\n', '𠮷 (a surrogate pair)\n', 'x'.repeat(1000) + '\n'];
    for (const p of parts) sink.write(p);
    const out = sink.take();
    expect(out.toString('utf8')).toBe(parts.join(''));
    expect(out.length).toBe(Buffer.byteLength(parts.join('')));
  });

  test('each take is a buffer of its own, whole (so it can be moved to another thread), and starts over', () => {
    const sink = new ByteSink(4);
    sink.write('第一块\n');
    const a = sink.take();
    sink.write('second\n');
    const b = sink.take();
    expect([a.toString('utf8'), b.toString('utf8')]).toEqual(['第一块\n', 'second\n']);
    expect(a.buffer).not.toBe(b.buffer);
    for (const x of [a, b]) expect([x.byteOffset, x.buffer.byteLength]).toEqual([0, x.length]);
    expect(sink.take().length).toBe(0);
  });
});
