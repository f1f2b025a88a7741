import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every interface text goes through the dictionaries (i18n.vi.ts + i18n.en.ts), so the parity test
 * sees all of it and English is complete: no Vietnamese letter may stand in the web's code outside
 * them. Comments are not text; a line marked `i18n-ignore: <reason>` (or the line after such a
 * marker) is data, not interface — a document type code, an official document's own words.
 */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

/** Files still waiting for their move, each with why; an entry with nothing left fails (stale). */
const PENDING: Record<string, string> = {};

function webSources(): string[] {
  return fs
    .readdirSync("src/web", { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !/^i18n\.(vi|en)\.ts$/.test(f))
    .filter((f) => !f.startsWith(`testing${path.sep}`))
    .map((f) => path.join("src/web", f));
}

/** Lines (1-based) with Vietnamese letters outside comments and unmarked. */
function vietnameseLines(source: string): { line: number; text: string }[] {
  // block comments (JSX ones too) become blank lines, so line numbers stay
  const noBlocks = source.replace(
    /\/\*[\s\S]*?\*\//g,
    (c) => (c.includes("i18n-ignore") ? "i18n-ignore" : "") + "\n".repeat(c.split("\n").length - 1),
  );
  const lines = noBlocks.split("\n");
  const out: { line: number; text: string }[] = [];
  lines.forEach((raw, i) => {
    const marked = raw.includes("i18n-ignore") || (lines[i - 1] ?? "").includes("i18n-ignore");
    const code = raw.replace(/(^|[^:\\])\/\/.*$/, "$1");
    if (!marked && VIETNAMESE.test(code)) out.push({ line: i + 1, text: code.trim() });
  });
  return out;
}

describe("interface text only through the dictionaries", () => {
  it("finds Vietnamese text in code, not in comments or marked data (the scanner itself)", () => {
    expect(vietnameseLines('const a = "Hạn";')).toHaveLength(1);
    expect(vietnameseLines("<Text>Kính gửi</Text>")).toHaveLength(1);
    expect(vietnameseLines("// Hạn hoàn thành\nconst a = 1;")).toEqual([]);
    expect(vietnameseLines("/* Hạn\n hoàn thành */\nconst b = 'x';")).toEqual([]);
    expect(vietnameseLines('const url = "http://x"; // Hạn')).toEqual([]);
    expect(vietnameseLines("{/* i18n-ignore: document words */}\nBÁO CÁO\nKính gửi")).toEqual([
      { line: 3, text: "Kính gửi" },
    ]);
    expect(vietnameseLines('data={["QĐ"]} // i18n-ignore: codes')).toEqual([]);
  });

  it("no web source holds Vietnamese interface text outside the dictionaries", () => {
    const files = webSources();
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) =>
      PENDING[f] ? [] : vietnameseLines(fs.readFileSync(f, "utf8")).map((l) => `${f}:${l.line} ${l.text}`),
    );
    expect(found).toEqual([]);
  });

  it("every pending file still has something to move (else drop it from the list)", () => {
    for (const f of Object.keys(PENDING))
      expect(vietnameseLines(fs.readFileSync(f, "utf8")).length, f).toBeGreaterThan(0);
  });
});
