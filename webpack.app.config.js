/**
 * Builds the local app into dist/app/ (`npm run build:app`): a static folder any intranet web
 * server (or `python3 -m http.server`) can host — no server code, no outside requests.
 *
 *   index.html            the app (src/app): open a roster .xlsx, check, edit, compute, save
 *   app.js                the page: React, Fluent UI, the task pane, the engine
 *   *.js chunks           Web Workers (reading/saving .xlsx, pay sheet, reports) and the reports,
 *                         loaded when first used
 *   assets/               icons and the report font (CwSansSC-*.ttf)
 *   sample-roster.xlsx    the built-in sample roster (the 打开示例花名册 button)
 *
 * The add-in's build (webpack.config.js) stays separate; under `npm start` the same app is served
 * as workbench.html.
 */
/* eslint-env node */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { MODULES, outputNames, ICONS } = require('./scripts/webpack-common');

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  return {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the page's Content-Security-Policy allows no 'unsafe-eval'.
    devtool: dev ? false : 'source-map',
    entry: { app: './src/app/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'app'),
      ...outputNames('[name].[contenthash:8].js'),
      // Relative URLs: the folder works under any path of any server.
      publicPath: '',
      clean: true,
    },
    ...MODULES,
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/app/app.html', chunks: ['app'] }),
      new CopyWebpackPlugin({
        patterns: [
          ICONS,
          { from: 'templates/示例花名册.xlsx', to: 'sample-roster.xlsx' },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
