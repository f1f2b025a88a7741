import { describe, expect, it } from "vitest";
import { inWindow, parsePeriodCode, reportWindow, standsOn } from "../domain/reportWindows.ts";
import {
  bodySymbol,
  isPartyBody,
  partyNumberLine,
  placeDateLine,
  stateNumberLine,
  vnNumber,
  vnPercent,
} from "./format.ts";
import { planName } from "./kinds/bodyReport.ts";
import { headerFor } from "./kinds/issuer.ts";

describe("official formats (ND 30/2020)", () => {
  it("place-date line: leading zero for days under 10 and months 1–2 only", () => {
    expect(placeDateLine("Lai Châu", "2026-03-05", 2026)).toBe("Lai Châu, ngày 05 tháng 3 năm 2026");
    expect(placeDateLine("Lai Châu", "2026-02-10", 2026)).toBe("Lai Châu, ngày 10 tháng 02 năm 2026");
    expect(placeDateLine("Lai Châu", "2026-01-09", 2026)).toBe("Lai Châu, ngày 09 tháng 01 năm 2026");
    expect(placeDateLine("Bình Lư", "2026-12-31", 2026)).toBe("Bình Lư, ngày 31 tháng 12 năm 2026");
    expect(placeDateLine("Bình Lư", "2026-10-01", 2026)).toBe("Bình Lư, ngày 01 tháng 10 năm 2026");
    expect(placeDateLine("Lai Châu", null, 2026)).toBe("Lai Châu, ngày      tháng      năm 2026");
  });

  it("number lines: leading zero under 10, blank for the register; Party without a colon", () => {
    expect(stateNumberLine(5, "UBND")).toBe("Số: 05/BC-UBND");
    expect(stateNumberLine(9, "UBND")).toBe("Số: 09/BC-UBND");
    expect(stateNumberLine(10, "UBND")).toBe("Số: 10/BC-UBND");
    expect(stateNumberLine(null, "UBND")).toBe("Số:      /BC-UBND");
    expect(partyNumberLine(12, "ĐU")).toBe("Số 12-BC/ĐU");
    expect(partyNumberLine(3, "ĐU")).toBe("Số 03-BC/ĐU");
    expect(partyNumberLine(null, "TU")).toBe("Số      -BC/TU");
  });

  it("numbers in Vietnamese form", () => {
    expect(vnNumber(1234.5)).toBe("1.234,5");
    expect(vnNumber(0)).toBe("0");
    expect(vnNumber(null)).toBe("");
    expect(vnPercent(0.875)).toBe("87,5 %");
    expect(vnPercent(null)).toBe("");
  });

  it("symbols and layouts of the issuers", () => {
    expect(bodySymbol("UBND xã Bình Lư")).toBe("UBND");
    expect(bodySymbol("Sở Giáo dục và Đào tạo")).toBe("SGDĐT");
    expect(bodySymbol("Đảng ủy xã Bình Lư")).toBe("ĐU");
    expect(bodySymbol("Tỉnh ủy Lai Châu")).toBe("TU");
    expect(isPartyBody("Đảng ủy xã Bình Lư")).toBe(true);
    expect(isPartyBody("Ban Tuyên giáo và Dân vận Tỉnh ủy")).toBe(true);
    expect(isPartyBody("UBND xã Bình Lư")).toBe(false);
    expect(isPartyBody("Sở Giáo dục và Đào tạo")).toBe(false);
    const commune = headerFor([
      { id: 2, kind: "commune", full_name: "Xã Bình Lư" },
      { id: 1, kind: "province", full_name: "Tỉnh Lai Châu" },
    ]);
    expect(commune).toMatchObject({
      layout: "state",
      // the issuing body in full; only the line above it may say "UBND" (NĐ 30/2020, Phụ lục I)
      issuerLine: "Ủy ban nhân dân xã Bình Lư",
      parentLine: "UBND tỉnh Lai Châu",
      place: "Bình Lư",
      symbol: "UBND",
    });
    expect(commune.signature.onBehalf).toBe("TM. ỦY BAN NHÂN DÂN");
    const party = headerFor([
      { id: 3, kind: "body", full_name: "Đảng ủy xã Bình Lư" },
      { id: 2, kind: "commune", full_name: "Xã Bình Lư" },
    ]);
    expect(party).toMatchObject({ layout: "party", symbol: "ĐU", parentLine: "Đảng bộ tỉnh Lai Châu" });
    expect(party.signature).toMatchObject({
      onBehalf: "T/M BAN THƯỜNG VỤ",
      capacity: "K/T BÍ THƯ",
      position: "PHÓ BÍ THƯ",
    });
    expect(headerFor([{ id: 1, kind: "province", full_name: "Tỉnh Lai Châu" }]).issuerLine).toBe(
      "Ủy ban nhân dân tỉnh Lai Châu",
    );
  });

  it("a Party ban, the office and the inspection commission sign as themselves, not for the standing committee", () => {
    const sign = (full_name: string) =>
      headerFor([
        { id: 9, kind: "body", full_name },
        { id: 8, kind: "body", full_name: "Đảng ủy UBND tỉnh" },
      ]).signature;
    expect(sign("Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh")).toMatchObject({
      onBehalf: "",
      capacity: "K/T TRƯỞNG BAN",
      position: "PHÓ TRƯỞNG BAN",
    });
    expect(sign("Văn phòng Đảng ủy UBND tỉnh")).toMatchObject({
      onBehalf: "",
      capacity: "K/T CHÁNH VĂN PHÒNG",
    });
    expect(sign("Ủy ban Kiểm tra Đảng ủy UBND tỉnh")).toMatchObject({
      onBehalf: "T/M ỦY BAN KIỂM TRA",
      capacity: "K/T CHỦ NHIỆM",
    });
    expect(sign("Ban Thường vụ Đảng ủy xã Bình Lư").onBehalf).toBe("T/M BAN THƯỜNG VỤ");
  });
});

describe("the plan named in a report's text", () => {
  it("by its number, else by its issuer, without the app's own note", () => {
    expect(planName({ id: 1, number: "47-KH/ĐU", title: null, issuer: null })).toBe("Kế hoạch số 47-KH/ĐU");
    expect(planName({ id: 2, number: null, title: null, issuer: "UBND xã Bình Lư" })).toBe(
      "Kế hoạch của UBND xã Bình Lư",
    );
  });
});

describe("report windows (DOMAIN §5)", () => {
  it("6-month: 15/12 of the previous year to 14/6; annual to 14/12", () => {
    expect(reportWindow("six_month", 2026)).toEqual({ from: "2025-12-15", to: "2026-06-14" });
    expect(reportWindow("annual", 2026)).toEqual({ from: "2025-12-15", to: "2026-12-14" });
  });
  it("figures stand on the window's end, or today while it is open", () => {
    const w = reportWindow("six_month", 2026);
    expect(standsOn(w, "2026-07-01")).toBe("2026-06-14");
    expect(standsOn(w, "2026-06-13")).toBe("2026-06-13");
  });
  it("period codes", () => {
    expect(parsePeriodCode("2026-6T")).toEqual({ period: "six_month", year: 2026 });
    expect(parsePeriodCode("2026")).toEqual({ period: "annual", year: 2026 });
    expect(parsePeriodCode("26")).toBeNull();
    expect(parsePeriodCode("2026-Q3")).toBeNull();
  });
});

describe("what a periodic report covers", () => {
  const w = reportWindow("six_month", 2026);
  const item = (due: string | null, state = "in_progress", completedOn: string | null = null) => ({
    due,
    state,
    completedOn,
  });
  it("due inside the window, on both edges", () => {
    expect(inWindow(item("2025-12-15"), w)).toBe(true);
    expect(inWindow(item("2026-06-14"), w)).toBe(true);
    expect(inWindow(item("2026-06-15"), w)).toBe(false);
  });
  it("late work is carried until done; work done before the window is not", () => {
    expect(inWindow(item("2025-10-31"), w)).toBe(true);
    expect(inWindow(item("2025-10-31", "done", "2025-12-14"), w)).toBe(false);
    expect(inWindow(item("2025-10-31", "done", "2025-12-15"), w)).toBe(true);
  });
  it("done early in the window counts; continuous work counts", () => {
    expect(inWindow(item("2026-09-30", "done", "2026-05-01"), w)).toBe(true);
    expect(inWindow(item(null), w)).toBe(true);
  });
  it("continuous work of a later year is not in this year's report; of this year and before, it is", () => {
    const continuous = (year: number) => ({ ...item(null), year });
    expect(inWindow(continuous(2026), w)).toBe(true);
    expect(inWindow(continuous(2025), w)).toBe(true);
    expect(inWindow(continuous(2027), w)).toBe(false);
    expect(inWindow(continuous(2030), reportWindow("annual", 2026))).toBe(false);
    expect(inWindow(continuous(2026), reportWindow("annual", 2026))).toBe(true);
  });
});
