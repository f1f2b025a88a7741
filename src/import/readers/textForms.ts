/**
 * The shapes a plan takes as text before the grammar reads it: Markdown pipe tables, the "(1) (2) (3)"
 * column-number row, text hard-wrapped at a fixed width (pdftotext, e-mail), OCR spaces inside words.
 * Each is turned into the one shape the parser reads: one line per paragraph, a table row as its cells
 * separated by tabs.
 */

interface TextLine {
  n: number;
  text: string;
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** A Markdown pipe-table line → its cells separated by tabs; a separator row → null; else unchanged. */
export function pipeRow(line: string): string | null {
  const t = line.trim();
  if (!t.startsWith("|") && t.endsWith("|") && (t.match(/(?<!\\)\|/g)?.length ?? 0) >= 4) {
    // a row whose leading pipe the converter dropped (" 1 | Chỉ tiêu | % | ≥ 55 | Bộ … ||")
    if (SEPARATOR.test(t.replace(/\|+$/, "|"))) return null;
    return t
      .replace(/\|+$/, "")
      .split(/(?<!\\)\|/)
      .map((c) => c.replace(/\\\|/g, "|").trim())
      .join("\t");
  }
  if (!t.startsWith("|") || t.length < 3) return line;
  if (SEPARATOR.test(t)) return null;
  if (!t.endsWith("|") || t.endsWith("\\|")) return line;
  const cells = t
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, "|").trim());
  return cells.join("\t");
}

/**
 * The row under a table header that only numbers its columns: "(1) (2) (3) (4) (5)", "1 2 3 4 5",
 * "A B C". It is not a task.
 */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  const labels = filled.map((c) => /^[([]?(\d{1,2}|[A-Z])[)\]]?\.?$/.exec(c)?.[1]);
  if (labels.some((l) => l === undefined)) return false;
  const values = (labels as string[]).map((l) => (/\d/.test(l) ? Number(l) : l.charCodeAt(0) - 64));
  return values.every((v, i) => i === 0 || v === (values[i - 1] as number) + 1) && (values[0] as number) <= 2;
}

// A line that starts an item of its own: a heading number, a lettered item, a bullet, "Điều 3", "(2)".
const STARTS_ITEM =
  /^(\d{1,2}(\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[-–+•*]\s|[IVXLC]+[.-]\s|\(\d{1,2}\)\s|(Điều|Phụ lục|PHỤ LỤC|Nơi nhận)\b)/u;

/** A line in capitals ("II1. TO CHUC THU'C HIEN", "KẾ HOẠCH") is a heading, never the rest of a wrapped line. */
export function isCapsHeading(text: string): boolean {
  return text.length < 100 && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** The width text was wrapped at, when most long lines end near one width; null when it was not wrapped. */
function wrapWidth(lines: TextLine[]): number | null {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 0);
  if (lengths.length < 20) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)] as number;
  if (width < 40 || width > 140) return null;
  const near = lengths.filter((n) => n >= width * 0.8 && n <= width + 2).length;
  return near >= lengths.length * 0.4 ? width : null;
}

/**
 * Joins lines cut at a fixed width back into their paragraph: a line that reaches the wrap width goes
 * on in the next line unless that one starts an item of its own or either is a table row.
 */
export function joinHardWrapped<T extends TextLine>(lines: T[]): T[] {
  const width = wrapWidth(lines);
  if (width === null) return lines;
  const out: T[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    // "…/." closes the body of a document: what follows ("Nơi nhận") is never the rest of its line
    const full =
      prev && prev.text.length >= width * 0.8 && !prev.text.includes("\t") && !/\.\/\.$/.test(prev.text);
    if (
      prev &&
      full &&
      l.text &&
      !l.text.includes("\t") &&
      !STARTS_ITEM.test(l.text) &&
      !isCapsHeading(l.text)
    ) {
      const sep = /[\p{L}\d][-/]$/u.test(prev.text) && /^\p{L}/u.test(l.text) ? "" : " ";
      out[out.length - 1] = { ...prev, text: `${prev.text}${sep}${l.text}` };
    } else out.push(l);
  }
  return out;
}

// One Vietnamese syllable (onset, vowels, final), written in capitals or not.
const SYLLABLE =
  /^(b|c|ch|d|đ|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|q|qu|r|s|t|th|tr|v|x)?[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}(c|ch|m|n|ng|nh|p|t)?$/iu;

const isSyllable = (s: string) => SYLLABLE.test(s);
const ONSET = /^(ch|gh|gi|kh|ng|ngh|nh|ph|qu|th|tr)$/iu;

/**
 * OCR that put spaces inside words ("ỦY B AN NHÂN D Â N", "T hành phố", "3210/QĐ - UBND"): pieces that
 * are not a syllable on their own are joined to the next piece when the two make one. Real words are
 * never touched, so a correct text stays as it is.
 */
// A capital piece of one or two letters standing alone that is no word, or a number "…/QĐ - UBND".
const PIECE = /(?:^|\s)(\p{Lu}{1,2})(?=\s|$)/gu;
const suspect = (text: string) =>
  /\/[A-ZĐ]{1,6} - /u.test(text) || [...text.matchAll(PIECE)].some((m) => !isSyllable(m[1] as string));

export function joinOcrPieces(text: string): string {
  if (!suspect(text)) return text;
  const words = text.replace(/(\d+\/[A-ZĐ]{1,6}) - ([A-ZĐ][A-ZĐ\d]*)/gu, "$1-$2").split(" ");
  const letters = (w: string) => /^\p{L}+$/u.test(w);
  const upper = (w: string) => w === w.toUpperCase();
  const head = (w: string) => /^\p{L}+/u.exec(w)?.[0] ?? "";
  // "T" + "hành", "B" + "AN", "C" + "H" (an onset to go on with): a capital piece that is no word yet
  const forward = (w: string, next: string) => {
    // cheapest tests first: most words are not capital pieces
    if (!upper(w) || !letters(w) || isSyllable(w)) return false;
    const h = head(next);
    if (!h || !(upper(h) || w.length === 1)) return false;
    return isSyllable(`${w}${h}`) || (ONSET.test(`${w}${h}`) && h.length === 1);
  };
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    while (i + 1 < words.length && forward(w, words[i + 1] as string)) w = `${w}${words[++i]}`;
    const prev = out[out.length - 1];
    // "DÂ" + "N", "MI" + "NH": a short capital piece that only ends the word before it
    if (
      prev !== undefined &&
      w.length <= 2 &&
      letters(w) &&
      upper(w) &&
      upper(prev) &&
      letters(prev) &&
      !isSyllable(w) &&
      isSyllable(prev) &&
      isSyllable(`${prev}${w}`)
    ) {
      out[out.length - 1] = `${prev}${w}`;
      continue;
    }
    out.push(w);
  }
  return out.join(" ");
}

const HEADER_CELL =
  /^(s?tt|số tt|thứ tự|nội dung|nhiệm vụ|tên nhiệm vụ|công việc|(cơ quan|đơn vị) (chủ trì|phối hợp|thực hiện)|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm|kết quả|ghi chú)/iu;
const ROW_MARK = /^(\d{1,3}|[IVXLC]{1,6})\.?$/;

/**
 * A table exported as text one cell per line (LibreOffice's text export): a run of header cells, each
 * on its own line, then rows that each start with their number. Each row becomes one tab-separated
 * line; extra lines of a row (several paragraphs in a cell) go to its title, the second column.
 * Only a one-row header is recognised; anything else is left as it is.
 */
export function regroupCellLines<T extends TextLine>(lines: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < lines.length; i++) {
    let k = 0;
    while (
      i + k < lines.length &&
      HEADER_CELL.test(lines[i + k]?.text.trim() ?? "") &&
      !lines[i + k]?.text.includes("\t")
    )
      k++;
    const first = lines[i + k];
    if (k < 3 || !first || !ROW_MARK.test(first.text.trim())) {
      out.push(lines[i] as T);
      continue;
    }
    out.push({
      ...(lines[i] as T),
      text: lines
        .slice(i, i + k)
        .map((l) => l.text.trim())
        .join("\t"),
    });
    let j = i + k;
    while (j < lines.length && ROW_MARK.test(lines[j]?.text.trim() ?? "")) {
      let end = j + 1;
      while (end < lines.length && !ROW_MARK.test(lines[end]?.text.trim() ?? "") && end - j <= 3 * k) end++;
      // no next row close by: the last row takes one line per column, what follows is text again
      if (end - j > 3 * k || end === lines.length) end = Math.min(j + k, lines.length);
      const cells = lines.slice(j, end).map((l) => l.text.trim());
      while (cells.length > 1 && !cells[cells.length - 1]) cells.pop();
      while (cells.length > k) cells.splice(1, 2, `${cells[1]} ${cells[2]}`.trim());
      out.push({ ...(lines[j] as T), text: cells.join("\t") });
      j = end;
    }
    i = j - 1;
  }
  return out;
}
