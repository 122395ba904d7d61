/**
 * The part of PDFKit's API the drawn reports use (PDFKit ships no types), and a document made
 * with the reports' page furniture settings: A4, the embedded font, fixed metadata dates (the
 * same input gives the same bytes), pages buffered so "共 M 页" can be written at the end.
 */
import { FONT } from '../layout';

/** The PDFKit calls the drawings make. */
export interface Pdf {
  page: { width: number; height: number };
  registerFont(name: string, src: string | Uint8Array): Pdf;
  font(name: string, size?: number): Pdf;
  fontSize(size: number): Pdf;
  fillColor(color: string): Pdf;
  strokeColor(color: string): Pdf;
  lineWidth(w: number): Pdf;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): Pdf;
  widthOfString(text: string, options?: Record<string, unknown>): number;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  moveTo(x: number, y: number): Pdf;
  lineTo(x: number, y: number): Pdf;
  rect(x: number, y: number, w: number, h: number): Pdf;
  fill(color?: string): Pdf;
  stroke(): Pdf;
  addPage(options?: Record<string, unknown>): Pdf;
  switchToPage(n: number): Pdf;
  bufferedPageRange(): { start: number; count: number };
  on(event: string, fn: (chunk?: Uint8Array) => void): Pdf;
  end(): void;
}

/** A glyph's placement from the font's layout, in thousandths of an em. */
export interface GlyphPosition { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }

/**
 * The PDFKit internals the batched text writer (rules.ts) uses: the current font's encoder, its
 * resource name and the page's font dictionary, and raw content. PDFKit's own `text()` writes the
 * same operators, one q/cm/BT/Tm/Tf/TJ/ET/Q group per string.
 */
export interface PdfText {
  _font: { id: string; ascender: number; encode(text: string): [string[], GlyphPosition[]]; ref(): unknown };
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** What a drawn report's document is made with. */
export interface PdfSetup {
  landscape: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  info: { Title: string; Author: string; Subject: string; Keywords: string; Creator: string; Producer: string; CreationDate: Date; ModDate: Date };
  /** The font file's bytes or path. */
  font: string | Uint8Array;
}

/** A PDFKit document (constructor passed in: Node's `pdfkit` or the browser's standalone build). */
export function makePdf(PDFDocument: new (options: object) => Pdf, setup: PdfSetup): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.landscape ? 'landscape' : 'portrait',
    margins: setup.margins,
    info: setup.info,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    // PDFKit's text measuring needs no system fonts: ours is registered before any text.
    font: null,
  });
  doc.registerFont(FONT, setup.font as string);
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (c) => chunks.push(c!));
    doc.on('end', () => {
      let n = 0;
      for (const c of chunks) n += c.length;
      const out = new Uint8Array(n);
      let at = 0;
      for (const c of chunks) { out.set(c, at); at += c.length; }
      resolve(out);
    });
    doc.on('error', reject as never);
    doc.end();
  });
}
