/**
 * The workbench (workbench.html): the real task pane — the same React components as in Excel —
 * next to a rendered in-memory copy of the sample roster, so the pane can be tried in any browser
 * where Excel cannot sideload it. No Office.js: the pane talks to the in-memory workbook through
 * the same port. `?lang=en` shows the English pane. The workbook is exposed as
 * `window.cwWorkbench.workbook` for the browser tests.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Caption1, FluentProvider, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { App } from '../App';
import { LangProvider, langOf } from '../i18n';
import type { Lang } from '../i18n';
import { paneTheme } from '../theme';
import type { MemoryWorkbook } from '../workbook/memory';
import { Grid } from './Grid';
import { loadSample, workbookOf } from './sample';
import type { SampleData } from './sample';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#217346', color: '#fff', flexWrap: 'wrap',
  },
  barText: { color: '#fff' },
  barLink: { color: '#fff', ':hover': { color: '#fff' } },
  spacer: { flexGrow: 1 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '400px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, boxShadow: tokens.shadow4,
  },
});

const T = {
  zh: {
    title: 'cwkit 工作台',
    note: '左：示例花名册在浏览器内存中的副本（生成的数据，非真实人员）；右：与 Excel 中相同的任务窗格。数据不离开本页。',
    reset: '重新载入示例花名册',
    other: 'English',
  },
  en: {
    title: 'cwkit workbench',
    note: 'Left: an in-memory copy of the sample roster (generated, not real people); right: the same task pane as in Excel. Nothing leaves this page.',
    reset: 'Reload the sample roster',
    other: '中文',
  },
};

declare global {
  interface Window {
    cwWorkbench?: { workbook: MemoryWorkbook; reset: () => void; breaks: SampleData['breaks'] };
  }
}

function Workbench({ lang, data }: { lang: Lang; data: SampleData }) {
  const styles = useStyles();
  const [workbook, setWorkbook] = React.useState(() => workbookOf(data));
  const [generation, setGeneration] = React.useState(0);
  const reset = React.useCallback(() => {
    setWorkbook(workbookOf(data));
    setGeneration((g) => g + 1);
  }, [data]);
  React.useEffect(() => {
    window.cwWorkbench = { workbook, reset, breaks: data.breaks };
  }, [workbook, reset, data]);
  const t = T[lang];
  const otherHref = lang === 'zh' ? '?lang=en' : '?lang=zh';
  return (
    <div className={styles.page}>
      <div className={styles.bar}>
        <Text weight="semibold" size={400} className={styles.barText}>
          {t.title}
        </Text>
        <Caption1 className={styles.barText}>{t.note}</Caption1>
        <span className={styles.spacer} />
        <Button size="small" onClick={reset} data-testid="workbench-reset">
          {t.reset}
        </Button>
        <Link href={otherHref} className={styles.barLink}>
          {t.other}
        </Link>
      </div>
      <div className={styles.main}>
        <div className={styles.grid} data-testid="workbench-grid">
          <Grid workbook={workbook} />
        </div>
        <div className={styles.pane} data-testid="taskpane">
          <App key={generation} port={workbook} defaultAsOf={data.asOf} rosterFile={data.file} />
        </div>
      </div>
    </div>
  );
}

function Loader({ lang }: { lang: Lang }) {
  const [data, setData] = React.useState<SampleData | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    loadSample().then(setData, (e: Error) => setError(e.message));
  }, []);
  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  return data ? <Workbench lang={lang} data={data} /> : <Spinner label={T[lang].title} />;
}

const lang = langOf(new URLSearchParams(location.search).get('lang') ?? 'zh');
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(
  <LangProvider value={lang}>
    <FluentProvider theme={paneTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Loader lang={lang} />
    </FluentProvider>
  </LangProvider>,
);
