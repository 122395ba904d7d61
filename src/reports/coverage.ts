/**
 * Which characters the report font can print. A character the font lacks renders blank in the PDF
 * (not as a box), so every string is checked before rendering and the gaps are reported, naming
 * the worker and the field. The table (src/reports/font-coverage.json) is written by
 * scripts/make-font.py from the font's own cmap, so checking never loads the 8 MB font.
 */
import coverage from './font-coverage.json';
import type { DocDefinition } from './layout';
import type { ReportData } from './types';

const RANGES: ReadonlyArray<readonly [number, number]> = (coverage as unknown as { ranges: Array<[number, number]> }).ranges;

/** True when the report font has a glyph for this code point (controls such as line breaks count as printable). */
export function fontCovers(codePoint: number): boolean {
  if (codePoint < 0x20 || codePoint === 0x7f) return true;
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = RANGES[mid];
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The characters of `text` the font cannot print, each once, in order (whole code points: Extension B and emoji included). */
export function uncoveredIn(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (!fontCovers(ch.codePointAt(0)!) && !out.includes(ch)) out.push(ch);
  }
  return out;
}

/** A character that would not print: where it is. */
export interface MissingChar {
  /** The worker's name, or null for text that is not about one worker (a unit name, a note, a label). */
  worker: string | null;
  /** Sheet row of the worker, when it is about one. */
  row: number | null;
  /** The field, in Chinese: 姓名, 社区, 职务, 计算过程 … */
  field: string;
  char: string;
  /** U+XXXX */
  codePoint: string;
}

function codeOf(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Every character of a report the font lacks: worker fields first (naming the worker and the
 * field), then any other text of the document definition (titles, notes, unit names).
 */
export function missingGlyphs(data: ReportData, doc?: DocDefinition): MissingChar[] {
  const out: MissingChar[] = [];
  const seen = new Set<string>();
  const add = (worker: string | null, row: number | null, field: string, text: string | null | undefined) => {
    if (!text) return;
    for (const ch of uncoveredIn(text)) {
      const key = `${row}\u0001${field}\u0001${ch}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ worker, row, field, char: ch, codePoint: codeOf(ch) });
    }
  };
  const inWorkers = new Set<string>();
  for (const w of data.workers) {
    const who = w.name || `（第${w.row}行）`;
    const fields: Array<[string, string | null | undefined]> = [
      ['姓名', w.name], ['区县', w.county], ['街道', w.street], ['社区', w.community], ['职务', w.title], ['岗位类别', w.post],
      ['身份证号', w.idNumber], ['出生日期', w.birthDate], ['入职日期', w.entryDate], ['学历', w.education], ['学位', w.degree], ['职业资格', w.certificate],
      ['未能核算原因', w.error],
    ];
    for (const [field, text] of fields) {
      add(who, w.row, field, text);
      if (text) inWorkers.add(text);
    }
    if (w.pay) {
      for (const it of w.pay.items) add(who, w.row, '薪酬项目', it.name);
      for (const s of w.pay.trace) add(who, w.row, `计算过程“${s.step}”`, `${s.step}${s.value}${s.source}${s.reading ?? ''}`);
      for (const m of w.pay.warnings) add(who, w.row, '提示', m);
    }
  }
  if (doc) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (!inWorkers.has(v)) add(null, null, '报表文字', v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'svg' && k !== 'info') walk(x);
    };
    walk(doc.content);
    for (const n of data.notes) add(null, null, '说明', n);
    add(null, null, '标题', `${data.title}${data.jurisdiction}${data.unit}${data.policyTitle}${data.policyDoc}`);
  }
  return out;
}

/** One line per missing character, for the CLI's warnings and the pane's list. */
export function missingText(m: MissingChar): string {
  const where = m.worker ? `${m.worker}${m.row !== null ? `（第${m.row}行）` : ''}的“${m.field}”` : `“${m.field}”`;
  return `${where}中的“${m.char}”（${m.codePoint}）字体中没有，打印出来是空白；请核对该字是否录错，或改用常用字形。`;
}
