/**
 * The minimal task pane renders (server-side, no DOM needed): Chinese headings, every function of
 * help.ts with its Chinese signature, and — on the policy tab — every policy.
 */
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { FUNCTIONS } from '../../src/functions/help';

test('the pane lists every CW function with its Chinese description', () => {
  const markup = renderToString(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
  const html = markup.replace(/<!-- -->/g, '');
  expect(html).toContain('社区工作者薪酬工具');
  expect(html).toContain('函数说明');
  expect(FUNCTIONS.map((f) => [f.id, html.includes(`CW.${f.id} — ${f.zhDescription}`)])).toEqual(FUNCTIONS.map((f) => [f.id, true]));
  expect(html).toContain(FUNCTIONS[0].zhDescription);
});
