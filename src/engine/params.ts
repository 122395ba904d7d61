/**
 * Parameters with a history (OpenFisca-style dated parameters).
 *
 * Every figure a policy uses is a parameter: a key (`基数`, `系数.10`), a kind, a unit, a label and
 * a list of dated values, each with its citation. The value used on a date is the latest one whose
 * start (`from`) is on or before that date. A county that raises 基数 adds a dated value; the old one
 * stays, so back pay for an earlier month is computed with the figure then in force.
 *
 * **Declaring a parameter** (in a policy's `params.ts`):
 * ```ts
 * // one published value, in force from the table's 施行日期 (or from `from` when given):
 * { key: '基数', kind: 'number', value: 3400, unit: '元/月', citation: bx('三(六)1'), label: '…', min: 0 }
 * // a published history: each value with its own start date and citation:
 * { key: '基数', kind: 'number', unit: '元/月', citation: bx('三(六)1'), label: '…',
 *   values: [{ from: '2023-01-01', value: 3400 }, { from: '2025-01-01', value: 3600, citation: { doc: '某县文件', article: '一' } }] }
 * // a figure the document leaves to local rules: no value, no default — reading it fails with 缺少参数:
 * { key: '岗位津贴.正职', kind: 'number', unit: '元/月', citation: xm('第十一条（三）'), label: '…' }
 * ```
 * A table's `施行日期` parameter (ISO text), when declared, is the start of every value declared
 * without its own `from`; without it such values are in force always.
 *
 * **Overrides** (a clerk's 参数表): `{ "基数": 3600 }` (in force always), or a dated list
 * `{ "基数": [{ "from": "2023-01-01", "value": 3400 }, { "from": "2025-01-01", "value": 3600 }] }`;
 * `from` may be ISO text, 2025/1/1, 2025年1月1日 or an Excel serial. Dated override values are laid
 * over the published history: before the first override date the published value stays in force.
 *
 * **Reading the value in force on a date:**
 * ```ts
 * const view = policy.params.resolve(overrides, asOf);   // asOf: a DayNumber (dates.ts)
 * view.num('基数'); view.dec('基数'); view.flag('…'); view.get('…');   // the value in force on asOf
 * view.entry('基数');   // { value, from, citation, overridden }: which value applied, from when
 * view.source('基数');  // the trace source text, naming the start date when the key has a history
 * view.history('基数'); // every dated value of the key (published and overridden), oldest first
 * ```
 * `resolve(overrides)` without a date reads the latest value of each key. A worker's view is
 * `worker.params`, resolved on the worker's as-of date by normalizeWorker. Views are cached per
 * override table and per set of values in force, so `view.memo` (pay per grade, parsed tables) is
 * shared by every evaluation that sees the same values.
 */
import { Citation, citeText } from './citation';
import { CwError, shown } from './errors';
import { DayNumber, isoOf, parseDate } from './dates';
import { Decimal } from './money';

/** A parameter's value: a number (money, ratio, count, years), a switch, or text. */
export type ParamValue = number | boolean | string;

/** One value of a parameter with the date it applies from and the article (or 参数表) it rests on. */
export interface DatedValue {
  /** First day the value applies; null: in force always (a plain override, or a table without 施行日期). */
  readonly from: DayNumber | null;
  readonly value: ParamValue;
  readonly citation: Citation;
  /** True when the clerk supplied it in a 参数表. */
  readonly overridden: boolean;
}

/** A published value as a params file declares it. */
export interface DatedSpec {
  /** ISO date the value applies from. */
  from: string;
  value: ParamValue;
  /** Defaults to the parameter's citation. */
  citation?: Citation;
}

/** How a policy's params file declares one parameter (see the module comment). */
export interface ParamSpec {
  /** Canonical key, as a clerk types it in the 参数表 (e.g. `基数`, `系数.10`). */
  key: string;
  kind: 'number' | 'boolean' | 'text';
  /** One published value; omit (with `values`) for a figure left to local rules. */
  value?: ParamValue;
  /** ISO start of `value`; defaults to the table's 施行日期. */
  from?: string;
  /** A published history, instead of `value`. */
  values?: DatedSpec[];
  unit: string;
  /** The article that sets the figure (or says it is left to local rules). */
  citation: Citation;
  /** Chinese description: what the figure is, and for a required one what to supply. */
  label: string;
  min?: number;
  max?: number;
  /** True for a figure with no value that no pay needs: left blank, the rule that reads it is skipped (参数表 says 可选, not 必填). */
  optional?: boolean;
}

/**
 * One declared parameter with its published history. `value` is the latest published value
 * (what a listing such as CW.PARAMS shows); undefined means the document leaves it to local rules:
 * there is no default, and a result that needs it fails with 缺少参数.
 */
export interface ParamDef {
  key: string;
  kind: 'number' | 'boolean' | 'text';
  value?: ParamValue;
  /** Published values, oldest first; empty for a figure left to local rules. */
  values: readonly DatedValue[];
  unit: string;
  citation: Citation;
  label: string;
  min?: number;
  max?: number;
  /** True for a figure with no value that no pay needs (see ParamSpec.optional). */
  optional?: boolean;
}

/** True when a clerk must supply the figure: the document sets no value and it is not optional. */
export function mustSupply(d: ParamDef): boolean {
  return d.value === undefined && d.optional !== true;
}

/** A raw override as it arrives from JSON or a 参数表 range: a plain value or a list of {from, value}. */
export type ParamOverrides = Record<string, unknown>;

/** The parameters of one policy, indexed by key. */
export class ParamTable {
  readonly byKey: Map<string, ParamDef>;
  readonly defs: ParamDef[];
  constructor(readonly policyName: string, specs: ParamSpec[]) {
    const start = specs.find((s) => s.key === '施行日期')?.value;
    const tableFrom = typeof start === 'string' && start !== '' ? parseDate(start, '施行日期') : null;
    this.defs = specs.map((s) => defOf(s, tableFrom));
    this.byKey = new Map(this.defs.map((d) => [d.key, d]));
  }

  /**
   * The values in force on `on` (latest values when omitted), with the clerk's overrides laid
   * over the published ones; unknown keys and bad values are errors. The same 参数表 arrives with
   * every row of a sheet or batch, so the parsed overrides are reused for the same object
   * (overrides are read-only input: nothing in cwkit mutates them) and, for small tables, the same
   * content; views are then shared per set of values in force, and with them their memoised values.
   */
  resolve(overrides?: ParamOverrides | null, on?: DayNumber | null): ParamView {
    return this.setOf(overrides).at(on ?? null);
  }

  private setOf(overrides?: ParamOverrides | null): ParamSet {
    if (!overrides) return (this.defaults ??= new ParamSet(this, new Map()));
    const known = this.byObject.get(overrides);
    if (known) return known;
    const keys = Object.keys(overrides);
    let signature: string | undefined;
    if (keys.length <= SMALL_TABLE) {
      signature = '';
      for (const k of keys) signature += k + '\u0000' + signatureOf(overrides[k]) + '\u0001';
      const same = this.byContent.get(signature);
      if (same) return same;
    }
    const set = new ParamSet(this, this.parse(overrides));
    this.byObject.set(overrides, set);
    if (signature !== undefined) {
      if (this.byContent.size >= 256) this.byContent.clear();
      this.byContent.set(signature, set);
    }
    return set;
  }

  private defaults?: ParamSet;
  private readonly byObject = new WeakMap<object, ParamSet>();
  private readonly byContent = new Map<string, ParamSet>();

  private parse(overrides: ParamOverrides): Map<string, DatedValue[]> {
    const parsed = new Map<string, DatedValue[]>();
    for (const rawKey of Object.keys(overrides)) {
      const key = rawKey.trim();
      const def = this.byKey.get(key);
      const raw = overrides[rawKey];
      if (!def) {
        throw new CwError('UNKNOWN_PARAM', `参数“${key}”不是${this.policyName}的参数。可用 CW.PARAMS 或 cw fn PARAMS 查看全部参数名。`, `params.${key}`);
      }
      const own = overrideHistory(def, raw, this.policyName);
      if (own.length === 0) continue; // a blank cell keeps the published values
      parsed.set(key, layered(def.values, own));
    }
    return parsed;
  }
}

/** Override tables up to this many keys are also recognised by content (cheap to compare). */
const SMALL_TABLE = 12;

function signatureOf(v: unknown): string {
  return Array.isArray(v) ? JSON.stringify(v) : String(v);
}

function defOf(s: ParamSpec, tableFrom: DayNumber | null): ParamDef {
  const values: DatedValue[] = s.values
    ? s.values.map((v) => ({ from: parseDate(v.from, `${s.key}.from`), value: v.value, citation: v.citation ?? s.citation, overridden: false }))
    : s.value === undefined ? [] : [{ from: s.from ? parseDate(s.from, `${s.key}.from`) : tableFrom, value: s.value, citation: s.citation, overridden: false }];
  values.sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));
  const def: ParamDef = { key: s.key, kind: s.kind, values, unit: s.unit, citation: s.citation, label: s.label };
  if (values.length) def.value = values[values.length - 1].value;
  if (s.min !== undefined) def.min = s.min;
  if (s.max !== undefined) def.max = s.max;
  if (s.optional) def.optional = true;
  return def;
}

/** The clerk's values laid over the published history: published values before the first override date stay. */
function layered(published: readonly DatedValue[], own: DatedValue[]): DatedValue[] {
  const first = own[0].from;
  if (first === null) return own;
  return [...published.filter((v) => v.from === null || v.from < first), ...own];
}

/** An override as a dated list: a plain value is one value in force always; a list is checked entry by entry. */
function overrideHistory(def: ParamDef, raw: unknown, policyName: string): DatedValue[] {
  const citation: Citation = { doc: '参数表', article: def.key };
  if (!Array.isArray(raw)) {
    if (blank(raw)) return [];
    return [{ from: null, value: parseParamValue(def, raw, policyName), citation, overridden: true }];
  }
  const where = `${policyName}参数“${def.key}”`;
  const form = '可用：[{"from": "2023-01-01", "value": 值}, …]（from 为生效日期）';
  const out: DatedValue[] = [];
  raw.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new CwError('INVALID_PARAM', `${where}的第${i + 1}项 ${shown(item)} 不是带生效日期的值。${form}。`, `params.${def.key}`);
    }
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (k !== 'from' && k !== 'value') throw new CwError('INVALID_PARAM', `${where}的第${i + 1}项有未知字段“${k}”。${form}。`, `params.${def.key}`);
    }
    if (blank(o.from)) throw new CwError('INVALID_PARAM', `${where}的第${i + 1}项缺少生效日期（from）。${form}。`, `params.${def.key}`);
    const from = parseDate(o.from, `${where}的第${i + 1}项生效日期`);
    if (blank(o.value)) throw new CwError('INVALID_PARAM', `${where}的第${i + 1}项（${isoOf(from)} 起）缺少值（value）。${form}。`, `params.${def.key}`);
    out.push({ from, value: parseParamValue(def, o.value, policyName), citation, overridden: true });
  });
  out.sort((a, b) => a.from! - b.from!);
  for (let i = 1; i < out.length; i++) {
    if (out[i].from === out[i - 1].from) {
      throw new CwError('INVALID_PARAM', `${where}在 ${isoOf(out[i].from!)} 有两个值。每个生效日期只能有一个值。`, `params.${def.key}`);
    }
  }
  return out;
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

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

/** Index of the value in force on `on` in a history (oldest first); -1 when none has started yet. */
function inForceIndex(history: readonly DatedValue[], on: DayNumber | null): number {
  if (on === null) return history.length - 1;
  for (let i = history.length - 1; i >= 0; i--) {
    const from = history[i].from;
    if (from === null || from <= on) return i;
  }
  return -1;
}

/** One override table resolved against the published values: the views of it per set of values in force. */
class ParamSet {
  /** Keys with more than one value (published or overridden): the only ones whose value depends on the date. */
  private readonly dated: Array<{ key: string; history: readonly DatedValue[] }> = [];
  private readonly views = new Map<string, ParamView>();
  private flat?: ParamView;

  constructor(readonly table: ParamTable, readonly overrides: Map<string, DatedValue[]>) {
    for (const def of table.defs) {
      const history = overrides.get(def.key) ?? def.values;
      // A single value from a clerk with a start date also depends on the date: before it, none applies.
      if (history.length > 1 || (history.length === 1 && history[0].overridden && history[0].from !== null)) this.dated.push({ key: def.key, history });
    }
  }

  /** The view of the values in force on `on`; the same view for every date with the same values. */
  at(on: DayNumber | null): ParamView {
    if (this.dated.length === 0) return (this.flat ??= new ParamView(this, new Map()));
    let signature = '';
    for (const d of this.dated) signature += inForceIndex(d.history, on) + ',';
    let view = this.views.get(signature);
    if (!view) {
      const chosen = new Map<string, DatedValue | null>();
      for (const d of this.dated) {
        const i = inForceIndex(d.history, on);
        // Before the first date: a published value still applies (the policy warns about the date); a clerk's does not.
        chosen.set(d.key, i >= 0 ? d.history[i] : d.history[0].overridden ? null : d.history[0]);
      }
      view = new ParamView(this, chosen);
      if (this.views.size >= 256) this.views.clear();
      this.views.set(signature, view);
    }
    return view;
  }

  /** Keys whose value depends on the date, for the trace. */
  datedKeys(): string[] {
    return this.dated.map((d) => d.key);
  }
}

/** Decimal forms of values, converted once (decimal parsing dominates a cold evaluation). */
const DECIMALS = new WeakMap<DatedValue, Decimal>();

/** The parameter values in force for one evaluation: the clerk's first, then the published ones. */
export class ParamView {
  readonly table: ParamTable;
  constructor(private readonly set: ParamSet, private readonly chosen: Map<string, DatedValue | null>) {
    this.table = set.table;
  }

  private def(key: string): ParamDef {
    const def = this.table.byKey.get(key);
    if (!def) throw new Error(`internal: parameter ${key} is not declared for ${this.table.policyName}`);
    return def;
  }

  /** The value in force (with its start date and citation), or null when none is. */
  entry(key: string): DatedValue | null {
    const c = this.chosen.get(key);
    if (c !== undefined) return c;
    const own = this.set.overrides.get(key);
    if (own !== undefined) return own[0];
    const def = this.def(key);
    return def.values.length ? def.values[0] : null;
  }

  /** Every value of the key, published and overridden, oldest first. */
  history(key: string): readonly DatedValue[] {
    return this.set.overrides.get(key) ?? this.def(key).values;
  }

  /** True when the value in force was supplied by the clerk. */
  isOverridden(key: string): boolean {
    return this.entry(key)?.overridden ?? false;
  }

  /** True when a value is in force (published default or supplied). */
  has(key: string): boolean {
    return this.entry(key) !== null;
  }

  /** The value in force; a missing required figure is a 缺少参数 error naming what to supply. */
  get(key: string): ParamValue {
    const e = this.entry(key);
    if (e !== null) return e.value;
    const def = this.def(key);
    const history = this.history(key);
    const later = history.length ? `参数表中“${key}”最早的值自 ${isoOf(history[0].from!)} 起生效，计算日期尚无生效的值；` : '';
    throw new CwError(
      'MISSING_PARAM',
      `缺少参数：${key}（${def.label}，单位：${def.unit}）。${later}${citeText(def.citation)} 未规定此数额，由当地确定；请在参数表（params）中提供“${key}”。`,
      `params.${key}`,
    );
  }

  /** The value as a number. */
  num(key: string): number {
    return this.get(key) as number;
  }

  /** The value as an exact decimal (money, ratios); each value is converted once. */
  dec(key: string): Decimal {
    const e = this.entry(key);
    if (e === null) this.get(key); // throws the 缺少参数 error
    let cached = DECIMALS.get(e!);
    if (cached === undefined) {
      cached = new Decimal(e!.value as number);
      DECIMALS.set(e!, cached);
    }
    return cached;
  }

  /** A date held as text (施行日期, 最早起算日期), parsed once per view. */
  date(key: string): DayNumber {
    return this.memo(`date.${key}`, () => parseDate(this.get(key), `params.${key}`));
  }

  /** The value as a switch. */
  flag(key: string): boolean {
    return this.get(key) as boolean;
  }

  /**
   * Memoises a value that depends only on the parameters (e.g. the pay of a grade). A view stands
   * for one set of values in force, and views are cached, so the value is shared by every
   * evaluation that sees the same values.
   */
  memo<T>(key: string, compute: () => T): T {
    let v = this.memos.get(key) as T | undefined;
    if (v === undefined) {
      v = compute();
      this.memos.set(key, v);
    }
    return v;
  }
  private readonly memos = new Map<string, unknown>();

  /**
   * The source to show in a trace: the article, or the 参数表 when the clerk overrode it; for a
   * key with more than one dated value, also the date the value in force applies from.
   */
  source(key: string): string {
    const def = this.def(key);
    const e = this.entry(key);
    const base = e?.overridden ? `参数表“${key}”（替代 ${citeText(def.citation)}）` : citeText(e?.citation ?? def.citation);
    return e && e.from !== null && this.history(key).length > 1 ? `${base}，${isoOf(e.from)} 起适用` : base;
  }

  /**
   * For each key whose value depends on the date: which value applied and from when, and the values
   * before it (the trace's 参数取值 steps).
   */
  datedInForce(): Array<{ key: string; text: string; source: string }> {
    return this.set.datedKeys().map((key) => {
      const e = this.entry(key);
      const history = this.history(key);
      const at = e === null ? -1 : history.indexOf(e);
      const earlier = history.slice(0, Math.max(0, at)).map((v) => `${v.from === null ? '此前' : `${isoOf(v.from)} 起`} ${String(v.value)}`);
      const text = e === null
        ? `${key}：计算日期尚无生效的值（最早自 ${isoOf(history[0].from!)} 起）`
        : `${key} = ${String(e.value)}（${e.from === null ? '一直适用' : `${isoOf(e.from)} 起适用`}${earlier.length ? `；此前：${earlier.join('，')}` : ''}${at < history.length - 1 ? `；之后：${history.slice(at + 1).map((v) => `${isoOf(v.from!)} 起 ${String(v.value)}`).join('，')}` : ''}）`;
      return { key, text, source: this.source(key) };
    });
  }
}
