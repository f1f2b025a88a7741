import { describe, expect, it } from "vitest";
import { referenceCandidates } from "../db/seed/catalog.ts";
import { parsePlan } from "./parsePlan.ts";
import { readSeed, seedsAvailable } from "./testing/seeds.ts";

const units = referenceCandidates();

describe.runIf(seedsAvailable())("the real plans in ../shared/seeds", () => {
  it("seed 000 (47-KH/ĐU): metadata, 19 tasks, time frames, targets", () => {
    const d = parsePlan(readSeed("000_"), { units });
    expect(d.document).toMatchObject({
      type: "KH",
      number: "47-KH/ĐU",
      issuedOn: "2026-03-23",
      period: { from: 2026, to: 2030 },
    });
    const impl = d.document.references.filter((r) => r.relation === "implements").map((r) => r.number);
    expect(impl).toEqual(["06-NQ/TU"]);
    expect(d.document.references.map((r) => r.number)).toEqual(
      expect.arrayContaining(["05-CT/TU", "71-NQ/TW"]),
    );

    expect(d.tasks).toHaveLength(19);
    expect(d.tasks.filter((t) => /^[IVX]+\.\d+$/.test(t.ref))).toHaveLength(18);
    const vi = d.tasks.find((t) => t.ref === "VI");
    expect(vi).toMatchObject({
      lead: ["Ủy ban Kiểm tra Đảng ủy"],
      support: ["Các chi, đảng bộ cơ sở"],
      timeframe: { kind: "continuous" },
    });
    expect(d.tasks.find((t) => t.ref === "III.1")?.timeframe).toMatchObject({
      kind: "deadline",
      due: "2026-06-30",
    });
    expect(d.tasks.find((t) => t.ref === "I.3")?.timeframe).toMatchObject({
      kind: "recurring",
      each: { quarter: 4 },
      milestones: [
        { label: "Sơ kết", due: "2028-12-31" },
        { label: "Tổng kết", due: "2030-12-31" },
      ],
    });
    expect(d.tasks.find((t) => t.ref === "I.2")?.timeframe).toMatchObject({
      due: "2026-03-31",
      thenContinuous: true,
    });
    expect(d.tasks.find((t) => t.ref === "III.4")?.title).toBe(
      "Tổ chức thi tốt nghiệp trung học phổ thông, tuyển sinh đại học, giáo dục nghề nghiệp và đánh giá diện rộng trên máy tính theo đúng lộ trình của Bộ Giáo dục và Đào tạo",
    );
    expect(d.tasks.find((t) => t.ref === "III.4")?.timeframe.kind).toBe("pending");
    expect(d.tasks.find((t) => t.ref === "IV.2")?.timeframe.kind).toBe("pending");

    const by2030 = (value: number, comparator = ">=") =>
      d.targets.find(
        (t) => t.value === value && t.unit === "%" && t.year === 2030 && t.comparator === comparator,
      );
    expect(by2030(99.8)?.measure).toContain("Mẫu giáo");
    expect(by2030(99.9)?.measure).toContain("tiểu học");
    expect(by2030(98)?.measure).toContain("trung học cơ sở");
    expect(by2030(60)).toMatchObject({ comparatorText: "từ … trở lên" });
    expect(d.targets.find((t) => t.value === 99 && t.comparator === ">")?.recurring).toBe(true);
    expect(d.targets.filter((t) => t.ref.startsWith("(1)."))).toHaveLength(11);
    expect(d.targets.find((t) => t.ref.startsWith("(3)."))).toMatchObject({
      value: 3,
      unit: "trường",
      places: ["Tà Tổng", "Tủa Sín Chải", "Nậm Cuối"],
    });
    expect(d.targets.find((t) => t.schoolYear === "2028-2029")?.value).toBe(100);

    const ubnd = d.bodies.find((b) => b.text === "Ủy ban nhân dân tỉnh");
    expect(ubnd?.unit?.name).toBe("Ủy ban nhân dân tỉnh");
    expect(d.bodies.find((b) => b.text === "Ban tuyên giáo và Dân vận Đảng ủy")?.unit?.name).toBe(
      "Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh",
    );
    expect(d.warnings.filter((w) => w.code === "UNKNOWN_BODY")).toEqual([]);
  });

  it("seed 001 (city plan): 15 tasks, page-break continuations merged cell by cell", () => {
    const d = parsePlan(readSeed("001_"), { units });
    expect(d.tasks).toHaveLength(15);
    expect(d.document).toMatchObject({ number: null, issuer: "UBND thành phố Lai Châu", type: "KH" });
    expect(d.warnings.map((w) => w.code)).toContain("NUMBER_BLANK");
    expect(d.document.references.find((r) => r.relation === "implements")?.number).toBe("740/KH-BCSD");
    const viii1 = d.tasks.find((t) => t.ref === "VIII.1");
    expect(viii1?.timeframe).toMatchObject({ text: "Thường xuyên", kind: "continuous" });
    expect(viii1?.lead).toEqual(["Phòng Giáo dục và Đào tạo", "UBND các xã, phường"]);
    expect(viii1?.support).toEqual(["Các Phòng, ban, các cơ quan, đơn vị thành phố"]);
    expect(viii1?.title).toContain("hỗ trợ, thúc đẩy phát triển của giáo dục");
    const ii1 = d.tasks.find((t) => t.ref === "II.1");
    expect(ii1?.title).toContain("đến hết năm học 2029-2030 trên địa bản tỉnh; chính sách về phổ cập"); // "bản" is the source's own typo
    const vi1 = d.tasks.find((t) => t.ref === "VI.1");
    expect(vi1?.title).not.toMatch(/<\/?[pi]>/);
    expect(vi1?.title).toContain("“có học sinh phải có giáo viên đứng lớp”");
    expect(d.tasks.find((t) => t.ref === "III.1")?.title).toMatch(/^Xây dựng kế hoạch phát triển giáo dục/);
    expect(d.tasks.find((t) => t.ref === "IV.3")?.lead).toEqual([
      "Phòng Giáo dục và Đào tạo",
      "phòng Nội vụ thành phố",
      "UBND các xã, phường",
    ]);
    const communes = d.bodies.find((b) => b.text === "UBND các xã, phường");
    expect(communes).toMatchObject({ plural: true, setKind: "communes" });
  });

  it("seed 003 (Bình Lư): 16 duties of 6 bodies, what it implements, stricter targets", () => {
    const d = parsePlan(readSeed("003_"), { units });
    expect(d.tasks).toHaveLength(16);
    expect(d.tasks.every((t) => t.source === "duties")).toBe(true);
    expect(new Set(d.tasks.map((t) => t.lead.join("; "))).size).toBe(6);
    const impl = d.document.references
      .filter((r) => r.relation === "implements")
      .map((r) => r.number)
      .sort();
    expect(impl).toEqual(["2086/KH-UBND", "84/KH-ĐU"]);
    expect(d.document.references.find((r) => r.number === "47-KH/ĐU")?.relation).toBe("cites");
    expect(d.document).toMatchObject({
      issuer: "UBND xã Bình Lư",
      place: "Bình Lư",
      number: null,
      issuedOn: null,
    });
    expect(d.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["NUMBER_BLANK", "DATE_INCOMPLETE"]),
    );
    expect(d.targets.find((t) => t.value === 65)).toMatchObject({ comparator: ">=", unit: "%", year: 2028 });
    expect(d.targets.find((t) => t.ref.startsWith("(5)."))).toMatchObject({ value: 50, year: 2030 });
    expect(d.bodies.find((b) => b.text === "Phòng Văn hóa - Xã hội")?.unit?.name).toBe(
      "Phòng Văn hóa - Xã hội xã Bình Lư",
    );
    expect(d.bodies.find((b) => b.text === "Trưởng các bản")).toMatchObject({
      plural: true,
      setKind: "villages",
    });
  });

  it("seed 002 (5272/KH-UBND, a scan without diacritics): indicator table with the missing row flagged", () => {
    const d = parsePlan(readSeed("002_"), { units });
    expect(d.document).toMatchObject({ number: "5272/KH-UBND", issuedOn: "2025-09-09", type: "KH" });
    expect(d.warnings.map((w) => w.code)).toContain("DIACRITICS_LOST");
    expect(d.document.references.find((r) => r.relation === "implements")?.number).toBe("2358/QD-BGDDT");
    expect(d.indicators.map((i) => i.ref)).not.toContain("17");
    expect(d.indicators).toHaveLength(27);
    const missing = d.warnings.filter((w) => w.code === "ROW_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain("17");
    const complete = d.indicators.filter((i) => Object.values(i.values).every((v) => v !== null));
    expect(complete.length).toBeGreaterThanOrEqual(24);
    const columns = Object.keys(d.indicators[0]?.values ?? {});
    expect(columns).toEqual(["Kết quả năm học 2024-2025", "Chỉ tiêu năm học 2025-2026"]);
    expect(d.indicators.find((i) => i.ref === "2")?.values).toEqual({
      "Kết quả năm học 2024-2025": 99.8,
      "Chỉ tiêu năm học 2025-2026": 99.8,
    });
    expect(d.indicators.find((i) => i.ref === "5")).toMatchObject({ unit: "Xã, phường" });
    expect(Object.values(d.indicators.find((i) => i.ref === "5")?.values ?? {})).toEqual([106, 38]);
  });
});
