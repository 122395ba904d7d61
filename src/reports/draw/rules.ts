/**
 * A page's fills, text and table rules, collected while rows are laid out and drawn once when the
 * page is done, in painting order: each fill colour is one path and one fill, then the text — one
 * text object for the page, font size and colour set only when they change, each string's glyphs
 * encoded once per document — then every rule of the page as one path and one stroke. Vertical
 * segments that meet end to end are merged into one line.
 */
import type { GlyphPosition, Pdf, PdfText } from './pdfkit';

/** PDFKit's number format in content streams (six decimals). */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** A string's TJ operand as PDFKit writes it (glyph runs and their kerning), or null when a glyph is offset (then PDFKit draws it). */
function glyphRun(encoded: string[], positions: GlyphPosition[]): string | null {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p.xOffset || p.yOffset) return null;
    if (p.xAdvance - p.advanceWidth !== 0) {
      parts.push(`<${encoded.slice(last, i + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      last = i + 1;
    }
  }
  if (last < encoded.length) parts.push(`<${encoded.slice(last).join('')}> 0`);
  return `[${parts.join(' ')}] TJ`;
}

/** Rules and fills of the current page. */
export class PageRules {
  private readonly h: number[] = [];
  private readonly v = new Map<number, Array<[number, number]>>();
  private readonly fills = new Map<string, number[]>();
  private readonly texts: Array<{ text: string; x: number; y: number; size: number; color: string }> = [];
  /** Each string's TJ operator, encoded once (glyph ids stay fixed within a document). */
  private readonly runs = new Map<string, string | null>();

  /** Text at (x, y), the top of its line, on one line. */
  text(text: string, x: number, y: number, size: number, color = '#000000'): void {
    if (text !== '') this.texts.push({ text, x, y, size, color });
  }

  /** A horizontal rule from x1 to x2 at y. */
  hLine(x1: number, x2: number, y: number): void {
    this.h.push(x1, x2, y);
  }

  /** A vertical rule at x from y1 down to y2; joined to the one above it when they meet. */
  vLine(x: number, y1: number, y2: number): void {
    const key = Math.round(x * 100) / 100;
    let list = this.v.get(key);
    if (!list) this.v.set(key, (list = []));
    const last = list[list.length - 1];
    if (last && Math.abs(last[1] - y1) < 0.01) last[1] = y2;
    else list.push([y1, y2]);
  }

  /** A filled rectangle. */
  fillRect(color: string, x: number, y: number, w: number, h: number): void {
    let list = this.fills.get(color);
    if (!list) this.fills.set(color, (list = []));
    list.push(x, y, w, h);
  }

  /** Draws the fills, then the text, then every rule as one stroked path, and forgets them. */
  flush(doc: Pdf, width: number, ruleColor: string): void {
    for (const [c, r] of this.fills) {
      for (let i = 0; i < r.length; i += 4) doc.rect(r[i], r[i + 1], r[i + 2], r[i + 3]);
      doc.fill(c);
    }
    this.fills.clear();
    this.writeTexts(doc);
    this.texts.length = 0;
    if (this.h.length || this.v.size) {
      for (let i = 0; i < this.h.length; i += 3) doc.moveTo(this.h[i], this.h[i + 2]).lineTo(this.h[i + 1], this.h[i + 2]);
      for (const [x, segs] of this.v) for (const [y1, y2] of segs) doc.moveTo(x, y1).lineTo(x, y2);
      doc.lineWidth(width).strokeColor(ruleColor).stroke();
    }
    this.h.length = 0;
    this.v.clear();
  }

  /** The page's strings in one text object: what PDFKit's `text()` writes per string, without a q…Q group each. */
  private writeTexts(doc: Pdf): void {
    if (!this.texts.length) return;
    const pdf = doc as unknown as Pdf & PdfText;
    const font = pdf._font;
    if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref();
    const height = pdf.page.height;
    let size = -1;
    let color = '';
    let open = false;
    const begin = () => {
      // PDFKit's page space has y downwards; text is set in the PDF's own, y upwards.
      pdf.addContent(`q\n1 0 0 -1 0 ${num(height)} cm\nBT`);
      open = true;
    };
    const finish = () => {
      if (open) pdf.addContent('ET\nQ');
      open = false;
      size = -1;
      color = '';
    };
    for (const t of this.texts) {
      let run = this.runs.get(t.text);
      if (run === undefined) {
        const [encoded, positions] = font.encode(t.text);
        this.runs.set(t.text, (run = glyphRun(encoded, positions)));
      }
      if (run === null) {
        // A positioned glyph (a combining mark): PDFKit places it.
        finish();
        doc.fontSize(t.size).fillColor(t.color);
        doc.text(t.text, t.x, t.y, { lineBreak: false });
        continue;
      }
      if (!open) begin();
      if (t.size !== size) pdf.addContent(`/${font.id} ${num((size = t.size))} Tf`);
      if (t.color !== color) doc.fillColor((color = t.color));
      pdf.addContent(`1 0 0 1 ${num(t.x)} ${num(height - t.y - (font.ascender / 1000) * t.size)} Tm\n${run}`);
    }
    finish();
  }
}
