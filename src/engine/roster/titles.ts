import { roleOfTitle } from '../vocab/posts';
import type { Role } from '../vocab/posts';

/**
 * What a worker's 职务 says about the committees they sit on. A 职务 cell may hold several titles
 * (“党委书记、居委会主任” — 一肩挑; “党支部委员，居委会委员” — 交叉任职).
 */
export interface Titles {
  /** The highest role among the titles (head > deputy > member > staff), or null when none is recognised. */
  role: Role | null;
  /** 社区党组织书记 (not 副书记). */
  partySecretary: boolean;
  /** 社区党组织（专职）副书记. */
  partyDeputy: boolean;
  /** 社区党组织委员 other than the secretary and deputy. */
  partyMember: boolean;
  /** 居委会主任. */
  committeeHead: boolean;
  /** 居委会副主任. */
  committeeDeputy: boolean;
  /** 居委会委员. */
  committeeMember: boolean;
  /** 服务站站长 / 副站长. */
  stationHead: boolean;
  stationDeputy: boolean;
  /** A dedicated party worker: 专职党务工作者, 党群工作者, 党建专干, 专职党建社工 … */
  partyWorker: boolean;
  /** Title texts no rule recognises. */
  unknown: string[];
}

const RANK: Record<Role, number> = { staff: 0, member: 1, deputy: 2, head: 3 };

const SPLIT = /[、，,；;／/|\s]+|兼任?|并任|暨/;
const PARTY_ORG = /^(社区)?(党委|党总支|党支部|党组织|总支|支部|党)/;
const COMMITTEE = /^(社区)?(居民委员会|居委会|居委)/;
const STATION = /^(社区)?(服务站|工作站|社区服务站)/;
const PARTY_WORKER = /^(专职)?(党务工作者|党群工作者|党建工作者|党建专干|党务专干|党建社工|党建指导员|党建组织员|党务社工|党群社工|党建“社工岗”|党建社工岗|组织员)$/;

/** The empty result (no title given). */
function blank(): Titles {
  return {
    role: null, partySecretary: false, partyDeputy: false, partyMember: false, committeeHead: false, committeeDeputy: false,
    committeeMember: false, stationHead: false, stationDeputy: false, partyWorker: false, unknown: [],
  };
}

function raise(t: Titles, role: Role): void {
  if (t.role === null || RANK[role] > RANK[t.role]) t.role = role;
}

/** Reads one title: organisation prefix, then the post within it. Returns false when unrecognised. */
function readOne(t: Titles, piece: string): boolean {
  let s = piece.replace(/^社区/, '').replace(/[“”"「」]/g, '');
  if (s === '') return true;
  if (s === '一肩挑' || s === '书记主任一肩挑' || s === '书记、主任一肩挑') {
    t.partySecretary = true;
    t.committeeHead = true;
    raise(t, 'head');
    return true;
  }
  if (PARTY_WORKER.test(s)) {
    t.partyWorker = true;
    raise(t, 'staff');
    return true;
  }
  let org: 'party' | 'committee' | 'station' | null = null;
  let m = PARTY_ORG.exec(s);
  if (m && s.length > m[0].length) {
    org = 'party';
    s = s.slice(m[0].length);
  } else if ((m = COMMITTEE.exec(s))) {
    org = 'committee';
    s = s.slice(m[0].length);
  } else if ((m = STATION.exec(s))) {
    org = 'station';
    s = s.slice(m[0].length);
  } else if (/^两委/.test(s)) {
    s = s.replace(/^两委/, '');
  }
  s = s.replace(/^专职/, '');
  switch (s) {
    case '书记':
      if (org === 'committee' || org === 'station') return false;
      t.partySecretary = true;
      raise(t, 'head');
      return true;
    case '副书记':
      if (org === 'committee' || org === 'station') return false;
      t.partyDeputy = true;
      raise(t, 'deputy');
      return true;
    case '主任':
      if (org === 'party') return false;
      if (org === 'station') t.stationHead = true;
      else t.committeeHead = true;
      raise(t, 'head');
      return true;
    case '副主任':
      if (org === 'party') return false;
      if (org === 'station') t.stationDeputy = true;
      else t.committeeDeputy = true;
      raise(t, 'deputy');
      return true;
    case '站长':
      t.stationHead = true;
      raise(t, 'head');
      return true;
    case '副站长':
      t.stationDeputy = true;
      raise(t, 'deputy');
      return true;
    case '委员':
    case '成员':
      // A bare 委员 is read as 居委会委员 (docs/readings.md 通用-岗位 maps 委员 to the member class).
      if (org === 'party') t.partyMember = true;
      else if (org === 'station') return false;
      else t.committeeMember = true;
      raise(t, 'member');
      return true;
    default: {
      if (org !== null) return false;
      const role = roleOfTitle(s);
      if (role === null) return false;
      // Category words (正职, 副职 …) say the role but no committee seat.
      raise(t, role);
      return true;
    }
  }
}

/**
 * Parses a 职务 cell: titles separated by 、，;/ or 兼. 党委/党总支/党支部书记 → party secretary,
 * 居委会主任 → committee head, 服务站站长 → station head, bare 委员 → 居委会委员.
 */
export function parseTitles(text: string): Titles {
  const t = blank();
  const whole = text.trim();
  if (whole === '') return t;
  for (const raw of whole.split(SPLIT)) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (!readOne(t, piece)) t.unknown.push(piece);
  }
  return t;
}

/** Whether the worker holds a seat on the 两委 (the party organisation's committee or the residents' committee). */
export function onTwoCommittees(t: Titles): boolean {
  return t.partySecretary || t.partyDeputy || t.partyMember || t.committeeHead || t.committeeDeputy || t.committeeMember;
}

/** Whether the worker sits on the community party organisation's committee. */
export function onPartyCommittee(t: Titles): boolean {
  return t.partySecretary || t.partyDeputy || t.partyMember;
}

/** Whether the worker sits on the residents' committee. */
export function onResidentsCommittee(t: Titles): boolean {
  return t.committeeHead || t.committeeDeputy || t.committeeMember;
}
