import type { Titles } from '../roster/titles';
import { onPartyCommittee, onResidentsCommittee, onTwoCommittees } from '../roster/titles';

/** Headcounts of one unit (a community or a county), accumulated in one pass over the worker rows. */
export class UnitCounts {
  workers = 0;
  /** By the policy's post category (正职, 副职 …). */
  readonly posts = new Map<string, number>();
  twoCommittees = 0;
  partyCommittee = 0;
  partySecretary = 0;
  partyDeputy = 0;
  residentsCommittee = 0;
  committeeHead = 0;
  committeeDeputy = 0;
  partyWorker = 0;

  /** Counts one worker with their post category and titles. */
  add(post: string | null, t: Titles): void {
    this.workers++;
    if (post !== null) this.posts.set(post, (this.posts.get(post) ?? 0) + 1);
    if (onTwoCommittees(t)) this.twoCommittees++;
    if (onPartyCommittee(t)) this.partyCommittee++;
    if (t.partySecretary) this.partySecretary++;
    if (t.partyDeputy) this.partyDeputy++;
    if (onResidentsCommittee(t)) this.residentsCommittee++;
    if (t.committeeHead) this.committeeHead++;
    if (t.committeeDeputy) this.committeeDeputy++;
    if (t.partyWorker) this.partyWorker++;
  }
}

/** How a staffing requirement's `what` is counted from the roster, and how to say so. */
interface Counter {
  count: (u: UnitCounts) => number;
  /** Chinese: who is counted. */
  how: string;
}

const ALL: Counter = { count: (u) => u.workers, how: '花名册中该单位的全部职工' };
const PARTY_WORKERS = '职务为专职党务工作者、党群工作者、党建专干等的人员';

/**
 * The roster count for each `what` a policy's staffing rule names (StaffingRequirement.what).
 * A `what` not listed here (and not a post category) cannot be counted: the check says so.
 */
const COUNTERS: Record<string, Counter> = {
  社区工作者总数: ALL,
  '“社工岗”总数': ALL,
  '“社工岗”员额': ALL,
  两委专职成员: { count: (u) => u.twoCommittees, how: '职务含社区党组织书记、副书记、委员或居委会主任、副主任、委员的人员（一人兼任只计一次）' },
  专职社区党群工作者: { count: (u) => u.partyWorker, how: PARTY_WORKERS },
  '专职党建“社工岗”': { count: (u) => u.partyWorker, how: `${PARTY_WORKERS}（不含书记、副书记）` },
  // 通州 第七条: 社区党组织专职副书记纳入专职党务工作者职数 (the requirement's basis says so).
  专职党务工作者: { count: (u) => u.partyWorker + u.partyDeputy, how: `${PARTY_WORKERS}，加社区党组织专职副书记（纳入职数）` },
  社区党组织书记: { count: (u) => u.partySecretary, how: '职务含党委、党总支、党支部书记（不含副书记）的人员' },
  社区党组织专职副书记: { count: (u) => u.partyDeputy, how: '职务含党组织副书记的人员' },
  社区居委会成员: { count: (u) => u.residentsCommittee, how: '职务含居委会主任、副主任、委员的人员（未写组织的“委员”按居委会委员计）' },
  社区居委会主任: { count: (u) => u.committeeHead, how: '职务含居委会主任（不含副主任）的人员' },
  社区居委会副主任: { count: (u) => u.committeeDeputy, how: '职务含居委会副主任的人员' },
};

const PARTY_COMMITTEE = /^社区(党委|党总支|党支部)委员$/;

/** The counter for a requirement: by its `what`, a party committee, or a post category of the policy. */
export function counterFor(what: string, postCategories: readonly string[]): Counter | null {
  const c = COUNTERS[what];
  if (c) return c;
  if (PARTY_COMMITTEE.test(what)) {
    return { count: (u) => u.partyCommittee, how: '职务含党组织书记、副书记、委员的人员' };
  }
  if (postCategories.includes(what)) {
    return { count: (u) => u.posts.get(what) ?? 0, how: `岗位类别为“${what}”的人员（未填岗位类别的按职务归类）` };
  }
  return null;
}
