/**
 * The shape of a policy's roster rules: per worker, per community, per street, per county. A leaf
 * module (type imports only) so that the policies can declare their rules without importing the
 * checks, and the checks can run them without importing a policy.
 */
import type { DayNumber } from './dates';
import type { ParamView } from './params';
import type { Retirement } from './retirement';
import type { CertificateLevel } from './vocab/certificates';
import type { Finding, Policy, Sex } from './types';

/** What a roster rule may read about the check it runs in. */
export interface RuleContext {
  policy: Policy;
  params: ParamView;
  asOf: DayNumber;
  asOfYear: number;
  /** True when the worker table has this field's column. */
  workerColumn(field: string): boolean;
  /** True when the community table has this field's column. */
  communityColumn(field: string): boolean;
  /** The previous year's city average wage given to the check (cw check --average-wage), or null. */
  averageWage: number | null;
}

/** A column a rule needs: when the roster lacks it, the check reports the rule as not checked. */
export interface ColumnNeed {
  table: 'workers' | 'communities';
  field: string;
  /** The rule that is skipped, in Chinese. */
  rule: string;
}

/** The facts of one worker row that the policies' roster rules read (null when the cell is blank). */
export interface RosterWorker {
  post: string | null;
  certificate: CertificateLevel | null;
  /** True when 任用方式 / 是否选任 says 选任; null when not given. */
  elected: boolean | null;
  birthDate: DayNumber | null;
  sex: Sex | null;
  originalAge: number | null;
  entryDate: DayNumber | null;
  probation: boolean | null;
  lastTrainingYear: number | null;
  secondmentMonths: number | null;
  educationHours: number | null;
  agreementDate: DayNumber | null;
  termEnd: DayNumber | null;
}

/** The figures of one community that the policies' roster rules read. */
export interface RosterCommunity {
  community: string;
  /** 书记后备人才数 from the community table, or null when blank. */
  reservePool: number | null;
  /** Workers by certificate level: [none, 助理, 社工师, 高级]. */
  readonly certificates: readonly number[];
  /** Workers marked as on duty in the service hall. */
  hall: number;
}

/** The figures of one street (街道/乡镇) that the policies' roster rules read. */
export interface RosterStreet {
  readonly communities: readonly RosterCommunity[];
  /** Sum and count of its workers' 现薪酬 cells. */
  payTotal: number;
  payCount: number;
}

/** The figures of one county (区县/开发区) that the policies' roster rules read. */
export interface RosterCounty {
  county: string;
  readonly counts: { readonly workers: number };
  /** Workers holding a certificate. */
  certified: number;
  /** Sum and count of its workers' 现薪酬 cells. */
  payTotal: number;
  payCount: number;
}

/** A policy's roster rules beyond the Policy's per-worker functions; each list is optional. */
export interface PolicyRules {
  /** Columns the rules need; a missing one is reported as a rule not checked. */
  needs: readonly ColumnNeed[];
  worker?(ctx: RuleContext, r: RosterWorker): Finding[];
  community?(ctx: RuleContext, u: RosterCommunity): Finding[];
  street?(ctx: RuleContext, s: RosterStreet): Finding[];
  county?(ctx: RuleContext, c: RosterCounty): Finding[];
  /**
   * Replaces the generic retirement finding for a worker (e.g. 通州 第二十条: an elected worker may
   * finish the term). Returns undefined to keep the generic one, null to say nothing.
   */
  retirement?(ctx: RuleContext, r: RosterWorker, ret: Retirement, overdue: boolean): Finding | null | undefined;
}

/** Rules of a policy that has none beyond its Policy functions. */
export const NO_RULES: PolicyRules = { needs: [] };
