/// <reference types="office-js" />
/**
 * The task pane's entry point. In the shared runtime this page (taskpane.html) also loads the
 * custom functions bundle, so it is loaded whenever the functions run, whether or not the pane is
 * shown. Outside Office (a plain browser) it renders anyway, for development.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

function mount(): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <App />
    </FluentProvider>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() => mount());
} else {
  mount();
}
