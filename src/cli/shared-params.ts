/**
 * A 参数表 given once for a whole `cw calc` run (`--params`): flat for every policy, or grouped by
 * policy. Every line of a batch shares the same object, so the engine resolves it once.
 */
import { CwError, policyOf, POLICIES } from '../engine';

/** The run's 参数表: one table for every policy, or one per policy id. */
export type SharedParams = { all?: Record<string, unknown>; byPolicy: Map<string, Record<string, unknown>> };

/** Reads a `--params` file: `{"参数名": 值}` or `{"<policy id or alias>": {"参数名": 值}}`. */
export function sharedParamsOf(json: unknown): SharedParams {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CwError('INVALID_TYPE', '--params 文件不是参数表。可用：{"参数名": 值} 或 {"宁夏": {"参数名": 值}}（按政策名称或编号分组）。', 'params');
  }
  const entries = Object.entries(json as Record<string, unknown>);
  const grouped = entries.length > 0 && entries.every(([k, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && isPolicyName(k));
  if (!grouped) return { all: json as Record<string, unknown>, byPolicy: new Map() };
  return { byPolicy: new Map(entries.map(([k, v]) => [policyOf(k).id, v as Record<string, unknown>])) };
}

function isPolicyName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return POLICIES.some((p) => p.id === n || p.name === name.trim() || p.aliases.some((a) => a.toLowerCase() === n));
}

/**
 * The worker with the run's 参数表 under its own params (its own names win). `fresh` says the
 * input is the caller's own just-parsed object: the table is then set on it instead of on a copy.
 */
export function withShared(input: unknown, shared: SharedParams | undefined, fresh = false): unknown {
  if (!shared || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const w = input as Record<string, unknown>;
  let table = shared.all;
  if (!table && typeof w.policy === 'string' && isPolicyName(w.policy)) table = shared.byPolicy.get(policyOf(w.policy).id);
  if (!table) return input;
  const own = w.params;
  const params = own && typeof own === 'object' && !Array.isArray(own) ? { ...table, ...(own as object) } : own ?? table;
  if (!fresh) return { ...w, params };
  w.params = params;
  return w;
}
