/**
 * Text measuring and line breaking for the drawn reports: each character's advance is asked of
 * PDFKit once and cached, so a string's width is a sum, not a font layout; lines break where
 * pdfmake's breaker (Unicode line breaking) would: between Chinese characters, after spaces,
 * never before closing punctuation or after opening punctuation, never beside a quotation mark,
 * never inside a Latin word or number.
 */
import type { Pdf } from './pdfkit';

/** Punctuation a line may not start with. */
const CLOSING = new Set(Array.from('）〕》」』】〉，。、；：！？,.;:!?)]}%'));
/** Punctuation a line may not end with. */
const OPENING = new Set(Array.from('（〔《「『【〈([{'));
/** Quotation marks, which Unicode line breaking keeps with what is on both sides of them. */
const QUOTES = new Set(Array.from('“”‘’"\''));

/** A character of the CJK ranges or the fullwidth forms: a break may fall on either side of it. */
function wide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x2e80 && !(cp >= 0xfe70 && cp <= 0xfeff) && !(cp >= 0xff61 && cp <= 0xffdc);
}

/** Whether a line may break between `a` and `b`. */
function breakable(a: string, b: string): boolean {
  if (b === ' ' || CLOSING.has(b) || OPENING.has(a) || QUOTES.has(a) || QUOTES.has(b)) return false;
  return a === ' ' || wide(a) || wide(b);
}

/** Widths of strings in the report font, from cached per-character advances. */
export class Widths {
  private readonly perChar = new Map<string, number>();

  constructor(private readonly doc: Pdf) {}

  /** The width of `text` at `size` points. */
  of(text: string, size: number): number {
    let w = 0;
    for (const ch of text) {
      let c = this.perChar.get(ch);
      if (c === undefined) {
        // Asked at 1000 points so the cached advance keeps its precision; the next drawn text sets its own size.
        this.doc.fontSize(1000);
        this.perChar.set(ch, (c = this.doc.widthOfString(ch) / 1000));
      }
      w += c;
    }
    return w * size;
  }

  /** `text` broken into lines no wider than `width` at `size` (its own newlines kept). */
  wrap(text: string, width: number, size: number): string[] {
    // A hair of slack: a column sized to its text ('auto') must not break it for a rounding error.
    width += 1e-6;
    const out: string[] = [];
    for (const para of text.split('\n')) this.wrapLine(para, width, size, out);
    return out;
  }

  private wrapLine(text: string, width: number, size: number, out: string[]): void {
    if (this.of(text, size) <= width) {
      out.push(text);
      return;
    }
    // Pieces that end where a break is allowed, laid greedily; a piece wider than a line is cut by character.
    const chars = Array.from(text);
    let line = '';
    let lineW = 0;
    let piece = '';
    const place = (p: string) => {
      const trimmed = p.replace(/ +$/, '');
      if (line && lineW + this.of(trimmed, size) > width) {
        out.push(line.replace(/ +$/, ''));
        line = '';
        lineW = 0;
        p = p.replace(/^ +/, '');
      }
      if (!line && this.of(p.replace(/ +$/, ''), size) > width) {
        for (const ch of Array.from(p)) {
          const cw = this.of(ch, size);
          if (line && lineW + cw > width) {
            out.push(line);
            line = '';
            lineW = 0;
          }
          line += ch;
          lineW += cw;
        }
        return;
      }
      line += p;
      lineW += this.of(p, size);
    };
    for (let i = 0; i < chars.length; i++) {
      piece += chars[i];
      if (i === chars.length - 1 || breakable(chars[i], chars[i + 1])) {
        place(piece);
        piece = '';
      }
    }
    if (line) out.push(line.replace(/ +$/, ''));
  }
}
