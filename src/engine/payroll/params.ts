/**
 * The payroll parameters (from 应发 to 实发): national figures with their articles, and the figures
 * national rules leave to the locality (no default: a result that needs one fails with 缺少参数).
 * They form one table shared by every policy, beside the policy's own; a 参数表 may hold keys of
 * both, and {@link splitPayrollOverrides} sends each key to its table.
 */
import type { Citation } from '../citation';
import { ParamSpec, ParamTable } from '../params';
import type { ParamOverrides } from '../params';

/** 《中华人民共和国个人所得税法》. */
export const IIT_LAW = '《中华人民共和国个人所得税法》';
/** 国家税务总局公告2018年第61号《个人所得税扣缴申报管理办法（试行）》. */
export const IIT_NOTICE = '国家税务总局公告2018年第61号';
/** 国发〔1997〕26号《国务院关于建立统一的企业职工基本养老保险制度的决定》. */
export const PENSION_DOC = '国发〔1997〕26号';
/** 国发〔1998〕44号《国务院关于建立城镇职工基本医疗保险制度的决定》. */
export const MEDICAL_DOC = '国发〔1998〕44号';
/** 《失业保险条例》. */
export const UNEMPLOYMENT_DOC = '《失业保险条例》';
/** 国办发〔2019〕13号《降低社会保险费率综合方案》. */
export const BASE_DOC = '国办发〔2019〕13号';
/** 《住房公积金管理条例》. */
export const FUND_DOC = '《住房公积金管理条例》';
/** 建金〔2005〕5号《关于住房公积金管理若干具体问题的指导意见》. */
export const FUND_BASE_DOC = '建金〔2005〕5号';

const cite = (doc: string, article: string): Citation => ({ doc, article });

/** The withholding schedule and the monthly deduction apply from 1 January 2019 (公告2018年第61号 第三十二条). Local figures carry no date: the clerk's 参数表 gives them, dated when they change. */
const IIT_FROM = '2019-01-01';

/** 预扣率表一（居民个人工资、薪金所得预扣预缴适用）: upper bound of each band, rate, quick deduction. */
const TABLE_ONE: Array<[number | null, number, number]> = [
  [36000, 0.03, 0],
  [144000, 0.1, 2520],
  [300000, 0.2, 16920],
  [420000, 0.25, 31920],
  [660000, 0.3, 52920],
  [960000, 0.35, 85920],
  [null, 0.45, 181920],
];
/** Number of bands of 预扣率表一. */
export const IIT_BANDS = TABLE_ONE.length;

const tableOne = cite(IIT_NOTICE, '附件 个人所得税预扣率表一');

const defs: ParamSpec[] = [
  { key: '个税.减除费用', kind: 'number', value: 5000, unit: '元/月', from: IIT_FROM, citation: cite(IIT_LAW, '第六条；' + IIT_NOTICE + ' 第六条'), label: '累计减除费用，按本单位任职月数每月5000元', min: 0 },
  ...TABLE_ONE.flatMap(([upper, rate, quick], i): ParamSpec[] => {
    const band = i + 1;
    const out: ParamSpec[] = [];
    if (upper !== null) {
      out.push({ key: `个税.级距上限.${band}`, kind: 'number', value: upper, unit: '元', from: IIT_FROM, citation: tableOne, label: `预扣率表一第${band}级：累计预扣预缴应纳税所得额不超过此数`, min: 0 });
    }
    out.push({ key: `个税.预扣率.${band}`, kind: 'number', value: rate, unit: '比例', from: IIT_FROM, citation: tableOne, label: `预扣率表一第${band}级预扣率`, min: 0, max: 1 });
    out.push({ key: `个税.速算扣除数.${band}`, kind: 'number', value: quick, unit: '元', from: IIT_FROM, citation: tableOne, label: `预扣率表一第${band}级速算扣除数`, min: 0 });
    return out;
  }),
  { key: '养老保险.个人缴费比例', kind: 'number', value: 0.08, unit: '比例', from: '1997-07-16', citation: cite(PENSION_DOC, '三'), label: '基本养老保险个人缴费比例（本人缴费工资的8%）', min: 0, max: 1 },
  { key: '医疗保险.个人缴费比例', kind: 'number', value: 0.02, unit: '比例', from: '1998-12-14', citation: cite(MEDICAL_DOC, '二'), label: '基本医疗保险职工缴费率（本人工资收入的2%）', min: 0, max: 1 },
  { key: '失业保险.个人缴费比例', kind: 'number', unit: '比例', citation: cite(UNEMPLOYMENT_DOC, '第六条'), label: '失业保险个人缴费比例（由当地确定，通常0.2%–1%，如 0.005）', min: 0, max: 0.01 },
  { key: '补充医疗.个人缴费', kind: 'number', unit: '元/月', citation: cite(MEDICAL_DOC, '五'), label: '大额医疗费用补助等地方补充医疗保险的个人缴费（每月定额，当地没有的填0）', min: 0 },
  { key: '社保基数.下限', kind: 'number', unit: '元/月', citation: cite(BASE_DOC, '四'), label: '社会保险个人缴费基数下限（当地公布，一般为全口径城镇单位就业人员平均工资的60%）', min: 0 },
  { key: '社保基数.上限', kind: 'number', unit: '元/月', citation: cite(BASE_DOC, '四'), label: '社会保险个人缴费基数上限（当地公布，一般为全口径城镇单位就业人员平均工资的300%）', min: 0 },
  { key: '公积金.个人缴存比例', kind: 'number', unit: '比例', citation: cite(FUND_DOC, '第十八条'), label: '住房公积金职工缴存比例（当地确定，5%–12%，如 0.12）', min: 0, max: 0.12 },
  { key: '公积金基数.下限', kind: 'number', unit: '元/月', citation: cite(FUND_BASE_DOC, '三'), label: '住房公积金月缴存基数下限（当地公布，一般为当地最低工资标准）', min: 0 },
  { key: '公积金基数.上限', kind: 'number', unit: '元/月', citation: cite(FUND_BASE_DOC, '三'), label: '住房公积金月缴存基数上限（当地公布，不超过上一年度职工月平均工资的3倍）', min: 0 },
];

/** The payroll parameters: national withholding figures and the local contribution figures. */
export const payrollParams = new ParamTable('代扣代缴', defs);

/** A 参数表 split between the policy's own table and the payroll table. */
export interface SplitOverrides {
  policy: ParamOverrides | null;
  payroll: ParamOverrides | null;
}

/**
 * Sends each key of a 参数表 to the table that declares it: payroll keys to {@link payrollParams},
 * everything else to the policy (which rejects keys it does not know, naming them).
 */
export function splitPayrollOverrides(overrides: ParamOverrides | null | undefined): SplitOverrides {
  if (!overrides) return { policy: null, payroll: null };
  const policy: ParamOverrides = {};
  const payroll: ParamOverrides = {};
  let anyPolicy = false;
  let anyPayroll = false;
  for (const k of Object.keys(overrides)) {
    if (payrollParams.byKey.has(k.trim())) {
      payroll[k] = overrides[k];
      anyPayroll = true;
    } else {
      policy[k] = overrides[k];
      anyPolicy = true;
    }
  }
  return { policy: anyPolicy ? policy : null, payroll: anyPayroll ? payroll : null };
}

/** True when a key belongs to the payroll table. */
export function isPayrollParam(key: string): boolean {
  return payrollParams.byKey.has(key.trim());
}
