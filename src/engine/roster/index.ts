/** Rosters: worker and community tables as plain cells, matched by their Chinese headers. */
export type { Cell, Roster, RosterTable, TableKind } from './types';
export { sheetRowOf } from './types';
export { WORKER_FIELDS, COMMUNITY_FIELDS, COUNTY_FIELDS, fieldsOf, normalizeHeader, fieldOfHeader, ratingYearOf, matchHeaders, headerScore, findHeaderRow } from './headers';
export type { FieldDef, HeaderMatch, HeaderOverride } from './headers';
export { parseTitles, onTwoCommittees, onPartyCommittee, onResidentsCommittee } from './titles';
export type { Titles } from './titles';
export { isBlank, textOf, nameOf, numberOf, yesNoOf, electedOf } from './cells';
export { detectRoster, tableOf, withMergesFilled, mergeRangesOf } from './detect';
export type { SheetGrid, MergeRange, DetectedRoster } from './detect';
