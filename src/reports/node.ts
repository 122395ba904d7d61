/**
 * Renders a report document to PDF bytes in Node (the CLI, tests, the bench), with pdfmake's
 * server build and the font read from assets/fonts/. Nothing is fetched: URL and local-file
 * access are refused, the font is handed over in memory.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from './builders';
import { documentDrawable, drawMarkFor, drawMarkOf, renderDocument, renderDrawn } from './draw';
import type { DrawMark } from './draw';
import type { Pdf } from './draw/pdfkit';
import { FONT, FONT_FILE, TABLE_LAYOUTS } from './layout';
import type { DocDefinition } from './layout';
import type { ReportData } from './types';

/* eslint-disable @typescript-eslint/no-var-requires */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: unknown): void;
  setTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(p: (url: string) => boolean): void;
  setLocalAccessPolicy(p: (path: string) => boolean): void;
  setProgressCallback(cb: ((progress: number) => void) | undefined): void;
  createPdf(doc: DocDefinition, options?: object): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | null = null;

/** The font file: assets/fonts/ above this module (src/reports or dist/src/reports). */
export function fontPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, 'assets', 'fonts', FONT_FILE);
    if (fs.existsSync(p)) return path.resolve(p);
    dir = path.dirname(dir);
  }
  throw new Error(`找不到报表字体 assets/fonts/${FONT_FILE}（从 ${__dirname} 向上查找）。请确认安装完整。`);
}

function load(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake/js/index.js') as PdfMake;
  // The font by its absolute path, the one local file pdfmake may open: SVG text (the staffing
  // chart) asks PDFKit for the font by this name, and PDFKit reads the real file system.
  const file = fontPath();
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => path.resolve(p) === file);
  pm.setFonts({ [FONT]: { normal: file, bold: file, italics: file, bolditalics: file } });
  pm.setTableLayouts(TABLE_LAYOUTS);
  pdfmake = pm;
  return pm;
}

async function draw(mark: DrawMark, onProgress?: (share: number) => void): Promise<Buffer> {
  const PDFDocument = require('pdfkit') as new (options: object) => Pdf;
  const bytes = await renderDrawn(mark, PDFDocument, fontPath());
  onProgress?.(1);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether Node draws this report's kind itself (no pdfmake document needed). */
export function drawsItself(data: ReportData): boolean {
  return drawMarkFor(data) !== undefined;
}

/**
 * PDF bytes of a prepared report: drawn directly when its kind is drawn (the pdfmake document is
 * never built), else laid out by pdfmake. Same bytes as `renderPdf(buildReport(data))`.
 */
export async function renderReport(data: ReportData, onProgress?: (share: number) => void): Promise<Buffer> {
  const mark = drawMarkFor(data);
  return mark ? draw(mark, onProgress) : renderPdf(buildReport(data), onProgress);
}

/** PDF bytes of a document definition; `onProgress` gets the share of pages drawn (0–1). */
export async function renderPdf(doc: DocDefinition, onProgress?: (share: number) => void): Promise<Buffer> {
  // Drawn directly (src/reports/draw): the register's long tables and the per-worker pages, in a fraction of pdfmake's time.
  const mark = drawMarkOf(doc);
  if (mark) return draw(mark, onProgress);
  if (documentDrawable(doc)) {
    // Paragraphs and tables only (考核汇总、补助测算、退休名单、调整名单): drawn with PDFKit as pdfmake would lay them out.
    const PDFDocument = require('pdfkit') as new (options: object) => Pdf;
    const bytes = await renderDocument(doc, PDFDocument, fontPath());
    onProgress?.(1);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const pm = load();
  pm.setProgressCallback(onProgress);
  try {
    return await pm.createPdf(doc).getBuffer();
  } finally {
    pm.setProgressCallback(undefined);
  }
}
