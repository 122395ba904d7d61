/**
 * Reports drawn with PDFKit directly instead of laid out by pdfmake: the payroll register (long
 * tables, fixed rows). A builder marks its document definition with `cwDraw`; the Node renderer
 * (../node.ts) draws marked documents here and gives the rest to pdfmake. The browser keeps
 * pdfmake for every report (its Web Worker bundle already carries it), ignoring the mark.
 */
import { documentInfo } from '../layout';
import type { DocDefinition } from '../layout';
import type { ReportData } from '../types';
import { makePdf, pdfBytes } from './pdfkit';
import type { Pdf } from './pdfkit';
import { drawRegister, pageNumbers, REGISTER_MARGINS } from './register';

/** The mark a builder puts on a document definition the Node renderer should draw itself. */
export interface DrawMark {
  register: ReportData;
}

/** The document definition with the mark that has Node draw it as a register. */
export function drawnAsRegister(doc: DocDefinition, data: ReportData): DocDefinition {
  return Object.defineProperty(doc, 'cwDraw', { value: { register: data } satisfies DrawMark, enumerable: false });
}

/** The mark on a document definition, if any. */
export function drawMarkOf(doc: DocDefinition): DrawMark | undefined {
  return (doc as { cwDraw?: DrawMark }).cwDraw;
}

/** PDF bytes of a marked document; `PDFDocument` is PDFKit's constructor, `font` the font file. */
export async function renderDrawn(mark: DrawMark, PDFDocument: new (options: object) => Pdf, font: string | Uint8Array): Promise<Uint8Array> {
  const data = mark.register;
  const i = documentInfo(data, 'cwkit (PDFKit)');
  const doc = makePdf(PDFDocument, {
    landscape: true,
    margins: REGISTER_MARGINS,
    info: { Title: i.title, Author: i.author, Subject: i.subject, Keywords: i.keywords, Creator: i.creator, Producer: i.producer, CreationDate: i.creationDate, ModDate: i.modDate },
    font,
  });
  drawRegister(doc, data);
  pageNumbers(doc);
  return pdfBytes(doc);
}
