/**
 * The CW_OFFICE_JS build option, read from the webpack config `npm run build` uses: where the
 * runtime page loads Office.js from, the Content-Security-Policy that follows it, and — for
 * `bundled` — that the copy is served from the add-in's own origin out of @microsoft/office-js.
 * (The 21Vianet production build itself is built and checked in test/functions/addin.test.ts.)
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { officeJsSource } = require('../../scripts/office-js-source.js') as {
  officeJsSource(v: string | undefined): { kind: string; url: string; csp: string; bundled: boolean };
};

const ROOT = path.join(__dirname, '..', '..');

interface Plugin {
  userOptions?: { filename?: string; templateParameters?: { officeJs: { url: string; csp: string } } };
  patterns?: Array<{ from: string; to: string; globOptions?: { ignore?: string[] } }>;
}

async function configWith(value: string | undefined, mode = 'production'): Promise<{ plugins: Plugin[]; entry: Record<string, string>; devtool: unknown }> {
  const prev = process.env.CW_OFFICE_JS;
  if (value === undefined) delete process.env.CW_OFFICE_JS;
  else process.env.CW_OFFICE_JS = value;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return await require('../../webpack.config.js')({}, { mode });
  } finally {
    if (prev === undefined) delete process.env.CW_OFFICE_JS;
    else process.env.CW_OFFICE_JS = prev;
  }
}

const runtimePage = (c: { plugins: Plugin[] }) => c.plugins.find((p) => p.userOptions?.filename === 'taskpane.html')!.userOptions!.templateParameters!.officeJs;
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('CW_OFFICE_JS', () => {
  test('default (cdn): Microsoft\'s global CDN, and the CSP allows that origin for scripts and connections', async () => {
    const o = runtimePage(await configWith(undefined));
    expect(o.url).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(directive(o.csp, 'script-src')).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directive(o.csp, 'connect-src')).toBe("connect-src 'self' https://appsforoffice.microsoft.com");
  });

  test('21vianet: 21Vianet\'s CDN, and no global-CDN origin in the CSP', async () => {
    const o = runtimePage(await configWith('21vianet'));
    expect(o.url).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
    expect(o.csp).not.toContain('microsoft.com');
    expect(directive(o.csp, 'script-src')).toBe("script-src 'self' https://appsforoffice.cdn.partner.office365.cn");
  });

  test('bundled: office.js from the add-in\'s own origin (a relative URL), the CSP allows no other origin, and the copy comes from @microsoft/office-js', async () => {
    const c = await configWith('bundled');
    const o = runtimePage(c);
    expect(o.url).toBe('office-js/office.js');
    expect(o.csp).not.toMatch(/https?:/);
    expect(directive(o.csp, 'script-src')).toBe("script-src 'self'");
    const copy = c.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === 'office-js')!;
    expect(copy.from).toBe(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'));
    expect(fs.existsSync(path.join(copy.from, 'office.js'))).toBe(true);
    // office.js loads its host scripts (Excel on Windows, Mac, the web) from beside itself.
    for (const f of ['excel-win32-16.01.js', 'excel-mac-16.00.js', 'excel-web-16.00.js']) expect([f, fs.existsSync(path.join(copy.from, f))]).toEqual([f, true]);
    expect(copy.globOptions?.ignore).toEqual(['**/*.debug.js']);
    // Only when asked for: the CDN builds carry no copy.
    expect((await configWith('cdn')).plugins.flatMap((p) => p.patterns ?? []).some((p) => p.to === 'office-js')).toBe(false);
  });

  test('an unknown value fails the build with a Chinese message naming the accepted values', () => {
    expect(() => officeJsSource('china')).toThrow(/CW_OFFICE_JS=“china”无法识别。可用：cdn.*21vianet.*bundled/);
    expect(officeJsSource(' 21VIANET ').kind).toBe('21vianet');
  });

  test('production has no workbench entry and no source maps; development keeps both', async () => {
    const prod = await configWith(undefined, 'production');
    expect(Object.keys(prod.entry)).toEqual(['functions', 'taskpane']);
    expect(prod.devtool).toBe(false);
    expect(prod.plugins.some((p) => p.userOptions?.filename === 'workbench.html')).toBe(false);
    const dev = await configWith(undefined, 'development');
    expect(Object.keys(dev.entry)).toContain('workbench');
    expect(dev.devtool).toBe('cheap-module-source-map');
    expect(dev.plugins.some((p) => p.userOptions?.filename === 'workbench.html')).toBe(true);
  });
});
