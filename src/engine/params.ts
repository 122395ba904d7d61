import { Citation, citeText } from './citation';
import { CwError, shown } from './errors';
import { Decimal } from './money';

/** Decimal forms of published defaults, converted once (decimal parsing dominates a cold evaluation). */
const DECIMALS = new WeakMap<ParamDef, Decimal>();

/** A parameter's value: a number (money, ratio, count, years), a switch, or text. */
export type ParamValue = number | boolean | string;

/**
 * One published figure, held as dated data with its reference (OpenFisca-style).
 * `value` undefined means the document leaves it to local rules: there is no default,
 * and a result that needs it fails with 缺少参数.
 */
export interface ParamDef {
  /** Canonical key, as a clerk types it in the 参数表 (e.g. `基数`, `系数.10`). */
  key: string;
  kind: 'number' | 'boolean' | 'text';
  value?: ParamValue;
  unit: string;
  /** ISO date from which the figure applies. */
  effective: string;
  citation: Citation;
  /** Chinese description: what the figure is, and for a required one what to supply. */
  label: string;
  min?: number;
  max?: number;
}

/** A raw override as it arrives from JSON or a 参数表 range. */
export type ParamOverrides = Record<string, unknown>;

/** The parameters of one policy, indexed by key. */
export class ParamTable {
  readonly byKey: Map<string, ParamDef>;
  /** Values computed from the published defaults alone (see ParamView.memo). */
  readonly memos = new Map<string, unknown>();
  constructor(readonly policyName: string, readonly defs: ParamDef[]) {
    this.byKey = new Map(defs.map((d) => [d.key, d]));
  }

  /**
   * Resolves overrides against the defaults; unknown keys and bad values are errors.
   * The same 参数表 arrives with every row of a sheet or batch, so a resolved view is reused
   * for the same object (overrides are read-only input: nothing in cwkit mutates them) and,
   * for small tables, the same content; its memoised values (pay per grade, parsed tables)
   * are then shared across rows.
   */
  resolve(overrides?: ParamOverrides | null): ParamView {
    if (!overrides) return (this.defaults ??= new ParamView(this, EMPTY));
    const known = this.byObject.get(overrides);
    if (known) return known;
    const keys = Object.keys(overrides);
    let signature: string | undefined;
    if (keys.length <= SMALL_TABLE) {
      signature = '';
      for (const k of keys) signature += k + '\u0000' + String(overrides[k]) + '\u0001';
      const same = this.byContent.get(signature);
      if (same) return same;
    }
    const view = this.parse(overrides);
    this.byObject.set(overrides, view);
    if (signature !== undefined) {
      if (this.byContent.size >= 256) this.byContent.clear();
      this.byContent.set(signature, view);
    }
    return view;
  }

  private defaults?: ParamView;
  private readonly byObject = new WeakMap<object, ParamView>();
  private readonly byContent = new Map<string, ParamView>();

  private parse(overrides: ParamOverrides): ParamView {
    const parsed = new Map<string, ParamValue>();
    for (const rawKey of Object.keys(overrides)) {
      const key = rawKey.trim();
      const def = this.byKey.get(key);
      const raw = overrides[rawKey];
      if (!def) {
        throw new CwError('UNKNOWN_PARAM', `参数“${key}”不是${this.policyName}的参数。可用 CW.PARAMS 或 cw fn PARAMS 查看全部参数名。`, `params.${key}`);
      }
      if (raw === null || raw === undefined || raw === '') continue; // a blank cell keeps the default
      parsed.set(key, parseParamValue(def, raw, this.policyName));
    }
    return new ParamView(this, parsed);
  }
}

const EMPTY = new Map<string, ParamValue>();
/** Override tables up to this many keys are also recognised by content (cheap to compare). */
const SMALL_TABLE = 12;

function parseParamValue(def: ParamDef, raw: unknown, policyName: string): ParamValue {
  const where = `${policyName}参数“${def.key}”`;
  if (def.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 1 || raw === 0) return raw === 1;
    if (typeof raw === 'string') {
      const t = raw.trim().toLowerCase();
      if (['是', '开', '启用', 'true', 'yes', '1', 'on'].includes(t)) return true;
      if (['否', '关', '不启用', 'false', 'no', '0', 'off'].includes(t)) return false;
    }
    throw new CwError('INVALID_PARAM', `${where}的值 ${shown(raw)} 无效。可用：是/否（TRUE/FALSE）。`, `params.${def.key}`);
  }
  if (def.kind === 'text') {
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
    throw new CwError('INVALID_PARAM', `${where}的值 ${shown(raw)} 无效。可用：非空文本。`, `params.${def.key}`);
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) {
    throw new CwError('INVALID_PARAM', `${where}的值 ${shown(raw)} 不是数字。可用：以${def.unit}为单位的数字。`, `params.${def.key}`);
  }
  if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
    const range = `${def.min ?? '−∞'} 至 ${def.max ?? '∞'}`;
    throw new CwError('INVALID_PARAM', `${where}的值 ${n} 超出范围。可用：${range}（${def.unit}）。`, `params.${def.key}`);
  }
  return n;
}

/** The parameter values in force for one evaluation: overrides first, then the published defaults. */
export class ParamView {
  constructor(readonly table: ParamTable, private readonly overrides: Map<string, ParamValue>) {}

  private def(key: string): ParamDef {
    const def = this.table.byKey.get(key);
    if (!def) throw new Error(`internal: parameter ${key} is not declared for ${this.table.policyName}`);
    return def;
  }

  /** True when the clerk supplied this parameter. */
  isOverridden(key: string): boolean {
    return this.overrides.has(key);
  }

  /** True when a value is available (published default or supplied). */
  has(key: string): boolean {
    return this.overrides.has(key) || this.def(key).value !== undefined;
  }

  /** The value in force; a missing required figure is a 缺少参数 error naming what to supply. */
  get(key: string): ParamValue {
    const o = this.overrides.get(key);
    if (o !== undefined) return o;
    const def = this.def(key);
    if (def.value === undefined) {
      throw new CwError(
        'MISSING_PARAM',
        `缺少参数：${key}（${def.label}，单位：${def.unit}）。${citeText(def.citation)} 未规定此数额，由当地确定；请在参数表（params）中提供“${key}”。`,
        `params.${key}`,
      );
    }
    return def.value;
  }

  /** The value as a number. */
  num(key: string): number {
    return this.get(key) as number;
  }

  /** The value as an exact decimal (money, ratios); published defaults are converted once. */
  dec(key: string): Decimal {
    const o = this.overrides.get(key);
    if (o !== undefined) return new Decimal(o as number);
    const def = this.def(key);
    let cached = DECIMALS.get(def);
    if (cached === undefined) {
      cached = new Decimal(this.get(key) as number);
      DECIMALS.set(def, cached);
    }
    return cached;
  }

  /** The value as a switch. */
  flag(key: string): boolean {
    return this.get(key) as boolean;
  }

  /**
   * Memoises a value that depends only on the parameters (e.g. the pay of a grade): shared across
   * evaluations when no parameter is overridden, per evaluation otherwise.
   */
  memo<T>(key: string, compute: () => T): T {
    const cache = this.overrides.size === 0 ? this.table.memos : (this.localMemos ??= new Map());
    let v = cache.get(key) as T | undefined;
    if (v === undefined) {
      v = compute();
      cache.set(key, v);
    }
    return v;
  }
  private localMemos?: Map<string, unknown>;

  /** The source to show in a trace: the article, or the 参数表 when the clerk overrode it. */
  source(key: string): string {
    const def = this.def(key);
    return this.overrides.has(key) ? `参数表“${key}”（替代 ${citeText(def.citation)}）` : citeText(def.citation);
  }
}
