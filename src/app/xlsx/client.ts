/**
 * The page's side of the .xlsx worker: open a file's bytes, save with changes. Each call runs in
 * a fresh worker, so Cancel (an AbortSignal) stops it at once; nothing leaves the page.
 */
import type { ReadBook } from './read';
import type { SaveRequest } from './save';
import type { XlsxMessage, XlsxRequest } from './protocol';

function run<T>(request: XlsxRequest, transfer: Transferable[], pick: (m: XlsxMessage) => T | undefined, onProgress?: (share: number, label: string) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('已取消。', 'AbortError'));
    // @ts-ignore TS1343: tsc type-checks this file as CommonJS; webpack compiles it as an ES module.
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { name: 'cw-xlsx' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('已取消。', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<XlsxMessage>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress?.(m.share, m.label);
      finish();
      if (m.type === 'error') return reject(new Error(m.message));
      const v = pick(m);
      if (v === undefined) reject(new Error('工作簿线程返回了意外的结果。'));
      else resolve(v);
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new Error(`工作簿线程出错：${event.message || '未知错误'}`));
    };
    worker.postMessage(request, transfer);
  });
}

/** Reads a workbook in the worker (the bytes are copied; the page keeps its own for saving). */
export function openWorkbookBytes(bytes: ArrayBuffer, fileName: string, options: { onProgress?: (share: number, label: string) => void; signal?: AbortSignal } = {}): Promise<ReadBook> {
  const copy = bytes.slice(0);
  return run({ type: 'read', bytes: copy, fileName }, [copy], (m) => (m.type === 'read' ? m.book : undefined), options.onProgress, options.signal);
}

/** Saves in the worker; resolves to the new file's bytes. */
export function saveWorkbookBytes(request: SaveRequest, options: { onProgress?: (share: number, label: string) => void; signal?: AbortSignal } = {}): Promise<ArrayBuffer> {
  return run({ type: 'save', request }, [], (m) => (m.type === 'saved' ? m.bytes : undefined), options.onProgress, options.signal);
}
