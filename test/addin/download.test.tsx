/**
 * The PDF button appears only where a download works, and the pane never shows a button that does
 * nothing: the decision per host (Microsoft's "browsers used by Office add-ins": no blob downloads
 * in the desktop webviews; Office on the web and a browser download), and the reports panel as
 * rendered for each — 写入工作表 wherever the port can lay out a sheet, 生成 PDF only where the
 * download works, and a sentence saying why there is none.
 */
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { downloadWorks } from '../../src/taskpane/download';
import { ReportsPanel } from '../../src/taskpane/components/ReportsPanel';
import { MemoryWorkbook } from '../../src/taskpane/workbook/memory';
import type { WorkbookPort } from '../../src/taskpane/workbook/port';
import { STRINGS } from '../../src/taskpane/i18n';

describe('downloadWorks', () => {
  test.each([
    ['Excel on Windows (WebView2)', 'PC', true, false],
    ['Excel on Mac (WKWebView)', 'Mac', true, false],
    ['Excel on iPad', 'iOS', true, false],
    ['Excel on the web (the clerk\'s browser)', 'OfficeOnline', true, true],
    ['a browser outside Office (workbench, local app)', null, true, true],
    ['a browser that cannot make download links', null, false, false],
    ['Excel on the web in a browser that cannot', 'OfficeOnline', false, false],
  ] as const)('%s', (_, officePlatform, browserCanDownload, expected) => {
    expect(downloadWorks({ officePlatform, browserCanDownload })).toBe(expected);
  });
});

function panel(port: WorkbookPort, canDownload: boolean): string {
  const html = renderToString(
    <FluentProvider theme={webLightTheme}>
      <ReportsPanel port={port} scan={null} policy="benxi-2022" asOf="2026-12-01" loaded={null} onLoaded={() => undefined} inOffice canDownload={canDownload} rosterFile="花名册.xlsx" goParams={() => undefined} />
    </FluentProvider>,
  );
  return html.replace(/<!-- -->/g, '');
}

describe('the reports panel', () => {
  const t = STRINGS.zh;
  test('desktop Excel: 写入工作表, no PDF button, and why', () => {
    const html = panel(new MemoryWorkbook(), false);
    expect(html).toContain('data-testid="report-sheet"');
    expect(html).toContain(t.writeSheet);
    expect(html).not.toContain('data-testid="report-generate"');
    expect(html).toContain(t.noDownloadHere);
  });

  test('Excel on the web or a browser: both', () => {
    const html = panel(new MemoryWorkbook(), true);
    expect(html).toContain('data-testid="report-sheet"');
    expect(html).toContain('data-testid="report-generate"');
    expect(html).not.toContain(t.noDownloadHere);
  });

  test('a port that cannot lay out sheets offers no sheet button', () => {
    const wb = new MemoryWorkbook();
    const bare: WorkbookPort = Object.assign(Object.create(Object.getPrototypeOf(wb)), wb, { addReportSheet: undefined });
    const html = panel(bare, true);
    expect(html).not.toContain('data-testid="report-sheet"');
    expect(html).toContain('data-testid="report-generate"');
  });
});
