import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimeframe } from "./timeframe.ts";

describe("parseTimeframe (DOMAIN.md §3)", () => {
  it.each([
    ["Tháng 3/2026", "deadline", "2026-03-31"],
    ["Tháng 4/2026", "deadline", "2026-04-30"],
    ["Tháng 2/2028", "deadline", "2028-02-29"],
    ["Tháng 12 năm 2026", "deadline", "2026-12-31"],
    ["Quý II năm 2026", "deadline", "2026-06-30"],
    ["Quý I năm 2027", "deadline", "2027-03-31"],
    ["Quý III/2026", "deadline", "2026-09-30"],
    ["Năm 2025", "deadline", "2025-12-31"],
    ["Năm học 2026-2027", "deadline", "2027-05-31"],
    ["6 tháng đầu năm 2026", "deadline", "2026-06-30"],
    ["trước ngày 15/6/2026", "deadline", "2026-06-15"],
    ["Đến năm 2030", "deadline", "2030-12-31"],
    ["Giai đoạn 2025-2030", "window", "2030-12-31"],
    ["Thường xuyên", "continuous", null],
    ["Thường xuyên hoặc chuyên đề", "continuous", null],
    ["Hằng năm", "recurring", null],
    ["Hàng năm", "recurring", null],
    ["Theo KH của Bộ GD&ĐT", "pending", null],
    ["Sau khi có văn bản hướng dẫn của Bộ Giáo dục và Đào tạo", "pending", null],
    ["Theo kế hoạch của Trung ương, tỉnh", "pending", null],
  ])("%s → %s %s", (text, kind, due) => {
    const tf = parseTimeframe(text);
    expect(tf.kind).toBe(kind);
    expect(tf.due).toBe(due);
    expect(tf.text).toBe(text);
    expect(tf.unparsed).toBeUndefined();
  });

  it("keeps continuing work after a first deadline", () => {
    const tf = parseTimeframe("Tháng 3/2026 và thường xuyên");
    expect(tf).toMatchObject({ kind: "deadline", due: "2026-03-31", thenContinuous: true });
  });

  it("reads a yearly task with its mid-term and final reviews", () => {
    const tf = parseTimeframe("Quý IV hằng năm; sơ kết quý IV năm 2028; tổng kết quý IV năm 2030");
    expect(tf.kind).toBe("recurring");
    expect(tf.each).toEqual({ quarter: 4 });
    expect(tf.milestones).toEqual([
      { label: "Sơ kết", due: "2028-12-31" },
      { label: "Tổng kết", due: "2030-12-31" },
    ]);
  });

  it("reads a text whose diacritics were lost", () => {
    expect(parseTimeframe("Quy II nam 2026")).toMatchObject({ kind: "deadline", due: "2026-06-30" });
    expect(parseTimeframe("Thuong xuyen").kind).toBe("continuous");
  });

  it("uses a configured end of the school year", () => {
    expect(parseTimeframe("Năm học 2026-2027", { schoolYearEnd: { month: 6, day: 30 } }).due).toBe(
      "2027-06-30",
    );
  });

  it("marks what it cannot read instead of guessing", () => {
    expect(parseTimeframe("Khi nào xong thì báo")).toMatchObject({
      kind: "pending",
      due: null,
      unparsed: true,
    });
    expect(parseTimeframe("Tháng 13/2026").unparsed).toBe(true);
    expect(parseTimeframe("ngày 31/2/2026").unparsed).toBe(true);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const tf = parseTimeframe(s);
        expect(["deadline", "recurring", "continuous", "window", "pending"]).toContain(tf.kind);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("time frames as other offices write them", () => {
  it.each([
    ["2025", "deadline", "2025-12-31"],
    ["6/2025", "deadline", "2025-06-30"],
    ["12/2025", "deadline", "2025-12-31"],
    ["2024 - 2030", "window", "2030-12-31"],
    ["Từ năm 2013 đến năm 2020 và tiếp theo.", "window", "2020-12-31"],
    ["trước ngày 28/2/2023", "deadline", "2023-02-28"],
    ["Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm.", "deadline", "2013-11-30"],
    ["Quý I, II năm 2026", "deadline", "2026-03-31"],
  ] as const)("%s → %s %s", (text, kind, due) => {
    const tf = parseTimeframe(text);
    expect(tf).toMatchObject({ kind, due });
    expect(tf.unparsed).toBeUndefined();
  });
  it("gives one milestone per month or quarter named in one cell", () => {
    expect(parseTimeframe("Quý I, II năm 2026").milestones.map((m) => m.due)).toEqual([
      "2026-03-31",
      "2026-06-30",
    ]);
    expect(parseTimeframe("Tháng 11, 12/2013").milestones.map((m) => m.due)).toEqual([
      "2013-11-30",
      "2013-12-31",
    ]);
  });
  it.each([
    "Định kỳ",
    "6 tháng, hằng năm và định kỳ.",
    "3 tháng một lần",
    "trong năm 2014 và các năm tiếp theo",
  ])("%s is periodic", (text) => expect(parseTimeframe(text).kind).toBe("recurring"));
  it.each(["Theo đề nghị của Sở Tài chính", "Khi có yêu cầu"])(
    "%s waits on a request, not unparsed",
    (text) => {
      const tf = parseTimeframe(text);
      expect(tf).toMatchObject({ kind: "pending", due: null });
      expect(tf.unparsed).toBeUndefined();
    },
  );
  it("continuing from a month is not a deadline", () => {
    expect(parseTimeframe("Từ tháng 11/2013 trở đi.")).toMatchObject({ kind: "continuous", due: null });
  });
  it("a month number out of range is not a date", () => {
    expect(parseTimeframe("13/2025").unparsed).toBe(true);
  });
  it("a time set by another document waits on it; its date is that document's, not a deadline", () => {
    for (const t of [
      "Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ",
      "Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025",
      "Sau 03 tháng kể từ khi có văn bản của Trung ương",
    ]) {
      const tf = parseTimeframe(t);
      expect([tf.kind, tf.due, tf.unparsed], t).toEqual(["pending", null, undefined]);
    }
    // a dated deadline is still one
    expect(parseTimeframe("Trước ngày 28/5/2026").due).toBe("2026-05-28");
  });
  it("a day of the next month or year ('liền kề') recurs; a month of a named year does not", () => {
    for (const t of [
      "Trước ngày 31/01 năm liền kề",
      "Trước ngày 05 của tháng liền kề",
      "Ban hành kế hoạch chậm nhất là ngày 31/12 năm trước liền kề",
      "Định kỳ hằng tháng",
      "2025 và những năm tiếp theo",
    ])
      expect(parseTimeframe(t).kind, t).toBe("recurring");
    expect(parseTimeframe("Tháng 7/2026").kind).toBe("deadline");
  });
  it("'Bắt đầu thực hiện từ năm 2026' goes on from that year; 'Năm 2026' is due at its end", () => {
    expect(parseTimeframe("Bắt đầu thực hiện từ năm 2026").kind).toBe("continuous");
    expect(parseTimeframe("Năm 2026").due).toBe("2026-12-31");
  });
});
