/**
 * Builds the WPS 表格 add-in into dist/wps/ (`npm run build:wps`), the layout Kingsoft's wpsjs
 * tool makes for an ET (表格) add-in:
 *
 *   index.html, main.js    the entry page WPS loads at start; main.js registers the CW functions
 *                          (wps.AddCustomFunction) and the ribbon callbacks (src/wps/main.ts)
 *   ribbon.xml             the 社区工作者 tab
 *   manifest.xml           JsPlugin manifest: <Functions> → functions.json, namespace CW
 *   functions.json         the functions' metadata (the same objects main.js registers)
 *   taskpane.html/.js      the React task pane over the WPS workbook adapter (src/wps/taskpane.tsx)
 *   reports.*.js, *.worker chunks, assets/   the reports, loaded when the pane asks for one
 *   assets/icon-*.png      icons
 *   publish.xml            per-user jsaddons entry for the folder copied as cwkit_<version>
 *   jsplugins.xml          enterprise list for oem.ini (offline .7z; online form in a comment)
 *
 * `--env main-only` builds main.js and the text files alone (what test/wps loads; much quicker).
 * CW_WPS_URL sets the server URL written into publish.xml / jsplugins.xml (default: a placeholder
 * to replace, http://127.0.0.1:8080/cwkit/). The Excel build (webpack.config.js) is separate.
 */
/* eslint-env node */
'use strict';
const path = require('path');
const { sources } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');
const { MODULES, outputNames, ICONS } = require('./scripts/webpack-common');

require('./scripts/register-ts');

const OUT = path.resolve(__dirname, 'dist', 'wps');
const DEFAULT_URL = 'http://127.0.0.1:8080/cwkit/';

/** Emits the package's text files from src/wps/package.ts (fresh each build). */
class WpsPackagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('WpsPackagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'WpsPackagePlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const k of Object.keys(require.cache)) if (k.startsWith(path.join(__dirname, 'src') + path.sep)) delete require.cache[k];
          try {
            const p = require('./src/wps/package.ts');
            const info = { name: 'cwkit', version: pkg.version, serverUrl: (process.env.CW_WPS_URL || DEFAULT_URL).replace(/\/?$/, '/') };
            const files = {
              'manifest.xml': p.manifestXml(info),
              'functions.json': p.functionsJson(),
              'ribbon.xml': p.ribbonXml(),
              'publish.xml': p.publishXml(info),
              'jsplugins.xml': p.jspluginsXml(info),
            };
            for (const [name, text] of Object.entries(files)) compilation.emitAsset(name, new sources.RawSource(text));
          } catch (e) {
            compilation.errors.push(e);
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const mainOnly = Boolean(env['main-only']);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    // WPS's embedded Chromium on 信创 builds can be old: keep the output at ES2017.
    target: ['web', 'es2017'],
    entry: mainOnly ? { main: './src/wps/main.ts' } : { main: './src/wps/main.ts', taskpane: './src/wps/taskpane.tsx' },
    output: {
      path: OUT,
      ...outputNames('[name].js'),
      clean: true,
    },
    ...MODULES,
    plugins: [
      new WpsPackagePlugin(),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/wps/index.html',
        chunks: ['main'],
        // Blocking, in <head>: the ribbon's callbacks must exist before WPS reads ribbon.xml.
        scriptLoading: 'blocking',
        inject: 'head',
      }),
      ...(mainOnly ? [] : [new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['taskpane'] })]),
      new CopyWebpackPlugin({ patterns: [ICONS] }),
    ],
    performance: { hints: false },
  };
};
