import { memoByString } from "../domain/memo.ts";
import { asciiKey, type NameMatch, toneKey } from "../domain/text.ts";
import type { BodyMention } from "./draft.ts";

/** Words that start the name of a body; a comma before any other word does not start a new body. */
const HEADS = [
  "phòng",
  "sở",
  "ban",
  "ubnd",
  "ủy ban",
  "uỷ ban",
  "trung tâm",
  "công an",
  "đảng ủy",
  "đảng uỷ",
  "văn phòng",
  "hội đồng",
  "hđnd",
  "trường",
  "trưởng",
  "chi cục",
  "mặt trận",
  "đoàn",
  "hội",
  "thành ủy",
  "tỉnh ủy",
  "bộ",
  "các",
  "cơ quan",
  "đơn vị",
  "ủy ban kiểm tra",
  "bảo hiểm",
  "kho bạc",
  "thanh tra",
  "đảng đoàn",
  "tổng cục",
  "cục",
  "viện",
  "tòa án",
  "toà án",
  "đài",
  "thông tấn",
  "thủ trưởng",
  "giám đốc",
  "chủ tịch",
  "thuế",
  "bộ chỉ huy",
  "ngân hàng",
  "liên đoàn",
  "học viện",
];

export function startsWithHead(s: string): boolean {
  const k = s.toLowerCase();
  return HEADS.some((h) => k === h || k.startsWith(`${h} `));
}

// a plan names the same few bodies in every row: their keys are folded once
const nameKey = memoByString(asciiKey);

function isPlural(s: string): boolean {
  const k = nameKey(s);
  return /(^|\s)cac\s/.test(k) || /lien quan$/.test(k) || /^(cac|moi)\b/.test(k);
}

/**
 * Splits a lead or coordinating cell into bodies: "Phòng Giáo dục và Đào tạo, UBND các xã, phường" is
 * two bodies; "UBND các xã, phường" and "Các cơ quan, đơn vị liên quan" stay whole (sets of bodies);
 * "Trung tâm Văn hoá, Thể thao và Truyền thông" stays whole (the comma is inside the name).
 */
export function splitBodies(cell: string): string[] {
  return [...splitOnce(cell)]; // a copy: callers may change their list
}

// the same lead and coordinating cells come back row after row
const splitOnce = memoByString((cell: string): readonly string[] => {
  const text = cell
    .replace(/\s+/g, " ")
    // "Lãnh đạo Sở Công Thương", "Giám đốc Sở …", "Chủ tịch UBND xã …" answer for the body they lead
    .replace(/(^|[;,]\s*)(?:Lãnh đạo|Giám đốc|Chủ tịch)\s+(?=(\S.*))/gu, (m, pre: string, rest: string) =>
      startsWithHead(rest) ? pre : m,
    )
    .replace(/(?<!Văn phòng|Chủ tịch|Thường trực|Phó Chủ tịch)(?<=\S)\s+(?=UBND\s)/gu, "; ")
    // "X và các cơ quan …" is two bodies; "Phòng Đoàn thể và các hội" is one name
    .replace(/(?<!Đoàn thể|đoàn thể)\s+và\s+(?=các\s)/gu, "; ")
    .trim();
  const out: string[] = [];
  for (const hard of text.split(/\s*;\s*/)) {
    const group: string[] = [];
    for (const raw of hard.split(/\s*,\s*/)) {
      const frag = raw.trim().replace(/\.$/, "");
      if (!frag) continue;
      const prev = group[group.length - 1];
      const lower = /^[a-zà-ỹđ]/u.test(frag);
      const merge =
        prev !== undefined &&
        ((isPlural(prev) && lower) || !startsWithHead(frag) || /^(?:xã|phường)\b/iu.test(frag));
      if (merge) group[group.length - 1] = `${prev}, ${frag}`;
      else group.push(frag);
    }
    out.push(...group);
  }
  return out.filter((b) => b.length > 1);
});

/**
 * One key for the variants of one body's name: dash kinds and the spaces around them, case, runs of
 * spaces and tone placement ("Phòng Văn hoá – Xã hội", "phòng văn hóa-xã hội").
 */
export const bodyKey = memoByString((name: string): string =>
  toneKey(
    name
      .replace(/\s*[-–—]\s*/g, " - ")
      .replace(/\s+/g, " ")
      .trim(),
  ),
);

export const setKindOf = memoByString((text: string): BodyMention["setKind"] => {
  if (!isPlural(text)) return null;
  const k = nameKey(text);
  if (/\b(xa|phuong)\b/.test(k) && /ubnd|uy ban/.test(k)) return "communes";
  if (/truong( hoc)?\b/.test(k) && !/truong cac ban/.test(k)) return "schools";
  if (/truong cac ban|cac ban\b|thon/.test(k)) return "villages";
  if (/lien quan/.test(k)) return "related";
  return "other";
});

export interface UnitCandidate {
  id: number | null;
  name: string;
  names: string[];
  validFrom: string | null;
  validTo: string | null;
}

interface Index {
  tone: Map<string, UnitCandidate[]>;
  ascii: Map<string, UnitCandidate[]>;
}

/**
 * The index of the known bodies, built once per list: keys are built from every name (NFD, tone and
 * diacritic folding), which costs far more than a parse's own lookups. The cache is keyed by the list's
 * content (ids, names, validity), so a list re-read from the database hits it and any change to a body
 * — even made in place on the same array — builds a new index. A few lists are kept (tests, what-ifs).
 */
const indexCache = new Map<string, Index>();
const INDEX_CACHE_SIZE = 4;

function fingerprint(candidates: UnitCandidate[]): string {
  return candidates
    .map((c) => `${c.id}\u0001${c.name}\u0001${c.validFrom}\u0001${c.validTo}\u0001${c.names.join("\u0002")}`)
    .join("\u0003");
}

export function indexCandidates(candidates: UnitCandidate[]): Index {
  const key = fingerprint(candidates);
  const hit = indexCache.get(key);
  if (hit) {
    indexCache.delete(key); // most recently used last
    indexCache.set(key, hit);
    return hit;
  }
  const index = buildIndex(candidates);
  indexCache.set(key, index);
  if (indexCache.size > INDEX_CACHE_SIZE) indexCache.delete(indexCache.keys().next().value as string);
  return index;
}

function buildIndex(candidates: UnitCandidate[]): Index {
  const tone = new Map<string, UnitCandidate[]>();
  const ascii = new Map<string, UnitCandidate[]>();
  const add = (m: Map<string, UnitCandidate[]>, k: string, c: UnitCandidate) => {
    const list = m.get(k) ?? [];
    if (!list.includes(c)) list.push(c);
    m.set(k, list);
  };
  for (const c of candidates) {
    for (const n of c.names) {
      add(tone, bodyKey(n), c);
      add(ascii, asciiKey(n), c);
    }
  }
  return { tone, ascii };
}

function pick(list: UnitCandidate[] | undefined, asOf: string | null): UnitCandidate | undefined {
  if (!list || list.length === 0) return undefined;
  if (asOf) {
    const valid = list.find((c) => (!c.validFrom || c.validFrom <= asOf) && (!c.validTo || asOf < c.validTo));
    if (valid) return valid;
  }
  return list.find((c) => !c.validTo) ?? list[0];
}

/** Resolves one body name: exact (ignoring case), then tone placement, then without diacritics. */
export function resolveBody(text: string, index: Index, asOf: string | null): BodyMention {
  const plural = isPlural(text);
  const setKind = setKindOf(text);
  if (plural) return { text, plural, setKind, unit: null };
  const variants = [text, text.replace(/\s+(?:thành phố|tỉnh|xã)$/iu, "")];
  for (const v of variants) {
    const byTone = pick(index.tone.get(bodyKey(v)), asOf);
    if (byTone) {
      const exact = byTone.names.some((n) => n.toLowerCase() === v.toLowerCase());
      const match: NameMatch = exact ? "exact" : "tone_placement";
      return { text, plural, setKind, unit: { id: byTone.id, name: byTone.name, match } };
    }
  }
  for (const v of variants) {
    const byAscii = pick(index.ascii.get(asciiKey(v)), asOf);
    if (byAscii)
      return { text, plural, setKind, unit: { id: byAscii.id, name: byAscii.name, match: "no_diacritics" } };
  }
  return { text, plural, setKind, unit: null };
}
