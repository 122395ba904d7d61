/**
 * Back pay (补发): for one worker and a span of months, what was due each month — today's facts,
 * the parameters in force in that month — against what was paid, the difference per month and in
 * total, and the reasons: which fact or parameter changed, from when, under which article.
 */
import { CwError } from '../errors';
import { addMonths, civilOf, isoOf, startOfNextMonth } from '../dates';
import type { DayNumber } from '../dates';
import { Decimal, ZERO, fenText, sumOf } from '../money';
import type { ParamOverrides } from '../params';
import { CERTIFICATE_NAMES } from '../vocab/certificates';
import type { PayItem, Worker } from '../types';
import { payOn, policyParamsOn } from './roster';

/** What was paid for one month: the 应发 total, and its items when an earlier pay sheet gives them. */
export interface PaidMonth {
  total: Decimal;
  items?: PayItem[];
  /** Where the figure came from (a pay sheet's file name, the roster's 已发 column). */
  source: string;
}

/** One month of a back-pay statement. */
export interface BackPayMonth {
  /** `YYYY-MM`. */
  period: string;
  grade: number | null;
  due: PayItem[];
  dueTotal: Decimal;
  paid: PaidMonth;
  /** due − paid (negative: overpaid, to be recovered). */
  difference: Decimal;
  /** Per item, when the paid items are known: due − paid. */
  itemDifferences: Array<{ name: string; due: Decimal; paid: Decimal; difference: Decimal }>;
  reasons: BackPayReason[];
}

/** Why a month's due differs from what was paid. */
export interface BackPayReason {
  /** The pay item or parameter it concerns. */
  what: string;
  /** Chinese: what changed, from when. */
  text: string;
  /** The article (or 参数表 entry) it rests on. */
  source: string;
  /** First month it applies to, ISO. */
  from: string;
}

/** The whole statement. */
export interface BackPay {
  months: BackPayMonth[];
  total: Decimal;
  /** Every distinct reason over the span, in the order first met. */
  reasons: BackPayReason[];
}

/** Options for {@link backPay}. */
export interface BackPayOptions {
  /** First and last pay month, each the first day of the month. */
  from: DayNumber;
  to: DayNumber;
  /** The 参数表 (the policy's keys), possibly with dated values. */
  params?: ParamOverrides | null;
  /** What was paid, per month `YYYY-MM`. A month without an entry is an error naming it. */
  paid: (period: string) => PaidMonth | null;
}

const periodOf = (day: DayNumber) => {
  const { y, m } = civilOf(day);
  return `${y}-${String(m).padStart(2, '0')}`;
};

/** The trace step that explains an item (its step name is the item name), for its source. */
function itemSource(trace: Array<{ step: string; source: string }>, item: string): string | null {
  return trace.find((s) => s.step === item)?.source ?? null;
}

/**
 * The statement for `worker` over [from, to]. Due is computed on the first day of each month with the
 * policy's parameters in force that day (dated values of the 参数表 included). Reasons name each
 * parameter whose value in force began inside the span, and each dated fact (certificate approval,
 * change of post) that takes effect inside it, with the article.
 */
export function backPay(worker: Worker, options: BackPayOptions): BackPay {
  if (options.to < options.from) {
    throw new CwError('INVALID_DATE', `补发期间：结束月份 ${periodOf(options.to)} 早于开始月份 ${periodOf(options.from)}。`, 'to');
  }
  const policy = worker.policy;
  const months: BackPayMonth[] = [];
  const all = new Map<string, BackPayReason>();
  for (let day = options.from, n = 0; day <= options.to; day = addMonths(options.from, ++n)) {
    if (n > 120) throw new CwError('INVALID_DATE', '补发期间最长 120 个月。', 'to');
    const period = periodOf(day);
    const paid = options.paid(period);
    if (!paid) throw new CwError('REQUIRED', `缺少 ${period} 的已发金额：请提供该月的薪酬表，或在花名册“已发”列填写每月已发的应发合计。`, 'paid');
    const params = policyParamsOn(policy, options.params ?? null, day);
    let due: PayItem[] = [];
    let grade: number | null = null;
    const reasons: BackPayReason[] = [];
    if (worker.entryDate !== null && worker.entryDate > day) {
      reasons.push({ what: '入职日期', text: `${isoOf(worker.entryDate)} 入职，本月1日尚未入职，不计应发`, source: '花名册“入职日期”列', from: period });
    } else {
      const pay = payOn(worker, day, params, true);
      due = pay.items;
      grade = pay.grade;
      // Parameters whose value in force began inside the span.
      for (const def of params.table.defs) {
        const e = params.entry(def.key);
        if (!e || e.from === null || e.from < options.from || e.from > day) continue;
        const earlier = params.history(def.key).filter((h) => h.from === null || h.from < e.from!);
        const before = earlier.length ? earlier[earlier.length - 1].value : null;
        // It is a reason when the month's pay with the earlier value would differ.
        let effect: Decimal | null = null;
        if (before !== null) {
          const was = payOn(worker, day, policyParamsOn(policy, { ...(options.params ?? {}), [def.key]: before }, day), false).total;
          effect = pay.total.minus(was);
          if (effect.isZero()) continue;
        }
        reasons.push({
          what: def.key,
          text: `${def.key}自 ${isoOf(e.from)} 起为 ${String(e.value)}${before !== null ? `（此前 ${String(before)}）` : ''}${effect ? `，本月应发因此${effect.isNegative() ? '减少' : '增加'} ${fenText(effect.abs())}` : ''}`,
          source: params.source(def.key), from: isoOf(e.from),
        });
      }
      // Dated facts that take effect inside the span.
      if (worker.certificate !== null && worker.certificateDate !== null) {
        const start = startOfNextMonth(worker.certificateDate);
        const item = due.find((i) => i.name === '职业津贴');
        if (start >= options.from && start <= day && item && item.amount.greaterThan(0)) {
          reasons.push({
            what: '职业津贴',
            text: `${CERTIFICATE_NAMES[worker.certificate]}于 ${isoOf(worker.certificateDate)} 批准，自 ${isoOf(start)} 起发放职业津贴 ${fenText(item.amount)}`,
            source: itemSource(pay.trace, '职业津贴') ?? policy.doc, from: isoOf(start),
          });
        }
      }
      if (worker.postDate !== null && worker.post !== null) {
        const start = startOfNextMonth(worker.postDate);
        if (start >= options.from && start <= day) {
          const step = pay.trace.find((s) => s.step.includes('岗位') && s.source.length > 0);
          reasons.push({ what: '岗位', text: `${isoOf(worker.postDate)} 任${worker.post}，自 ${isoOf(start)} 起按新岗位计发`, source: step?.source ?? policy.doc, from: isoOf(start) });
        }
      }
    }
    const dueTotal = sumOf(due.map((i) => i.amount));
    const itemDifferences: BackPayMonth['itemDifferences'] = [];
    if (paid.items) {
      const names = [...due.map((i) => i.name), ...paid.items.map((i) => i.name).filter((x) => !due.some((i) => i.name === x))];
      for (const name of names) {
        const d = due.find((i) => i.name === name)?.amount ?? ZERO;
        const p = paid.items.find((i) => i.name === name)?.amount ?? ZERO;
        if (!d.equals(p)) itemDifferences.push({ name, due: d, paid: p, difference: d.minus(p) });
      }
    }
    const difference = dueTotal.minus(paid.total);
    if (!difference.isZero()) for (const r of reasons) if (!all.has(r.what + r.from)) all.set(r.what + r.from, r);
    months.push({ period, grade, due, dueTotal, paid, difference, itemDifferences, reasons: difference.isZero() ? [] : reasons });
  }
  return { months, total: sumOf(months.map((m) => m.difference)), reasons: [...all.values()] };
}

/** `YYYY-MM` of a day: the form back-pay months are keyed by. */
export { periodOf as backPayPeriodOf };
/** Renders a reason as one line: what changed, from when, and its article. */
export function reasonText(r: BackPayReason): string {
  return `${r.text}（依据：${r.source}）`;
}