/**
 * The little XML an .xlsx reader needs, done with indexOf over the text (no DOM, no parser
 * objects): entity decoding, one start tag's attributes, and the text runs of a string item.
 */

/** Decodes XML character and entity references. */
export function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : "'";
  });
}

/**
 * The value of attribute `name` in a start tag's text (`<c r="A1" t="s">` from after the tag
 * name to `>`); null when absent. Either quote; a prefixed name (`r:id`) is matched whole.
 */
export function attrOf(tag: string, name: string): string | null {
  let i = 0;
  for (;;) {
    i = tag.indexOf(name, i);
    if (i < 0) return null;
    const before = tag.charCodeAt(i - 1);
    let j = i + name.length;
    // Whole name only: preceded by white space, followed by optional blanks and '='.
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      while (tag.charCodeAt(j) === 32) j++;
      if (tag.charCodeAt(j) === 61) {
        j++;
        while (tag.charCodeAt(j) === 32) j++;
        const q = tag[j];
        if (q === '"' || q === "'") {
          const end = tag.indexOf(q, j + 1);
          if (end < 0) return null;
          return xmlDecode(tag.slice(j + 1, end));
        }
      }
    }
    i += name.length;
  }
}

/** The start tags `<p:name …>` in `xml` from `from`, each as its attribute text; `p` is the namespace prefix ('' or 'x:'). */
export function* startTags(xml: string, name: string, p: string, from = 0): Generator<string> {
  const open = `<${p}${name}`;
  for (let i = xml.indexOf(open, from); i >= 0; i = xml.indexOf(open, i + open.length)) {
    const k = xml.charCodeAt(i + open.length);
    if (k !== 32 && k !== 62 && k !== 47 && k !== 9 && k !== 10 && k !== 13) continue;
    const end = xml.indexOf('>', i);
    if (end < 0) return;
    yield xml.slice(i + open.length, end);
  }
}

/** The namespace prefix the part's root element uses for SpreadsheetML ('' or e.g. 'x:'). */
export function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml.slice(0, 4096));
  return m?.[1] ?? '';
}

/**
 * The text of a string item's content (`<si>…</si>` or `<is>…</is>`): its `<t>` runs joined,
 * phonetic runs (`<rPh>`) left out, as Excel shows the cell.
 */
export function runsText(inner: string, p: string): string {
  const rph = `<${p}rPh`;
  let body = inner;
  if (body.indexOf(rph) >= 0) {
    const close = `</${p}rPh>`;
    let out = '';
    let i = 0;
    for (let k = body.indexOf(rph); k >= 0; k = body.indexOf(rph, i)) {
      out += body.slice(i, k);
      const e = body.indexOf(close, k);
      i = e < 0 ? body.length : e + close.length;
    }
    body = out + body.slice(i);
  }
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let s = '';
  for (let i = body.indexOf(open); i >= 0; i = body.indexOf(open, i + 1)) {
    const k = body.charCodeAt(i + open.length);
    if (k !== 62 && k !== 32 && k !== 47) continue; // <t> or <t xml:space…>, not <tx…>
    const gt = body.indexOf('>', i);
    if (body.charCodeAt(gt - 1) === 47) continue; // <t/>
    const end = body.indexOf(close, gt);
    if (end < 0) break;
    s += body.slice(gt + 1, end);
    i = end;
  }
  return xmlDecode(s);
}
