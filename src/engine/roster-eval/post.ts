/** A row's post: the policy's post category from 岗位类别, else from the 职务 titles, and the titles themselves. */
import { CwError } from '../errors';
import { postOf } from '../vocab/posts';
import type { Role } from '../vocab/posts';
import type { Policy } from '../types';
import { textOf } from '../roster/cells';
import { parseTitles } from '../roster/titles';
import type { Titles } from '../roster/titles';
import { findingAt, NOTES, ROSTER_RULES, MISSING_DATA } from './findings';
import type { Columns, RowReader } from './row-reader';

/** The policy's category for a role (the first category whose roles include it). */
function categoryOfRole(policy: Policy, role: Role): string | null {
  for (const c of policy.posts) if (c.roles.includes(role)) return c.name;
  return null;
}

/** Reads 岗位类别 and 职务: a finding when neither gives a post, or the titles are not recognised. */
export function readPost(r: RowReader, c: Columns): { post: string | null; titles: Titles } {
  const { ctx, out, place } = r;
  const { header, policy } = ctx;
  const cell = (i: number) => r.at(i);

  const titleText = textOf(c.title >= 0 ? cell(c.title) : cell(c.post));
  let titles = ctx.titleCache.get(titleText);
  if (!titles) {
    titles = parseTitles(titleText);
    ctx.titleCache.set(titleText, titles);
  }
  let post: string | null = null;
  const postText = c.post >= 0 ? textOf(cell(c.post)) : '';
  if (postText !== '') {
    let p = ctx.postCache.get(postText);
    if (p === undefined) {
      try {
        p = postOf(postText, policy.posts, policy.name, header.post);
      } catch (e) {
        if (!(e instanceof CwError)) throw e;
        p = e;
      }
      ctx.postCache.set(postText, p);
    }
    if (p instanceof CwError) r.bad('post', p, `改为${policy.name}的岗位类别或职务（如 书记、副主任、委员、专职工作人员）。`);
    else post = p;
  } else if (titles.role !== null) {
    post = categoryOfRole(policy, titles.role);
  }
  if (postText === '' && titleText === '') {
    out.push(findingAt(place, {
      severity: 'error', rule: MISSING_DATA, citation: ROSTER_RULES,
      message: `缺少${[c.post >= 0 ? header.post : null, c.title >= 0 ? header.title : null].filter(Boolean).join('和')}：无法确定岗位类别，该职工不计入各类职数。`,
      action: `填写岗位类别（${policy.posts.map((x) => x.name).join('、')}）或职务（书记、主任、副书记、副主任、委员、专职工作人员…）。`,
    }, { column: c.post >= 0 ? header.post : header.title }));
  } else if (c.title >= 0 && titles.unknown.length > 0 && titles.role === null && post === null && postText === '') {
    out.push(findingAt(place, {
      severity: 'error', rule: '数据格式', citation: NOTES('通用-岗位'),
      message: `${header.title}：无法识别职务“${titles.unknown.join('、')}”，也未填岗位类别。${policy.name}的岗位类别：${policy.posts.map((x) => x.name).join('、')}。`,
      action: '填写岗位类别，或把职务写成 书记、主任、副书记、副主任、委员、专职工作人员、党务工作者 等。',
    }, { column: header.title }));
  }

  return { post, titles };
}
