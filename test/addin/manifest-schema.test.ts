/**
 * manifest.xml (as written and as the build rewrites it for a real host) validates against
 * Microsoft's XSD schemas for Office add-in manifests, vendored in test/addin/schemas/ (see its
 * README for the source and the changes), with libxml2 compiled to WebAssembly — offline, unlike
 * `npm run validate` (office-addin-manifest validate, which asks Microsoft's online service).
 * The check is real: a manifest with an element out of schema order, or an unknown element, fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMAS = path.join(__dirname, 'schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';

async function validate(xml: string) {
  const files = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd'));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMAS, f), 'utf8') });
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [read(MAIN)],
    preload: files.filter((f) => f !== MAIN).map(read),
  });
}

const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml against Microsoft\'s XSD schemas', () => {
  test('validates as written', async () => {
    const r = await validate(manifest);
    expect(r.errors.map((e) => e.message)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  test('validates as the build rewrites it for a real host (CW_ADDIN_URL)', async () => {
    const prev = process.env.CW_ADDIN_URL;
    process.env.CW_ADDIN_URL = 'https://cwkit.example.gov.cn/addin/';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = await require('../../webpack.config.js')({}, { mode: 'production' });
      const copy = config.plugins.find((p: { patterns?: unknown }) => Array.isArray(p.patterns));
      const pattern = copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
      const built = String(pattern.transform(Buffer.from(manifest)));
      expect(built).toContain('https://cwkit.example.gov.cn/addin/help/index.html');
      const r = await validate(built);
      expect(r.errors.map((e) => e.message)).toEqual([]);
    } finally {
      if (prev === undefined) delete process.env.CW_ADDIN_URL;
      else process.env.CW_ADDIN_URL = prev;
    }
  });

  test('declares the one ExcelApi minimum the adapter needs, beside SharedRuntime 1.1', () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>\s*<Set Name="ExcelApi" MinVersion="1.9"\/>/);
  });

  test('the check fails on a broken manifest: elements out of order, an unknown element, a bad version', async () => {
    const swapped = manifest.replace(/(\s*<Version>[^<]*<\/Version>)(\s*<ProviderName>[^<]*<\/ProviderName>)/, '$2$1');
    expect(swapped).not.toBe(manifest);
    expect((await validate(swapped)).valid).toBe(false);
    const unknown = manifest.replace('<Permissions>', '<Volatile>true</Volatile>\n  <Permissions>');
    expect((await validate(unknown)).valid).toBe(false);
    const badVersion = manifest.replace(/<Version>[^<]*<\/Version>/, '<Version>v1</Version>');
    expect((await validate(badVersion)).valid).toBe(false);
    const badLifetime = manifest.replace('lifetime="long"', 'lifetime="forever"');
    expect((await validate(badLifetime)).valid).toBe(false);
  });
});
