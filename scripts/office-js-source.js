/**
 * Where the add-in's pages load Office.js from: the build option CW_OFFICE_JS.
 *
 *   cdn       (default) Microsoft's global CDN, as Microsoft requires for the public cloud.
 *   21vianet  Microsoft 365 operated by 21Vianet (世纪互联, China): its own CDN.
 *   bundled   a copy from the @microsoft/office-js package, served by the add-in's own server
 *             (office-js/office.js under dist/addin/), for intranets that cannot reach any CDN.
 *
 * The Content-Security-Policy of taskpane.html follows: it allows scripts and connections to the
 * chosen CDN's origin only, or to the add-in's own origin ('self') when bundled.
 */
'use strict';

const SOURCES = {
  cdn: { url: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', origin: 'https://appsforoffice.microsoft.com' },
  '21vianet': {
    url: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
    origin: 'https://appsforoffice.cdn.partner.office365.cn',
  },
  // Relative to taskpane.html, so the copy is served from wherever dist/addin/ is hosted.
  bundled: { url: 'office-js/office.js', origin: null },
};

/** The folder under dist/addin/ that holds the bundled copy. */
const BUNDLED_DIR = 'office-js';

/**
 * The Office.js source for a CW_OFFICE_JS value (blank: cdn). An unknown value is a Chinese
 * error naming what is accepted, so a typo never builds a pane that loads nothing.
 */
function officeJsSource(value) {
  const key = String(value ?? '').trim().toLowerCase() || 'cdn';
  const s = SOURCES[key];
  if (!s) {
    throw new Error(`CW_OFFICE_JS=“${value}”无法识别。可用：cdn（默认，微软全球 CDN）、21vianet（世纪互联运营的 Microsoft 365）、bundled（随加载项部署的本地副本）。`);
  }
  const src = s.origin ?? "'self'";
  return {
    kind: key,
    url: s.url,
    /** script-src and connect-src of the runtime page. */
    csp: `default-src 'self'; script-src 'self'${s.origin ? ` ${s.origin}` : ''}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'${s.origin ? ` ${s.origin}` : ''}; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'`,
    bundled: key === 'bundled',
    origin: src,
  };
}

module.exports = { officeJsSource, SOURCES, BUNDLED_DIR };
