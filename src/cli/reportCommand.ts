import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { findPlanByRef, findUnitByRef } from "../db/repositories/reportQueries.ts";
import { parsePeriodCode } from "../domain/reportWindows.ts";
import { todayIso } from "../domain/status.ts";
import { errors } from "../errors.ts";
import { numberKey } from "../import/documentMeta.ts";
import { reportToDocx } from "../reports/toDocx.ts";
import { reportToXlsx } from "../reports/toXlsx.ts";
import { type GenerateInput, generateReport } from "../usecases/generateReport.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

interface ReportOptions {
  kind: string;
  plan?: string;
  unit?: string;
  period?: string;
  round?: string;
  asOf?: string;
  number?: string;
  out: string;
}

const KINDS = ["body", "compiled", "review-mid", "review-final"];

export function registerReportCommand(program: Command, config: ConfigSource): void {
  program
    .command("report")
    .description(
      "lập báo cáo định kỳ ra tệp DOCX (thể thức NĐ 30/2020 hoặc của Đảng) hoặc XLSX (các bảng số liệu)",
    )
    .requiredOption("--kind <kind>", `loại báo cáo: ${KINDS.join(", ")}`)
    .option("--plan <plan>", 'kế hoạch: số ("47-KH/ĐU") hoặc mã')
    .option("--unit <unit>", 'đơn vị lập báo cáo: tên ("Xã Bình Lư") hoặc mã')
    .option("--period <period>", "kỳ báo cáo: 2026-6T (6 tháng) hoặc 2026 (năm)")
    .option("--round <id>", "đợt báo cáo (báo cáo tổng hợp)")
    .option("--as-of <date>", "số liệu đến ngày (sơ kết, tổng kết), yyyy-mm-dd")
    .option("--number <n>", "số báo cáo (để trống nếu chưa lấy số)")
    .requiredOption("--out <file>", "tệp ra: .docx hoặc .xlsx")
    .action(async (o: ReportOptions) => {
      const cfg = config();
      const ext = path.extname(o.out).toLowerCase();
      if (ext !== ".docx" && ext !== ".xlsx") throw errors.validation("--out phải là tệp .docx hoặc .xlsx");
      if (!KINDS.includes(o.kind)) throw errors.validation(`--kind phải là một trong: ${KINDS.join(", ")}`);
      const conn = await openReady(cfg);
      try {
        const now = nowOf(cfg)();
        const input = await inputOf(conn.db, o, todayIso(now));
        const model = await generateReport(conn.db, input, now);
        fs.writeFileSync(o.out, ext === ".docx" ? await reportToDocx(model) : await reportToXlsx(model));
        console.log(`Đã lập báo cáo "${model.summary}" (${model.issuerLine}): ${o.out}`);
      } finally {
        await conn.close();
      }
    });
}

async function inputOf(
  db: Parameters<typeof findUnitByRef>[0],
  o: ReportOptions,
  today: string,
): Promise<GenerateInput> {
  const number = o.number ? Number(o.number) : null;
  if (o.kind === "compiled") {
    if (!o.round || !/^\d+$/.test(o.round))
      throw errors.validation("Báo cáo tổng hợp cần --round <mã đợt báo cáo>.");
    return { kind: "compiled", roundId: Number(o.round), number };
  }
  if (!o.plan || !o.unit) throw errors.validation("Cần --plan và --unit.");
  const plan = await findPlanByRef(db, o.plan, numberKey);
  if (!plan) throw errors.notFound(`kế hoạch "${o.plan}"`);
  const unit = await findUnitByRef(db, o.unit);
  if (!unit) throw errors.notFound(`đơn vị "${o.unit}"`);
  if (o.kind === "body") {
    const p = parsePeriodCode(o.period ?? "");
    if (!p) throw errors.validation("--period phải có dạng 2026-6T (6 tháng đầu năm) hoặc 2026 (cả năm).");
    return { kind: "body", documentId: plan.id, unitId: unit.id, period: p.period, year: p.year, number };
  }
  return {
    kind: "review",
    documentId: plan.id,
    unitId: unit.id,
    stage: o.kind === "review-mid" ? "mid" : "final",
    asOf: o.asOf ?? today,
    number,
  };
}
