/** Messages between the task pane and the report Web Worker (structured-clone safe: plain data only). */
import type { Roster } from '../engine';
import type { MissingChar } from './coverage';
import type { ReportKind } from './types';

/** What the pane asks for. `roster` is the same plain-cell roster `checkRoster` takes. */
export interface ReportRequest {
  kind: ReportKind;
  roster: Roster;
  /** Policy id or alias. */
  policy: string;
  /** `YYYY-MM`. */
  period: string;
  params?: Record<string, unknown> | null;
  months?: number;
  unit?: string | null;
}

/** Worker → pane. */
export type WorkerMessage =
  | { type: 'progress'; stage: ReportStage; share: number }
  | { type: 'done'; pdf: ArrayBuffer; fileName: string; title: string; workers: number; unassessed: Array<{ row: number; name: string; reason: string }>; missing: MissingChar[] }
  | { type: 'error'; code: string; message: string };

/** The stages a report goes through, with their Chinese labels for a progress bar. */
export type ReportStage = 'font' | 'compute' | 'layout' | 'draw';
export const STAGE_LABELS: Record<ReportStage, string> = { font: '加载字体', compute: '计算', layout: '排版', draw: '绘制页面' };
