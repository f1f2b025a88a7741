import { describe, expect, it } from "vitest";
import { asciiKey, compareVi, matchName, toneKey } from "./text.ts";

describe("Vietnamese name keys", () => {
  it("gives old and new tone placement the same tone key", () => {
    expect(toneKey("Hoà Bình")).toBe(toneKey("Hòa Bình"));
    expect(toneKey("Uỷ ban")).toBe(toneKey("Ủy ban"));
    expect(toneKey("khoẻ")).toBe(toneKey("khỏe"));
    expect(toneKey("Nậm Cuối")).not.toBe(toneKey("Nậm Cuổi"));
  });

  it("drops every diacritic and maps đ to d in the unaccented key", () => {
    expect(asciiKey("Đoàn Kết")).toBe("doan ket");
    expect(asciiKey("Nậm Cuổi")).toBe(asciiKey("Nậm Cuối"));
  });

  it("says which kind of match found the name", () => {
    expect(matchName("Nậm Cuổi", "nậm cuổi")).toBe("exact");
    expect(matchName("Nậm Cuổi", "nam cuoi")).toBe("no_diacritics");
    expect(matchName("Nậm Cuổi", "Nậm Cuối")).toBe("no_diacritics");
    expect(matchName("Xã Hoà Bình", "hòa bình")).toBe("tone_placement");
    expect(matchName("Bình Lư", "sìn hồ")).toBeNull();
    expect(matchName("Bình Lư", "   ")).toBeNull();
  });

  it("treats decomposed input as its NFC form", () => {
    expect(matchName("Mường Tè", "Mường Tè".normalize("NFD"))).toBe("exact");
  });

  it("makes every run of white space (tabs, no-break spaces, line breaks) one space, and trims", () => {
    expect(asciiKey(" Sở\tNội\u00a0vụ  và \n Đào   tạo ")).toBe("so noi vu va dao tao");
    expect(toneKey("Hoà\t\tBình")).toBe(toneKey("hòa bình"));
    expect(asciiKey("a b")).toBe("a b");
  });

  it("sorts with Vietnamese collation", () => {
    const names = ["Đoàn Kết", "Bình Lư", "Dào San", "Ải"];
    expect([...names].sort(compareVi)).toEqual(["Ải", "Bình Lư", "Dào San", "Đoàn Kết"]);
  });
});
