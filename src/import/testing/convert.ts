import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { joinCell, stripHtml } from "../lines.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Is LibreOffice here? Absent: tests that need it are skipped with a message, except under CI. */
export function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    if (process.env.CI) throw new Error("CI: LibreOffice (soffice) phải có để kiểm thử DOCX/PDF.");
    console.warn("[bỏ qua] Không có LibreOffice (soffice): các kiểm thử chuyển sang DOCX/PDF bị bỏ qua.");
    return false;
  }
}

/**
 * A plan in the project's text shape → HTML with real tables: each run of tab-separated lines becomes a
 * <table>; a row cut by a page break in the text (blank line, then a row without a number) is put back
 * into its row, as it is in the drafting office's Word file; HTML left in a cell becomes its paragraphs.
 */
export function planTextToHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const body: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const tr = rows.map(
      (r, i) =>
        `<tr>${Array.from({ length: width }, (_, c) => {
          const tag = i === 0 ? "th" : "td";
          const paras = (r[c] ?? "").split("\n").map((t) => `<p>${esc(t)}</p>`);
          return `<${tag}>${paras.join("")}</${tag}>`;
        }).join("")}</tr>`,
    );
    body.push(`<table border="1" cellspacing="0" cellpadding="3" width="100%">${tr.join("\n")}</table>`);
    rows = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.includes("\t")) {
      const cells = line.split("\t").map((c) => stripHtml(c).text.trim());
      const last = rows[rows.length - 1];
      const afterBreak = i > 0 && !(lines[i - 1] as string).trim();
      if (last && !cells[0] && afterBreak) {
        cells.forEach((c, k) => {
          last[k] = joinCell(last[k] ?? "", c);
        });
      } else rows.push(cells);
      continue;
    }
    if (!line.trim() && rows.length > 0 && (lines[i + 1] ?? "").includes("\t")) continue;
    flush();
    if (line.trim()) body.push(`<p>${esc(line.replace(/\*\*/g, ""))}</p>`);
  }
  flush();
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:'Liberation Serif';font-size:13pt}</style></head><body>\n${body.join("\n")}\n</body></html>`;
}

const CACHE = path.join(os.tmpdir(), "lotrinh-soffice-cache");

export interface ConversionSource {
  data: string | Buffer;
  /** The source's extension: "html", "txt", "docx". */
  ext: string;
}

const cacheName = (s: ConversionSource, to: string) =>
  `${createHash("sha256").update(s.data).update(`${s.ext}->${to}`).digest("hex").slice(0, 24)}.${to}`;

/**
 * Converts files with LibreOffice (`soffice --headless --convert-to`), one run per source type for all
 * the files not yet converted, cached by content so a second test run costs nothing.
 */
export function convertAll(sources: ConversionSource[], to: "docx" | "pdf"): Buffer[] {
  fs.mkdirSync(CACHE, { recursive: true });
  const missing = sources.filter((s) => !fs.existsSync(path.join(CACHE, cacheName(s, to))));
  for (const ext of new Set(missing.map((s) => s.ext))) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-soffice-"));
    try {
      const files = missing
        .filter((s) => s.ext === ext)
        .map((s) => {
          const name = cacheName(s, to).replace(/\.\w+$/, `.${ext}`);
          fs.writeFileSync(path.join(work, name), s.data);
          return name;
        });
      const filter = to === "docx" ? "docx:MS Word 2007 XML" : "pdf:writer_pdf_Export";
      const args = ["--headless", `-env:UserInstallation=file://${path.join(work, "profile")}`];
      if (ext === "html") args.push("--infilter=HTML (StarWriter)");
      if (ext === "txt") args.push("--infilter=Text (encoded):UTF8,LF,Liberation Mono,vi");
      execFileSync("soffice", [...args, "--convert-to", filter, "--outdir", work, ...files], {
        cwd: work,
        stdio: "ignore",
        timeout: 600_000,
      });
      for (const f of files) {
        const out = f.replace(/\.\w+$/, `.${to}`);
        fs.copyFileSync(path.join(work, out), path.join(CACHE, out));
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return sources.map((s) => fs.readFileSync(path.join(CACHE, cacheName(s, to))));
}
