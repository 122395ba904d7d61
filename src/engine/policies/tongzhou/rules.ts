/**
 * 通州's roster rules: continuing education, probation and service-agreement terms and retirement per
 * worker, the average wage per street. Imports only leaf modules (never the checks or the registry).
 */
import { CwError, shown } from '../../errors';
import { addMonths, isoOf, parseDate, toExcelSerial } from '../../dates';
import { Decimal, fenText } from '../../money';
import { retirementOf, sexOf } from '../../retirement';
import { certificateOf, CERTIFICATE_NAMES } from '../../vocab/certificates';
import type { CertificateLevel } from '../../vocab/certificates';
import type { Citation } from '../../citation';
import type { ParamView } from '../../params';
import type { PolicyRules } from '../../rules';
import type { Finding } from '../../types';
import { tongzhouParams, tz } from './params';

/** Result of {@link tongzhouServiceAgreement}. */
export interface ServiceAgreement {
  /** 一届 (elected: one term, 一届一签) or N年. */
  term: string;
  /** Years, for a recruited worker; null for an elected worker (the term of office). */
  years: number | null;
  /** Probation that may be agreed (首次签订服务协议的，可以约定试用期); null when none applies. */
  probationMonths: number | null;
  message: string;
  citation: Citation;
}

/** 第十六条: elected workers sign per term, recruited workers every five years; a first agreement may set 6 months' probation. */
export function tongzhouServiceAgreement(elected: boolean, firstSigning = true, params: ParamView = tongzhouParams.resolve()): ServiceAgreement {
  const years = elected ? null : params.num('服务协议.招聘年限');
  const probationMonths = firstSigning ? params.num('服务协议.试用期月数') : null;
  const term = elected ? '一届' : `${years}年`;
  const head = elected ? '选任的社区工作者服务协议一届一签（与任期一致）' : `招聘的社区工作者服务协议原则上${years}年一签`;
  const tail = firstSigning ? `；首次签订可以约定试用期${probationMonths}个月` : '；续签不再约定试用期';
  return { term, years, probationMonths, message: `${head}${tail}。不得采取劳务派遣方式签订。`, citation: tz('第十六条') };
}

/**
 * 第三十条: continuing education per 3-year registration period — 助理社会工作师 ≥ 72 hours,
 * 社会工作师 and 高级社会工作师 ≥ 90 hours. No certificate: no requirement.
 */
export function tongzhouContinuingEducation(certLevel: unknown, hours: number, params: ParamView = tongzhouParams.resolve()): Finding[] {
  const level = typeof certLevel === 'number' ? (certLevel as CertificateLevel) : certificateOf(certLevel, 'certificate');
  if (level === null) return [];
  if (![1, 2, 3].includes(level)) throw new CwError('UNKNOWN_CERTIFICATE', `certificate：${shown(certLevel)} 不是职业水平证书等级。可用：1、2、3 或 助理社会工作师、社会工作师、高级社会工作师。`, 'certificate');
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new CwError('INVALID_NUMBER', `hours：${shown(hours)} 不是有效学时。可用：本登记有效期内累计继续教育学时，≥ 0。`, 'hours');
  }
  const name = CERTIFICATE_NAMES[level];
  const need = params.num(`继续教育.${name}`);
  if (hours >= need) return [];
  return [{
    severity: 'error', rule: '继续教育', citation: tz('第三十条'),
    message: `${name}在本登记有效期（3年）内继续教育累计 ${hours} 小时，少于${need}小时，尚差 ${need - hours} 小时。`,
    action: '在登记有效期内补足社会工作专业继续教育学时；培训结果计入工作档案并作为年度考核依据。',
  }];
}

/** Result of {@link tongzhouRetirement}. */
export interface TongzhouRetirement {
  /** Statutory retirement date (national schedule), ISO. */
  retirementDate: string;
  delayMonths: number;
  /** An elected worker may work on to the end of the term (ISO), when that is later. */
  mayWorkUntil: string | null;
  message: string;
  citation: Citation;
}

/**
 * 第二十条: retirement at the statutory age — the draft's 60/55 are superseded by the national
 * gradual-delay schedule (docs/readings.md 通用-退休年龄); an elected worker may, as work requires, stay until
 * the end of the current term after retiring.
 */
export function tongzhouRetirement(input: { birthDate: unknown; sex: unknown; originalAge?: number; elected?: boolean; termEnd?: unknown }): TongzhouRetirement {
  const birth = parseDate(input.birthDate, 'birthDate');
  const sex = sexOf(input.sex);
  const r = retirementOf(birth, sex, input.originalAge ?? null);
  const date = isoOf(r.date);
  const termEnd = input.termEnd === undefined || input.termEnd === null || input.termEnd === '' ? null : parseDate(input.termEnd, 'termEnd');
  let mayWorkUntil: string | null = null;
  let tail = '';
  if (input.elected) {
    if (termEnd !== null && termEnd > r.date) {
      mayWorkUntil = isoOf(termEnd);
      tail = `；选任的社区工作者可根据工作需要，办理退休手续后工作至本届任期结束（${mayWorkUntil}）`;
    } else if (termEnd === null) {
      tail = '；选任的社区工作者可根据工作需要，办理退休手续后工作至本届任期结束（未提供任期结束日期 termEnd）';
    }
  }
  return {
    retirementDate: date, delayMonths: r.delayMonths, mayWorkUntil,
    message: `法定退休日期 ${date}（原退休年龄${r.originalAge}周岁，按国家渐进式延迟退休办法延迟${r.delayMonths}个月）${tail}。`,
    citation: tz('第二十条'),
  };
}

/**
 * 第十一条(一): the average pay of a unit's community workers should be no lower than the previous
 * year's Beijing average wage of urban employees (全口径城镇单位就业人员平均工资). Both per year or both per month.
 */
export function tongzhouAverageWageCheck(averagePay: number | string, cityAverageWage: number | string): Finding[] {
  const a = new Decimal(averagePay);
  const b = new Decimal(cityAverageWage);
  if (a.greaterThanOrEqualTo(b)) return [];
  return [{
    severity: 'warning', rule: '工资总体水平', citation: tz('第十一条(一)'),
    message: `社区工作者平均工资 ${fenText(a)} 低于上年度本市全口径城镇单位就业人员平均工资 ${fenText(b)}，差 ${fenText(b.minus(a))}。`,
    action: '原则上不低于上年度本市全口径城镇单位就业人员平均工资，每个届期内至少调整一次。',
  }];
}

/** Per-check constants of 第十六条 (they depend only on the parameters): computed once per parameter view. */
const AGREEMENTS = new WeakMap<ParamView, { first: ServiceAgreement; renewal: ServiceAgreement }>();
function agreementsOf(params: ParamView): { first: ServiceAgreement; renewal: ServiceAgreement } {
  let a = AGREEMENTS.get(params);
  if (!a) AGREEMENTS.set(params, (a = { first: tongzhouServiceAgreement(false, true, params), renewal: tongzhouServiceAgreement(false, false, params) }));
  return a;
}

/** 通州's roster rules. */
export const tongzhouRules: PolicyRules = {
  needs: [
    { table: 'workers', field: 'absenceDays', rule: '退出情形和考核等次（旷工天数）' },
    { table: 'workers', field: 'educationHours', rule: '继续教育学时' },
  ],
  worker(ctx, r) {
    const out: Finding[] = [];
    if (r.certificate !== null && r.educationHours !== null) {
      out.push(...tongzhouContinuingEducation(r.certificate, r.educationHours, ctx.params));
    }
    if (r.probation === true && r.entryDate !== null) {
      const a = agreementsOf(ctx.params).first;
      if (a.probationMonths !== null && addMonths(r.entryDate, a.probationMonths) <= ctx.asOf) {
        out.push({
          severity: 'warning', rule: '试用期期限', citation: a.citation,
          message: `${isoOf(r.entryDate)} 入职，至 ${isoOf(ctx.asOf)} 仍标为试用期，已超过可约定的${a.probationMonths}个月试用期。`,
          action: '试用期满应考核：合格的转正（花名册“试用期”改为“否”），不合格的依法解除服务协议。',
        });
      }
    }
    if (r.agreementDate !== null && r.elected === false) {
      const a = agreementsOf(ctx.params).renewal;
      if (a.years !== null) {
        const end = addMonths(r.agreementDate, Math.round(a.years * 12));
        if (end <= ctx.asOf) {
          out.push({
            severity: 'warning', rule: '服务协议期限', citation: a.citation,
            message: `服务协议于 ${isoOf(r.agreementDate)} 签订，${a.term}期满日为 ${isoOf(end)}，已到期。`,
            action: '到期前续签服务协议（招聘人员原则上五年一签），或依法终止。',
          });
        }
      }
    }
    return out;
  },
  // 第十一条(一): a street's average pay below the city average wage given to the check warns.
  street(ctx, s) {
    if (ctx.averageWage === null || s.payCount === 0) return [];
    const average = Math.round((s.payTotal / s.payCount) * 100) / 100;
    return tongzhouAverageWageCheck(average.toFixed(2), ctx.averageWage);
  },
  // 第二十条: an elected worker past the age may work on to the end of the term.
  retirement(ctx, r, ret, overdue) {
    if (r.elected !== true || r.birthDate === null || r.sex === null) return undefined;
    const t = tongzhouRetirement({
      birthDate: toExcelSerial(r.birthDate), sex: r.sex, originalAge: r.originalAge ?? undefined, elected: true,
      termEnd: r.termEnd === null ? undefined : toExcelSerial(r.termEnd),
    });
    if (!overdue) {
      return {
        severity: 'warning', rule: '退休提醒', citation: t.citation, message: t.message,
        action: '提前做好退休手续办理和岗位补充；选任人员可根据工作需要，办理退休手续后工作至本届任期结束。',
      };
    }
    const stillInTerm = r.termEnd === null || r.termEnd >= ctx.asOf;
    return {
      severity: stillInTerm ? 'warning' : 'error', rule: '超过退休年龄', citation: t.citation,
      message: `已于 ${isoOf(ret.date)} 达到法定退休年龄。${t.message}`,
      action: stillInTerm
        ? '应办理退休手续；如根据工作需要留任至本届任期结束，请在“任期届满日期”列记录届满日期。'
        : '本届任期已届满：办理退休手续，并从社区工作者队伍中退出。',
    };
  },
};
