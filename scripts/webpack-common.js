/**
 * What the three builds (webpack.config.js: the Excel add-in; webpack.app.config.js: the local app;
 * webpack.wps.config.js: the WPS add-in) share: the TypeScript rule, module resolution and the
 * names of emitted chunks and assets.
 */
/* eslint-env node */
'use strict';

/** TypeScript/TSX through swc, to ES2017 (old embedded Chromium in WPS and Office 2016/2019 clients). */
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2017',
        transform: { react: { runtime: 'automatic' } },
      },
    },
  },
};

/** `module` and `resolve` for every build. */
const MODULES = {
  resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  module: { rules: [TYPESCRIPT_RULE] },
};

/** Output file names: entries as given, chunks and assets content-hashed (long caching, no stale copies). */
function outputNames(entryName) {
  return {
    filename: entryName,
    chunkFilename: '[name].[contenthash:8].js',
    assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
  };
}

/** The add-in icons, copied as they are. */
const ICONS = { from: 'assets/icon-*.png', to: 'assets/[name][ext]' };

module.exports = { TYPESCRIPT_RULE, MODULES, outputNames, ICONS };
