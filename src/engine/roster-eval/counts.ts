/** Headcounts of a unit from its workers' posts and titles, and the counter for each staffing requirement's typed tag. */
import type { StaffCount } from '../types';
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

/** How a staffing requirement's tag is counted from the roster, and how to say so. */
interface Counter {
  count: (u: UnitCounts) => number;
  /** Chinese: who is counted. */
  how: string;
}

const PARTY_WORKERS = '职务为专职党务工作者、党群工作者、党建专干等的人员';

/** The roster count for each tag a staffing requirement may carry (StaffingRequirement.counts). */
const COUNTERS: Record<Exclude<StaffCount, { post: string }>, Counter> = {
  workers: { count: (u) => u.workers, how: '花名册中该单位的全部职工' },
  twoCommittees: { count: (u) => u.twoCommittees, how: '职务含社区党组织书记、副书记、委员或居委会主任、副主任、委员的人员（一人兼任只计一次）' },
  partyWorkers: { count: (u) => u.partyWorker, how: PARTY_WORKERS },
  partyPosts: { count: (u) => u.partyWorker, how: `${PARTY_WORKERS}（不含书记、副书记）` },
  // 通州 第七条: 社区党组织专职副书记纳入专职党务工作者职数 (the requirement's basis says so).
  partyWorkersAndDeputy: { count: (u) => u.partyWorker + u.partyDeputy, how: `${PARTY_WORKERS}，加社区党组织专职副书记（纳入职数）` },
  partyCommittee: { count: (u) => u.partyCommittee, how: '职务含党组织书记、副书记、委员的人员' },
  partySecretary: { count: (u) => u.partySecretary, how: '职务含党委、党总支、党支部书记（不含副书记）的人员' },
  partyDeputy: { count: (u) => u.partyDeputy, how: '职务含党组织副书记的人员' },
  residentsCommittee: { count: (u) => u.residentsCommittee, how: '职务含居委会主任、副主任、委员的人员（未写组织的“委员”按居委会委员计）' },
  committeeHead: { count: (u) => u.committeeHead, how: '职务含居委会主任（不含副主任）的人员' },
  committeeDeputy: { count: (u) => u.committeeDeputy, how: '职务含居委会副主任的人员' },
};

/** The counter for a requirement's tag; null for a post category the policy does not have. */
export function counterFor(counts: StaffCount, postCategories: readonly string[]): Counter | null {
  if (typeof counts === 'string') return COUNTERS[counts];
  const post = counts.post;
  if (!postCategories.includes(post)) return null;
  return { count: (u) => u.posts.get(post) ?? 0, how: `岗位类别为“${post}”的人员（未填岗位类别的按职务归类）` };
}
