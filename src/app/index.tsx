/**
 * The local app (app.html in dist/app, workbench.html under `npm start`): the clerk's own
 * workbook, opened from a file (the file chooser or drag and drop) and read in a Web Worker with
 * progress and Cancel, shown as sheets whose cells can be typed into, beside the real task pane —
 * the same React components as in Excel, talking to the workbook through the same port. Saving
 * downloads the workbook with the clerk's sheets untouched and the new sheets added. Nothing is
 * uploaded: the page loads only its own files. `?lang=en` shows the English pane; `?sample`
 * (and workbench.html) opens the built-in sample roster. The workbook is exposed as
 * `window.cwWorkbench.workbook` for the browser tests.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button, Caption1, FluentProvider, Link, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { LangProvider, langOf } from '../taskpane/i18n';
import type { Lang } from '../taskpane/i18n';
import { paneTheme } from '../taskpane/theme';
import { SAMPLE_AS_OF } from '../sample/roster';
import { FileWorkbook } from './file-workbook';
import { Grid } from './Grid';
import { openWorkbookBytes, saveWorkbookBytes } from './xlsx/client';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#217346', color: '#fff', flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS,
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
  empty: {
    margin: 'auto', padding: tokens.spacingHorizontalXXL, maxWidth: '560px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusXLarge, backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { outline: `4px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-8px' },
  status: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  hidden: { display: 'none' },
});

const T = {
  zh: {
    title: 'cwkit 社区工作者薪酬工具',
    note: '打开本单位的花名册（.xlsx），检查、修改、填写参数表、计算薪酬并另存。文件只在本机浏览器中处理，不上传。',
    open: '打开花名册…',
    sample: '打开示例花名册',
    reset: '重新打开（放弃修改）',
    save: '保存为 .xlsx',
    saving: '正在保存…',
    unsaved: (n: number) => `${n} 处修改未保存`,
    saved: (name: string) => `已生成 ${name}，浏览器会把它保存到“下载”文件夹。`,
    download: (name: string) => `下载 ${name}`,
    emptyTitle: '打开花名册',
    emptyText: '把 .xlsx 文件拖到这里，或点“打开花名册…”选择文件。支持 Excel、WPS 保存的 .xlsx；.xls、.csv 请先另存为 .xlsx。',
    opening: (name: string) => `正在打开 ${name}`,
    cancel: '取消',
    leave: '有未保存的修改。',
    other: 'English',
  },
  en: {
    title: 'cwkit community-worker pay tools',
    note: 'Open your roster (.xlsx), check it, fix cells, fill the 参数表, compute pay and save a copy. The file is processed in this browser only; nothing is uploaded.',
    open: 'Open roster…',
    sample: 'Open the sample roster',
    reset: 'Reopen (discard changes)',
    save: 'Save as .xlsx',
    saving: 'Saving…',
    unsaved: (n: number) => `${n} unsaved change${n === 1 ? '' : 's'}`,
    saved: (name: string) => `${name} is ready; the browser saves it to your Downloads folder.`,
    download: (name: string) => `Download ${name}`,
    emptyTitle: 'Open a roster',
    emptyText: 'Drop an .xlsx file here or choose “Open roster…”. Save .xls and .csv files as .xlsx first.',
    opening: (name: string) => `Opening ${name}`,
    cancel: 'Cancel',
    leave: 'There are unsaved changes.',
    other: '中文',
  },
};

declare global {
  interface Window {
    cwWorkbench?: { workbook: FileWorkbook; reset: () => void };
  }
}

const SAMPLE_XLSX = 'sample-roster.xlsx';
const SAMPLE_NAME = '示例花名册.xlsx';

interface Doc {
  workbook: FileWorkbook;
  bytes: ArrayBuffer;
  asOf?: string;
  generation: number;
}

interface Busy {
  label: string;
  share: number;
  abort: AbortController;
}

function Main({ lang, startWithSample }: { lang: Lang; startWithSample: boolean }) {
  const styles = useStyles();
  const t = T[lang];
  const [doc, setDoc] = React.useState<Doc | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [ready, setReady] = React.useState<{ url: string; name: string } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [, bump] = React.useReducer((n: number) => n + 1, 0);
  const input = React.useRef<HTMLInputElement>(null);
  const link = React.useRef<HTMLAnchorElement>(null);
  const generation = React.useRef(0);

  React.useEffect(() => doc?.workbook.subscribe(bump), [doc]);
  React.useEffect(() => {
    // Start the download at once; the link stays for browsers that ask first.
    if (ready) link.current?.click();
    return () => {
      if (ready) URL.revokeObjectURL(ready.url);
    };
  }, [ready]);
  React.useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (doc && doc.workbook.unsaved > 0) {
        e.preventDefault();
        e.returnValue = t.leave;
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [doc, t]);

  const open = React.useCallback(async (bytes: ArrayBuffer, name: string, asOf?: string) => {
    const abort = new AbortController();
    setError(null);
    setReady(null);
    setBusy({ label: T[lang].opening(name), share: 0, abort });
    try {
      const book = await openWorkbookBytes(bytes, name, { signal: abort.signal, onProgress: (share, label) => setBusy({ label: `${T[lang].opening(name)} · ${label}`, share, abort }) });
      const workbook = FileWorkbook.fromBook(name, new Uint8Array(bytes), book);
      generation.current++;
      setDoc({ workbook, bytes, asOf, generation: generation.current });
      window.cwWorkbench = {
        workbook,
        // Discarding the changes: the old workbook goes at once, so nothing can be typed into it meanwhile.
        reset: () => {
          setDoc(null);
          void open(bytes, name, asOf);
        },
      };
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }, [lang]);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await open(await file.arrayBuffer(), file.name);
    } catch (e) {
      setError(`无法读取“${file.name}”：${(e as Error).message}`);
    }
  };

  const openSample = React.useCallback(async () => {
    try {
      const res = await fetch(SAMPLE_XLSX, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`无法读取示例花名册（${SAMPLE_XLSX}：HTTP ${res.status}）。`);
      await open(await res.arrayBuffer(), SAMPLE_NAME, SAMPLE_AS_OF);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [open]);

  React.useEffect(() => {
    if (startWithSample) void openSample();
  }, [startWithSample, openSample]);

  const save = async () => {
    if (!doc) return;
    const abort = new AbortController();
    setError(null);
    setBusy({ label: t.saving, share: 0, abort });
    try {
      const wb = doc.workbook;
      const bytes = await saveWorkbookBytes(wb.saveRequest(), { signal: abort.signal });
      // The saved file is the base of the next save: its new sheets are now its own parts.
      const book = await openWorkbookBytes(bytes, wb.fileName, { signal: abort.signal });
      wb.savedAs(new Uint8Array(bytes), book);
      const name = wb.fileName.replace(/\.[^.]*$/, '') + '.xlsx';
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      setReady({ url, name });
      setDoc({ ...doc, bytes });
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0]);
  };
  const wb = doc?.workbook ?? null;
  const otherHref = lang === 'zh' ? '?lang=en' : '?lang=zh';
  return (
    <div
      className={styles.page + (dragging ? ` ${styles.dragging}` : '')}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="app"
    >
      <div className={styles.bar}>
        <Text weight="semibold" size={400} className={styles.barText}>
          {wb ? `${wb.fileName} · ${t.title}` : t.title}
        </Text>
        <Caption1 className={styles.barText}>{t.note}</Caption1>
        <span className={styles.spacer} />
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xls,.csv"
          className={styles.hidden}
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="open-file"
        />
        <Button size="small" appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null} data-testid="open">
          {t.open}
        </Button>
        <Button size="small" onClick={() => void openSample()} disabled={busy !== null} data-testid="open-sample">
          {t.sample}
        </Button>
        {doc && (
          <>
            <Button size="small" onClick={() => window.cwWorkbench?.reset()} disabled={busy !== null} data-testid="workbench-reset">
              {t.reset}
            </Button>
            <Button size="small" appearance="primary" onClick={save} disabled={busy !== null} data-testid="save">
              {busy?.label === t.saving ? t.saving : t.save}
            </Button>
            {wb && wb.unsaved > 0 && <Caption1 className={styles.barText} data-testid="unsaved">{t.unsaved(wb.unsaved)}</Caption1>}
          </>
        )}
        <Link href={otherHref} className={styles.barLink}>
          {t.other}
        </Link>
      </div>
      {(busy || error || ready) && (
        <div className={styles.status}>
          {busy && (
            <div className={styles.row}>
              <div className={styles.grow}>
                <Caption1 data-testid="busy-label">{busy.label}</Caption1>
                <ProgressBar value={busy.share} max={1} data-testid="open-progress" />
              </div>
              <Button size="small" onClick={() => busy.abort.abort()} data-testid="open-cancel">
                {t.cancel}
              </Button>
            </div>
          )}
          {error && (
            <MessageBar intent="error" data-testid="open-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {ready && (
            <MessageBar intent="success">
              <MessageBarBody>
                {t.saved(ready.name)}{' '}
                <a ref={link} href={ready.url} download={ready.name} data-testid="save-download">
                  {t.download(ready.name)}
                </a>
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <div className={styles.main}>
        <div className={styles.grid} data-testid="workbench-grid">
          {wb ? (
            <Grid workbook={wb} />
          ) : (
            <div className={styles.empty} data-testid="drop-zone">
              <Text weight="semibold" size={500}>{t.emptyTitle}</Text>
              <Text>{t.emptyText}</Text>
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null}>
                  {t.open}
                </Button>
                <Button onClick={() => void openSample()} disabled={busy !== null}>
                  {t.sample}
                </Button>
              </div>
            </div>
          )}
        </div>
        <div className={styles.pane} data-testid="taskpane">
          {doc ? (
            <App key={doc.generation} port={doc.workbook} defaultAsOf={doc.asOf} rosterFile={doc.workbook.fileName} />
          ) : (
            <App />
          )}
        </div>
      </div>
    </div>
  );
}

const params = new URLSearchParams(location.search);
const lang = langOf(params.get('lang') ?? 'zh');
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(
  <LangProvider value={lang}>
    <FluentProvider theme={paneTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Main lang={lang} startWithSample={params.has('sample') || /workbench\.html$/.test(location.pathname)} />
    </FluentProvider>
  </LangProvider>,
);
