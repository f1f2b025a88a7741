import { describe, expect, it } from "vitest";
import { referenceCandidates } from "../db/seed/catalog.ts";
import type { TaskDraft } from "./draft.ts";
import { ocrLeads } from "./ocrLeads.ts";
import { parsePlan } from "./parsePlan.ts";
import { readSeed, seedsAvailable } from "./testing/seeds.ts";

const units = referenceCandidates();
const duty = (title: string): TaskDraft => ({ source: "duties", lead: [], title }) as unknown as TaskDraft;

describe("the bodies that open the duties of a scan without marks", () => {
  it("are read letter-tolerantly against the known bodies and common sets", () => {
    const tasks = [
      duty("S6 Gido duc va Pao tao xay dung cu thé hoa td chire trién khai"),
      duty("Uy ban nhan dén cac x4, phudng cin cir K& hoach nay trién khai"),
      duty("Dé nghi Uy ban Mit tran T quéc Viét Nam va cac to chirc chinh tri - xa héi tuyén truyén"),
      // looks like a body, matches none: kept as written up to its verb
      duty("Truong Cao déng Lai Chau chi dao, td chtc trién khai"),
      // not a body: no lead (the plan reports it as a duty without a lead)
      duty("Can b, cong chirc, vién chirc co quan quan 1y gido duc trién khai thuc hién"),
      duty("Số lượng học sinh tăng"),
    ];
    ocrLeads(tasks, units);
    expect(tasks.map((t) => t.lead)).toEqual([
      ["Sở Giáo dục và Đào tạo"],
      ["Ủy ban nhân dân các xã, phường"],
      ["Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội"],
      ["Truong Cao déng Lai Chau"],
      [],
      [],
    ]);
  });

  it.runIf(seedsAvailable())(
    "seed 002's eight duties: seven bodies lead, the staff's duty has no lead and says so",
    () => {
      const d = parsePlan(readSeed("002_"), { units });
      expect(d.tasks.map((t) => t.lead[0])).toEqual([
        "Sở Giáo dục và Đào tạo",
        "Ủy ban nhân dân các xã, phường",
        "Sở Tài chính",
        "Các sở, ban, ngành, đoàn thể tỉnh",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
        "Truong Cao déng Lai Chau",
        undefined,
      ]);
      const noLead = d.warnings.filter((w) => w.code === "TASK_WITHOUT_LEAD");
      expect(noLead.map((w) => w.message)).toEqual([
        expect.stringContaining('Nhiệm vụ 8.1 không nêu cơ quan chủ trì: "Can b, cong chirc'),
      ]);
    },
  );
});
