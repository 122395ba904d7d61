/// <reference types="et-jsapi-declare" />
/**
 * The task pane's entry point in WPS 表格 (taskpane.html, opened by the ribbon button through
 * `wps.CreateTaskPane`): the same React pane as in Excel, over the WPS adapter of the workbook
 * port. WPS gives the pane's page the `wps` / `Application` globals; without them (the page opened
 * in a plain browser) the pane shows the function reference and says where it works.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { LangProvider } from '../taskpane/i18n';
import { paneTheme } from '../taskpane/theme';
import { WpsWorkbook } from './workbook';
import type { EtHost } from './workbook';

/** Shown when the page is not inside WPS 表格. */
export const NOT_IN_WPS = '请在 WPS 表格中打开本加载项（功能区“社区工作者”选项卡）。花名册检查需要 WPS 表格；函数说明仍可在此查看。';

function host(): EtHost | null {
  const w = globalThis as typeof globalThis & { wps?: Partial<WPSMergedRoot>; Application?: Partial<WPSMergedRoot> };
  const app = w.Application ?? w.wps;
  return app && 'ActiveWorkbook' in app ? (app as EtHost) : null;
}

const el = document.getElementById('root');
if (el) {
  const app = host();
  document.documentElement.lang = 'zh-CN';
  createRoot(el).render(
    <LangProvider value="zh">
      <FluentProvider theme={paneTheme} lang="zh-CN">
        {app ? <App port={new WpsWorkbook(app)} /> : <App notice={NOT_IN_WPS} />}
      </FluentProvider>
    </LangProvider>,
  );
}
