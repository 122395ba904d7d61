/**
 * The task pane, for now: the policies cwkit implements and a reference of the CW functions, in
 * Chinese. The roster-check pane will grow here; the function help lives in src/functions/help.ts
 * so the pane, the zh-CN metadata and `cw fn` say the same thing.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { POLICIES, citeText } from '../engine';
import type { Policy } from '../engine';
import { FUNCTIONS, NAMESPACE } from '../functions/help';
import type { FnHelp } from '../functions/help';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  example: { display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Parameters a policy's results need but its document leaves to local rules. */
function requiredParams(p: Policy): string[] {
  return p.params.defs.filter((d) => d.value === undefined).map((d) => d.key);
}

function PolicyCard({ policy }: { policy: Policy }) {
  const styles = useStyles();
  const required = requiredParams(policy);
  return (
    <Card>
      <CardHeader
        header={<Subtitle2>{policy.name}</Subtitle2>}
        description={<Caption1 className={styles.muted}>{policy.id}</Caption1>}
        action={policy.id === 'tongzhou-draft' ? <Badge color="warning">征求意见稿</Badge> : undefined}
      />
      {policy.title && <Body1>{policy.title}</Body1>}
      {policy.doc && <Caption1>{policy.doc}</Caption1>}
      <Caption1>
        岗位：{policy.posts.map((x) => x.name).join('、') || '（未加载）'}；参数 {policy.params.defs.length} 项
      </Caption1>
      {required.length > 0 && (
        <Caption1>
          需在参数表中提供（文件未规定数额）：{required.slice(0, 6).join('、')}
          {required.length > 6 ? ` 等 ${required.length} 项` : ''}
        </Caption1>
      )}
    </Card>
  );
}

function signature(f: FnHelp): string {
  return `=${NAMESPACE}.${f.id}(${f.params.map((p) => (p.optional ? `[${p.zhName}]` : p.zhName)).join(', ')})`;
}

function FunctionEntry({ f }: { f: FnHelp }) {
  const styles = useStyles();
  return (
    <AccordionItem value={f.id}>
      <AccordionHeader>{`${NAMESPACE}.${f.id} — ${f.zhDescription}`}</AccordionHeader>
      <AccordionPanel>
        <code className={styles.example}>{signature(f)}</code>
        <ul className={styles.params}>
          {f.params.map((p) => (
            <li key={p.name}>
              <Text weight="semibold">{p.zhName}</Text>
              {p.optional ? '（可选）' : ''}：{p.zhDescription}
            </li>
          ))}
        </ul>
        <Body1>返回：{f.zhReturns}</Body1>
        {f.examples.map((e) => (
          <div key={e.formula}>
            <code className={styles.example}>{e.formula}</code>
            <Caption1>{e.zh}</Caption1>
          </div>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}

/** The pane: a tab of policies and a tab of functions. */
export function App() {
  const styles = useStyles();
  const [tab, setTab] = React.useState<'policies' | 'functions'>('functions');
  return (
    <div className={styles.root}>
      <Title3>社区工作者薪酬工具</Title3>
      <Caption1 className={styles.muted}>
        在单元格中输入 ={NAMESPACE}.PAY(…) 等函数即可计算；出错时单元格显示 #VALUE! 或 #N/A，指向错误标记可看到原因。
      </Caption1>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'policies' | 'functions')}>
        <Tab value="functions">函数说明</Tab>
        <Tab value="policies">政策</Tab>
      </TabList>
      {tab === 'functions' ? (
        <Accordion collapsible multiple>
          {FUNCTIONS.map((f) => (
            <FunctionEntry key={f.id} f={f} />
          ))}
        </Accordion>
      ) : (
        <div className={styles.list}>
          {POLICIES.map((p) => (
            <PolicyCard key={p.id} policy={p} />
          ))}
          <Caption1 className={styles.muted}>
            参数依据示例：{POLICIES[0].params.defs[0] ? citeText(POLICIES[0].params.defs[0].citation) : ''}。用 ={NAMESPACE}.PARAMS("本溪") 列出全部参数。
          </Caption1>
        </div>
      )}
    </div>
  );
}
