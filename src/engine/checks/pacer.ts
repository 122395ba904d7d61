/** The check's slicing: yields to the event loop between slices of work, reports progress, honours cancellation. */
import { CheckCancelled } from './types';
import type { CheckOptions } from './types';

/** Yields to the event loop between slices of work, reports progress, honours cancellation. */
export class Pacer {
  private last = Date.now();
  private readonly slice: number;
  private readonly yieldTo: () => Promise<void>;
  constructor(private readonly options: CheckOptions, public total: number) {
    this.slice = options.sliceMs ?? 25;
    this.yieldTo = options.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  }
  /** Throws CheckCancelled when the caller has aborted. */
  check(): void {
    if (this.options.signal?.aborted) throw new CheckCancelled();
  }
  /** Call often; it only yields when the slice is used up. */
  async tick(done: number): Promise<void> {
    if (Date.now() - this.last < this.slice) return;
    this.options.onProgress?.(done, this.total);
    await this.yieldTo();
    this.check();
    this.last = Date.now();
  }
}
