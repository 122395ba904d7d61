/**
 * 薪酬计算 (issue 10 item 3): one action computes the whole pay sheet from the workbook's roster
 * and 参数表 and adds two new sheets, 薪酬计算 and 计算过程, through the port — the same in
 * Excel and in the local app. The engine computes in a Web Worker (src/paysheet/browser.ts); this
 * panel only reads the workbook, shows progress and Cancel, and writes what comes back.
 */
import * as React from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { policyOf } from '../../engine';
import { PAY_SHEET, TRACE_SHEET } from '../../paysheet/paysheet';
import { loadRoster, readParams, withMappedHeaders } from '../roster';
import type { LoadedRoster, RosterScan } from '../roster';
import type { WorkbookPort } from '../workbook/port';
import { useT } from '../i18n';
import { CancelButton, FailureBar, ProgressField, useJob } from './Progress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PaySheetPanelProps {
  port: WorkbookPort;
  scan: RosterScan | null;
  policy: string;
  asOf: string;
  onLoaded: (r: LoadedRoster) => void;
  /** Called after the new sheets are added (the pane rescans the workbook). */
  onWritten: () => void;
  goParams: () => void;
}

export function PaySheetPanel(props: PaySheetPanelProps) {
  const { port, scan, policy } = props;
  const styles = useStyles();
  const t = useT();
  const [period, setPeriod] = React.useState(() => (props.asOf || new Date().toISOString()).slice(0, 7));
  const job = useJob();
  const { progress, error, setProgress } = job;
  const [done, setDone] = React.useState<string | null>(null);

  const run = async () => {
    if (!scan) return;
    setDone(null);
    await job.run({ label: t.payComputing, share: 0 }, async (signal) => {
      // Reading is the first fifth of the bar, computing the rest.
      const loaded = await loadRoster(port, scan, { signal: signal, onRows: (d, n) => setProgress({ label: t.payComputing, share: n ? (0.2 * d) / n : 0 }) });
      props.onLoaded(loaded);
      const params = await readParams(port, policyOf(policy), scan.heads);
      const { computePaySheet } = await import(/* webpackChunkName: "paysheet" */ '../../paysheet/browser');
      const sheet = await computePaySheet(
        { roster: withMappedHeaders(loaded), policy, period, params: params?.params ?? null },
        { signal: signal, onProgress: (d, n) => setProgress({ label: t.payProgress(d, n), share: 0.2 + (n ? (0.75 * d) / n : 0.75) }) },
      );
      if (signal.aborted) return;
      const pay = await port.addSheet(PAY_SHEET, { rows: sheet.pay, boldRows: 1, textColumns: sheet.textColumns });
      const trace = await port.addSheet(TRACE_SHEET, { rows: sheet.trace, boldRows: 1, textColumns: sheet.traceTextColumns });
      await port.activateSheet(pay);
      setDone(t.payDone(pay, trace, sheet.workers, sheet.failed));
      props.onWritten();
    });
  };

  const periodOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  return (
    <div className={styles.root} data-testid="pay-panel">
      <Subtitle2>{t.payTitle}</Subtitle2>
      <Caption1 className={styles.muted}>{t.payIntro}</Caption1>
      <Field label={t.period} validationState={periodOk ? 'none' : 'error'}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} placeholder="2026-12" data-testid="pay-period" />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={run} disabled={!scan || scan.needsMapping || progress !== null || !periodOk} data-testid="pay-compute">
          {progress ? t.payComputing : t.payCompute}
        </Button>
        <CancelButton progress={progress} onCancel={job.cancel} testId="pay-cancel" />
      </div>
      <ProgressField progress={progress} testId="pay-progress" />
      <FailureBar error={error} title={t.payFailed} goParams={props.goParams} testId="pay-error" />
      {done && (
        <MessageBar intent="success" data-testid="pay-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
