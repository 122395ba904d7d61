import { CwError, shown } from '../errors';
import type { Policy, PolicyId } from '../types';
import { benxi } from './benxi';
import { xiamen } from './xiamen';
import { ningxia } from './ningxia';
import { changchun } from './changchun';
import { tongzhou } from './tongzhou';

/** All policies, in the order the product lists them. */
export const POLICIES: readonly Policy[] = [benxi, xiamen, ningxia, changchun, tongzhou];

const BY_ALIAS = new Map<string, Policy>();
for (const p of POLICIES) {
  for (const alias of [p.id, p.name, ...p.aliases]) BY_ALIAS.set(alias.toLowerCase(), p);
}

/** Policy ids with their aliases, for messages. */
export function policyList(): string {
  return POLICIES.map((p) => `${p.id}（${[p.name, ...p.aliases].join('、')}）`).join('；');
}

/**
 * Resolves a policy id or alias: `benxi-2022`, `benxi` and `本溪` are the same policy,
 * whatever the case or surrounding spaces.
 */
export function policyOf(value: unknown): Policy {
  if (typeof value === 'string') {
    const p = BY_ALIAS.get(value.trim().toLowerCase());
    if (p) return p;
  }
  const code = value === undefined || value === null || value === '' ? 'REQUIRED' : 'UNKNOWN_POLICY';
  throw new CwError(code, `policy：无法识别政策 ${shown(value)}。可用：${policyList()}。`, 'policy');
}

/** Policy ids with their short names, for help texts: `benxi-2022（本溪）、…`. */
export function policyIds(): string {
  return POLICIES.map((p) => `${p.id}（${p.name}）`).join('、');
}

/** The policy with this exact id. */
export function policyById(id: PolicyId): Policy {
  return POLICIES.find((p) => p.id === id)!;
}
