/**
 * Test page for the browser report path: loads src/reports/browser with a dynamic import (as the
 * task pane will) and exposes one function for the test to call.
 */
import type { ReportRequest } from '../../../src/reports/browser';

declare global {
  interface Window {
    cwRender(req: ReportRequest): Promise<{ base64?: string; size?: number; fileName?: string; missing?: unknown[]; progress: Array<{ stage: string; share: number }>; error?: { code: string; message: string }; type?: string }>;
  }
}

window.cwRender = async (req) => {
  const { renderReport, ReportError } = await import(/* webpackChunkName: "reports" */ '../../../src/reports/browser');
  const progress: Array<{ stage: string; share: number }> = [];
  try {
    const r = await renderReport(req, { onProgress: (p) => progress.push({ stage: p.stage, share: p.share }) });
    const bytes = new Uint8Array(await r.blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { base64: btoa(bin), size: bytes.length, fileName: r.fileName, missing: r.missing, progress, type: r.blob.type };
  } catch (e) {
    if (e instanceof ReportError) return { error: { code: e.code, message: e.message }, progress };
    throw e;
  }
};
