import { Citation } from '../../citation';
import { ParamSpec, ParamTable } from '../../params';

/** 长新党政办发〔2020〕30号《长春新区关于进一步加强城市社区专职工作者队伍建设的实施意见》. */
export const CHANGCHUN_DOC = '长新党政办发〔2020〕30号';
/** Cites an article of the 长春新区 document, in its own numbering (二(四) …). */
export const cc = (article: string): Citation => ({ doc: CHANGCHUN_DOC, article });

/** The three post categories of 二(四), in the document's words. */
export const CHANGCHUN_POSTS = ['社区正职', '其他两委成员', '普通工作人员'] as const;
export type ChangchunPost = (typeof CHANGCHUN_POSTS)[number];

/** The development zones of 二(二) with their approved 社工岗 quotas. */
export const CHANGCHUN_ZONES = ['高新开发区', '北湖开发区', '空港开发区'] as const;

const TABLE_FORMAT = '“年限:月薪酬”对，用分号分隔，年限从0起递增，如“0:3000;3:3200;6:3400”';

const defs: ParamSpec[] = [
  // 二(四): the level table is in 附件3《长春新区“社工岗”人员薪酬实施办法（试行）》, which is not public.
  ...CHANGCHUN_POSTS.map((post): ParamSpec => ({
    key: `薪酬表.${post}`, kind: 'text', unit: '年限:元/月', citation: cc('二(四)；附件3'),
    label: `${post}岗位等级薪酬表（附件3未公开，由开发区提供）：${TABLE_FORMAT}；取不超过计龄年限的最高一档，第几档即第几级`,
  })),
  { key: '基础报酬比例', kind: 'number', value: 0.7, unit: '比例', citation: cc('二(四)'), label: '基础报酬占薪酬的比例（70%），与本人岗位等级相对应', min: 0, max: 1 },
  { key: '绩效工资比例', kind: 'number', value: 0.3, unit: '比例', citation: cc('二(四)'), label: '绩效工资占薪酬的比例（30%），由街道（乡）按绩效考核结果分配', min: 0, max: 1 },
  { key: '配备.基准户数', kind: 'number', value: 3000, unit: '户', citation: cc('二(二)'), label: '按基准人数配备的社区户数上限（3000户以下）', min: 0 },
  { key: '配备.基准最少人数', kind: 'number', value: 10, unit: '人', citation: cc('二(二)'), label: '3000户以下社区“社工岗”下限（10至15人左右）', min: 0 },
  { key: '配备.基准最多人数', kind: 'number', value: 15, unit: '人', citation: cc('二(二)'), label: '3000户以下社区“社工岗”上限（10至15人左右）', min: 0 },
  { key: '配备.增设每岗最少户数', kind: 'number', value: 300, unit: '户', citation: cc('二(二)'), label: '超过3000户的，每增加300—500户可增设1个“社工岗”：上限按每300户增设1个计', min: 1 },
  { key: '配备.增设每岗最多户数', kind: 'number', value: 500, unit: '户', citation: cc('二(二)'), label: '超过3000户的，每增加300—500户可增设1个“社工岗”：下限按每500户增设1个计', min: 1 },
  { key: '配备.专职党建社工岗', kind: 'number', value: 2, unit: '个', citation: cc('二(二)'), label: '每个社区专职党建“社工岗”数（不含社区党组织书记、副书记）', min: 0 },
  { key: '员额.全区', kind: 'number', value: 551, unit: '个', citation: cc('二(二)'), label: '全区“社工岗”总员额', min: 0 },
  { key: '员额.高新开发区', kind: 'number', value: 356, unit: '个', citation: cc('二(二)'), label: '高新开发区“社工岗”员额', min: 0 },
  { key: '员额.北湖开发区', kind: 'number', value: 158, unit: '个', citation: cc('二(二)'), label: '北湖开发区“社工岗”员额', min: 0 },
  { key: '员额.空港开发区', kind: 'number', value: 37, unit: '个', citation: cc('二(二)'), label: '空港开发区“社工岗”员额', min: 0 },
  { key: '招聘.最高年龄', kind: 'number', value: 40, unit: '周岁', citation: cc('二(三)'), label: '公开招聘年龄上限（不超过40周岁）', min: 0 },
  { key: '招聘.放宽最高年龄', kind: 'number', value: 45, unit: '周岁', citation: cc('二(三)'), label: '现有社区工作者、持证人员、社会学专业毕业生、退役军人放宽后的年龄上限（45周岁）', min: 0 },
  { key: '服务大厅.最少人数', kind: 'number', value: 2, unit: '人', citation: cc('二(八)'), label: '“一站式”大厅日常办公人员下限（2-3人）', min: 0 },
  { key: '服务大厅.最多人数', kind: 'number', value: 3, unit: '人', citation: cc('二(八)'), label: '“一站式”大厅日常办公人员上限（2-3人）', min: 0 },
  { key: '持证.每社区社工师人数', kind: 'number', value: 3, unit: '人', citation: cc('二(七)'), label: '每个社区社工师（社会工作师及以上）目标人数（3名以上）', min: 0 },
  { key: '持证.目标年数', kind: 'number', value: 3, unit: '年', citation: cc('二(七)'), label: '达到社工师目标的期限（通过3年左右的努力）', min: 0 },
  { key: '培训.正职间隔年数', kind: 'number', value: 1, unit: '年', citation: cc('二(七)'), label: '社区党组织书记、居民委员会主任培训间隔（每年一次）', min: 1 },
  { key: '培训.其他间隔年数', kind: 'number', value: 2, unit: '年', citation: cc('二(七)'), label: '其他“社工岗”人员轮训间隔（每2年一次）', min: 1 },
  // The document names no commencement date: its date (落款) stands in (解读 §长春新区-施行日期).
  { key: '施行日期', kind: 'text', value: '2020-11-02', unit: '日期', citation: cc('落款'), label: '文件印发日期（落款 2020年11月2日；文件未另定施行日期）；早于此日的计算日期照常计算并提示' },
];

/** 长春新区's parameters with their defaults and articles. */
export const changchunParams = new ParamTable('长春新区', defs);
