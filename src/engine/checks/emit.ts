/** The findings a check collects, in the order its rules raise them. */
import { findingAt } from '../roster-eval/findings';
import type { FindingExtra, FindingPlace, RosterFinding } from '../roster-eval/findings';
import type { Finding } from '../types';

/** The findings of one check, in the order the rules raise them (sorted at the end). */
export class Findings {
  readonly list: RosterFinding[] = [];
  /** Adds a finding at a place. */
  emit(place: FindingPlace, f: Finding, extra?: FindingExtra): void {
    this.list.push(findingAt(place, f, extra));
  }
  /** Adds findings already placed (the evaluation's data findings). */
  add(found: readonly RosterFinding[]): void {
    for (const f of found) this.list.push(f);
  }
}
