/**
 * Checks a generated DOCX with real clients: LibreOffice converts it to PDF, poppler reads the PDF back.
 * Used by the report tests (skipped with a visible message when LibreOffice is absent; failing under CI).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function officeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
    execFileSync("pdfinfo", ["-v"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/** LibreOffice Calc (libreoffice-calc-nogui) is needed to open XLSX; Writer alone cannot. */
export function calcAvailable(): boolean {
  return fs.existsSync("/usr/lib/libreoffice/program/libsclo.so");
}

/** Converts files with one LibreOffice run (its own profile, so parallel runs do not collide). */
export function convertAll(files: string[], outDir: string, to: "pdf" | "ods" = "pdf"): void {
  const profile = fs.mkdtempSync(path.join(outDir, "lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 240_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export interface PageBox {
  page: number;
  width: number;
  height: number;
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}

/** Every page's size and words with their boxes (pdftotext -bbox-layout). */
export function pagesOf(pdf: string): PageBox[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: PageBox[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(pageRe)) {
    const words = [...(m[3] ?? "").matchAll(wordRe)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decode(w[5] ?? ""),
    }));
    pages.push({ page: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Font names and whether each is embedded (pdffonts). */
export function fontsOf(pdf: string): { name: string; embedded: boolean }[] {
  const out = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type encoding emb sub uni object ID — the type may be two words ("CID TrueType")
      const embIdx = cols.length - 5;
      return { name: cols[0] as string, embedded: cols[embIdx] === "yes" };
    });
}

export function pngsOf(pdf: string, outPrefix: string, pages: number): void {
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", String(pages), pdf, outPrefix], {
    stdio: "pipe",
  });
}

export const PT_PER_MM = 72 / 25.4;
