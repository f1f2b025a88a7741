/**
 * Which education levels (cấp học) a data element is about and which a school teaches, so that a form
 * asks a unit only for what applies to it: a lower-secondary school is not asked for preschool or
 * upper-secondary figures; a commune, which answers for every level on its territory, is asked for all
 * of them. The same rule decides the form, the XLSX template and what every way in accepts. Pure.
 */
import { asciiKey } from "./text.ts";

export const EDUCATION_LEVELS = ["preschool", "primary", "lower_secondary", "upper_secondary"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A form's sections, in the order the form shows them. "secondary" holds THCS and THPT together. */
export const FORM_SECTIONS = [
  "general",
  "preschool",
  "primary",
  "lower_secondary",
  "upper_secondary",
  "secondary",
] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

/**
 * The levels a text names, read the way the catalog and school names write them ("mầm non", "mẫu
 * giáo", "nhà trẻ"; "tiểu học", "lớp 1", "lớp 5"; "THCS", "trung học cơ sở"; "THPT", "trung học phổ
 * thông"; "trung học" alone is both secondary levels). None named: an empty list.
 */
export function educationLevelsIn(text: string): EducationLevel[] {
  const words = asciiKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const has = (...phrase: string[]) => words.some((_, i) => phrase.every((w, j) => words[i + j] === w));
  const found = new Set<EducationLevel>();
  if (has("mam", "non") || has("mau", "giao") || has("nha", "tre") || has("mn")) found.add("preschool");
  if (has("tieu", "hoc") || has("th") || /\blop [1-5]\b/.test(words.join(" "))) found.add("primary");
  if (has("thcs") || has("trung", "hoc", "co", "so")) found.add("lower_secondary");
  if (has("thpt") || has("trung", "hoc", "pho", "thong")) found.add("upper_secondary");
  // "trung học" alone (schools meeting the standard, "trường trung học") is both secondary levels
  const alone = words.some(
    (w, i) => w === "trung" && words[i + 1] === "hoc" && !["co", "pho"].includes(words[i + 2] ?? ""),
  );
  if (alone) {
    found.add("lower_secondary");
    found.add("upper_secondary");
  }
  return EDUCATION_LEVELS.filter((l) => found.has(l));
}

/** Stored levels (jsonb) kept to the known ones, in order; anything else is "no level". */
export function educationLevelsOf(raw: unknown): EducationLevel[] {
  return Array.isArray(raw) ? EDUCATION_LEVELS.filter((l) => raw.includes(l)) : [];
}

/**
 * Whether a data element belongs on a unit's form. `element.levels` empty: about no particular level
 * (population, literacy, classrooms), asked of every unit that enters at its level. A school whose
 * levels are unknown (none stated, none in its name) is asked for everything rather than nothing.
 */
export function elementApplies(
  elementLevels: readonly EducationLevel[],
  unit: { entersAs: "commune" | "school"; levels: readonly EducationLevel[] },
): boolean {
  if (unit.entersAs === "commune" || elementLevels.length === 0 || unit.levels.length === 0) return true;
  return elementLevels.some((l) => unit.levels.includes(l));
}

/** The levels a unit teaches: as stored, else read from its name (schools only). */
export function unitEducationLevels(unit: { kind: string; name: string; levels: unknown }): EducationLevel[] {
  if (unit.kind !== "school") return [];
  const stored = educationLevelsOf(unit.levels);
  return stored.length > 0 ? stored : educationLevelsIn(unit.name);
}

/** The section an element's fields appear in. */
export function sectionOf(levels: readonly EducationLevel[]): FormSection {
  if (levels.length === 1) return levels[0] as EducationLevel;
  if (levels.length === 2 && levels.includes("lower_secondary") && levels.includes("upper_secondary"))
    return "secondary";
  return "general";
}

/**
 * The catalog's default for an element: the levels its own name states, else those the indicators
 * using it state ("Số trẻ 6 tuổi" is about primary school because its rate is "… vào lớp 1").
 */
export function defaultElementLevels(
  elementName: string,
  indicatorNames: readonly string[],
): EducationLevel[] {
  const own = educationLevelsIn(elementName);
  if (own.length > 0) return own;
  const found = new Set(indicatorNames.flatMap((n) => educationLevelsIn(n)));
  return EDUCATION_LEVELS.filter((l) => found.has(l));
}

const LEVEL_NAME: Record<EducationLevel, string> = {
  preschool: "mầm non",
  primary: "tiểu học",
  lower_secondary: "THCS",
  upper_secondary: "THPT",
};

const ENTRY_NAME = { commune: "xã, phường", school: "trường học" } as const;

/**
 * Why an element is not on a unit's form, in the words a row's refusal gives: it is entered by units of
 * another kind, or it is about levels the school does not teach. Null when it does apply.
 */
export function notApplicableReason(
  element: { name: string; levels: readonly EducationLevel[]; enteredBy: readonly ("commune" | "school")[] },
  unit: { name: string; entersAs: "commune" | "school"; levels: readonly EducationLevel[] },
): string | null {
  if (!element.enteredBy.includes(unit.entersAs)) {
    const by = element.enteredBy.map((k) => ENTRY_NAME[k]).join(", ") || "không đơn vị nào";
    return `«${element.name}» không áp dụng cho ${unit.name}: chỉ số này do ${by} nhập`;
  }
  if (elementApplies(element.levels, unit)) return null;
  const about = element.levels.map((l) => LEVEL_NAME[l]).join(", ");
  const teaches = unit.levels.map((l) => LEVEL_NAME[l]).join(", ");
  return `«${element.name}» không áp dụng cho ${unit.name}: chỉ số cấp ${about}, trường dạy cấp ${teaches}`;
}

/** A section's heading in generated files (the web names them through its dictionaries). */
export const SECTION_TITLE: Record<FormSection, string> = {
  general: "Chung",
  preschool: "Giáo dục mầm non",
  primary: "Giáo dục tiểu học",
  lower_secondary: "Trung học cơ sở",
  upper_secondary: "Trung học phổ thông",
  secondary: "Trung học (cơ sở và phổ thông)",
};

/**
 * A set of levels as a small number (bit i = EDUCATION_LEVELS[i]), so counts can be kept per kind of
 * school (16 at most) and the rule above applied to each kind rather than to each school.
 */
export function levelsMask(levels: readonly EducationLevel[]): number {
  return EDUCATION_LEVELS.reduce((m, l, i) => (levels.includes(l) ? m | (1 << i) : m), 0);
}

export function levelsOfMask(mask: number): EducationLevel[] {
  return EDUCATION_LEVELS.filter((_, i) => (mask & (1 << i)) !== 0);
}
