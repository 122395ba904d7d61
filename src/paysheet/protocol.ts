/** Messages between a front end and the pay-sheet Web Worker (plain data, structured-clone safe). */
import type { Roster } from '../engine';
import type { PaySheet } from './paysheet';

/** What the front end asks for. */
export interface PaySheetRequest {
  roster: Roster;
  policy: string;
  period: string;
  params?: Record<string, unknown> | null;
}

/** Worker → front end. */
export type PaySheetMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; sheet: PaySheet }
  | { type: 'error'; code: string; message: string };
