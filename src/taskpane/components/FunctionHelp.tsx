/**
 * The function reference and the policy list. The help text lives in src/functions/help.ts, so
 * the pane, the zh-CN metadata and `cw fn` say the same thing.
 */
import * as React from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Caption1, Card, CardHeader, Subtitle2, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { POLICIES, citeText, mustSupply } from '../../engine';
import type { Policy } from '../../engine';
import { FUNCTIONS, NAMESPACE } from '../../functions/help';
import type { FnHelp } from '../../functions/help';
import { useLang, useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  example: { display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Parameters a policy's results need but its document leaves to local rules. */
export function requiredParams(p: Policy): string[] {
  return p.params.defs.filter(mustSupply).map((d) => d.key);
}

function PolicyCard({ policy }: { policy: Policy }) {
  const styles = useStyles();
  const t = useT();
  const required = requiredParams(policy);
  return (
    <Card>
      <CardHeader
        header={<Subtitle2>{policy.name}</Subtitle2>}
        description={<Caption1 className={styles.muted}>{policy.id}</Caption1>}
        action={policy.draft ? <Badge color="warning">{t.draft}</Badge> : undefined}
      />
      {policy.title && <Body1>{policy.title}</Body1>}
      {policy.doc && <Caption1>{policy.doc}</Caption1>}
      <Caption1>
        {t.posts}：{policy.posts.map((x) => x.name).join('、')}；{t.paramsCount(policy.params.defs.length)}
      </Caption1>
      {required.length > 0 && <Caption1>{t.requiredParams(required.slice(0, 6).join('、'), required.length)}</Caption1>}
    </Card>
  );
}

export function PolicyList() {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {POLICIES.map((p) => (
        <PolicyCard key={p.id} policy={p} />
      ))}
      <Caption1 className={styles.muted}>
        {POLICIES[0].params.defs[0] ? citeText(POLICIES[0].params.defs[0].citation) : ''} · ={NAMESPACE}.PARAMS("本溪")
      </Caption1>
    </div>
  );
}

function signature(f: FnHelp): string {
  return `=${NAMESPACE}.${f.id}(${f.params.map((p) => (p.optional ? `[${p.zhName}]` : p.zhName)).join(', ')})`;
}

function FunctionEntry({ f }: { f: FnHelp }) {
  const styles = useStyles();
  const t = useT();
  const en = useLang() === 'en';
  return (
    <AccordionItem value={f.id}>
      <AccordionHeader>{`${NAMESPACE}.${f.id} — ${en ? f.description : f.zhDescription}`}</AccordionHeader>
      <AccordionPanel>
        <code className={styles.example}>{signature(f)}</code>
        <ul className={styles.params}>
          {f.params.map((p) => (
            <li key={p.name}>
              <Text weight="semibold">{en ? p.name : p.zhName}</Text>
              {p.optional ? t.optional : ''}：{en ? p.description : p.zhDescription}
            </li>
          ))}
        </ul>
        <Body1>
          {t.returns}
          {f.zhReturns}
        </Body1>
        {f.examples.map((e) => (
          <div key={e.formula}>
            <code className={styles.example}>{e.formula}</code>
            <Caption1>{en ? e.en : e.zh}</Caption1>
          </div>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}

export function FunctionHelp() {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.list}>
      <Caption1 className={styles.muted}>{t.functionsIntro(NAMESPACE)}</Caption1>
      <Accordion collapsible multiple>
        {FUNCTIONS.map((f) => (
          <FunctionEntry key={f.id} f={f} />
        ))}
      </Accordion>
    </div>
  );
}
