import { decodeEntities } from "../lines.ts";

/**
 * mammoth's HTML → the plain text shape the parser reads: one paragraph a line, a table row as its
 * cells separated by tabs (paragraphs inside a cell joined by a space), list items as "- …".
 */
export function htmlToText(html: string): string {
  const cellText = (inner: string) =>
    decodeEntities(inner.replace(/<\/p>\s*<p[^>]*>/gi, " ").replace(/<[^>]+>/g, ""))
      .replace(/[\t\n]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  let out = html.replace(/<table[^>]*>([\s\S]*?)<\/table>/gi, (_m, table: string) => {
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
      [...(r[1] as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)]
        .map((c) => cellText(c[1] as string))
        .join("\t"),
    );
    return `\n${rows.join("\n")}\n`;
  });
  out = out
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(p|h[1-6]|li|ul|ol|div)>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<(?!\/?(?:i|em|p)\b)[^>]+>/gi, "")
    .replace(/<\/?(?:i|em|p)[^>]*>/gi, "");
  return decodeEntities(out)
    .split("\n")
    .map((l) => l.replace(/[ \u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
