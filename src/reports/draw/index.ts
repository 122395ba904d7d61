/**
 * Reports drawn with PDFKit directly instead of laid out by pdfmake: the payroll register (long
 * tables, fixed rows, with 代扣/实发 when the data has deductions) and the per-worker report (one
 * page per worker). A builder marks its document definition with `cwDraw`; the Node renderer
 * (../node.ts) draws marked documents here and gives the rest to pdfmake, and can draw the data
 * without building the pdfmake document at all. The browser keeps pdfmake for every report (its
 * Web Worker bundle already carries it), ignoring the mark. The other tabular reports are drawn
 * from their document definition when it holds nothing but paragraphs and tables (document.ts).
 */
import { documentInfo } from '../layout';
import type { DocDefinition } from '../layout';
import type { ReportData, ReportKind } from '../types';
import { makePdf, pdfBytes } from './pdfkit';
import type { Pdf } from './pdfkit';
import { drawRegister, pageNumbers, REGISTER_MARGINS } from './register';
import { drawWorkers, WORKER_MARGINS } from './worker';
import { documentDrawable, drawDocument } from './document';

export { documentDrawable } from './document';

/** The drawings: the payroll register and the per-worker pages. */
export type Drawing = 'register' | 'workers';

/** The mark a builder puts on a document definition the Node renderer should draw itself. */
export interface DrawMark {
  drawing: Drawing;
  data: ReportData;
}

/** The drawing of each report kind Node draws itself. */
const DRAWN: Partial<Record<ReportKind, Drawing>> = { payroll: 'register', worker: 'workers' };

/** The mark for a report's data when Node draws that kind itself, else undefined. */
export function drawMarkFor(data: ReportData): DrawMark | undefined {
  const drawing = DRAWN[data.kind];
  return drawing ? { drawing, data } : undefined;
}

/** The document definition with the mark that has Node draw it. */
export function drawnAs(doc: DocDefinition, mark: DrawMark): DocDefinition {
  return Object.defineProperty(doc, 'cwDraw', { value: mark, enumerable: false });
}

/** The document definition with the mark that has Node draw it as a register. */
export function drawnAsRegister(doc: DocDefinition, data: ReportData): DocDefinition {
  return drawnAs(doc, { drawing: 'register', data });
}

/** The mark on a document definition, if any. */
export function drawMarkOf(doc: DocDefinition): DrawMark | undefined {
  return (doc as { cwDraw?: DrawMark }).cwDraw;
}

/** PDF bytes of a drawable document definition (`documentDrawable`): the tabular reports without a chart or list. */
export async function renderDocument(def: DocDefinition, PDFDocument: new (options: object) => Pdf, font: string | Uint8Array): Promise<Uint8Array> {
  const i = def.info as ReturnType<typeof documentInfo>;
  const [left, top, right, bottom] = def.pageMargins as number[];
  const doc = makePdf(PDFDocument, {
    landscape: def.pageOrientation === 'landscape',
    margins: { left, top, right, bottom },
    info: { Title: i.title, Author: i.author, Subject: i.subject, Keywords: i.keywords, Creator: i.creator, Producer: 'cwkit (PDFKit)', CreationDate: i.creationDate, ModDate: i.modDate },
    font,
  });
  drawDocument(doc, def);
  pageNumbers(doc, bottom);
  return pdfBytes(doc);
}

/** PDF bytes of a marked document; `PDFDocument` is PDFKit's constructor, `font` the font file. */
export async function renderDrawn(mark: DrawMark, PDFDocument: new (options: object) => Pdf, font: string | Uint8Array): Promise<Uint8Array> {
  const { data, drawing } = mark;
  const i = documentInfo(data, 'cwkit (PDFKit)');
  const doc = makePdf(PDFDocument, {
    landscape: drawing === 'register',
    margins: drawing === 'register' ? REGISTER_MARGINS : WORKER_MARGINS,
    info: { Title: i.title, Author: i.author, Subject: i.subject, Keywords: i.keywords, Creator: i.creator, Producer: i.producer, CreationDate: i.creationDate, ModDate: i.modDate },
    font,
  });
  if (drawing === 'register') drawRegister(doc, data);
  else drawWorkers(doc, data);
  pageNumbers(doc, drawing === 'register' ? REGISTER_MARGINS.bottom : WORKER_MARGINS.bottom);
  return pdfBytes(doc);
}
