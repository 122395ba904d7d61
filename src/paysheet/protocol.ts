/** Messages between a front end and the pay-sheet Web Worker (plain data, structured-clone safe). */
import type { Roster } from '../engine';
import type { PaySheet } from './paysheet';
import type { JobMessage } from '../worker-job';

/** What the front end asks for. */
export interface PaySheetRequest {
  roster: Roster;
  policy: string;
  period: string;
  params?: Record<string, unknown> | null;
}

/** Worker → front end. */
export type PaySheetMessage = JobMessage<{ sheet: PaySheet }>;
