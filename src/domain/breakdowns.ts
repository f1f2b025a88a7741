/**
 * Breakdowns (phân tổ) of a figure, as education statistics report them: "trong đó: nữ", "trong đó:
 * dân tộc thiểu số" are parts of the whole that need not add up to it; the education levels split
 * the whole into parts that do. A value with category '' is the whole figure. Each breakdown option is
 * entered, checked and summed up the map on its own, so a rate can be read for girls or for ethnic
 * minority children exactly as for everyone. Pure.
 */
export const BREAKDOWNS = ["education_level", "sex", "ethnic_minority"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface CategoryOption {
  code: string;
  breakdown: Breakdown;
  /** Short label ("Nữ"); the form shows "Trong đó: nữ" for an "of which" part. */
  label: string;
  labelEn: string;
  /** "of_which": a subset of the whole; "part": one of parts that together make the whole. */
  kind: "of_which" | "part";
}

export const CATEGORY_OPTIONS: CategoryOption[] = [
  { code: "sex.female", breakdown: "sex", label: "Nữ", labelEn: "Female", kind: "of_which" },
  {
    code: "ethnic.minority",
    breakdown: "ethnic_minority",
    label: "Dân tộc thiểu số",
    labelEn: "Ethnic minority",
    kind: "of_which",
  },
  {
    code: "level.preschool",
    breakdown: "education_level",
    label: "Mầm non",
    labelEn: "Preschool",
    kind: "part",
  },
  {
    code: "level.primary",
    breakdown: "education_level",
    label: "Tiểu học",
    labelEn: "Primary",
    kind: "part",
  },
  {
    code: "level.lower_secondary",
    breakdown: "education_level",
    label: "THCS",
    labelEn: "Lower secondary",
    kind: "part",
  },
  {
    code: "level.upper_secondary",
    breakdown: "education_level",
    label: "THPT",
    labelEn: "Upper secondary",
    kind: "part",
  },
];

export const breakdownLabel: Record<Breakdown, string> = {
  education_level: "Cấp học",
  sex: "Giới tính",
  ethnic_minority: "Dân tộc thiểu số",
};

const byCode = new Map(CATEGORY_OPTIONS.map((o) => [o.code, o]));

export function categoryOption(code: string): CategoryOption | undefined {
  return byCode.get(code);
}

/** The options of the given breakdowns, in catalog order. */
export function optionsOf(breakdowns: readonly string[]): CategoryOption[] {
  return CATEGORY_OPTIONS.filter((o) => breakdowns.includes(o.breakdown));
}

/** The breakdowns stored on an indicator (jsonb), kept to the known ones. */
export function breakdownsOf(raw: unknown): Breakdown[] {
  return Array.isArray(raw) ? BREAKDOWNS.filter((b) => raw.includes(b)) : [];
}

/** How the form and the checks name a field: "Số trẻ …" or "Số trẻ … — trong đó: nữ". */
export function fieldName(elementName: string, category: string): string {
  const o = categoryOption(category);
  if (!o) return elementName;
  return o.kind === "of_which"
    ? `${elementName} — trong đó: ${o.label.charAt(0).toLowerCase()}${o.label.slice(1)}`
    : `${elementName} — ${o.label}`;
}

/** One key per form field: the element id, with the category after a slash when there is one. */
export function fieldKey(elementId: number, category = ""): string {
  return category ? `${elementId}/${category}` : String(elementId);
}

/** Categories in catalog order. */
export function sortCategories(codes: readonly string[]): string[] {
  return CATEGORY_OPTIONS.map((o) => o.code).filter((c) => codes.includes(c));
}
