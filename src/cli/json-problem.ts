/**
 * Where a piece of JSON text stops being JSON, said in Chinese. `JSON.parse` only says so in V8's
 * English (and not always where), so on failure this scanner walks the text once more and names
 * the first character that cannot continue it and what was expected there.
 */

/** The first place `text` is not JSON: 0-based index and what was expected (Chinese). */
export interface JsonProblem {
  index: number;
  expected: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ANY_VALUE = '一个值（对象 {…}、带双引号的字符串 "…"、数字、true、false 或 null）';

/** Scans `text` as one JSON value; null when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw { index: i, expected } satisfies JsonProblem;
  };
  const ws = () => { while (i < text.length && WS.has(text[i])) i++; };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(ANY_VALUE);
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('结尾的双引号 "');
      const ch = text[i];
      if (ch === '"') { i++; return; }
      if (ch < ' ') fail('字符串内不能有换行或控制字符，应为 \\n 等转义');
      if (ch === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u 后的四位十六进制数');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('有效的转义（\\" \\\\ \\n \\t \\uXXXX 等）');
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail('数字');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === undefined) fail(ANY_VALUE);
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('用双引号括起的字段名，如 "policy"');
        string(); ws();
        if (text[i] !== ':') fail('冒号 :');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('逗号 , 或 }');
      }
    }
    if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('逗号 , 或 ]');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail(ANY_VALUE);
  };
  try {
    value(); ws();
    if (i < text.length) fail('内容结束（一行只能有一个 JSON 对象）');
    return null;
  } catch (e) {
    if (e && typeof e === 'object' && 'expected' in e) return e as JsonProblem;
    throw e;
  }
}

/** A Chinese sentence saying where `text` is not JSON, quoting the text around that place. */
export function jsonProblemText(text: string): string {
  const p = findJsonProblem(text);
  if (!p) return '内容无法识别';
  const at = Array.from(text.slice(0, p.index)).length + 1; // characters, not UTF-16 units
  if (p.index >= text.length) return `内容不完整：到结尾仍缺少${p.expected}`;
  const from = Math.max(0, p.index - 12);
  const near = text.slice(from, p.index + 12).replace(/[\r\n\t]/g, ' ');
  return `第 ${at} 个字符处应为${p.expected}（附近：“${from > 0 ? '…' : ''}${near}${p.index + 12 < text.length ? '…' : ''}”）`;
}
