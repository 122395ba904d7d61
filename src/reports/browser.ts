/**
 * The task pane's entry to the reports. Load it with a dynamic import so pdfmake, the report
 * code and the font stay out of the pane's initial bundle:
 *
 *   const { renderReport } = await import('../reports/browser');
 *   const r = await renderReport({ kind: 'payroll', roster, policy: '本溪', period: '2026-12' }, { onProgress });
 *
 * The work runs in a Web Worker (report.worker.ts); this module itself holds no engine or
 * pdfmake code. See src/reports/README.md.
 */
import type { MissingChar } from './coverage';
import type { ReportRequest, ReportStage, WorkerMessage } from './protocol';
import { STAGE_LABELS } from './protocol';

export type { ReportRequest, ReportStage } from './protocol';
export { STAGE_LABELS } from './protocol';
export type { MissingChar } from './coverage';

/** A finished report. */
export interface ReportResult {
  /** The PDF (type application/pdf). */
  blob: Blob;
  /** The same bytes, e.g. to write into a file or post elsewhere. */
  bytes: ArrayBuffer;
  /** A file name such as 社区工作者薪酬发放表-本溪-2026-12.pdf. */
  fileName: string;
  title: string;
  workers: number;
  /** Workers whose pay could not be computed (listed at the end of the report too). */
  unassessed: Array<{ row: number; name: string; reason: string }>;
  /** Characters the font lacks (they print blank): show them to the clerk before printing. */
  missing: MissingChar[];
}

/** Progress for a progress bar: the stage, its Chinese label, and an overall share 0–1. */
export interface ReportProgress {
  stage: ReportStage;
  label: string;
  /** Share of this stage done (0–1). */
  stageShare: number;
  /** Share of the whole report done (0–1), monotone. */
  share: number;
}

/** A report failed: `code` is the engine's error code (MISSING_PARAM, NOT_IN_FORCE …), `message` Chinese. */
export class ReportError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

const WEIGHT: Record<ReportStage, [number, number]> = { font: [0, 0.05], compute: [0.05, 0.35], layout: [0.35, 0.4], draw: [0.4, 1] };

/** Starts a worker (webpack 5 bundles report.worker.ts and its imports as a separate chunk). */
function startWorker(): Worker {
  // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
  return new Worker(new URL('./report.worker.ts', import.meta.url), { name: 'cw-report' });
}

/** One idle worker is kept between reports, so the font is fetched and parsed once. */
let idle: Worker | null = null;

/** Stops the kept worker (e.g. when the pane closes its Reports section). */
export function disposeReportWorker(): void {
  idle?.terminate();
  idle = null;
}

/**
 * Renders one report in a Web Worker. Rejects with {@link ReportError} for bad input (the
 * engine's Chinese message), or with an AbortError when `signal` aborts (the worker is stopped).
 */
export function renderReport(
  request: ReportRequest,
  options: { onProgress?: (p: ReportProgress) => void; signal?: AbortSignal; worker?: () => Worker } = {},
): Promise<ReportResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('已取消生成报表。', 'AbortError'));
      return;
    }
    let worker: Worker;
    if (options.worker) worker = options.worker();
    else if (idle) {
      worker = idle;
      idle = null;
    } else worker = startWorker();
    let best = 0;
    const finish = (keep = false) => {
      worker.onmessage = null;
      worker.onerror = null;
      options.signal?.removeEventListener('abort', onAbort);
      if (keep && !options.worker && idle === null) idle = worker;
      else worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('已取消生成报表。', 'AbortError'));
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') {
        const [a, b] = WEIGHT[m.stage];
        best = Math.max(best, a + (b - a) * Math.max(0, Math.min(1, m.share)));
        options.onProgress?.({ stage: m.stage, label: STAGE_LABELS[m.stage], stageShare: m.share, share: best });
      } else if (m.type === 'done') {
        finish(true);
        options.onProgress?.({ stage: 'draw', label: STAGE_LABELS.draw, stageShare: 1, share: 1 });
        resolve({ blob: new Blob([m.pdf], { type: 'application/pdf' }), bytes: m.pdf, fileName: m.fileName, title: m.title, workers: m.workers, unassessed: m.unassessed, missing: m.missing });
      } else {
        finish(true);
        reject(new ReportError(m.code, m.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new ReportError('INTERNAL', `报表线程出错：${event.message || '未知错误'}`));
    };
    worker.postMessage(request);
  });
}
