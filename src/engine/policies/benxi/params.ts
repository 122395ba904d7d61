import { Citation } from '../../citation';
import { ParamSpec, ParamTable } from '../../params';

/** 本民发〔2022〕41号《关于加强全市社区工作者职业体系建设的实施意见（试行）》. */
export const BENXI_DOC = '本民发〔2022〕41号';
/** Cites an article of the Benxi document. */
export const bx = (article: string): Citation => ({ doc: BENXI_DOC, article });

/** 附件 社区工作者岗位等级薪酬系数参照表: grade → 薪酬系数. */
const COEFFICIENTS = [1.0, 1.03, 1.06, 1.09, 1.12, 1.16, 1.2, 1.24, 1.28, 1.32, 1.36, 1.4, 1.44, 1.48, 1.52, 1.56];

const defs: ParamSpec[] = [
  { key: '基数', kind: 'number', value: 3400, unit: '元/月', citation: bx('三(六)1'), label: '薪酬标准基数（每人每月），各县、区可调整', min: 0 },
  { key: '基础工资比例', kind: 'number', value: 0.8, unit: '比例', citation: bx('三(六)1'), label: '基础工资占薪酬标准的比例（80%左右）', min: 0, max: 1 },
  { key: '绩效工资比例', kind: 'number', value: 0.2, unit: '比例', citation: bx('三(六)1'), label: '绩效工资占薪酬标准的比例（20%左右）', min: 0, max: 1 },
  ...COEFFICIENTS.map((c, i): ParamSpec => ({
    key: `系数.${i + 1}`, kind: 'number', value: c, unit: '系数', citation: bx('附件'), label: `${i + 1}级薪酬系数`, min: 0,
  })),
  { key: '每级年限', kind: 'number', value: 3, unit: '年', citation: bx('附件'), label: '每升一个岗位等级所需的工作年限', min: 1 },
  { key: '起始等级.正职', kind: 'number', value: 5, unit: '级', citation: bx('附件'), label: '社区正职3年及以下对应的等级', min: 1, max: 16 },
  { key: '起始等级.副职', kind: 'number', value: 3, unit: '级', citation: bx('附件'), label: '社区副职3年及以下对应的等级', min: 1, max: 16 },
  { key: '起始等级.工作人员', kind: 'number', value: 1, unit: '级', citation: bx('附件'), label: '社区工作人员3年及以下对应的等级', min: 1, max: 16 },
  { key: '最高等级.正职', kind: 'number', value: 16, unit: '级', citation: bx('附件'), label: '社区正职最高等级（34年及以上）', min: 1, max: 16 },
  { key: '最高等级.副职', kind: 'number', value: 14, unit: '级', citation: bx('附件'), label: '社区副职最高等级（34年及以上）', min: 1, max: 16 },
  { key: '最高等级.工作人员', kind: 'number', value: 12, unit: '级', citation: bx('附件'), label: '社区工作人员最高等级（34年及以上）', min: 1, max: 16 },
  { key: '学历学位提升等级', kind: 'boolean', value: false, unit: '是/否', citation: bx('三(六)2'), label: '县、区是否对学士、硕士研究生学历学位提升1个岗位等级（“鼓励有条件的县、区”，默认否）' },
  { key: '职业津贴.初级', kind: 'number', value: 100, unit: '元/月', citation: bx('三(六)2'), label: '助理社会工作师职业津贴（不少于100元）', min: 100 },
  { key: '职业津贴.中级', kind: 'number', value: 200, unit: '元/月', citation: bx('三(六)2'), label: '社会工作师职业津贴（不少于200元）', min: 200 },
  { key: '职业津贴.高级', kind: 'number', value: 300, unit: '元/月', citation: bx('三(六)2'), label: '高级社会工作师职业津贴（不少于300元）', min: 300 },
  { key: '配备.每万城镇常住人口最少人数', kind: 'number', value: 18, unit: '人/万人', citation: bx('三(四)'), label: '县、区每万城镇常住人口社区工作者最少人数', min: 0 },
  { key: '市级补助.生活补贴基数', kind: 'number', value: 1000, unit: '元/人·月', citation: bx('三(六)5'), label: '市级补助对应的生活补贴标准（本政办发〔2020〕3号）', min: 0 },
  { key: '市级补助.调整补贴基数', kind: 'number', value: 100, unit: '元/人·月', citation: bx('三(六)5'), label: '市级补助对应的调整补贴标准（本民发〔2022〕29号）', min: 0 },
  { key: '市级补助.比例', kind: 'number', value: 0.3, unit: '比例', citation: bx('三(六)5'), label: '市级财政补助比例（30%）', min: 0, max: 1 },
  { key: '退出.连续不合格年数', kind: 'number', value: 2, unit: '年', citation: bx('三(十二)'), label: '连续考核不合格达此年数即解除劳动合同', min: 1 },
  { key: '退出.累计不合格年数', kind: 'number', value: 3, unit: '年', citation: bx('三(十二)'), label: '累计考核不合格达此年数即解除劳动合同', min: 1 },
  { key: '借调.最长月数', kind: 'number', value: 1, unit: '月', citation: bx('三(八)2'), label: '借调时间上限', min: 0 },
  { key: '试用期.最长月数', kind: 'number', value: 6, unit: '月', citation: bx('三(五)'), label: '公开招聘社区工作者试用期上限', min: 0 },
  { key: '薪酬水平.上年度平均工资', kind: 'number', unit: '元/月', optional: true, citation: bx('三(六)1'), label: '上年度全市全口径城镇单位就业人员月平均工资（选填：填写后，县、区社区工作者平均现薪酬低于此数时提示）', min: 0 },
  { key: '施行日期', kind: 'text', value: '2023-01-01', unit: '日期', citation: bx('三(六)4'), label: '薪酬办法执行日期（2023年1月1日起执行）；早于此日的计算日期报错' },
];

/** Benxi's parameters with their defaults and articles. */
export const benxiParams = new ParamTable('本溪', defs);
