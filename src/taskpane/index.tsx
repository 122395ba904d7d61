/// <reference types="office-js" />
/**
 * The task pane's entry point in Excel. In the shared runtime this page (taskpane.html) also loads
 * the custom functions bundle, so it is loaded whenever the functions run, whether or not the pane
 * is shown. The language follows Office's display language (Chinese for zh-*, English otherwise).
 * Outside Excel (office.js not loaded, or another host) the pane shows the function reference and
 * says where to try the rest: the workbench page.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { LangProvider, STRINGS, langOf } from './i18n';
import type { Lang } from './i18n';
import { paneTheme } from './theme';
import { OfficeWorkbook } from './workbook/office';
import { canDownloadFiles } from './download';

function mount(lang: Lang, props: React.ComponentProps<typeof App>): void {
  const el = document.getElementById('root');
  if (!el) return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  createRoot(el).render(
    <LangProvider value={lang}>
      <FluentProvider theme={paneTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <App {...props} />
      </FluentProvider>
    </LangProvider>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady((info) => {
    const lang = langOf(Office.context?.displayLanguage);
    const t = STRINGS[lang];
    if (info.host !== Office.HostType.Excel) {
      mount(lang, { notice: t.notInOffice });
      return;
    }
    // The manifest already requires ExcelApi 1.9; checked again so a host that loads the page anyway
    // (an old manifest, a test harness) gets a plain message instead of failing calls.
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
      mount(lang, { notice: t.needsExcelApi, inOffice: true });
      return;
    }
    mount(lang, { port: new OfficeWorkbook(), inOffice: true, canDownload: canDownloadFiles() });
  });
} else {
  const lang = langOf(new URLSearchParams(location.search).get('lang') ?? 'zh');
  mount(lang, { notice: STRINGS[lang].notInOffice });
}
