/**
 * A growing UTF-8 buffer outside the JavaScript heap. A chunk's result lines are encoded into it
 * one by one, so each line's text dies young (nothing survives a scavenge to be copied or promoted)
 * and no array of lines is joined at the end.
 */

/** Result text encoded into one reusable buffer, taken out as exact-size copies. */
export class ByteSink {
  private buf: Buffer;
  private used = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Appends `text` as UTF-8. */
  write(text: string): void {
    // A UTF-16 unit never takes more than 3 UTF-8 bytes.
    if (this.used + text.length * 3 > this.buf.length) this.grow(this.used + text.length * 3);
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  private grow(atLeast: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(atLeast, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  /** The bytes written since the last take, in a buffer of their own (transferable), and starts over. */
  take(): Buffer {
    const out = Buffer.allocUnsafeSlow(this.used);
    this.buf.copy(out, 0, 0, this.used);
    this.used = 0;
    return out;
  }
}
