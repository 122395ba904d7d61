/// <reference types="office-js" />
/**
 * Whether the pane can hand the clerk a file (the PDF report) as a download. Detected, not
 * assumed: Microsoft's "Browsers and webview controls used by Office Add-ins" says directly
 * downloading blobs is not supported in the WebView2 control of Office on Windows, and Office on
 * Mac's WKWebView does not download them either; Office on the web runs the pane in the clerk's own
 * browser, where an `<a download>` link to a blob: URL works. Outside Office (the workbench, the
 * local app) only the browser's own capability counts. Where this is false the pane offers the
 * report as a worksheet instead (print it, or Excel's own 另存为 PDF) — never a button that does nothing.
 */

/** What decides it, so tests can state each case. */
export interface DownloadEnvironment {
  /** Office.context.platform inside Office (PC, Mac, OfficeOnline, iOS …); null outside Office. */
  officePlatform: string | null;
  /** The page can make blob: URLs and `<a download>` links. */
  browserCanDownload: boolean;
}

/** The decision for one environment. */
export function downloadWorks(env: DownloadEnvironment): boolean {
  if (!env.browserCanDownload) return false;
  if (env.officePlatform === null) return true;
  // Only Office on the web runs the pane in a full browser.
  return env.officePlatform === 'OfficeOnline';
}

/** This page's environment. */
export function currentEnvironment(): DownloadEnvironment {
  const browserCanDownload =
    typeof document !== 'undefined' && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function' && 'download' in document.createElement('a');
  let officePlatform: string | null = null;
  if (typeof Office !== 'undefined' && Office.context && Office.context.platform) officePlatform = String(Office.context.platform);
  return { officePlatform, browserCanDownload };
}

/** Whether a PDF download works here. */
export function canDownloadFiles(): boolean {
  return downloadWorks(currentEnvironment());
}
