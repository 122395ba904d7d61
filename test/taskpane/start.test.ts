/**
 * `npm start` (scripts/start.js, its plan in scripts/start-lib.js): sideloading as Microsoft's
 * template does where Excel can (Windows registry, Mac wef folder), the workbench elsewhere, and
 * the http fallback's instructions in Chinese and English when no certificate can be installed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../scripts/start-lib.js');

const ROOT = path.join(__dirname, '..', '..');
const manifestXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const id = lib.addinId(manifestXml);
const none = { workbench: false, http: false, dryRun: false, remove: false, open: false };

test('npm start runs scripts/start.js; cw demo stays available', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.start).toBe('node scripts/start.js');
  expect(pkg.scripts['start:workbench']).toBe('node scripts/start.js --workbench');
  expect(pkg.scripts['start:remove']).toBe('node scripts/start.js --remove');
  expect(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'cw.js'), 'demo'], { encoding: 'utf8' })).toContain('policy engine demo');
});

test('the add-in id comes from manifest.xml; unknown options are refused', () => {
  expect(id).toBe('aee50e41-8cb1-40c2-a927-f48fa2f245e3');
  expect(lib.parseArgs(['--workbench', '--http'])).toEqual({ ...none, workbench: true, http: true });
  expect(() => lib.parseArgs(['--sideload'])).toThrow(/未知选项 --sideload/);
});

test('Windows: the manifest is registered under HKCU\\…\\WEF\\Developer and Excel is started', () => {
  const manifest = 'C:\\cwkit\\manifest.xml';
  const p = lib.plan({ platform: 'win32', options: none, https: true, manifest, home: 'C:\\Users\\clerk', id });
  expect(p.origin).toBe('https://localhost:3000');
  expect(p.sideload.register).toEqual([['reg', ['add', 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer', '/v', manifest, '/t', 'REG_SZ', '/d', manifest, '/f']]]);
  expect(p.sideload.launch).toEqual([['cmd', ['/c', 'start', '""', 'excel']]]);
  expect(p.messages).toEqual([]);
  const r = lib.plan({ platform: 'win32', options: { ...none, remove: true }, https: false, manifest, home: 'C:\\Users\\clerk', id });
  expect(r.remove.remove).toEqual([['reg', ['delete', 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer', '/v', manifest, '/f']]]);
});

test('Mac: manifest.xml is copied into Excel’s wef folder and Excel is opened', () => {
  const p = lib.plan({ platform: 'darwin', options: none, https: true, manifest: '/Users/clerk/cwkit/manifest.xml', home: '/Users/clerk', id });
  const wef = '/Users/clerk/Library/Containers/com.microsoft.Excel/Data/Documents/wef';
  expect(p.sideload.register).toEqual([['mkdir', ['-p', wef]], ['cp', ['/Users/clerk/cwkit/manifest.xml', `${wef}/${id}.manifest.xml`]]]);
  expect(p.sideload.launch).toEqual([['open', ['-a', 'Microsoft Excel']]]);
});

test('Linux: no sideloading; the workbench is served, and the reason is said in Chinese and English', () => {
  const p = lib.plan({ platform: 'linux', options: none, https: true, manifest: '/w/manifest.xml', home: '/root', id });
  expect(p.sideload).toBeNull();
  expect(p.messages.join('\n')).toMatch(/Excel 无法旁加载[\s\S]*工作台[\s\S]*cannot sideload[\s\S]*workbench/);
  const dry = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--dry-run'], { encoding: 'utf8', cwd: ROOT }));
  expect(dry.platform).toBe(process.platform);
  if (process.platform === 'linux') expect(dry.sideload).toBeNull();
});

test('without a trusted certificate: http://localhost:3000, no sideloading, and how to proceed in both languages', () => {
  const p = lib.plan({ platform: 'win32', options: none, https: false, manifest: 'C:\\m.xml', home: 'C:\\', id });
  expect(p.origin).toBe('http://localhost:3000');
  expect(p.sideload).toBeNull();
  expect(p.messages.join('\n')).toMatch(/不旁加载[\s\S]*not sideloading/);
  const text = lib.MSG.certFailed('sudo: not found').join('\n');
  for (const s of ['无法安装本机开发证书', 'http://localhost:3000', 'npx office-addin-dev-certs install', 'npm start -- --http', 'could not be installed', 'only loads add-ins over https']) {
    expect(text).toContain(s);
  }
});
