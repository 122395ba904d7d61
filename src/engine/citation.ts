/** Where a figure or rule comes from: a document number and an article in that document's own numbering. */
export interface Citation {
  doc: string;
  article: string;
}

/** Renders a citation as clerks write it: `本民发〔2022〕41号 三(六)1`. */
export function citeText(c: Citation): string {
  return c.article ? `${c.doc} ${c.article}` : c.doc;
}
