import { SaxesParser } from "saxes";

interface Level {
  format: string;
  text: string;
  start: number;
}

/** word/numbering.xml: the levels of each list (number format, label template, start value). */
export interface Numbering {
  levels: Map<string, Map<number, Level>>;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz";
  const i = (n - 1) % 26;
  return (alphabet[i] as string).repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(format: string, n: number): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return toRoman(n).toLowerCase();
    case "upperRoman":
      return toRoman(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

/** Reads numbering.xml: numId → (ilvl → level), following each num's abstract definition. */
export function readNumbering(xml: string | null): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const numToAbstract = new Map<string, string>();
  const levels = new Map<string, Map<number, Level>>();
  if (!xml) return { levels };
  const parser = new SaxesParser();
  let currentAbstract: Map<number, Level> | null = null;
  let currentLevel: Level | null = null;
  let currentNum: string | null = null;
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case "w:abstractNum":
        currentAbstract = new Map();
        abstract.set(a["w:abstractNumId"] ?? "", currentAbstract);
        break;
      case "w:lvl":
        currentLevel = { format: "decimal", text: "%1.", start: 1 };
        currentAbstract?.set(Number(a["w:ilvl"] ?? 0), currentLevel);
        break;
      case "w:numFmt":
        if (currentLevel) currentLevel.format = a["w:val"] ?? "decimal";
        break;
      case "w:lvlText":
        if (currentLevel) currentLevel.text = a["w:val"] ?? "";
        break;
      case "w:start":
        if (currentLevel) currentLevel.start = Number(a["w:val"] ?? 1);
        break;
      case "w:num":
        currentNum = a["w:numId"] ?? null;
        break;
      case "w:abstractNumId":
        if (currentNum) numToAbstract.set(currentNum, a["w:val"] ?? "");
        break;
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:lvl") currentLevel = null;
    if (tag.name === "w:abstractNum") currentAbstract = null;
    if (tag.name === "w:num") currentNum = null;
  });
  parser.write(xml).close();
  for (const [num, abs] of numToAbstract) {
    const lv = abstract.get(abs);
    if (lv) levels.set(num, lv);
  }
  return { levels };
}

/** Keeps the counters of every list as paragraphs go by and renders each item's label. */
export class ListCounter {
  private counters = new Map<string, number[]>();
  constructor(private numbering: Numbering) {}

  /** The label of the next item of list numId at level ilvl: "1.", "a)", "(3)" or "-" for a bullet. */
  next(numId: string, ilvl: number): string {
    const defs = this.numbering.levels.get(numId);
    const level = defs?.get(ilvl);
    if (!defs || !level) return "-";
    if (level.format === "bullet" || level.format === "none") return level.format === "none" ? "" : "-";
    const counts = this.counters.get(numId) ?? [];
    for (let i = 0; i < ilvl; i++) if (counts[i] === undefined) counts[i] = defs.get(i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : (counts[ilvl] as number) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_m, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(defs.get(i)?.format ?? "decimal", counts[i] ?? 1);
    });
  }
}
