import { Citation, citeText } from './citation';

/** One step of an explanation: what was decided, its value, and the article it rests on. */
export interface TraceStep {
  step: string;
  value: string;
  source: string;
  /** The reading (an anchor of docs/readings.md, cited as 解读 §…) that decided an ambiguous sentence, when one did. */
  reading?: string;
}

/**
 * Collects explanation steps. When `on` is false nothing is recorded, so callers
 * guard expensive message building with `if (trace.on)`.
 */
export class Trace {
  readonly steps: TraceStep[] = [];
  constructor(readonly on: boolean) {}

  /** Records a step citing an article (or a free-text source). */
  add(step: string, value: string | number, source: Citation | string, reading?: string): void {
    if (!this.on) return;
    const s: TraceStep = { step, value: String(value), source: typeof source === 'string' ? source : citeText(source) };
    if (reading) s.reading = reading;
    this.steps.push(s);
  }
}
