/**
 * Compatibility shim: a policy's roster rules are declared on the Policy (`policy.rules`, see
 * src/engine/rules.ts). Kept so that callers written against `extrasOf` keep compiling.
 */
import type { Policy } from '../types';
import type { PolicyRules } from '../rules';

export type { ColumnNeed, RuleContext as ExtraContext, PolicyRules as PolicyExtras } from '../rules';

/** The roster rules of a policy (its declared `rules`). */
export function extrasOf(policy: Policy): PolicyRules {
  return policy.rules;
}
