import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./i18n.en.ts";
import { vi } from "./i18n.vi.ts";

describe("interface text", () => {
  it("is stored in NFC, so Vietnamese letters compare and search as typed", () => {
    const notNfc = Object.entries({ ...vi }).filter(([, text]) => text !== text.normalize("NFC"));
    expect(notNfc).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => text !== text.normalize("NFC"))).toEqual([]);
  });
  it("has every Vietnamese text in English too, and no English one left empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.entries(en).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it("every source file, messages included, is in NFC", () => {
    const files = fs
      .readdirSync("src", { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|tsx|json|html)$/.test(f))
      .map((f) => path.join("src", f));
    expect(files.length).toBeGreaterThan(100);
    const bad = files.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return text !== text.normalize("NFC");
    });
    expect(bad).toEqual([]);
  });
});
