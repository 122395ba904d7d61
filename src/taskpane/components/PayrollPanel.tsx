/**
 * 月度工资 (issue 13 item 3): the month's pay sheet from 应发 to 实发, the same action as `cw payroll`,
 * in Excel, the local app and WPS. The clerk picks the period and the previous month's pay sheet in
 * the workbook (the year-to-date source, preselected when one is there), and gets a new sheet
 * 工资表YYYY-MM (and optionally 银行代发YYYY-MM). The engine computes in a Web Worker
 * (src/payroll-sheet/browser.ts); this panel only shows choices, progress, Cancel and the outcome.
 */
import * as React from 'react';
import { Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { mustSupply, payrollParams } from '../../engine';
import { chainingSheet, monthBefore, previousCandidates, runPayrollMonth } from '../payroll';
import { useT } from '../i18n';
import { CancelButton, FailureBar, ProgressField, useJob } from './Progress';
import type { PaySheetPanelProps } from './PaySheetPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The same inputs as the 薪酬计算 action: the workbook, its scan, the policy and the as-of date, and what to call when done. */
export type PayrollPanelProps = PaySheetPanelProps;

/** Sentinel value of the "no previous sheet" option. */
const NONE = '';
/** The payroll parameters the locality must supply (the engine's list, no figures). */
const LOCAL_KEYS = payrollParams.defs.filter(mustSupply).map((d) => d.key).join('、');

export function PayrollPanel(props: PayrollPanelProps) {
  const { port, scan, policy } = props;
  const styles = useStyles();
  const t = useT();
  const [period, setPeriod] = React.useState(() => (props.asOf || new Date().toISOString()).slice(0, 7));
  const candidates = React.useMemo(() => (scan ? previousCandidates(scan) : []), [scan]);
  // null: follow the period (the sheet of the month before); a string: the clerk's own pick.
  const [picked, setPicked] = React.useState<string | null>(null);
  const previous = picked ?? chainingSheet(candidates, period) ?? NONE;
  const [bank, setBank] = React.useState(true);
  const job = useJob();
  const { progress, error, setProgress } = job;
  const [done, setDone] = React.useState<string | null>(null);
  const [notes, setNotes] = React.useState<string[]>([]);

  const run = async () => {
    if (!scan) return;
    setDone(null);
    setNotes([]);
    await job.run({ label: t.payrollReading, share: 0 }, async (signal) => {
      const { computePayrollMonth } = await import(/* webpackChunkName: "payroll" */ '../../payroll-sheet/browser');
      const out = await runPayrollMonth(port, scan, { policy, period, previousSheet: previous || null, bank }, {
        compute: computePayrollMonth,
        signal,
        onLoaded: props.onLoaded,
        onProgress: (share, stage, d, n) => setProgress({ label: stage === 'read' ? t.payrollReading : t.payrollProgress(d, n), share }),
      });
      const r = out.result;
      setDone(t.payrollDone(out.paySheet, out.bankSheet, r.workers, r.failed, r.totals.gross, r.totals.deductions, r.totals.net, r.chainedFrom));
      setNotes(r.notes);
      setPicked(null);
      props.onWritten();
    });
  };

  const periodOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const before = periodOk ? monthBefore(period) : null;
  return (
    <div className={styles.root} data-testid="payroll-panel">
      <Subtitle2>{t.payrollTitle}</Subtitle2>
      <Caption1 className={styles.muted}>{t.payrollIntro}</Caption1>
      <Caption1 className={styles.muted} data-testid="payroll-local">{t.payrollLocal(LOCAL_KEYS)}</Caption1>
      <Field label={t.period} validationState={periodOk ? 'none' : 'error'}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} placeholder="2026-12" data-testid="payroll-period" />
      </Field>
      <Field label={t.payrollPrevious} hint={before ? t.payrollPreviousHint(before) : undefined}>
        <Select value={previous} onChange={(_, d) => setPicked(d.value)} data-testid="payroll-previous">
          <option value={NONE}>{t.payrollPreviousNone}</option>
          {candidates.map((c) => (
            <option key={c.sheet} value={c.sheet}>
              {c.sheet}（{c.period}）
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox checked={bank} onChange={(_, d) => setBank(d.checked === true)} label={t.payrollBank} data-testid="payroll-bank" />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={run} disabled={!scan || scan.needsMapping || progress !== null || !periodOk} data-testid="payroll-compute">
          {progress ? t.payComputing : t.payrollCompute}
        </Button>
        <CancelButton progress={progress} onCancel={job.cancel} testId="payroll-cancel" />
      </div>
      <ProgressField progress={progress} testId="payroll-progress" />
      <FailureBar error={error} title={t.payrollFailed} goParams={props.goParams} testId="payroll-error" />
      {done && (
        <MessageBar intent="success" data-testid="payroll-done">
          <MessageBarBody>
            {done}
            {notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
