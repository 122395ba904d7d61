/**
 * The add-in package, checked offline (office-addin-manifest validate needs the network):
 *
 *  - functions.json generated from the JSDoc (custom-functions-metadata's own API) and the zh-CN
 *    metadata list every function with the same ids and parameters as help.ts;
 *  - manifest.xml parses with a real XML parser, is a shared-runtime CW add-in with zh-CN strings,
 *    every resid it uses is defined, and every URL it references is a file the build produces;
 *  - the production build (webpack, run here into a temporary folder, with CW_OFFICE_JS=21vianet)
 *    emits those files and the help pages, and nothing a clerk's PC must not get: no workbench, no
 *    sample roster, no source maps, no setStartupBehavior, no allowCustomDataForDataTypeAny, no
 *    HyperFormula; its runtime page loads Office.js from 21Vianet's CDN and its CSP allows only that.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTIONS, NAMESPACE } from '../../src/functions/help';
import { CustomFunctionsMetadata, localizeMetadata, metadataMismatches } from '../../src/functions/localize';

// xml2js ships with the Office add-in tooling (office-addin-manifest uses it to read manifests).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise(xml: string, options?: object): Promise<XmlNode> };
type XmlNode = { [k: string]: unknown };

const ROOT = path.join(__dirname, '..', '..');
const DEV_URL = 'https://localhost:3000/';

let generated: CustomFunctionsMetadata;
let buildDir: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(ROOT, 'src/functions/functions.ts')], false);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson);
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwkit-addin-'));
  // What `CW_OFFICE_JS=21vianet npm run build` runs (the production build a deployment ships).
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', buildDir], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 480_000,
    env: { ...process.env, CW_OFFICE_JS: '21vianet', CW_ADDIN_URL: '' },
  });
}, 540_000);

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

afterAll(() => {
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

/** Every element named `name` anywhere under a parsed xml2js node. */
function findAll(node: unknown, name: string, out: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) for (const n of node) findAll(n, name, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as XmlNode)) {
      if (k === name) for (const x of v as XmlNode[]) out.push(x);
      if (k !== '$') findAll(v, name, out);
    }
  }
  return out;
}
const attr = (n: XmlNode, a: string) => (n.$ as Record<string, string> | undefined)?.[a];

describe('custom functions metadata', () => {
  test('functions.json lists every function of help.ts with the same ids, parameters and shapes', () => {
    expect(generated.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
    expect(metadataMismatches(generated)).toEqual([]);
    for (const f of generated.functions) {
      expect(f.name).toBe(f.id);
      expect(f.parameters.length).toBe(FUNCTIONS.find((h) => h.id === f.id)!.params.length);
    }
  });

  test('the check really compares: a renamed or missing parameter is reported', () => {
    const broken = JSON.parse(JSON.stringify(generated)) as CustomFunctionsMetadata;
    broken.functions[0].parameters[0].name = 'polcy';
    broken.functions[1].parameters.pop();
    expect(metadataMismatches(broken).length).toBeGreaterThanOrEqual(2);
    expect(() => localizeMetadata(broken)).toThrow(/disagree/);
  });

  test('functions-zh-CN.json has the same ids, names, types and parameter counts, in Chinese', () => {
    const zh = localizeMetadata(generated);
    expect(zh.functions.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      const en = generated.functions[i];
      expect(f.name).toBe(en.name);
      expect(f.result).toEqual(en.result);
      expect(f.parameters.length).toBe(en.parameters.length);
      f.parameters.forEach((p, k) => {
        expect({ ...p, name: undefined, description: undefined }).toEqual({ ...en.parameters[k], name: undefined, description: undefined });
        expect(p.name).toMatch(/[\u4e00-\u9fff]/);
      });
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});

describe('manifest.xml', () => {
  let manifest: XmlNode;
  let xml: string;
  beforeAll(async () => {
    xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    manifest = await parseStringPromise(xml, { strict: true });
  });

  test('is a shared-runtime add-in registering the CW namespace, with zh-CN strings', () => {
    const app = manifest.OfficeApp as XmlNode;
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    expect(findAll(app, 'Set').map((s) => attr(s, 'Name'))).toContain('SharedRuntime');
    const runtimes = findAll(app, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], 'resid')).toBe('Taskpane.Url');
    expect(attr(runtimes[0], 'lifetime')).toBe('long');
    const cf = findAll(app, 'ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions')!;
    const res = (el: string) => attr(findAll(findAll(cf, el)[0], 'SourceLocation')[0], 'resid');
    expect(res('Page')).toBe('Taskpane.Url');
    expect(res('Script')).toBe('Functions.Script.Url');
    expect(res('Metadata')).toBe('Functions.Metadata.Url');
    expect(attr(findAll(app, 'FunctionFile')[0], 'resid')).toBe('Taskpane.Url');
    const strings = findAll(app, 'bt:String');
    const ns = strings.find((s) => attr(s, 'id') === attr(findAll(cf, 'Namespace')[0], 'resid'))!;
    expect(attr(ns, 'DefaultValue')).toBe(NAMESPACE);
    for (const el of ['DisplayName', 'Description']) {
      const o = findAll(findAll(app, el)[0], 'Override');
      expect(attr(o[0], 'Locale')).toBe('zh-CN');
      expect(attr(o[0], 'Value')).toMatch(/[\u4e00-\u9fff]/);
    }
    const metadataUrl = findAll(app, 'bt:Url').find((u) => attr(u, 'id') === 'Functions.Metadata.Url')!;
    const zh = findAll(metadataUrl, 'bt:Override');
    expect(zh.map((o) => [attr(o, 'Locale'), attr(o, 'Value')])).toEqual([['zh-CN', `${DEV_URL}functions-zh-CN.json`]]);
  });

  test('every resid it uses is defined once in Resources', () => {
    const app = manifest.OfficeApp as XmlNode;
    const defined = [...findAll(app, 'bt:Image'), ...findAll(app, 'bt:Url'), ...findAll(app, 'bt:String')].map((n) => attr(n, 'id')).filter(Boolean);
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(defined).toContain(r);
  });

  test('every URL it references is a file the build produces, and the icons are real PNGs of their size', () => {
    const urls = [...new Set([...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThanOrEqual(8); // 4 icons, functions.js, functions.json, functions-zh-CN.json, taskpane.html
    for (const u of urls) {
      expect(u.startsWith(DEV_URL)).toBe(true);
      const file = path.join(buildDir, u.slice(DEV_URL.length));
      expect({ url: u, exists: fs.existsSync(file) }).toEqual({ url: u, exists: true });
      const size = /icon-(\d+)\.png$/.exec(u);
      if (size) {
        const png = fs.readFileSync(file);
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size[1]), Number(size[1])]);
      }
    }
  });
});

describe('the build output', () => {
  test('emits functions.js, both metadata files, the shared runtime page, the pane and the manifest', () => {
    for (const f of ['functions.js', 'functions.json', 'functions-zh-CN.json', 'taskpane.js', 'taskpane.html', 'manifest.xml']) {
      expect(fs.existsSync(path.join(buildDir, f))).toBe(true);
    }
    const html = fs.readFileSync(path.join(buildDir, 'taskpane.html'), 'utf8');
    expect(html.indexOf('functions.js')).toBeGreaterThan(0);
    expect(html.indexOf('functions.js')).toBeLessThan(html.indexOf('taskpane.js'));
  });

  test('the built metadata is the generated one with a helpUrl per function and no allowCustomDataForDataTypeAny; zh-CN is its localisation', () => {
    const built = JSON.parse(fs.readFileSync(path.join(buildDir, 'functions.json'), 'utf8'));
    expect(generated.allowCustomDataForDataTypeAny).toBe(true); // what custom-functions-metadata writes, and the build strips
    const { allowCustomDataForDataTypeAny: _dropped, ...rest } = generated;
    const expected = { ...rest, functions: generated.functions.map((f) => ({ ...f, helpUrl: `${DEV_URL}help/functions.html#fn-${f.id.toLowerCase()}` })) };
    expect(built).toEqual(expected);
    expect(JSON.stringify(built)).not.toContain('allowCustomDataForDataTypeAny');
    const zh = JSON.parse(fs.readFileSync(path.join(buildDir, 'functions-zh-CN.json'), 'utf8'));
    expect(zh).toEqual(localizeMetadata(expected));
  });

  test('every helpUrl, SupportUrl and LearnMoreUrl opens a shipped zh-CN help page with that function\'s anchor', () => {
    const built = JSON.parse(fs.readFileSync(path.join(buildDir, 'functions.json'), 'utf8')) as { functions: Array<{ id: string; helpUrl: string }> };
    for (const f of built.functions) {
      const [file, anchor] = f.helpUrl.slice(DEV_URL.length).split('#');
      const page = fs.readFileSync(path.join(buildDir, file), 'utf8');
      // The production build minifies the pages (attribute quotes may go).
      expect(page).toMatch(new RegExp(`id="?${anchor}"?>CW\\.${f.id}<`));
      expect(page).toMatch(/<html lang="?zh-CN"?>/);
    }
    const xml = fs.readFileSync(path.join(buildDir, 'manifest.xml'), 'utf8');
    expect(xml).toContain(`<SupportUrl DefaultValue="${DEV_URL}help/index.html"/>`);
    expect(xml).toMatch(/id="GetStarted.LearnMoreUrl" DefaultValue="https:\/\/localhost:3000\/help\/index.html"/);
    const index = fs.readFileSync(path.join(buildDir, 'help/index.html'), 'utf8');
    expect(index).toContain('Excel 2021 LTSC');
    expect(index).toContain('Excel 2016、Excel 2019 不支持');
  });

  test('ships no workbench, no sample roster, no source maps and no setStartupBehavior', () => {
    const files = filesUnder(buildDir);
    expect(files.filter((f) => /workbench|sample|\.map$/.test(f))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      expect([f, fs.readFileSync(path.join(buildDir, f), 'utf8').includes('setStartupBehavior')]).toEqual([f, false]);
    }
  });

  test('CW_OFFICE_JS=21vianet: taskpane.html loads 21Vianet\'s Office.js and its CSP allows that origin only', () => {
    const html = fs.readFileSync(path.join(buildDir, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script[^>]+src="?https:\/\/appsforoffice\.cdn\.partner\.office365\.cn\/appsforoffice\/lib\/1\/hosted\/office\.js/);
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(csp).toContain("connect-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(html).not.toContain('appsforoffice.microsoft.com');
  });

  test('functions.js associates every function id, and no bundle contains HyperFormula', () => {
    const js = fs.readFileSync(path.join(buildDir, 'functions.js'), 'utf8');
    const associated = FUNCTIONS.map((f) => [f.id, js.includes(`CustomFunctions.associate("${f.id}"`)]);
    expect(associated).toEqual(FUNCTIONS.map((f) => [f.id, true]));
    // HyperFormula's own code carries its copyright line and GPL licence key check; comments in our
    // sources may mention it by name, so look for the library itself.
    for (const f of ['functions.js', 'taskpane.js']) expect([f, /Handsoncode|gpl-v3|node_modules\/hyperformula/.test(fs.readFileSync(path.join(buildDir, f), 'utf8'))]).toEqual([f, false]);
  });

  test('CW_ADDIN_URL rewrites every manifest URL for a real host', async () => {
    const prev = process.env.CW_ADDIN_URL;
    process.env.CW_ADDIN_URL = 'https://cw.example.gov.cn/addin';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = await require('../../webpack.config.js')({}, { mode: 'production' });
      const copy = config.plugins.find((p: { patterns?: unknown }) => Array.isArray(p.patterns));
      const pattern = copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
      const out = String(pattern.transform(Buffer.from(fs.readFileSync(path.join(ROOT, 'manifest.xml')))));
      expect(out).not.toContain('localhost');
      expect(out).toContain('https://cw.example.gov.cn/addin/functions-zh-CN.json');
      expect(out).toContain('<AppDomain>https://cw.example.gov.cn</AppDomain>');
    } finally {
      if (prev === undefined) delete process.env.CW_ADDIN_URL;
      else process.env.CW_ADDIN_URL = prev;
    }
  });
});
