/** One roster evaluation: units (communities, streets, counties) with their facts and counts, and every worker row. */
export { evaluateRoster, rosterSteps } from './evaluate';
export type { EvaluatedRow, QuotaScope, RosterEvaluation, RosterEvaluationOptions } from './types';
export type { WorkerRow } from './worker-row';
export { CommunityUnit, StreetUnit, CountyUnit, RatingsByYear, RatingTally } from './units';
export type { UnitCounts } from './counts';
export { staffingOf, countyFactsOf } from './staffing';
export type { Staffing, StaffingComparison } from './staffing';
export { findingAt, ID_STANDARD, MISSING_DATA, NOTES, ROSTER_RULES, ROSTER_PLACE, rowProblems } from './findings';
export type { FindingPlace, RosterFinding, FindingExtra } from './findings';
export { KIND_NAME } from './tables';
