/**
 * Fluent UI's light theme with a font stack that names Chinese system fonts. Only fonts installed
 * on the computer are used: Fluent UI v9 declares no @font-face, and neither does cwkit, so the
 * pane never fetches a web font.
 */
import { webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

export const FONT_STACK = [
  "'Segoe UI'", "'Microsoft YaHei UI'", "'Microsoft YaHei'", "'PingFang SC'", "'Hiragino Sans GB'", "'Noto Sans CJK SC'", "'Noto Sans SC'",
  "'Source Han Sans SC'", "'WenQuanYi Micro Hei'", '-apple-system', 'BlinkMacSystemFont', 'Roboto', "'Helvetica Neue'", 'sans-serif',
].join(', ');

export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_STACK };
