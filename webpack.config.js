/**
 * Builds the Excel add-in into dist/addin/ (Microsoft's shared-runtime custom-functions layout):
 *
 *   functions.js           the CW custom functions (src/functions/functions.ts + the engine)
 *   functions.json         their metadata, generated from the JSDoc by custom-functions-metadata
 *   functions-zh-CN.json   the same metadata with Chinese descriptions and parameter names
 *   taskpane.js            the React + Fluent UI task pane
 *   taskpane.html          the one runtime page: loads office.js, functions.js and taskpane.js
 *   help/index.html, help/functions.html
 *                          the zh-CN help pages SupportUrl, LearnMoreUrl and each function's helpUrl open
 *   office-js/             only with CW_OFFICE_JS=bundled: Office.js from @microsoft/office-js
 *   workbench.html/.js, sample-roster.xlsx
 *                          development build only (`npm start`, the tests): the local app (src/app)
 *                          opening the sample roster. Never in the production build; `npm run build:app`
 *                          builds the local app alone (webpack.app.config.js).
 *   reports.*.js, *.worker chunks, assets/CwSansSC-*.ttf
 *                          the reports, loaded only when the pane asks for one (dynamic import and a
 *                          Web Worker with pdfmake and the font): not part of taskpane.js
 *   manifest.xml           the manifest (URLs rewritten when CW_ADDIN_URL is set)
 *   assets/icon-*.png      icons
 *
 * `npm run build` (production: minified, no workbench, no sample data, no source maps) ·
 * `npm run build:dev` (development: workbench, sample roster and source maps) · `npm start`
 * (scripts/start.js: dev server on https://localhost:3000, sideloading where Excel can) ·
 * `npm run start:addin` (dev server only).
 *
 * Environment: CW_ADDIN_URL=https://host/path/ (where dist/addin/ will be served; default the dev
 * server) and CW_OFFICE_JS=cdn|21vianet|bundled (scripts/office-js-source.js).
 */
/* eslint-env node */
'use strict';
const path = require('path');
const { sources } = require('webpack');
const { MODULES, outputNames, ICONS } = require('./scripts/webpack-common');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

require('./scripts/register-ts');
const { officeJsSource, BUNDLED_DIR } = require('./scripts/office-js-source');

const DEV_URL = 'https://localhost:3000/';
const OUT = path.resolve(__dirname, 'dist', 'addin');
const FUNCTIONS_ENTRY = './src/functions/functions.ts';

/**
 * Finishes functions.json as Excel reads it: each function's helpUrl points at the shipped help page,
 * and custom-functions-metadata's `allowCustomDataForDataTypeAny` switch is removed (a data-types
 * option this add-in does not use, unknown to perpetual Excel and outside Microsoft's schema).
 */
class FunctionsMetadataPlugin {
  constructor(hostUrl) {
    this.hostUrl = hostUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsMetadataPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS - 1 },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return; // LocalizedMetadataPlugin reports it
          delete require.cache[require.resolve('./src/functions/help-pages.ts')];
          const { functionHelpUrl } = require('./src/functions/help-pages.ts');
          const meta = JSON.parse(asset.source.source().toString());
          delete meta.allowCustomDataForDataTypeAny;
          for (const f of meta.functions) f.helpUrl = functionHelpUrl(this.hostUrl, f.id);
          compilation.updateAsset('functions.json', new sources.RawSource(JSON.stringify(meta, null, 4)));
        },
      );
    });
  }
}

/** Emits the zh-CN help pages from src/functions/help.ts. */
class HelpPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('HelpPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'HelpPagesPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          delete require.cache[require.resolve('./src/functions/help.ts')];
          delete require.cache[require.resolve('./src/functions/help-pages.ts')];
          const { HELP_PAGES, indexPage, functionsPage } = require('./src/functions/help-pages.ts');
          compilation.emitAsset(HELP_PAGES.index, new sources.RawSource(indexPage()));
          compilation.emitAsset(HELP_PAGES.functions, new sources.RawSource(functionsPage()));
        },
      );
    });
  }
}

/** Writes functions-zh-CN.json from the generated functions.json and src/functions/help.ts. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedMetadataPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) {
            compilation.errors.push(new Error('functions.json was not generated, so functions-zh-CN.json cannot be written'));
            return;
          }
          // Fresh copy each build, so `webpack serve` picks up edits to help.ts.
          delete require.cache[require.resolve('./src/functions/help.ts')];
          delete require.cache[require.resolve('./src/functions/localize.ts')];
          const { localizeMetadata } = require('./src/functions/localize.ts');
          try {
            const zh = localizeMetadata(JSON.parse(asset.source.source().toString()));
            compilation.emitAsset('functions-zh-CN.json', new sources.RawSource(JSON.stringify(zh, null, 2) + '\n'));
          } catch (e) {
            compilation.errors.push(e);
          }
        },
      );
    });
  }
}

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/** `npm run start:addin`: https when a trusted certificate can be had, else http, said as `npm start` says it. */
async function devServerType() {
  try {
    return { type: 'https', options: await httpsOptions() };
  } catch (e) {
    const { MSG } = require('./scripts/start-lib');
    for (const line of MSG.certFailed(String((e && e.message) || e).split('\n')[0])) console.warn(line);
    return { type: 'http' };
  }
}

/**
 * Excel on the web reads the custom functions' metadata (functions.json, functions-zh-CN.json)
 * with a request from its own page — https://excel.officeapps.live.com, or a regional
 * https://<region>-excel.officeapps.live.com — so those two files, and nothing else, answer that
 * origin (Microsoft's answer in OfficeDev/Excel-Custom-Functions#212: the server must allow CORS
 * for the metadata; the failing requests in #212 and OfficeDev/office-js#3970 name these origins).
 */
const OFFICE_WEB_ORIGIN = /^https:\/\/(?:[a-z0-9]+-)?excel\.officeapps\.live\.com$/;
const FUNCTIONS_METADATA = /^\/functions(?:-[A-Za-z]{2}(?:-[A-Za-z]{2,4})?)?\.json(?:\?|$)/;

/**
 * CORS for the development server: only its own origin, never `*` (any site open in the
 * developer's browser could otherwise read the sample data and source maps); the functions'
 * metadata also to Excel on the web.
 */
function ownOriginHeaders(req) {
  const https = Boolean(req.socket && req.socket.encrypted);
  const origin = req.headers.origin;
  if (typeof origin === 'string' && OFFICE_WEB_ORIGIN.test(origin) && FUNCTIONS_METADATA.test(req.url || '')) {
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }
  return { 'Access-Control-Allow-Origin': `${https ? 'https' : 'http'}://${req.headers.host || 'localhost'}`, Vary: 'Origin' };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const hostUrl = process.env.CW_ADDIN_URL ? process.env.CW_ADDIN_URL.replace(/\/?$/, '/') : DEV_URL;
  const officeJs = officeJsSource(process.env.CW_OFFICE_JS);
  return {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the pages' Content-Security-Policy allows no 'unsafe-eval'.
    // Production ships none (the clerk's PCs need no source; it was most of dist/addin/).
    devtool: dev ? 'cheap-module-source-map' : false,
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: './src/taskpane/index.tsx',
      // The workbench (the local app on the sample roster) is a development page only.
      ...(dev ? { workbench: './src/app/index.tsx' } : {}),
    },
    output: {
      path: OUT,
      ...outputNames('[name].js'),
      clean: true,
    },
    ...MODULES,
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_ENTRY }),
      new FunctionsMetadataPlugin(hostUrl),
      new LocalizedMetadataPlugin(),
      new HelpPagesPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: the functions and the pane run in this one page.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        templateParameters: { officeJs },
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: 'workbench.html',
              template: './src/app/app.html',
              chunks: ['workbench'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          ICONS,
          ...(dev ? [{ from: 'templates/示例花名册.xlsx', to: 'sample-roster.xlsx' }] : []),
          // CW_OFFICE_JS=bundled: Office.js and the files it loads, from the add-in's own origin
          // (release files only; the .debug.js twins are for debugging Office itself).
          ...(officeJs.bundled
            ? [{ from: path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist'), to: BUNDLED_DIR, globOptions: { ignore: ['**/*.debug.js'] } }]
            : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // URLs take the host's base path; the AppDomain takes its origin.
            transform: (content) =>
              hostUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(hostUrl).split(DEV_URL.replace(/\/$/, '')).join(new URL(hostUrl).origin),
          },
        ],
      }),
    ],
    performance: {
      // The pane carries React and Fluent UI; functions.js size is measured by `npm run bench`.
      hints: false,
    },
    devServer: env.WEBPACK_SERVE
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          // This machine only: nothing is offered to the network.
          host: 'localhost',
          static: false,
          headers: ownOriginHeaders,
          // scripts/start.js passes env.http when no trusted certificate could be installed.
          server: env.http ? { type: 'http' } : await devServerType(),
          hot: false,
          liveReload: true,
          client: { overlay: false },
          open: false,
        }
      : undefined,
  };
};
