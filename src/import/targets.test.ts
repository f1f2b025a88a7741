import { describe, expect, it } from "vitest";
import type { Warning } from "./draft.ts";
import { splitLines } from "./lines.ts";
import { extractTargets, findValue } from "./targets.ts";

const targets = (text: string) => {
  const warnings: Warning[] = [];
  return { list: extractTargets(splitLines(text), warnings), warnings };
};

describe("targets in the shapes offices write", () => {
  it("a second figure of another thing after «và» or «, riêng năm …» is a target of its own", () => {
    const { list } = targets(
      [
        "II. CHỈ TIÊU CHỦ YẾU THỰC HIỆN ĐẾN NĂM 2030",
        "- Trên 80% số trạm y tế cấp xã và 100% cơ sở cai nghiện công lập đủ điều kiện.",
        "- Phấn đấu đến năm 2030 đạt ít nhất 50% số xã không có ma túy, riêng năm 2025 phấn đấu ít nhất 20% xã không có ma túy.",
        // «và» between two things with one figure, and a year without a figure: one target each
        "- Bảo đảm 100% trường học và cơ sở giáo dục nghề nghiệp, riêng năm 2025 tổ chức tổng kết.",
      ].join("\n"),
    );
    expect(list.map((t) => [t.value, t.comparator, t.year, t.text])).toEqual([
      [80, ">", 2030, "Trên 80% số trạm y tế cấp xã"],
      [100, ">=", 2030, "100% cơ sở cai nghiện công lập đủ điều kiện"],
      [50, ">=", 2030, "Phấn đấu đến năm 2030 đạt ít nhất 50% số xã không có ma túy"],
      [20, ">=", 2025, "riêng năm 2025 phấn đấu ít nhất 20% xã không có ma túy"],
      [
        100,
        ">=",
        2030,
        "Bảo đảm 100% trường học và cơ sở giáo dục nghề nghiệp, riêng năm 2025 tổ chức tổng kết",
      ],
    ]);
  });

  it("«b) Nhiệm vụ» ends «a) Mục tiêu»: its items are duties, neither targets nor unread targets", () => {
    const { list, warnings } = targets(
      [
        "1. Cải cách thể chế",
        "a) Mục tiêu",
        "- 100% văn bản được rà soát.",
        "- Có ứng dụng AI hỗ trợ phổ biến pháp luật.",
        "b) Nhiệm vụ",
        "- Thực hiện việc đăng tải văn bản quy phạm pháp luật.",
        "- Thường xuyên kiểm tra, rà soát văn bản.",
        "2. Cải cách thủ tục hành chính",
        "a) Mục tiêu",
        "- 98% hồ sơ được giải quyết đúng hạn.",
      ].join("\n"),
    );
    expect(list.filter((t) => t.value !== null).map((t) => t.value)).toEqual([100, 98]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Không đọc được con số của chỉ tiêu "Có ứng dụng AI hỗ trợ phổ biến pháp luật.": hãy nhập tay.',
    ]);
  });

  it("the figures of «Mục tiêu tổng quát» and a numbered «Measure: Tối thiểu N%» line are targets", () => {
    const { list, warnings } = targets(
      [
        "I. MỤC ĐÍCH",
        "2. Mục tiêu tổng quát đến năm 2030",
        "Xây dựng nền hành chính hiện đại. Phấn đấu mức độ hài lòng của người dân đạt tối thiểu 95%.",
        "3. Yêu cầu",
        "Bảo đảm 100% nội dung được triển khai.",
        "IV. ĐOÀN KIỂM TRA",
        "2. Số lượng đơn vị kiểm tra: Tối thiểu 20% cơ quan chuyên môn và đơn vị hành chính cấp xã.",
        "3. Thời gian kiểm tra: 10% thời gian dành cho tổng hợp.",
      ].join("\n"),
    );
    expect(list.map((t) => [t.value, t.comparator, t.year])).toEqual([
      [95, ">=", 2030],
      [20, ">=", null],
    ]);
    expect(list[0]?.text).toBe("Phấn đấu mức độ hài lòng của người dân đạt tối thiểu 95%");
    expect(warnings).toEqual([]);
  });

  it("reads a count of any noun after 'ít nhất', 'tối thiểu', 'trên'; a bare number in prose is no count", () => {
    expect(findValue("Ít nhất 30 doanh nghiệp được hỗ trợ.")).toMatchObject({
      comparator: ">=",
      value: 30,
      unit: "doanh nghiệp",
    });
    expect(findValue("trên 1.000 hộ gia đình")).toMatchObject({ comparator: ">", value: 1000, unit: "hộ" });
    expect(findValue("Tối thiểu 5 mô hình điểm.")).toMatchObject({ value: 5, unit: "mô hình" });
    expect(findValue("Thực hiện theo 2 bước như sau")).toBeNull();
  });
  it("reads a yearly series as one target per year", () => {
    const { list } = targets(
      "1. Nhiệm vụ\ne) Đến năm 2020, phấn đấu đạt 100% gia đình có mức sống trung bình, năm 2018 đạt 99%, năm 2019 đạt 99,5%; 98% xã phường làm tốt.",
    );
    expect(list.map((t) => [t.value, t.year])).toEqual([
      [100, 2020],
      [99, 2018],
      [99.5, 2019],
      [98, 2020],
    ]);
  });
  it("takes a) and - items of a target section, and reports one without a figure", () => {
    const { list, warnings } = targets(
      "2. Các chỉ tiêu cụ thể đến năm 2030\n- Ít nhất 30% doanh nghiệp ứng dụng công nghệ số.\n- Nâng cao chất lượng dịch vụ.\nIII. NHIỆM VỤ",
    );
    expect(list[0]).toMatchObject({ comparator: ">=", value: 30, unit: "%" });
    expect(warnings.map((w) => w.code)).toEqual(["TARGET_UNREAD"]);
  });
  it("outside a target section, takes only an item that opens with a year and has a figure", () => {
    expect(targets("a) Đến năm 2025, 100% xã có trạm y tế.").list).toHaveLength(1);
    expect(targets("a) Tăng cường 100% công tác tuyên truyền.").list).toHaveLength(0);
    expect(targets("Đến năm 2025, 100% xã có trạm y tế.").list).toHaveLength(0);
  });
  it("stops at Tổ chức thực hiện", () => {
    expect(targets("III. TỔ CHỨC THỰC HIỆN\na) Đến năm 2025, 100% xã có trạm y tế.").list).toHaveLength(0);
  });
  it("takes the year of a sub-heading of a 'Mục tiêu' section, until the next section", () => {
    const { list } = targets(
      "II- MỤC TIÊU\n1. Đến năm 2030\n- Kinh phí đạt 2% GDP, trong đó từ xã hội chiếm hơn 60%.\n2. Tầm nhìn đến năm 2045\nKinh tế số đạt tối thiểu 50% GDP.\nIII- NHIỆM VỤ\nChi 10% ngân sách.",
    );
    expect(list.map((t) => [t.value, t.comparator, t.year])).toEqual([
      [2, ">=", 2030],
      [60, ">", 2030],
      [50, ">=", 2045],
    ]);
  });
  it("reads comparators", () => {
    expect(findValue("tối thiểu 98% văn bản")).toMatchObject({ comparator: ">=", value: 98 });
    expect(findValue("trên 55% doanh nghiệp")).toMatchObject({ comparator: ">", value: 55 });
    expect(findValue("dưới 5% hộ nghèo")).toMatchObject({ comparator: "<", value: 5 });
    expect(findValue("tỷ lệ lấp đầy đạt 60-70%")).toMatchObject({ comparator: ">=", value: 60 });
  });
});
