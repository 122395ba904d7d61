/**
 * A policy is one declared thing (issue 8): its roster rules, recruitment, contribution base and
 * staffing tags are fields of the Policy; the policies' files import no check and no registry, and
 * the engine's modules form no import cycle (a cycle broke the browser bundles once).
 */
import * as fs from 'fs';
import * as path from 'path';
import { POLICIES, Trace, normalizeWorker, toExcelSerial, dayNumberOf } from '../../src/engine';
import { counterFor } from '../../src/engine/roster-eval/counts';

const ENGINE = path.join(__dirname, '..', '..', 'src', 'engine');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Runtime imports of a file (`import type` and `export type` are erased and cannot form a cycle). */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)';/gms)) {
    if (m[1]) continue;
    const base = path.resolve(path.dirname(file), m[2]);
    const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (hit) out.push(hit);
  }
  return out;
}

/** Every import (type or not) of a file, as written. */
function allSpecifiers(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
}

describe('the engine has no import cycle', () => {
  test('depth-first search over the runtime imports of src/engine finds no back edge', () => {
    const files = sourceFiles(ENGINE);
    const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === 'open') cycles.push(`${path.relative(ENGINE, f)} → ${path.relative(ENGINE, g)}`);
        else if (!state.has(g)) visit(g);
      }
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  test("the policies' files import neither the checks nor the policy registry", () => {
    const dir = path.join(ENGINE, 'policies');
    const bad = sourceFiles(dir).filter((f) => f !== path.join(dir, 'index.ts')).flatMap((f) =>
      allSpecifiers(f).filter((s) => /(^|\/)checks(\/|$)/.test(s) || /^\.\.(\/\.\.)?(\/index)?\/?$|policies(\/index)?$/.test(s)).map((s) => `${path.relative(ENGINE, f)}: ${s}`));
    expect(bad).toEqual([]);
  });
});

describe('every policy declares its rules', () => {
  test.each(POLICIES.map((p) => [p.id, p] as const))('%s: rules, needs and tags are declared', (_id, p) => {
    expect(Array.isArray(p.rules.needs)).toBe(true);
    expect(typeof p.recruits).toBe('boolean');
    expect(p.socialInsuranceBase === null || typeof p.socialInsuranceBase === 'function').toBe(true);
  });

  // `recruits` must say what `recruitment` does: a recruit who meets no condition (aged 200, 高中及以下) gets findings.
  test.each(POLICIES.map((p) => [p.id, p] as const))('%s: recruits matches the recruitment rule', (_id, p) => {
    const w = normalizeWorker({ policy: p.id, asOf: toExcelSerial(dayNumberOf(2024, 6, 1)), education: '高中及以下', birthDate: '1930-01-01' });
    let findings: number;
    try {
      findings = p.recruitment(w, { recruited: true, age: 200 }).length;
    } catch {
      findings = 1;
    }
    expect(findings > 0).toBe(p.recruits);
  });

  test('every staffing requirement names a counter by its tag, for every policy and scope', () => {
    const facts = { households: 3000, population: 9000, urbanPopulation: 9000, partyMembers: 120, partyOrgType: '党委', name: '长春新区' };
    for (const p of POLICIES) {
      for (const scope of ['community', 'county'] as const) {
        let reqs;
        try {
          reqs = p.staffing(facts, scope, p.params.resolve(null), new Trace(false));
        } catch {
          continue; // a policy that sets no rule at this level says so with an error
        }
        for (const r of reqs) expect([p.id, r.what, counterFor(r.counts, p.posts.map((c) => c.name)) !== null]).toEqual([p.id, r.what, true]);
      }
    }
  });

  test('only 厦门 sets the contribution base itself (第十三条（一）)', () => {
    expect(POLICIES.filter((p) => p.socialInsuranceBase !== null).map((p) => p.id)).toEqual(['xiamen-2020']);
  });
});
