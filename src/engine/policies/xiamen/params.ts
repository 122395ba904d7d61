import { Citation } from '../../citation';
import { ParamSpec, ParamTable } from '../../params';

/** 厦民规〔2020〕2号《厦门市社区工作者管理办法（试行）》. */
export const XIAMEN_DOC = '厦民规〔2020〕2号';
/** Cites an article of the Xiamen document, in its own numbering (`第十一条（二）`). */
export const xm = (article: string): Citation => ({ doc: XIAMEN_DOC, article });
/** The table appended to the document. */
export const TABLE = '《厦门市社区工作者岗位等级和工资套改一览表》';

/** The four post categories of 第十一条, in the document's words. */
export const XIAMEN_POSTS = ['正职', '副职', '专职委员', '其他社区工作者'] as const;
export type XiamenPost = (typeof XIAMEN_POSTS)[number];

const BASIC: Record<XiamenPost, number> = { 正职: 1250, 副职: 1050, 专职委员: 950, 其他社区工作者: 750 };
/** Starting level ("3年以下") of each post: 1500 / 1200 / 900 / 600 yuan = levels 7 / 5 / 3 / 1. */
const START: Record<XiamenPost, number> = { 正职: 7, 副职: 5, 专职委员: 3, 其他社区工作者: 1 };
/** Top level ("34年以上") of each post: start + 11. */
const TOP: Record<XiamenPost, number> = { 正职: 18, 副职: 16, 专职委员: 14, 其他社区工作者: 12 };
const START_WAGE: Record<XiamenPost, number> = { 正职: 1500, 副职: 1200, 专职委员: 900, 其他社区工作者: 600 };

const perPost = (f: (post: XiamenPost) => ParamSpec): ParamSpec[] => XIAMEN_POSTS.map(f);

const defs: ParamSpec[] = [
  { key: '施行日期', kind: 'text', value: '2020-06-29', unit: '日期', citation: xm('第三十六条'), label: '本办法施行日期（自公布之日起施行，2020年6月29日印发）' },
  { key: '有效期年数', kind: 'number', value: 2, unit: '年', citation: xm('第三十六条'), label: '本办法有效期（两年）；如有延期文件可调整', min: 0 },

  ...perPost((post) => ({
    key: `基本工资.${post}`, kind: 'number', value: BASIC[post], unit: '元/月', citation: xm('第十一条（一）'),
    label: `${post === '正职' || post === '副职' ? '社区' + post : post}基本工资（每人每月）`, min: 0,
  })),

  { key: '岗位工资.一级', kind: 'number', value: 600, unit: '元/月', citation: xm(`第十一条（二）；${TABLE}`), label: '1级岗位工资（其他社区工作者起点工资）', min: 0 },
  { key: '岗位工资.级差', kind: 'number', value: 150, unit: '元/月', citation: xm('第十一条（二）'), label: '每个岗位等级的增长幅度', min: 0 },
  ...perPost((post) => ({
    key: `起始等级.${post}`, kind: 'number', value: START[post], unit: '级', citation: xm(`第十一条（二）；${TABLE}`),
    label: `${post}起点等级（3年以下；起点工资${START_WAGE[post]}元/月）`, min: 1, max: 18,
  })),
  ...perPost((post) => ({
    key: `最高等级.${post}`, kind: 'number', value: TOP[post], unit: '级', citation: xm(TABLE),
    label: `${post}最高等级（34年以上）`, min: 1, max: 18,
  })),
  { key: '每级年限', kind: 'number', value: 3, unit: '年', citation: xm('第十一条（二）'), label: '晋升1个岗位等级所需的工作年限（每3年）', min: 0.01 },
  { key: '最早起算日期', kind: 'text', value: '2003-03-01', unit: '日期', citation: xm('第十一条（二）'), label: '工作年限最早起算日期（“各区最早年限可从2003年3月起算”）' },
  { key: '考核.优秀缩短年限', kind: 'number', value: 0.5, unit: '年', citation: xm('第十一条（二）'), label: '每个优秀年度缩短的晋级年限', min: 0 },
  { key: '考核.基本合格延长年限', kind: 'number', value: 0.5, unit: '年', citation: xm('第十一条（二）'), label: '每个基本合格年度延长的晋级年限', min: 0 },
  { key: '考核.不合格延长年限', kind: 'number', value: 1, unit: '年', citation: xm('第十一条（二）'), label: '每个不合格年度延长的晋级年限', min: 0 },
  { key: '表彰高定等级.功勋荣誉', kind: 'number', value: 5, unit: '级', citation: xm('第二十七条'), label: '获得功勋荣誉高定的岗位等级数', min: 0 },
  { key: '表彰高定等级.国家级', kind: 'number', value: 2, unit: '级', citation: xm('第二十七条'), label: '获得国家级表彰奖励高定的岗位等级数', min: 0 },
  { key: '表彰高定等级.省部级', kind: 'number', value: 1, unit: '级', citation: xm('第二十七条'), label: '获得省部级表彰奖励高定的岗位等级数', min: 0 },

  ...perPost((post) => ({
    key: `岗位津贴.${post}`, kind: 'number', unit: '元/月', citation: xm('第十一条（三）'),
    label: `${post}岗位津贴（由各区根据本区报酬总体标准制定，请填写本区标准）`, min: 0,
  })),
  { key: '基础工资占比', kind: 'number', value: 0.7, unit: '比例', citation: xm('第十一条'), label: '基础工资占本岗位等级应发报酬的比例（70%左右）', min: 0.01, max: 1 },
  { key: '绩效占比', kind: 'number', value: 0.3, unit: '比例', citation: xm('第十二条'), label: '绩效报酬占本岗位等级应发报酬的比例（30%左右）', min: 0, max: 1 },
  { key: '试用期基础工资比例', kind: 'number', value: 0.8, unit: '比例', citation: xm('第十一条（二）'), label: '试用期薪酬占拟定等级基础工资的比例（80%）', min: 0, max: 1 },

  { key: '学历津贴.本科.双证', kind: 'number', value: 100, unit: '元/月', citation: xm('第十三条（三）'), label: '大学本科学历和学士学位均取得的学历津贴', min: 0 },
  { key: '学历津贴.硕士.双证', kind: 'number', value: 200, unit: '元/月', citation: xm('第十三条（三）'), label: '硕士研究生学历和硕士学位均取得的学历津贴', min: 0 },
  { key: '学历津贴.博士.双证', kind: 'number', value: 400, unit: '元/月', citation: xm('第十三条（三）'), label: '博士研究生学历和博士学位均取得的学历津贴', min: 0 },
  { key: '学历津贴.本科.单证', kind: 'number', value: 50, unit: '元/月', citation: xm('第十三条（三）'), label: '只取得本科学历或学士学位之一的学历津贴', min: 0 },
  { key: '学历津贴.硕士.单证', kind: 'number', value: 100, unit: '元/月', citation: xm('第十三条（三）'), label: '只取得硕士研究生学历或硕士学位之一的学历津贴', min: 0 },
  { key: '学历津贴.博士.单证', kind: 'number', value: 200, unit: '元/月', citation: xm('第十三条（三）'), label: '只取得博士研究生学历或博士学位之一的学历津贴', min: 0 },
  { key: '职业津贴.初级', kind: 'number', value: 200, unit: '元/月', citation: xm('第十三条（三）'), label: '助理社会工作师职业津贴', min: 0 },
  { key: '职业津贴.中级', kind: 'number', value: 300, unit: '元/月', citation: xm('第十三条（三）'), label: '社会工作师职业津贴', min: 0 },
  { key: '职业津贴.高级', kind: 'number', value: 500, unit: '元/月', citation: xm('第十三条（三）'), label: '高级社会工作师职业津贴', min: 0 },

  { key: '社保.全省平均工资', kind: 'number', unit: '元/月', citation: xm('第十三条（一）'), label: '全省全口径城镇单位就业人员月平均工资（年平均工资÷12，按当年公布数填写）', min: 0 },
  { key: '社保.最低基数比例', kind: 'number', value: 0.6, unit: '比例', citation: xm('第十三条（一）'), label: '缴交基数不低于全省全口径城镇单位就业人员平均工资的比例（60%）', min: 0, max: 1 },

  { key: '配备.每千常住人口最多人数', kind: 'number', value: 3, unit: '人/千人', citation: xm('第五条'), label: '每1000名常住人口配备社区工作者不高于的人数', min: 0 },
  { key: '配备.两委专职成员最少', kind: 'number', value: 5, unit: '人', citation: xm('第五条'), label: '社区“两委”专职成员配备下限（5到9人）', min: 0 },
  { key: '配备.两委专职成员最多', kind: 'number', value: 9, unit: '人', citation: xm('第五条'), label: '社区“两委”专职成员配备上限（5到9人）', min: 0 },
  { key: '配备.两委专职成员上限', kind: 'number', value: 11, unit: '人', citation: xm('第五条'), label: '社区“两委”专职成员最多不超过的人数（11人）', min: 0 },
  { key: '配备.专职党群工作者最少', kind: 'number', value: 1, unit: '人', citation: xm('第五条'), label: '每个社区至少配备的专职社区党群工作者人数', min: 0 },

  { key: '招聘.最低学历', kind: 'text', value: '大专', unit: '学历', citation: xm('第八条'), label: '招聘对象最低学历（国家教育部门承认的大专以上）' },
  { key: '招聘.最高年龄', kind: 'number', value: 35, unit: '周岁', citation: xm('第八条'), label: '招聘对象年龄上限（一般在35周岁以下，第九条可适当放宽）', min: 0 },
  { key: '薪酬水平.上年度平均工资', kind: 'number', unit: '元/月', optional: true, citation: xm('第十条'), label: '上年度本市城镇非私营单位在岗职工（含劳务派遣工）月平均工资（选填：填写后，区社区工作者平均现薪酬低于此数时提示）', min: 0 },
  { key: '优秀比例上限', kind: 'number', value: 0.25, unit: '比例', citation: xm('第二十一条'), label: '年度考核优秀等次占比上限（不超过25%）', min: 0, max: 1 },
];

/** Xiamen's parameters with their defaults and articles. */
export const xiamenParams = new ParamTable('厦门', defs);
