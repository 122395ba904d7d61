/**
 * Linear-time scans of package XML. A pattern such as `<c\b([^>]*)>` or `<t>([\s\S]*?)</t>` is
 * quadratic on hostile text: every `<c` without a `>` after it (or every `<t>` without a
 * `</t>`) scans to the end of the part and fails, and the next one scans again. These scans never
 * look at a character twice for the same reason: a start tag's `>` is made optional, so the
 * match always consumes what it scanned, and an element whose close is missing ends the scan,
 * since no later element of that name can be closed either.
 */

/** A start tag as scanned. */
export interface StartTag {
  /** Index of the `<`. */
  index: number;
  /** Index just past the `>`. */
  end: number;
  /** The namespace prefix with its colon ('' when none). */
  prefix: string;
  /** The attribute text (without a self-closing `/`). */
  attrs: string;
  /** `<x/>`. */
  selfClosing: boolean;
}

const START_RE = new Map<string, RegExp>();
const CLOSE_RE = new Map<string, RegExp>();

function startRe(name: string): RegExp {
  let re = START_RE.get(name);
  if (!re) START_RE.set(name, (re = new RegExp(`<((?:\\w+:)?)${name}\\b([^>]*)(>?)`, 'g')));
  return re;
}

function closeRe(name: string): RegExp {
  let re = CLOSE_RE.get(name);
  if (!re) CLOSE_RE.set(name, (re = new RegExp(`<\\/(?:\\w+:)?${name}>`, 'g')));
  return re;
}

/** The next start tag of element `name` (any prefix) at or after `from`, or null (also when it is never closed by `>`). */
export function nextStartTag(xml: string, name: string, from = 0): StartTag | null {
  const re = startRe(name);
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m || m[3] !== '>') return null;
  const self = m[2].endsWith('/');
  return { index: m.index, end: re.lastIndex, prefix: m[1], attrs: self ? m[2].slice(0, -1) : m[2], selfClosing: self };
}

/** Every start tag of element `name` in `xml`, in order (a tag left open ends the list). */
export function startTags(xml: string, name: string): StartTag[] {
  const out: StartTag[] = [];
  for (let t = nextStartTag(xml, name); t; t = nextStartTag(xml, name, t.end)) out.push(t);
  return out;
}

/** The index of the next `</name>` (any prefix) at or after `from`, with its end; null when there is none. */
export function nextCloseTag(xml: string, name: string, from: number): { index: number; end: number } | null {
  const re = closeRe(name);
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? { index: m.index, end: re.lastIndex } : null;
}

/** An element as scanned: its start tag and its content (null for `<x/>`). */
export interface Element extends StartTag {
  inner: string | null;
  /** Index just past the element. */
  after: number;
}

/** The next element `name` (not nested in itself) at or after `from`, or null. */
export function nextElement(xml: string, name: string, from = 0): Element | null {
  const t = nextStartTag(xml, name, from);
  if (!t) return null;
  if (t.selfClosing) return { ...t, inner: null, after: t.end };
  const close = nextCloseTag(xml, name, t.end);
  if (!close) return null;
  return { ...t, inner: xml.slice(t.end, close.index), after: close.end };
}

/** Every element `name` in `xml`, in order (an element left open ends the list). */
export function elements(xml: string, name: string): Element[] {
  const out: Element[] = [];
  for (let e = nextElement(xml, name); e; e = nextElement(xml, name, e.after)) out.push(e);
  return out;
}

/** `xml` with every element `name` (and its content) taken out. */
export function withoutElements(xml: string, name: string): string {
  let out = '';
  let at = 0;
  for (const e of elements(xml, name)) {
    out += xml.slice(at, e.index);
    at = e.after;
  }
  return out + xml.slice(at);
}

/** `text` with every `[…]` section taken out, as `/\[[^\]]*]/g` would, in one pass. */
export function withoutBrackets(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('[', at);
    if (open < 0) break;
    const close = text.indexOf(']', open + 1);
    if (close < 0) break; // no later '[' is closed either
    out += text.slice(at, open);
    at = close + 1;
  }
  return out + text.slice(at);
}
