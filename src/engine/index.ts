/**
 * cwkit policy engine — the public API. Pure TypeScript: no Office, DOM or Node imports.
 * Front ends (Excel functions, task pane, reports, CLI) call only what is exported here.
 */
export { CwError, stopsWholeRoster } from './errors';
export type { ErrorCode } from './errors';
export type { Citation } from './citation';
export { citeText } from './citation';
export type { TraceStep } from './trace';
export { Trace } from './trace';
export * from './dates';
export { Decimal, yuan, roundFen, fenText } from './money';
export type { ParamDef, ParamValue, ParamOverrides } from './params';
export { ParamTable, ParamView, mustSupply } from './params';
export * from './types';
export type { PolicyRules, RuleContext, ColumnNeed, RosterWorker, RosterCommunity, RosterStreet, RosterCounty } from './rules';
export { normalizeWorker, INPUT_FIELDS } from './input';
export type { WorkerInput } from './input';
export { evaluate, assess, assessWorker, assessTenure, assessGrade, toEvaluation } from './evaluate';
export type { EvaluateOptions, Assessment } from './evaluate';
export { POLICIES, policyOf, policyById, policyList, policyIds } from './policies';
export { retirementOf, sexOf, delayMonthsFor, NATIONAL_RETIREMENT } from './retirement';
export type { Retirement } from './retirement';
export { parseResidentId, idCheckChar } from './idcard';
export type { ResidentId } from './idcard';
export { ratingOf, ratingsOf } from './vocab/ratings';
export type { Rating } from './vocab/ratings';
export { educationOf, degreeOf, EDUCATION_LEVELS, DEGREE_LEVELS } from './vocab/education';
export { certificateOf, CERTIFICATE_NAMES } from './vocab/certificates';
export { postOf, roleOfTitle } from './vocab/posts';
export { matchHeaders, findHeaderRow, headerScore, fieldsOf, fieldOfHeader, ratingYearOf, normalizeHeader, WORKER_FIELDS, COMMUNITY_FIELDS, COUNTY_FIELDS, parseTitles, detectRoster, tableOf, withMergesFilled, mergeRangesOf, sheetRowOf } from './roster';
export type { Cell, Roster, RosterTable, TableKind, FieldDef, HeaderMatch, HeaderOverride, Titles, SheetGrid, MergeRange, DetectedRoster } from './roster';
export { checkRoster, CheckCancelled } from './checks';
export type { CheckOptions, CheckResult, RosterFinding, FindingPlace, SeverityCounts, CommunitySummary } from './checks';
// One roster evaluation: checks, reports and payroll read the same units and rows.
export { evaluateRoster, rosterSteps, rowProblems, staffingOf, countyFactsOf, CommunityUnit, StreetUnit, CountyUnit } from './roster-eval';
export type { RosterEvaluation, RosterEvaluationOptions, EvaluatedRow, QuotaScope, Staffing, StaffingComparison, WorkerRow } from './roster-eval';
export * from './payroll';
