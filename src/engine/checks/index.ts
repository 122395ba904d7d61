/** Roster checks: every staffing and roster rule of a policy, run through the engine's policy functions over the roster's one evaluation. */
export { checkRoster } from './check';
export { CheckCancelled } from './types';
export type { CheckOptions, CheckResult, RosterFinding, FindingPlace, SeverityCounts, CommunitySummary } from './types';
