/**
 * Who issues a report and how its header reads: the issuer line, the body above it, the place in the
 * date line, the symbol after "BC-", the layout (State or Party) and the default signature block.
 */
import { bodySymbol, isPartyBody } from "../format.ts";
import type { ReportModel, Signature } from "../model.ts";

export interface UnitInfo {
  id: number;
  kind: string;
  full_name: string;
}

const ADMIN_KINDS = new Set(["province", "district", "city", "commune", "ward", "township"]);

/** "Xã Bình Lư" → "UBND xã Bình Lư"; a body keeps its own name. */
export function issuerName(u: UnitInfo): string {
  if (!ADMIN_KINDS.has(u.kind)) return u.full_name;
  const n = u.full_name;
  return `UBND ${n.charAt(0).toLowerCase()}${n.slice(1)}`;
}

/**
 * The issuing body's own name in its header, in full: Nghị định 30/2020 (Phụ lục I) lets only the
 * line above it (the body it answers to) shorten "Ủy ban nhân dân" to "UBND".
 */
export function officialName(u: UnitInfo): string {
  if (!ADMIN_KINDS.has(u.kind)) return u.full_name;
  const n = u.full_name;
  return `Ủy ban nhân dân ${n.charAt(0).toLowerCase()}${n.slice(1)}`;
}

function placeOf(chain: UnitInfo[]): string {
  const admin = chain.find((u) => ADMIN_KINDS.has(u.kind) && u.kind !== "province");
  return admin ? admin.full_name.replace(/^(xã|phường|thị trấn|thành phố|huyện)\s+/i, "") : "Lai Châu";
}

/**
 * Party signatures (Hướng dẫn 36-HD/VPTW): a Party committee signs for its standing committee (T/M BAN
 * THƯỜNG VỤ, K/T BÍ THƯ); its inspection commission for the commission; a ban or the office are led by
 * one head, so no T/M — K/T TRƯỞNG BAN, K/T CHÁNH VĂN PHÒNG.
 */
function partySignature(name: string): Signature {
  const deputy = (head: string, onBehalf = "") => ({
    onBehalf,
    capacity: `K/T ${head}`,
    position: `PHÓ ${head}`,
    name: "",
  });
  if (/^ủy ban kiểm tra/i.test(name)) return deputy("CHỦ NHIỆM", "T/M ỦY BAN KIỂM TRA");
  if (/^văn phòng/i.test(name)) return deputy("CHÁNH VĂN PHÒNG");
  if (/^ban (?!thường vụ|chấp hành)/i.test(name)) return deputy("TRƯỞNG BAN");
  return deputy("BÍ THƯ", "T/M BAN THƯỜNG VỤ");
}

function signatureFor(name: string, party: boolean, admin: boolean): Signature {
  if (party) return partySignature(name);
  if (admin)
    return { onBehalf: "TM. ỦY BAN NHÂN DÂN", capacity: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "" };
  const head = /^sở/i.test(name) ? "GIÁM ĐỐC" : /^phòng/i.test(name) ? "TRƯỞNG PHÒNG" : "THỦ TRƯỞNG ĐƠN VỊ";
  return { onBehalf: "", capacity: head, position: "", name: "" };
}

export type HeaderPart = Pick<
  ReportModel,
  "layout" | "parentLine" | "issuerLine" | "symbol" | "place" | "signature"
>;

/** chain: the unit itself first, then its ancestors on today's map. */
export function headerFor(chain: UnitInfo[]): HeaderPart {
  const self = chain[0] as UnitInfo;
  const name = issuerName(self);
  const party = isPartyBody(name);
  const admin = ADMIN_KINDS.has(self.kind);
  const parent = chain[1];
  let parentLine: string | null = parent ? issuerName(parent) : null;
  if (party) parentLine = /^tỉnh ủy/i.test(name) ? null : "Đảng bộ tỉnh Lai Châu";
  return {
    layout: party ? "party" : "state",
    parentLine,
    issuerLine: officialName(self),
    symbol: bodySymbol(name),
    place: placeOf(chain),
    signature: signatureFor(name, party, admin),
  };
}
