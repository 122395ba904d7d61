import { CwError, shown } from '../errors';
import { wordTable } from './words';

/**
 * The role a job title plays, before a policy names its own post category:
 * 书记/主任/站长 → head (正职); 副书记/副主任/副站长 → deputy (副职);
 * 委员 → member; everyone else → staff (POLICY-NOTES §1 "Posts").
 */
export type Role = 'head' | 'deputy' | 'member' | 'staff';

const ROLE_TITLES = wordTable<Role>({
  正职: 'head', 书记: 'head', 主任: 'head', 站长: 'head', 党组织书记: 'head', 居委会主任: 'head', 一肩挑: 'head',
  副职: 'deputy', 副书记: 'deputy', 专职副书记: 'deputy', 副主任: 'deputy', 副站长: 'deputy',
  委员: 'member', 专职委员: 'member', 成员: 'member', 党组织成员: 'member', 居委会委员: 'member', 两委成员: 'member', 其他两委成员: 'member',
  工作人员: 'staff', 专职工作人员: 'staff', 一般工作人员: 'staff', 普通工作人员: 'staff', 其他: 'staff', 其他社区工作者: 'staff',
  社区工作者: 'staff', 社工: 'staff', 网格员: 'staff', 党务工作者: 'staff', 专职党务工作者: 'staff', 党群工作者: 'staff', 专职党群工作者: 'staff',
  head: 'head', deputy: 'deputy', member: 'member', staff: 'staff',
});

/** Organisation prefixes that do not change the role: 社区党委书记 is a 书记. */
const PREFIX = /^(社区)?(“两委”|两委|党组织|党委|党总支|党支部|居委会|居民委员会|服务站|社区服务站)?(专职)?/;

/** Classifies a job title or category name into its role; null when unrecognised. */
export function roleOfTitle(text: string): Role | null {
  const t = text.trim().replace(/\s+/g, '');
  const direct = ROLE_TITLES.get(t);
  if (direct) return direct;
  const stripped = t.replace(PREFIX, '');
  return (stripped && ROLE_TITLES.get(stripped)) || null;
}

/** A policy's post category and the roles that fall in it. */
export interface PostCategory {
  /** The category's name in the policy's own words (正职, 专职委员, 两委其他专职成员 …). */
  name: string;
  roles: Role[];
  /** Other names a clerk may type for the category itself. */
  aliases?: string[];
}

/**
 * Maps post text to one of the policy's categories: the category name itself, an alias,
 * or a job title by its role. Unknown text is an error listing the valid posts.
 */
export function postOf(value: unknown, categories: PostCategory[], policyName: string, field = 'post'): string {
  const accepted = () => {
    const list = categories.map((c) => c.name + (c.aliases?.length ? `（${c.aliases.join('、')}）` : '')).join('、');
    return `${policyName}的岗位类别：${list}；也可写职务：书记、主任、站长、副书记、副主任、副站长、委员、专职工作人员。`;
  };
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CwError(value === undefined || value === null || value === '' ? 'REQUIRED' : 'UNKNOWN_POST', `${field}：缺少岗位或岗位无效 ${shown(value)}。${accepted()}`, field);
  }
  const t = value.trim();
  for (const c of categories) if (c.name === t || c.aliases?.includes(t)) return c.name;
  const role = roleOfTitle(t);
  if (role) for (const c of categories) if (c.roles.includes(role)) return c.name;
  throw new CwError('UNKNOWN_POST', `${field}：无法识别岗位 ${shown(value)}。${accepted()}`, field);
}
