import { Citation } from '../../citation';
import { ParamSpec, ParamTable } from '../../params';

/** 《通州区社区工作者管理办法（征求意见稿）》: a draft for comment, no number and no date. */
export const TONGZHOU_DOC = '通州区社区工作者管理办法（征求意见稿）';
/** Cites an article of the Tongzhou draft (第七条 …). */
export const tz = (article: string): Citation => ({ doc: TONGZHOU_DOC, article });

// The draft has no date (第四十七条 "自发布之日起执行", not yet published): it declares no 施行日期,
// so its values are in force on every date, and every result carries the draft warning.

/** Post categories of 第九条. */
export const TONGZHOU_POSTS = ['正职', '副职', '一般工作人员'] as const;
/** 专业技术等级 for 专业技术等级工资 (第十一条(三)): none or one of the three certificate levels. */
export const TONGZHOU_CERT_KEYS = ['无', '助理社会工作师', '社会工作师', '高级社会工作师'] as const;

const LOCAL = '征求意见稿未公布数额，由区主管部门确定';

const defs: ParamSpec[] = [
  ...TONGZHOU_POSTS.map((post): ParamSpec => ({
    key: `职务工资.${post}`, kind: 'number', unit: '元/月', citation: tz('第十一条(三)'),
    label: `${post}职务工资（${LOCAL}）`, min: 0,
  })),
  ...TONGZHOU_CERT_KEYS.map((level): ParamSpec => ({
    key: `专业技术等级工资.${level}`, kind: 'number', unit: '元/月', citation: tz('第十一条(三)'),
    label: `${level === '无' ? '无职业水平证书人员' : level}专业技术等级工资（${LOCAL}）`, min: 0,
  })),
  { key: '综合补贴', kind: 'number', unit: '元/月', citation: tz('第十一条(三)'), label: `综合补贴（${LOCAL}）`, min: 0 },
  ...TONGZHOU_POSTS.map((post): ParamSpec => ({
    key: `绩效工资.${post}`, kind: 'number', unit: '元/月', citation: tz('第十一条(三)'),
    label: `${post}绩效工资标准额（${LOCAL}；优绩优酬）`, min: 0,
  })),
  { key: '长期任职特殊补贴', kind: 'number', unit: '元/月', citation: tz('第三十五条'), label: '在社区任职满30年、有突出贡献、群众认可的特殊补贴（“可探索给予”，名额和标准由区主管部门和区财政部门确定）', min: 0 },
  { key: '长期任职.年限', kind: 'number', value: 30, unit: '年', citation: tz('第三十五条'), label: '可给予特殊补贴的社区任职年限（满30年）', min: 0 },
  { key: '配备.每名户数', kind: 'number', value: 130, unit: '户/人', citation: tz('第七条'), label: '每130户居民配备1名社区工作者', min: 1 },
  { key: '配备.每社区最少人数', kind: 'number', value: 9, unit: '人', citation: tz('第七条'), label: '每个社区社区工作者不得少于9名', min: 0 },
  { key: '职数.正职最多', kind: 'number', value: 2, unit: '人', citation: tz('第八条'), label: '每个社区正职职数上限（最多不超过2名）', min: 0 },
  { key: '职数.副职最多', kind: 'number', value: 3, unit: '人', citation: tz('第八条'), label: '每个社区副职职数上限（最多不超过3名）', min: 0 },
  { key: '党组织.党委最少委员', kind: 'number', value: 5, unit: '人', citation: tz('第七条'), label: '社区党委委员下限（一般5至9名）', min: 0 },
  { key: '党组织.党委最多委员', kind: 'number', value: 9, unit: '人', citation: tz('第七条'), label: '社区党委委员上限（一般5至9名）', min: 0 },
  { key: '党组织.党总支最少委员', kind: 'number', value: 5, unit: '人', citation: tz('第七条'), label: '社区党总支委员下限（一般5至7名）', min: 0 },
  { key: '党组织.党总支最多委员', kind: 'number', value: 7, unit: '人', citation: tz('第七条'), label: '社区党总支委员上限（一般5至7名）', min: 0 },
  { key: '党组织.党支部最少委员', kind: 'number', value: 3, unit: '人', citation: tz('第七条'), label: '社区党支部委员下限（一般3至5名）', min: 0 },
  { key: '党组织.党支部最多委员', kind: 'number', value: 5, unit: '人', citation: tz('第七条'), label: '社区党支部委员上限（一般3至5名）', min: 0 },
  { key: '党务工作者.最少', kind: 'number', value: 1, unit: '人', citation: tz('第七条'), label: '专职党务工作者基本下限（1-3名，含专职副书记）', min: 0 },
  { key: '党务工作者.最多', kind: 'number', value: 3, unit: '人', citation: tz('第七条'), label: '专职党务工作者基本上限（1-3名，含专职副书记）', min: 0 },
  { key: '党务工作者.增配1名党员数', kind: 'number', value: 200, unit: '名党员', citation: tz('第七条'), label: '党员数超过此数增配1名专职党务工作者（不含回社区报到的在职党员）', min: 0 },
  { key: '党务工作者.增配2名党员数', kind: 'number', value: 300, unit: '名党员', citation: tz('第七条'), label: '党员数超过此数增配2名专职党务工作者（不含回社区报到的在职党员）', min: 0 },
  { key: '居委会.最少成员', kind: 'number', value: 5, unit: '人', citation: tz('第七条'), label: '社区居委会成员下限（5至9人）', min: 0 },
  { key: '居委会.最多成员', kind: 'number', value: 9, unit: '人', citation: tz('第七条'), label: '社区居委会成员上限（5至9人）', min: 0 },
  { key: '居委会.最多副主任', kind: 'number', value: 2, unit: '人', citation: tz('第七条'), label: '社区居委会副主任上限（1至2人）', min: 1 },
  { key: '优秀比例', kind: 'number', value: 0.25, unit: '比例', citation: tz('第二十六条'), label: '年度考核优秀等次占本街道（乡镇）参加考核人数的比例上限（25%以内）', min: 0, max: 1 },
  { key: '考核.旷工不称职天数', kind: 'number', value: 15, unit: '天', citation: tz('第二十五条(二)'), label: '无故旷工当年累计超过此天数，应确定为不称职', min: 0 },
  { key: '退出.连续不称职年数', kind: 'number', value: 2, unit: '年', citation: tz('第四十条(一)'), label: '连续年度考核不合格（不称职）达此年数应退出', min: 1 },
  { key: '退出.连续旷工天数', kind: 'number', value: 15, unit: '天', citation: tz('第四十条(六)'), label: '旷工或逾期不归连续超过此天数应退出', min: 0 },
  { key: '退出.年累计旷工天数', kind: 'number', value: 30, unit: '天', citation: tz('第四十条(六)'), label: '旷工或逾期不归一年内累计超过此天数应退出', min: 0 },
  { key: '服务协议.招聘年限', kind: 'number', value: 5, unit: '年', citation: tz('第十六条'), label: '招聘的社区工作者服务协议期限（原则上五年一签）', min: 1 },
  { key: '服务协议.试用期月数', kind: 'number', value: 6, unit: '月', citation: tz('第十六条'), label: '首次签订服务协议可约定的试用期（半年）', min: 0 },
  { key: '招聘.最高年龄', kind: 'number', value: 40, unit: '周岁', citation: tz('第六条(二)3'), label: '招聘年龄一般在40周岁以下', min: 0 },
  { key: '继续教育.助理社会工作师', kind: 'number', value: 72, unit: '小时/3年', citation: tz('第三十条'), label: '助理社会工作师每一登记有效期（3年）继续教育最少学时', min: 0 },
  { key: '继续教育.社会工作师', kind: 'number', value: 90, unit: '小时/3年', citation: tz('第三十条'), label: '社会工作师每一登记有效期（3年）继续教育最少学时', min: 0 },
  { key: '继续教育.高级社会工作师', kind: 'number', value: 90, unit: '小时/3年', citation: tz('第三十条'), label: '高级社会工作师每一登记有效期（3年）继续教育最少学时', min: 0 },
];

/** 通州's parameters: every pay amount is required (none published); rule figures have defaults. */
export const tongzhouParams = new ParamTable('通州', defs);
