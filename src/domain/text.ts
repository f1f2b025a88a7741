/**
 * Vietnamese text rules: NFC, a tone-placement-insensitive key and an unaccented key.
 * "hoà" and "hòa", "uỷ" and "ủy" share a tone key; "Nậm Cuối" and "Nậm Cuổi" share only the unaccented key.
 */

/** The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

export function nfc(s: string): string {
  return s.normalize("NFC");
}

// a run of white space, or one white-space character that is not a plain space: what becomes " "
const SPACES = /\s{2,}|[^\S ]/g;

function collapse(s: string): string {
  return s.replace(SPACES, " ").trim();
}

/**
 * Lower-case key in which each word's tone mark is moved to the end of the word, so the same syllable
 * written with old-style or new-style tone placement gives the same key.
 */
export function toneKey(s: string): string {
  const words = collapse(s.normalize("NFD").toLowerCase()).split(" ");
  return words
    .map((w) => {
      const tones = w.match(TONE_MARKS) ?? [];
      return w.replace(TONE_MARKS, "") + tones.join("");
    })
    .join(" ")
    .normalize("NFC");
}

/** Lower-case key without any diacritics (đ → d). */
export function asciiKey(s: string): string {
  return collapse(s.normalize("NFD").replace(ALL_MARKS, "").toLowerCase().replace(/đ/g, "d"));
}

export type NameMatch = "exact" | "tone_placement" | "no_diacritics";

/** How a query matches a name (substring match), or null. The most faithful match wins. */
export function matchName(name: string, query: string): NameMatch | null {
  const q = collapse(nfc(query).toLowerCase());
  if (q === "") return null;
  if (collapse(nfc(name).toLowerCase()).includes(q)) return "exact";
  if (toneKey(name).includes(toneKey(query))) return "tone_placement";
  if (asciiKey(name).includes(asciiKey(query))) return "no_diacritics";
  return null;
}

const collator = new Intl.Collator("vi");
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
