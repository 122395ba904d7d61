import { Citation } from '../../citation';
import { ParamSpec, ParamTable } from '../../params';

/**
 * 中共宁夏区委组织部等《关于加强社区工作者队伍建设的实施意见》(2024年12月27日).
 * The document has no number: it is cited by title, articles by its own section headings.
 */
export const NINGXIA_DOC = '宁夏《关于加强社区工作者队伍建设的实施意见》';
/** Cites a section of the Ningxia document: `nx('四 明确薪酬标准')`. */
export const nx = (article: string): Citation => ({ doc: NINGXIA_DOC, article });

/** 一 健全岗位序列: the four posts of the "4岗24级" sequence, in the document's words. */
export const NINGXIA_POSTS = ['两委正职', '两委副职', '两委其他专职成员', '专职工作人员'] as const;
export type NingxiaPost = (typeof NINGXIA_POSTS)[number];

/** Top level of the sequence ("4岗24级"): the one level figure the document publishes. */
export const NINGXIA_TOP_LEVEL = 24;

const LEVELS = Array.from({ length: NINGXIA_TOP_LEVEL }, (_, i) => i + 1);

const SEQUENCE = nx('一 健全岗位序列');
const PAY = nx('四 明确薪酬标准');

const defs: ParamSpec[] = [
  { key: '最高等级', kind: 'number', value: NINGXIA_TOP_LEVEL, unit: '级', citation: SEQUENCE, label: '岗位等级序列最高等级（“4岗24级”）', min: 1, max: NINGXIA_TOP_LEVEL },
  // Not published: each post's starting level and the years per level are set locally (no default).
  ...NINGXIA_POSTS.map((post): ParamSpec => ({
    key: `起始等级.${post}`, kind: 'number', unit: '级', citation: SEQUENCE,
    label: `${post}的起始岗位等级（文件未公布，由市、县确定）`, min: 1, max: NINGXIA_TOP_LEVEL,
  })),
  ...NINGXIA_POSTS.map((post): ParamSpec => ({
    key: `每级年限.${post}`, kind: 'number', unit: '年', citation: SEQUENCE,
    label: `${post}每晋升一个岗位等级所需的社区工作年限（文件未公布，由市、县确定）`, min: 0.5,
  })),
  { key: '晋升年限调整.优秀', kind: 'number', value: 0.5, unit: '年', citation: SEQUENCE, label: '每1个年度考核优秀等次缩短的晋升年限（半年）', min: 0 },
  { key: '晋升年限调整.不合格', kind: 'number', value: 0.5, unit: '年', citation: SEQUENCE, label: '每1个年度考核不合格等次延后的晋升年限（半年）', min: 0 },
  // 4 × 24 岗位等级薪酬 table: not published (no default).
  ...NINGXIA_POSTS.flatMap((post) => LEVELS.map((level): ParamSpec => ({
    key: `岗位等级薪酬.${post}.${level}`, kind: 'number', unit: '元/月', citation: PAY,
    label: `${post}${level}级岗位等级薪酬（文件未公布，由地级市确定）`, min: 0,
  }))),
  { key: '基本薪酬比例', kind: 'number', value: 0.55, unit: '比例', citation: PAY, label: '基本薪酬占地级市上年度全口径城镇单位就业人员月平均工资的比例（55%）', min: 0, max: 1 },
  { key: '城市月平均工资', kind: 'number', unit: '元/月', citation: PAY, label: '地级市上年度全口径城镇单位就业人员月平均工资（年平均工资÷12），按所在地级市提供', min: 0 },
  ...[1, 2, 3, 4, 5].map((star): ParamSpec => ({
    key: `星级补贴.${star}`, kind: 'number', value: star * 100, unit: '元/月', citation: PAY,
    label: `${star}星级社区党组织的星级补贴（文件：一至五星级每月100至500元）`, min: 0,
  })),
  { key: '学历津贴.专科', kind: 'number', value: 100, unit: '元/月', citation: PAY, label: '国家承认的大学专科学历津贴', min: 0 },
  { key: '学历津贴.本科', kind: 'number', value: 200, unit: '元/月', citation: PAY, label: '国家承认的大学本科学历津贴', min: 0 },
  { key: '学历津贴.研究生', kind: 'number', value: 300, unit: '元/月', citation: PAY, label: '国家承认的研究生学历津贴', min: 0 },
  { key: '职业津贴.初级', kind: 'number', value: 200, unit: '元/月', citation: PAY, label: '助理社会工作者（助理社会工作师）职业津贴', min: 0 },
  { key: '职业津贴.中级', kind: 'number', value: 300, unit: '元/月', citation: PAY, label: '社会工作者（社会工作师）职业津贴', min: 0 },
  { key: '职业津贴.高级', kind: 'number', value: 500, unit: '元/月', citation: PAY, label: '高级社会工作者（高级社会工作师）职业津贴', min: 0 },
  { key: '绩效薪酬比例', kind: 'number', value: 0.2, unit: '比例', citation: nx('四 落实薪酬待遇'), label: '薪酬中作为绩效薪酬、依据考核结果按月发放的比例（20%，从薪酬中划出，不另加）', min: 0, max: 1 },
  { key: '长期任职补贴.最低年限', kind: 'number', value: 20, unit: '年', citation: nx('四 完善激励机制'), label: '社区党组织书记、居民委员会主任享受奖励补贴所需的累计任职年限', min: 0 },
  { key: '长期任职补贴.省部级.在职', kind: 'number', value: 600, unit: '元/月', citation: nx('四 完善激励机制'), label: '获自治区党委政府、国家部委表彰的在职书记、主任奖励补贴', min: 0 },
  { key: '长期任职补贴.省部级.退休', kind: 'number', value: 500, unit: '元/月', citation: nx('四 完善激励机制'), label: '获自治区党委政府、国家部委表彰的正常退休书记、主任奖励补贴', min: 0 },
  { key: '长期任职补贴.国家级.在职', kind: 'number', value: 800, unit: '元/月', citation: nx('四 完善激励机制'), label: '获党中央、国务院表彰的在职书记、主任奖励补贴', min: 0 },
  { key: '长期任职补贴.国家级.退休', kind: 'number', value: 600, unit: '元/月', citation: nx('四 完善激励机制'), label: '获党中央、国务院表彰的正常退休书记、主任奖励补贴', min: 0 },
  // The document says “山区9县(区)” without naming them; the list is the region's usual one, from outside the document (解读 §宁夏-山区县).
  { key: '山区县名单', kind: 'text', value: '原州区、西吉县、隆德县、泾源县、彭阳县、海原县、同心县、盐池县、红寺堡区', unit: '县（区）名称，用顿号分隔', citation: { doc: '文件外：宁夏通行的山区9县（区）名单', article: '' }, label: '山区9县（区）名单（文件只写“山区9县(区)”未列名称；默认值来自文件之外，请按自治区口径核对）' },
  { key: '自治区补助比例.山区', kind: 'number', value: 0.8, unit: '比例', citation: nx('四 落实薪酬待遇'), label: '自治区财政对山区9县（区）社区工作者薪酬的补助比例', min: 0, max: 1 },
  { key: '自治区补助比例.其他', kind: 'number', value: 0.2, unit: '比例', citation: nx('四 落实薪酬待遇'), label: '自治区财政对其他县（区）和宁东社区工作者薪酬的补助比例', min: 0, max: 1 },
  { key: '配备.每万城镇常住人口人数', kind: 'number', value: 18, unit: '人/万人', citation: nx('一 优化队伍结构'), label: '县级社区工作者总量控制标准（每万城镇常住人口拥有社区工作者人数）', min: 0 },
  { key: '后备人才.每名书记人数', kind: 'number', value: 3, unit: '人', citation: nx('一 严格政治把关'), label: '街道（乡镇）社区党组织书记后备人才库比例（1:3，每名书记对应的后备人数）', min: 0 },
  { key: '持证比例目标.2025', kind: 'number', value: 0.35, unit: '比例', citation: nx('一 开展职业评价'), label: '到2025年持证社区工作者占比目标（35%）', min: 0, max: 1 },
  { key: '持证比例目标.2030', kind: 'number', value: 0.5, unit: '比例', citation: nx('一 开展职业评价'), label: '力争到2030年持证社区工作者占比（50%）', min: 0, max: 1 },
  { key: '退出.连续不合格年数', kind: 'number', value: 2, unit: '年', citation: nx('三 完善退出机制'), label: '连续年度考核不合格达此年数即解除劳动合同', min: 1 },
  // The document sets no other commencement date: its date applies (解读 §宁夏-施行日期).
  { key: '施行日期', kind: 'text', value: '2024-12-27', unit: '日期', citation: { doc: NINGXIA_DOC, article: '成文日期（2024年12月27日）' }, label: '文件成文日期（2024年12月27日），自此日起适用；早于此日的计算日期报错' },
];

/** Ningxia's parameters: published figures with their sections; the level table has no default. */
export const ningxiaParams = new ParamTable('宁夏', defs);
