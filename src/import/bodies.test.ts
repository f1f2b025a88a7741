import { describe, expect, it } from "vitest";
import { bodyKey, indexCandidates, resolveBody, splitBodies } from "./bodies.ts";
import { parsePlan } from "./parsePlan.ts";

describe("splitBodies", () => {
  it.each([
    ["Phòng Giáo dục và Đào tạo, UBND các xã, phường", ["Phòng Giáo dục và Đào tạo", "UBND các xã, phường"]],
    ["Các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị liên quan"]],
    [
      "Các chi, đảng bộ cơ sở và các cơ quan, đơn vị liên quan",
      ["Các chi, đảng bộ cơ sở", "các cơ quan, đơn vị liên quan"],
    ],
    [
      "Phòng Văn hóa và Thông tin thành phố, Trung tâm Văn hoá, Thể thao và Truyền thông - thành phố Lai Châu; các Phòng, ban, các cơ quan, đơn vị thành phố, UBND các xã/phường",
      [
        "Phòng Văn hóa và Thông tin thành phố",
        "Trung tâm Văn hoá, Thể thao và Truyền thông - thành phố Lai Châu",
        "các Phòng, ban, các cơ quan, đơn vị thành phố",
        "UBND các xã/phường",
      ],
    ],
    [
      "Các phòng, ban, cơ quan, đơn vị thành phố UBND các xã, phường",
      ["Các phòng, ban, cơ quan, đơn vị thành phố", "UBND các xã, phường"],
    ],
    ["Phòng Giáo dục và Đào tạo, Phòng Nội vụ", ["Phòng Giáo dục và Đào tạo", "Phòng Nội vụ"]],
    ["Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]],
    ["Phòng Đoàn thể và các hội", ["Phòng Đoàn thể và các hội"]],
    ["Sở Nội vụ và các cơ quan liên quan", ["Sở Nội vụ", "các cơ quan liên quan"]],
    ["Văn phòng UBND tỉnh, UBND các xã", ["Văn phòng UBND tỉnh", "UBND các xã"]],
  ])("%s", (cell, bodies) => {
    expect(splitBodies(cell)).toEqual(bodies);
  });
});

describe("resolveBody", () => {
  const index = indexCandidates([
    {
      id: 1,
      name: "Ủy ban nhân dân tỉnh",
      names: ["Ủy ban nhân dân tỉnh", "UBND tỉnh"],
      validFrom: null,
      validTo: null,
    },
    {
      id: 2,
      name: "Xã Nậm Cuổi",
      names: ["Xã Nậm Cuổi", "Nậm Cuổi"],
      validFrom: "2025-07-01",
      validTo: null,
    },
    {
      id: 3,
      name: "Phòng Giáo dục và Đào tạo thành phố Lai Châu",
      names: ["Phòng Giáo dục và Đào tạo"],
      validFrom: null,
      validTo: "2025-07-01",
    },
  ]);

  it("matches exactly, by tone placement, and without diacritics, and says which", () => {
    expect(resolveBody("UBND tỉnh", index, null).unit).toMatchObject({ id: 1, match: "exact" });
    expect(resolveBody("Uỷ ban nhân dân tỉnh", index, null).unit).toMatchObject({
      id: 1,
      match: "tone_placement",
    });
    expect(resolveBody("Nậm Cuối", index, null).unit).toMatchObject({ id: 2, match: "no_diacritics" });
    expect(resolveBody("Phòng Giáo dục và Đào tạo", index, "2025-03-01").unit?.id).toBe(3);
  });

  it("keeps sets of bodies as sets and reports unknown bodies", () => {
    expect(resolveBody("UBND các xã, phường", index, null)).toMatchObject({
      plural: true,
      setKind: "communes",
      unit: null,
    });
    expect(resolveBody("Các cơ quan, đơn vị liên quan", index, null)).toMatchObject({ setKind: "related" });
    expect(resolveBody("Trưởng các bản", index, null)).toMatchObject({ setKind: "villages" });
    expect(resolveBody("Ban Quản lý dự án", index, null).unit).toBeNull();
  });
});

describe("one body for the variants of its name", () => {
  it("gives one key for dash kinds, spacing, case and tone placement, and keeps different bodies apart", () => {
    expect(bodyKey("Phòng Văn hoá – Xã hội")).toBe(bodyKey("phòng  văn hóa-xã hội"));
    expect(bodyKey("Phòng Văn hóa - Xã hội")).not.toBe(bodyKey("Phòng Văn hóa - Thông tin"));
  });
  it("makes a draft name the body once, whichever way each task wrote it", () => {
    const d = parsePlan(
      "TT\tNội dung\tChủ trì\tThời gian\n1\tViệc một\tPhòng Văn hoá – Xã hội\tNăm 2026\n2\tViệc hai\tphòng văn hóa-xã hội\tNăm 2026",
    );
    expect(d.tasks.map((t) => t.lead)).toEqual([["Phòng Văn hoá – Xã hội"], ["Phòng Văn hoá – Xã hội"]]);
    expect(d.bodies).toHaveLength(1);
    expect(d.warnings.filter((w) => w.code === "UNKNOWN_BODY")).toHaveLength(1);
  });
});

describe("the index of the known bodies is built once per list", () => {
  const list = () => [
    { id: 7, name: "Sở Nội vụ", names: ["Sở Nội vụ"], validFrom: null, validTo: null },
    { id: 8, name: "Sở Y tế", names: ["Sở Y tế"], validFrom: null, validTo: "2025-07-01" },
  ];
  it("reuses the index for a list of the same content, even a new array read again", () => {
    expect(indexCandidates(list())).toBe(indexCandidates(list()));
  });
  it("sees a renamed body, a new name, a new body or a changed validity, even made in place", () => {
    const units = list();
    const before = indexCandidates(units);
    expect(resolveBody("Sở Nội vụ", before, null).unit?.id).toBe(7);
    (units[0] as (typeof units)[0]).names = ["Sở Nội vụ và Đào tạo"];
    const renamed = indexCandidates(units);
    expect(renamed).not.toBe(before);
    expect(resolveBody("Sở Nội vụ", renamed, null).unit).toBeNull();
    expect(resolveBody("Sở Nội vụ và Đào tạo", renamed, null).unit?.id).toBe(7);
    units.push({ id: 9, name: "Sở Tài chính", names: ["Sở Tài chính"], validFrom: null, validTo: null });
    expect(resolveBody("Sở Tài chính", indexCandidates(units), null).unit?.id).toBe(9);
    const moved = indexCandidates(units);
    (units[1] as (typeof units)[1]).validTo = null;
    expect(indexCandidates(units)).not.toBe(moved);
  });
});

describe("splitBodies remembers a cell", () => {
  it("gives each caller its own list, so changing one leaves the next call whole", () => {
    const cell = "Sở Nội vụ, Sở Y tế";
    const first = splitBodies(cell);
    first.push("Sở Tài chính");
    expect(splitBodies(cell)).toEqual(["Sở Nội vụ", "Sở Y tế"]);
  });
});
