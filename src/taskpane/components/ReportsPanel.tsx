/**
 * Reports: the six statutory reports from the workbook's roster, two ways.
 *
 *  - 写入工作表 (every Excel): the report as a new print-ready sheet — title block, repeated
 *    headings, subtotals and totals as values, signatures, A4, one page wide, “第 &P 页 / 共 &N 页”
 *    (src/reports/sheet, written by the port's addReportSheet). The clerk prints it or uses
 *    Excel's own 另存为 PDF. A new sheet every time: an existing sheet is never touched.
 *  - 生成 PDF, only where a download works (src/taskpane/download.ts: Excel on the web, a browser;
 *    not the desktop webviews). pdfmake, the builders and the font load only when asked for — a
 *    dynamic import of src/reports/browser.ts, which renders in a Web Worker.
 *
 * Both show the same report's `cw report` command.
 */
import * as React from 'react';
import {
  Button, Caption1, Field, Input, Select, Subtitle2, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { matchHeaders, policyOf } from '../../engine';
import type { Cell, Roster } from '../../engine';
import { REPORT_KINDS, REPORT_TITLES } from '../../reports/types';
import type { ReportKind } from '../../reports/types';
import { loadRoster, readParams, withMappedHeaders } from '../roster';
import type { LoadedRoster, RosterScan } from '../roster';
import type { WorkbookPort } from '../workbook/port';
import type { ReportSheet } from '../../reports/sheet/types';
import { useT } from '../i18n';
import { CancelButton, FailureBar, ProgressField, useJob } from './Progress';
import { RetireMonthsField } from './RetireMonthsField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: '8em' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  ready: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all', userSelect: 'all' },
  download: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The counties, streets and communities a roster names, for the scope picker. */
export function unitsOf(roster: Roster | null): string[] {
  if (!roster) return [];
  const t = roster.workers;
  const m = matchHeaders(t.headers, 'workers');
  const out: string[] = [];
  const seen = new Set<string>();
  const name = (v: Cell | undefined) => (v === null || v === undefined ? '' : String(v).replace(/[\s\u3000]+/g, ''));
  for (const key of ['county', 'street', 'community']) {
    const c = m.columns[key];
    if (c === undefined) continue;
    for (const r of t.rows) {
      const n = name(r[c]);
      if (n && !seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}

interface Ready {
  url: string;
  fileName: string;
  title: string;
  kb: number;
  missing: Array<{ char: string; where: string }>;
  unassessed: number;
}

export interface ReportsPanelProps {
  port: WorkbookPort;
  scan: RosterScan | null;
  policy: string;
  asOf: string;
  loaded: LoadedRoster | null;
  onLoaded: (r: LoadedRoster) => void;
  inOffice: boolean;
  /** Whether a PDF download works here; without it there is no PDF button. */
  canDownload: boolean;
  /** The roster file name for the `cw report` hint. */
  rosterFile: string;
  goParams: () => void;
}

export function ReportsPanel(props: ReportsPanelProps) {
  const { port, scan, policy } = props;
  const styles = useStyles();
  const t = useT();
  const [kind, setKind] = React.useState<ReportKind>('payroll');
  const [period, setPeriod] = React.useState(() => (props.asOf || new Date().toISOString()).slice(0, 7));
  const [months, setMonths] = React.useState(6);
  const [unit, setUnit] = React.useState('');
  const job = useJob();
  const { progress, error, setProgress } = job;
  const [ready, setReady] = React.useState<Ready | null>(null);
  const [written, setWritten] = React.useState<{ sheet: string; title: string; orientation: string } | null>(null);

  React.useEffect(() => () => {
    if (ready) URL.revokeObjectURL(ready.url);
  }, [ready]);

  // The scope picker needs the roster's places: read it once when the section opens.
  React.useEffect(() => {
    if (!props.loaded && scan && scan.tables.workers && !scan.needsMapping) {
      loadRoster(port, scan).then(props.onLoaded, () => undefined);
    }
  }, [scan]);

  const units = React.useMemo(() => unitsOf(props.loaded?.roster ?? null), [props.loaded]);

  const writeSheet = async () => {
    const addReportSheet = port.addReportSheet?.bind(port);
    if (!scan || !addReportSheet) return;
    setWritten(null);
    await job.run({ label: t.writingSheet, share: 0 }, async (signal) => {
      const loaded = await loadRoster(port, scan, { signal });
      props.onLoaded(loaded);
      const params = await readParams(port, policyOf(policy), scan.heads);
      // The same report data the PDF is made from; loaded on demand like the PDF path.
      const [{ prepareReport }, { buildReportSheet }] = await Promise.all([
        import(/* webpackChunkName: "report-sheet" */ '../../reports/data'),
        import(/* webpackChunkName: "report-sheet" */ '../../reports/sheet/builders'),
      ]);
      const data = prepareReport(kind, withMappedHeaders(loaded), {
        policy, period, params: params?.params ?? null, months, unit: unit || null,
        onProgress: (done, total) => setProgress({ label: t.writingSheet, share: total ? (done / total) * 0.7 : 0 }),
      });
      if (signal.aborted) return;
      const sheet: ReportSheet = buildReportSheet(data);
      setProgress({ label: t.writingSheet, share: 0.8 });
      const name = await addReportSheet(sheet);
      setWritten({ sheet: name, title: data.title, orientation: sheet.page.orientation === 'landscape' ? t.landscape : t.portrait });
    });
  };

  const generate = async () => {
    if (!scan) return;
    setReady(null);
    await job.run({ label: t.generating, share: 0 }, async (signal) => {
      const loaded = await loadRoster(port, scan, { signal });
      props.onLoaded(loaded);
      const params = await readParams(port, policyOf(policy), scan.heads);
      // Loaded here, not at start-up: pdfmake, the builders and the font stay out of the pane's bundle.
      const { renderReport } = await import(/* webpackChunkName: "reports" */ '../../reports/browser');
      const r = await renderReport(
        { kind, roster: withMappedHeaders(loaded), policy, period, params: params?.params ?? null, months, unit: unit || null },
        { signal: signal, onProgress: (p) => setProgress({ label: `${p.label}…`, share: p.share }) },
      );
      setReady({
        url: URL.createObjectURL(r.blob),
        fileName: r.fileName,
        title: r.title,
        kb: Math.max(1, Math.round(r.blob.size / 1024)),
        missing: r.missing.map((m) => ({ char: m.char, where: [m.worker, m.row !== null ? `第${m.row}行` : null, m.field].filter(Boolean).join(' · ') })),
        unassessed: r.unassessed.length,
      });
    });
  };

  const quote = (s: string) => (/[\s"']/.test(s) ? `"${s.replace(/"/g, '\\"')}"` : s);
  const cli = `npx cw report ${kind} ${quote(props.rosterFile)} --policy ${policyOf(policy).id} --period ${period}${kind === 'retirement' ? ` --months ${months}` : ''}${unit ? ` --unit ${quote(unit)}` : ''} --out ${kind}.pdf`;
  const periodOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

  return (
    <div className={styles.root} data-testid="reports-panel">
      <Subtitle2>{t.reportsTitle}</Subtitle2>
      <Caption1 className={styles.muted}>{t.reportsIntro}</Caption1>
      <Field label={t.reportKind}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as ReportKind)} data-testid="report-kind">
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {REPORT_TITLES[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t.period} className={styles.field} validationState={periodOk ? 'none' : 'error'}>
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} placeholder="2026-12" data-testid="report-period" />
        </Field>
        {kind === 'retirement' && (
          <RetireMonthsField months={months} setMonths={setMonths} className={styles.field} />
        )}
      </div>
      <Field label={t.unit}>
        <Select value={unit} onChange={(_, d) => setUnit(d.value)} data-testid="report-unit">
          <option value="">{t.wholeRoster}</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        {port.addReportSheet && (
          <Button appearance="primary" onClick={writeSheet} disabled={!scan || scan.needsMapping || progress !== null || !periodOk} data-testid="report-sheet">
            {t.writeSheet}
          </Button>
        )}
        {props.canDownload && (
          <Button appearance={port.addReportSheet ? 'secondary' : 'primary'} onClick={generate} disabled={!scan || scan.needsMapping || progress !== null || !periodOk} data-testid="report-generate">
            {progress ? t.generating : t.generate}
          </Button>
        )}
        <CancelButton progress={progress} onCancel={job.cancel} testId="report-cancel" />
      </div>
      <ProgressField progress={progress} testId="report-progress" />
      <FailureBar error={error} title={t.reportFailed} goParams={props.goParams} testId="report-error" />
      {!props.canDownload && <Caption1 className={styles.muted} data-testid="report-no-download">{port.kind === 'wps' ? t.noDownloadWps : t.noDownloadHere}</Caption1>}
      {written && (
        <div className={styles.ready} data-testid="report-sheet-written">
          <Text>{t.sheetWritten(written.title, written.sheet, written.orientation)}</Text>
          <code className={styles.code}>{cli}</code>
        </div>
      )}
      {ready && (
        <div className={styles.ready} data-testid="report-ready">
          <Text>{t.reportReady(ready.title, ready.kb)}</Text>
          <a className={styles.download} href={ready.url} download={ready.fileName} data-testid="report-download">
            {t.download(ready.fileName)}
          </a>
          <Caption1>{props.inOffice ? t.saveWhereOffice : t.saveWhereBrowser}</Caption1>
          <code className={styles.code}>{cli}</code>
          {ready.unassessed > 0 && <Caption1>{t.unassessed(ready.unassessed)}</Caption1>}
          {ready.missing.length > 0 && (
            <Caption1 data-testid="report-missing">
              {t.missingGlyphs(ready.missing.length)} {ready.missing.slice(0, 10).map((m) => `${m.char}（${m.where}）`).join('、')}
            </Caption1>
          )}
        </div>
      )}
    </div>
  );
}
