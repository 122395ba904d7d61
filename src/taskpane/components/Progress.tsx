/**
 * The pieces every long-running action of the pane shows the same way (checks, pay sheet, reports):
 * the Cancel button beside the action, the progress bar under it, and the failure bar that offers
 * the 参数表 when a parameter is missing.
 */
import * as React from 'react';
import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useT } from '../i18n';

/** How far a job is: a label (Chinese) and a share 0–1. */
export interface JobProgress {
  label: string;
  share: number;
}

/** Cancel, shown only while `progress` is set. */
export function CancelButton(props: { progress: JobProgress | null; onCancel: () => void; testId: string }): JSX.Element | null {
  const t = useT();
  if (!props.progress) return null;
  return (
    <Button onClick={props.onCancel} data-testid={props.testId}>
      {t.cancel}
    </Button>
  );
}

/** The progress bar with its label, shown only while `progress` is set. */
export function ProgressField(props: { progress: JobProgress | null; testId: string }): JSX.Element | null {
  if (!props.progress) return null;
  return (
    <Field validationMessage={props.progress.label} validationState="none">
      <ProgressBar value={props.progress.share} max={1} data-testid={props.testId} />
    </Field>
  );
}

/** A job's failure: its Chinese message, and a link to the 参数表 when a parameter is missing. */
export function FailureBar(props: { error: { code: string; message: string } | null; title: string; goParams?: () => void; testId: string }): JSX.Element | null {
  const t = useT();
  if (!props.error) return null;
  return (
    <MessageBar intent="error" data-testid={props.testId}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.error.message}
        {props.error.code === 'MISSING_PARAM' && props.goParams && (
          <>
            {' '}
            <Link onClick={props.goParams}>{t.goParams}</Link>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
