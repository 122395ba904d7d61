/**
 * The report Web Worker: computes the figures with the engine, lays the report out and draws
 * the PDF with pdfmake's browser build, off the pane's main thread. The font is a webpack asset
 * (`new URL(…, import.meta.url)`) that pdfmake fetches on the first report and keeps.
 */
import pdfMake from 'pdfmake/build/pdfmake.min.js';
import { CwError } from '../engine';
import { buildReport } from './builders';
import { missingGlyphs } from './coverage';
import { prepareReport } from './data';
import { FONT, TABLE_LAYOUTS } from './layout';
import type { ReportRequest, ReportStage, WorkerMessage } from './protocol';

// @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module, where import.meta.url is the bundle's URL.
const FONT_URL: string = new URL('../../assets/fonts/CwSansSC-Regular.ttf', import.meta.url).href;

const post = (m: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);
const progress = (stage: ReportStage, share: number) => post({ type: 'progress', stage, share });

pdfMake.setUrlAccessPolicy((url) => url === FONT_URL);
pdfMake.setFonts({ [FONT]: { normal: FONT_URL, bold: FONT_URL, italics: FONT_URL, bolditalics: FONT_URL } });
pdfMake.setTableLayouts(TABLE_LAYOUTS);

/** Fetches the font once per worker (pdfmake would fetch it too; this way the pane sees the stage). */
async function loadFont(): Promise<void> {
  if (pdfMake.virtualfs.existsSync(FONT_URL)) return;
  progress('font', 0);
  const response = await fetch(FONT_URL);
  if (!response.ok) throw new Error(`无法加载报表字体（${response.status} ${FONT_URL}）`);
  pdfMake.virtualfs.writeFileSync(FONT_URL, await response.arrayBuffer());
  progress('font', 1);
}

self.onmessage = async (event: MessageEvent<ReportRequest>) => {
  const req = event.data;
  try {
    await loadFont();
    progress('compute', 0);
    const data = prepareReport(req.kind, req.roster, {
      policy: req.policy, period: req.period, params: req.params ?? null, months: req.months, unit: req.unit ?? null,
      onProgress: (done, total) => progress('compute', total ? done / total : 1),
    });
    progress('layout', 0);
    const doc = buildReport(data);
    const missing = missingGlyphs(data, doc);
    pdfMake.setProgressCallback((share) => progress('draw', share));
    const bytes = await pdfMake.createPdf(doc).getBuffer();
    pdfMake.setProgressCallback(undefined);
    // A copy of exactly the PDF's bytes, transferred (not cloned) to the pane.
    const pdf = new Uint8Array(bytes).slice().buffer;
    const paid = req.kind === 'payroll' || req.kind === 'worker' || req.kind === 'funding';
    post({
      type: 'done', pdf, fileName: `${data.title}-${data.policyName}-${data.period}.pdf`, title: data.title, workers: data.workers.length,
      unassessed: paid ? data.workers.filter((w) => !w.pay).map((w) => ({ row: w.row, name: w.name, reason: w.error ?? '' })) : [],
      missing,
    }, [pdf]);
  } catch (e) {
    post(e instanceof CwError ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: `内部错误：${(e as Error)?.message ?? String(e)}` });
  }
};
