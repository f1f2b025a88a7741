import { describe, expect, it } from "vitest";
import type { Warning } from "./draft.ts";
import { dutyTimeframe, extractDuties, withoutCitedDates } from "./duties.ts";
import { splitLines } from "./lines.ts";
import { extractSectionTasks } from "./sectionTasks.ts";

const duties = (text: string) => {
  const warnings: Warning[] = [];
  return { tasks: extractDuties(splitLines(text), warnings), warnings };
};

describe("duties under Tổ chức thực hiện", () => {
  it("an article that charges a body makes its numbered items that body's duties, up to the next article", () => {
    const { tasks } = duties(
      [
        "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo",
        "1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học.",
        "2. Chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân huyện hướng dẫn thực hiện.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "1. Chánh Văn phòng chịu trách nhiệm thi hành.",
      ].join("\n"),
    );
    expect(tasks.map((t) => [t.lead.join("; "), t.title.slice(0, 20)])).toEqual([
      ["Sở Giáo dục và Đào tạo", "Tổ chức chỉ đạo thực"],
      ["Sở Giáo dục và Đào tạo", "Chủ trì, phối hợp vớ"],
    ]);
    // an article that charges no one opens nothing
    expect(duties("Điều 2. Hiệu lực thi hành\n1. Quyết định có hiệu lực từ ngày ký.").tasks).toEqual([]);
  });
  it("'chậm nhất là ngày …' is a deadline; the year of a budget is not", () => {
    const a = dutyTimeframe("Ban hành kế hoạch. Thời gian hoàn thành chậm nhất là ngày 30/01/2026.", {});
    expect([a.kind, a.due]).toEqual(["deadline", "2026-01-30"]);
    const b = dutyTimeframe(
      "Cân đối kinh phí đã được giao trong dự toán năm 2026 để thực hiện chương trình.",
      {},
    );
    expect(b.kind).toBe("continuous");
    const c = dutyTimeframe("Hoàn thành trong năm 2026.", {});
    expect(c.due).toBe("2026-12-31");
  });
  it("under a numbered topic, a letter that names a body heads that body's bullets or paragraph", () => {
    const { tasks } = duties(
      [
        "III. NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ",
        "1. Tăng cường công tác tuyên truyền, giáo dục",
        "a) Các sở, ban, ngành, địa phương",
        "- Tổ chức các hoạt động tuyên truyền.",
        "b) Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng",
        "Phối hợp với cấp ủy địa phương khu vực biên giới.",
        "2. Sở Tư pháp",
        "a) Sở Nội vụ chủ trì tổng hợp báo cáo.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Giao Công an tỉnh là cơ quan thường trực, theo dõi việc thực hiện.",
        "V. KINH PHÍ",
        "1. Sở Tài chính: Bố trí kinh phí.",
      ].join("\n"),
    );
    expect(tasks.map((t) => [t.lead.join("; "), t.title])).toEqual([
      ["Các sở, ban, ngành, địa phương", "Tổ chức các hoạt động tuyên truyền."],
      ["Bộ Chỉ huy quân sự tỉnh", "Phối hợp với cấp ủy địa phương khu vực biên giới."],
      // a letter item that ends a sentence is a duty of the body above, not a heading
      ["Sở Tư pháp", "Sở Nội vụ chủ trì tổng hợp báo cáo."],
      // "IV. TỔ CHỨC THỰC HIỆN" opens more duties; "V. KINH PHÍ" ends them
      ["Công an tỉnh", "Giao Công an tỉnh là cơ quan thường trực, theo dõi việc thực hiện."],
    ]);
  });
  it("under a heading that is itself a duty, a bullet that opens with a body is that body's; under a body heading it is not", () => {
    const { tasks } = duties(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ban, ngành nghiên cứu, ban hành theo thẩm quyền các quy định, hướng dẫn thực hiện các Dự án thuộc Chương trình:",
        "- Công an tỉnh tham mưu triển khai Dự án 1.",
        "2. Sở Y tế",
        "- Các đơn vị trực thuộc triển khai Dự án 6.",
      ].join("\n"),
    );
    expect(tasks.map((t) => t.lead.join("; "))).toEqual(["Các sở, ban, ngành", "Công an tỉnh", "Sở Y tế"]);
  });
  it("reads bullets, a) items, one paragraph, and a duty on the heading line", () => {
    const { tasks } = duties(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
        "* Chủ trì tổng hợp báo cáo.",
        "a) Hướng dẫn các xã.",
        "2. Văn phòng UBND tỉnh: Phối hợp theo dõi, đôn đốc.",
        "3. Bộ Xây dựng",
        "Chủ trì chỉ đạo, hướng dẫn việc hỗ trợ nhà ở.",
      ].join("\n"),
    );
    expect(tasks.map((t) => [t.lead[0], t.title])).toEqual([
      ["Sở Nội vụ", "Chủ trì tổng hợp báo cáo."],
      ["Sở Nội vụ", "Hướng dẫn các xã."],
      ["Văn phòng UBND tỉnh", "Phối hợp theo dõi, đôn đốc."],
      ["Bộ Xây dựng", "Chủ trì chỉ đạo, hướng dẫn việc hỗ trợ nhà ở."],
    ]);
  });
  it("takes a two-level heading's sub-heading as the lead, not the group", () => {
    const { tasks } = duties(
      "III. TỔ CHỨC THỰC HIỆN\n1. Đối với Ủy ban nhân dân các cấp\n1.1. Ủy ban nhân dân Thành phố:\n- Bố trí kinh phí.",
    );
    expect(tasks[0]?.lead).toEqual(["Ủy ban nhân dân Thành phố"]);
  });
  it("does not take 'Kinh phí thực hiện' as a body, and reports its items", () => {
    const { tasks, warnings } = duties(
      "D. TỔ CHỨC THỰC HIỆN\n1. Bộ Quốc phòng\n- Chủ trì.\n7. Kinh phí thực hiện\n- Kinh phí theo quy định.",
    );
    expect(tasks).toHaveLength(1);
    expect(warnings.map((w) => w.code)).toEqual(["ROW_UNUSED"]);
    expect(warnings[0]?.message).toContain("Kinh phí theo quy định");
  });
  it("under a group heading without sub-headings, and under 'Chế độ báo cáo', each item names its own body", () => {
    const { tasks, warnings } = duties(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "3. Đối với các tổ chức khác",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố phát động các cuộc vận động.",
        "4. Chế độ phối hợp, báo cáo",
        "- Ủy ban nhân dân quận, huyện tổng hợp, báo cáo định kỳ hàng quý.",
        "- Thời hạn báo cáo theo quy định.",
      ].join("\n"),
    );
    expect(tasks.map((t) => [t.lead[0], t.timeframe.kind])).toEqual([
      ["Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "continuous"],
      ["Ủy ban nhân dân quận, huyện", "recurring"],
    ]);
    expect(warnings.map((w) => w.message).join()).toContain("Thời hạn báo cáo");
  });
  it("cuts the body out of a paragraph that starts with it", () => {
    const { tasks } = duties(
      "III. TỔ CHỨC THỰC HIỆN\n15. Đề nghị Ủy ban trung ương Mặt trận Tổ quốc Việt Nam chủ trì, phối hợp thực hiện công tác vận động.",
    );
    expect(tasks[0]?.lead).toEqual(["Ủy ban trung ương Mặt trận Tổ quốc Việt Nam"]);
  });
  it("never takes a cited document's date for a deadline, but keeps 'trước ngày'", () => {
    const { tasks } = duties(
      "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Lao động\n- Rà soát theo Kết luận số 63-KL/TW ngày 27 tháng 5 năm 2013 của Ban Chấp hành.\n- Báo cáo trước ngày 15/6/2026.",
    );
    expect(tasks[0]?.timeframe.kind).toBe("continuous");
    expect(tasks[1]?.timeframe).toMatchObject({ kind: "deadline", due: "2026-06-15" });
    expect(withoutCitedDates("Quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2050")).not.toMatch(/\d{4}/);
  });
});

describe("sections with their own chủ trì and thời gian lines", () => {
  it("gives the items of a section its lead and time; a section without them gives nothing", () => {
    const tasks = extractSectionTasks(
      splitLines(
        [
          "A. MỤC ĐÍCH",
          "a) Nâng cao nhận thức.",
          "I. CÔNG TÁC QUÁN TRIỆT",
          "1. Nội dung, biện pháp",
          "a) Tổ chức Hội nghị quán triệt.",
          "b) Tổ chức triển khai.",
          "2. Cơ quan chủ trì, phối hợp",
          "a) Cơ quan chủ trì",
          "- Ban Chỉ đạo quốc gia.",
          "b) Cơ quan phối hợp",
          "- Hội Cựu chiến binh.",
          "3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.",
          "(1) Sao lưu dữ liệu.",
          "- Đơn vị thực hiện: Văn phòng UBND tỉnh chủ trì, phối hợp với các sở.",
          "- Thời gian hoàn thành: Trong tháng 8/2025.",
        ].join("\n"),
      ),
    );
    expect(tasks.map((t) => [t.title, t.lead[0], t.timeframe.due])).toEqual([
      ["Tổ chức Hội nghị quán triệt.", "Ban Chỉ đạo quốc gia", "2013-12-31"],
      ["Tổ chức triển khai.", "Ban Chỉ đạo quốc gia", "2013-12-31"],
      ["Sao lưu dữ liệu.", "Văn phòng UBND tỉnh", "2025-08-31"],
    ]);
    expect(tasks[0]?.support).toEqual(["Hội Cựu chiến binh"]);
  });
  it("takes '-' bullets closed by a one-line 'Đơn vị chủ trì: X; Đơn vị phối hợp: Y', not the address list before", () => {
    const tasks = extractSectionTasks(
      splitLines(
        [
          "Kính gửi:",
          "- Các sở, ban, ngành thuộc tỉnh;",
          "III. NHIỆM VỤ TRỌNG TÂM",
          "1. Tái cơ cấu ngành công nghiệp",
          "- Tham mưu xây dựng chính sách.",
          "- Phối hợp rà soát khoáng sản.",
          "Lãnh đạo phụ trách: Phó giám đốc Hoàng Văn Thuân.",
          "Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.",
          "IV. CÁC GIẢI PHÁP",
          "- Đẩy mạnh cải cách thủ tục hành chính.",
        ].join("\n"),
      ),
    );
    expect(tasks.map((t) => [t.title, t.lead, t.support])).toEqual([
      [
        "Tham mưu xây dựng chính sách.",
        ["Phòng Quản lý Công nghiệp"],
        ["Phòng Quản lý Năng lượng", "Văn phòng Sở"],
      ],
      [
        "Phối hợp rà soát khoáng sản.",
        ["Phòng Quản lý Công nghiệp"],
        ["Phòng Quản lý Năng lượng", "Văn phòng Sở"],
      ],
    ]);
  });
  it("takes the numbered paragraphs of a section 'giải pháp … đến năm 2015' as tasks due that year, without a lead", () => {
    const lines = splitLines(
      "C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM TỪ NAY ĐẾN NĂM 2015\n1. Tập trung nghiên cứu hoàn thành việc xây dựng, ban hành các văn bản quy phạm pháp luật.\nD. MỤC ĐÍCH\n1. Nâng cao nhận thức của cán bộ, đảng viên về công tác tìm kiếm, quy tập.",
    );
    const tasks = extractSectionTasks(lines);
    expect(tasks.map((t) => [t.ref, t.lead, t.timeframe.due])).toEqual([["C.1", [], "2015-12-31"]]);
  });
});
