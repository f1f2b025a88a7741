import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The browser's own dialogs (alert, confirm, prompt) cannot be translated, styled or tested, block the
 * page, and are dismissed silently by automated browsers and some embedded ones: every question the
 * app asks goes through components/Dialogs.tsx (or a Mantine Modal of its own).
 */
const BROWSER_DIALOG =
  /(?<![\w.])(?:window\.)?(?:alert|confirm|prompt)\s*\(|window\.(?:alert|confirm|prompt)\b/;

function webSources(): string[] {
  return fs
    .readdirSync("src/web", { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join("src/web", f));
}

describe("no browser dialogs in the web", () => {
  it("the pattern catches each form and leaves look-alikes alone", () => {
    for (const bad of ['window.prompt("x")', "if (window.confirm(t('a')))", "alert(msg)", "confirm(x)"])
      expect(BROWSER_DIALOG.test(bad), bad).toBe(true);
    for (const ok of ["onConfirm(reason)", "props.confirm()", "const confirmLabel = 1", "setConfirm(true)"])
      expect(BROWSER_DIALOG.test(ok), ok).toBe(false);
  });

  it("no source of the web calls window.alert, window.confirm or window.prompt", () => {
    const found = webSources().flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        // block comments become blank lines, so line numbers stay
        .replace(/\/\*[\s\S]*?\*\//g, (c) => "\n".repeat(c.split("\n").length - 1))
        .split("\n")
        .map((line, i) => ({ where: `${file}:${i + 1}`, code: line.replace(/\/\/.*$/, "") }))
        .filter((l) => BROWSER_DIALOG.test(l.code))
        .map((l) => `${l.where}: ${l.code.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
