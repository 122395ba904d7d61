import * as React from 'react';
import { Field, SpinButton } from '@fluentui/react-components';
import { useT } from '../i18n';

/** The longest retirement look-ahead the pane offers, in months (20 years). */
const MAX_MONTHS = 240;

/** "退休提醒（月内）": a whole number of months, 0–240; other typing is ignored, never half-applied. */
export function RetireMonthsField(props: { months: number; setMonths: (m: number) => void; className?: string }): React.JSX.Element {
  const t = useT();
  return (
    <Field label={t.retireMonths} className={props.className}>
      <SpinButton
        value={props.months}
        min={0}
        max={MAX_MONTHS}
        onChange={(_, d) => {
          const v = d.value ?? Number(d.displayValue);
          if (Number.isInteger(v) && v >= 0 && v <= MAX_MONTHS) props.setMonths(v);
        }}
      />
    </Field>
  );
}
