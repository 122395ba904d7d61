/**
 * Worker threads that evaluate chunks of a `cw calc` batch while results leave in input order.
 * A chunk's output is handed to `write` as soon as it and every chunk before it are done. The
 * main thread computes too: a chunk no thread can take at once is evaluated in place (`local`),
 * so one core needs no thread of its own. A bounded number of chunks are in flight (queued,
 * running or waiting their turn), so `submit` waits — and the reader stops reading — when output
 * cannot keep up. Memory stays flat whatever the size.
 */
import { Worker } from 'worker_threads';

/** A chunk sent to a worker thread: whole lines as UTF-8, and the number of the first. */
export interface ChunkJob {
  seq: number;
  bytes: Uint8Array;
  firstLine: number;
}

/** A worker thread's answer: the chunk's output as UTF-8, one line per input line. */
export interface ChunkDone {
  seq: number;
  bytes: Uint8Array;
  lines: number;
  failed: number;
}

/** What a worker thread is started with. */
export interface PoolSetup {
  trace: boolean;
  paramsText?: string;
}

/** Evaluates a chunk on the main thread: its output as UTF-8 and counts. */
export type LocalEvaluator = (bytes: Uint8Array, firstLine: number) => Omit<ChunkDone, 'seq'>;

/** Chunks posted to one thread before it answers: the next is already waiting when it finishes one. */
const PER_THREAD = 2;

/** Worker threads running `script`, taking chunks in order and writing results in order. */
export class OrderedPool {
  private readonly workers: Worker[] = [];
  /** Chunks posted to each thread and not yet answered. */
  private readonly posted = new Map<Worker, number>();
  private readonly queue: ChunkJob[] = [];
  private readonly done = new Map<number, ChunkDone>();
  private readonly window: number;
  private nextSeq = 0;
  private nextWrite = 0;
  private writing = false;
  private failure: Error | null = null;
  private closing = false;
  private wake: (() => void) | null = null;
  /** Lines that failed, over all chunks written so far. */
  failed = 0;

  constructor(script: string, setup: PoolSetup, threads: number, private readonly write: (bytes: Uint8Array) => Promise<void> | void, private readonly local?: LocalEvaluator) {
    this.window = PER_THREAD * threads + 2;
    for (let i = 0; i < threads; i++) {
      // A small young generation: a thread's garbage is short-lived, and this keeps RSS flat.
      const w = new Worker(script, { workerData: { cwCalcPool: setup }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      w.on('message', (m: ChunkDone) => {
        this.done.set(m.seq, m);
        this.posted.set(w, this.posted.get(w)! - 1);
        this.dispatch();
        void this.flush();
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => { if (code !== 0 && !this.closing) this.fail(new Error(`计算线程异常退出（退出码 ${code}）`)); });
      this.workers.push(w);
      this.posted.set(w, 0);
    }
  }

  private get inFlight(): number {
    return this.nextSeq - this.nextWrite;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.signal();
  }

  private signal(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** The thread with the fewest chunks posted, if it can take one more. */
  private freeThread(): Worker | null {
    let best: Worker | null = null;
    for (const w of this.workers) if (this.posted.get(w)! < PER_THREAD && (!best || this.posted.get(w)! < this.posted.get(best)!)) best = w;
    return best;
  }

  private dispatch(): void {
    for (let w = this.freeThread(); w && this.queue.length; w = this.freeThread()) {
      const job = this.queue.shift()!;
      this.posted.set(w, this.posted.get(w)! + 1);
      w.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      for (let r = this.done.get(this.nextWrite); r; r = this.done.get(this.nextWrite)) {
        this.done.delete(this.nextWrite);
        this.failed += r.failed;
        if (r.bytes.length) await this.write(r.bytes);
        this.nextWrite++;
        this.signal();
      }
    } catch (e) {
      this.fail(e as Error);
    } finally {
      this.writing = false;
      this.signal();
    }
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
    if (this.failure) throw this.failure;
  }

  /** Queues a chunk (or, every thread being busy, evaluates it here); resolves when there is room for the next. */
  async submit(bytes: Uint8Array, firstLine: number): Promise<void> {
    if (this.failure) throw this.failure;
    const seq = this.nextSeq++;
    if (this.local && !this.freeThread()) {
      this.done.set(seq, { seq, ...this.local(bytes, firstLine) });
      void this.flush();
    } else {
      // A copy with a buffer of its own, moved to the thread (cloning a view would copy its whole read buffer).
      this.queue.push({ seq, bytes: new Uint8Array(bytes), firstLine });
      this.dispatch();
    }
    await this.until(() => this.inFlight < this.window);
  }

  /** Queues an answer made without a thread (a line too long to read), in its place in the order. */
  async submitResult(bytes: Uint8Array, lines: number, failed: number): Promise<void> {
    if (this.failure) throw this.failure;
    const seq = this.nextSeq++;
    this.done.set(seq, { seq, bytes, lines, failed });
    void this.flush();
    await this.until(() => this.inFlight < this.window);
  }

  /** Waits until every chunk is written. */
  async finish(): Promise<void> {
    await this.until(() => this.inFlight === 0 && !this.writing);
  }

  /** Stops the threads (after `finish`, or on failure). */
  async stop(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
