import { describe, expect, it } from "vitest";
import { splitLines } from "./lines.ts";
import { extractSteps, stepLead } from "./steps.ts";

describe("a procedure written as steps", () => {
  it("makes each 'Bước N' a task with the body its paragraph opens with and its 'Thời gian hoàn tất'", () => {
    const tasks = extractSteps(
      splitLines(
        [
          "2. Trình tự, thời gian lập và phê duyệt danh sách",
          "2.1. Bước 1:",
          "2.1.a. Thành lập Ban Chỉ đạo:",
          "Ủy ban nhân dân xã, phường, thị trấn thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở.",
          "Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.",
          "2.2. Bước 2: Lập Đề án hỗ trợ.",
          "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập Đề án.",
          "Thời gian hoàn tất: trước ngày 30 tháng 9 năm 2014.",
          "3. Các vấn đề cần lưu ý",
          "Đề án cần phân định rõ số lượng.",
        ].join("\n"),
      ),
    );
    expect(tasks.map((t) => [t.title, t.lead.join("; "), t.timeframe.due])).toEqual([
      ["Bước 1", "Ủy ban nhân dân xã, phường, thị trấn", "2014-06-27"],
      ["Bước 2: Lập Đề án hỗ trợ.", "Sở Xây dựng", "2014-09-30"],
    ]);
  });
  it("finds no steps, and no lead, where there are none", () => {
    expect(extractSteps(splitLines("1. Mục tiêu\nBước đầu hoàn thiện thể chế."))).toEqual([]);
    expect(stepLead("Trên cơ sở kết quả rà soát, tổng hợp danh sách gửi về.")).toBeNull();
    expect(stepLead("Ban Chỉ đạo thực hiện hỗ trợ nhà ở tổ chức kiểm tra hiện trạng.")).toBe("Ban Chỉ đạo");
  });
});
