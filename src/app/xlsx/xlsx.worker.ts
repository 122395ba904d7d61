/** The app's .xlsx Web Worker: opening and saving the clerk's workbook off the page's main thread. */
import { readXlsx } from './read';
import { saveXlsx } from './save';
import { XlsxError } from './parts';
import type { XlsxMessage, XlsxRequest } from './protocol';

const post = (m: XlsxMessage, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

self.onmessage = async (event: MessageEvent<XlsxRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'read') {
      let last = -1;
      const book = await readXlsx(new Uint8Array(req.bytes), {
        fileName: req.fileName,
        onProgress: (share, label) => {
          if (share - last < 0.01 && share < 1) return;
          last = share;
          post({ type: 'progress', share, label });
        },
      });
      post({ type: 'read', book });
    } else {
      post({ type: 'progress', share: 0, label: '正在保存' });
      const bytes = await saveXlsx(req.request);
      const out = bytes.slice().buffer;
      post({ type: 'saved', bytes: out }, [out]);
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof XlsxError ? e.message : `无法处理该工作簿：${(e as Error)?.message ?? String(e)}。请确认它是用 Excel 或 WPS 保存的 .xlsx 文件。` });
  }
};
