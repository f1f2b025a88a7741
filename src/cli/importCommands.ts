import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { formatVnDate } from "../domain/dates.ts";
import { systemActor } from "../domain/roles.ts";
import { AppError } from "../errors.ts";
import type { UnitCandidate } from "../import/bodies.ts";
import type { PlanDraft } from "../import/draft.ts";
import type { IndicatorCandidate } from "../import/grammar/indicatorMatch.ts";
import type { SourceDocument } from "../import/readers/readDocument.ts";
import { type ConfigSource, openReady } from "./shared.ts";

export async function readAndParse(
  file: string,
  candidates?: UnitCandidate[],
  indicators?: IndicatorCandidate[],
): Promise<{ draft: PlanDraft; source: SourceDocument }> {
  // the readers (DOCX, PDF) load only when a file is read
  const { parsePlan } = await import("../import/parsePlan.ts");
  const { readDocument } = await import("../import/readers/readDocument.ts");
  const units = candidates ?? (await import("../db/seed/catalog.ts")).referenceCandidates();
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError("BAD_INPUT_FILE", `Không tìm thấy tệp "${file}".`);
  }
  const src = await readDocument(path.basename(file), fs.readFileSync(file));
  return { draft: parsePlan(src.text, { units, indicators }), source: src };
}

function summary(d: PlanDraft): string {
  const doc = d.document;
  const lines = [
    `${doc.typeName ?? doc.type ?? "Văn bản"} ${doc.number ?? "(chưa có số)"}${doc.issuedOn ? ` ngày ${formatVnDate(doc.issuedOn)}` : ""}`,
    `Cơ quan ban hành: ${doc.issuer ?? "—"}`,
    `Trích yếu: ${doc.title ?? "—"}`,
    ...doc.references.filter((r) => r.relation === "implements").map((r) => `Thực hiện: ${r.number}`),
    `Chỉ tiêu: ${d.targets.length} · Nhiệm vụ: ${d.tasks.length} · Dòng chỉ tiêu trong phụ lục: ${d.indicators.length}`,
    ...d.warnings.map((w) => `! [${w.code}] ${w.message} (${w.where})`),
  ];
  return lines.join("\n");
}

export function registerImportCommands(program: Command, config: ConfigSource): void {
  program
    .command("import")
    .argument("<file>", "văn bản kế hoạch: .txt, .md, .docx hoặc .pdf")
    .option(
      "--create-bodies",
      "tạo mới các cơ quan chưa có trong danh mục (mặc định: giữ dạng chữ, chưa gắn đơn vị)",
    )
    .description(
      "đọc và lưu một văn bản kế hoạch (tất cả hoặc không gì cả); nhập lại cùng văn bản sẽ cập nhật",
    )
    .action(async (file: string, o: { createBodies?: boolean }) => {
      const { unitCandidates } = await import("../db/repositories/orgUnitRepository.ts");
      const { indicatorCandidates } = await import("../db/repositories/indicatorCandidates.ts");
      const { draftToConfirmed } = await import("../import/toConfirmed.ts");
      const { importPlanDocument } = await import("../usecases/importPlanDocument.ts");
      const conn = await openReady(config());
      try {
        const { draft, source } = await readAndParse(
          file,
          await unitCandidates(conn.db),
          await indicatorCandidates(conn.db),
        );
        const r = await importPlanDocument(
          conn.db,
          systemActor("Dòng lệnh"),
          draftToConfirmed(draft, source, o.createBodies),
        );
        const d = draft.document;
        console.log(
          `${r.created ? "Đã nhập" : "Đã cập nhật"} ${d.typeName ?? "văn bản"} ${d.number ?? "(chưa có số)"} — mã ${r.documentId}`,
        );
        console.log(
          `Nhiệm vụ: thêm ${r.tasks.added.length}, sửa ${r.tasks.changed.length}${r.tasks.changed.length ? ` (${r.tasks.changed.join(", ")})` : ""}, bỏ ${r.tasks.removed.length}${r.tasks.removed.length ? ` (${r.tasks.removed.join(", ")})` : ""}`,
        );
        console.log(
          `Chỉ tiêu: ${r.targets.before} → ${r.targets.after}; dòng phụ lục chỉ tiêu: ${r.indicators.before} → ${r.indicators.after}`,
        );
        if (r.figures.figures > 0 || r.figures.unmatched.length > 0)
          console.log(
            `Số liệu từ bảng chỉ tiêu: ${r.figures.figures} giá trị, ${r.figures.targets} mục tiêu${r.figures.unmatched.length ? `; chưa khớp danh mục (chưa ghi): dòng ${r.figures.unmatched.join(", ")}` : ""}`,
          );
        if (r.createdBodies.length) console.log(`Cơ quan mới tạo: ${r.createdBodies.join("; ")}`);
        if (r.unresolvedBodies.length) {
          console.log(
            `Chưa gắn đơn vị (giữ dạng chữ): ${r.unresolvedBodies.join("; ")} — dùng --create-bodies để tạo mới.`,
          );
        }
        for (const w of draft.warnings.filter((x) => x.code !== "UNKNOWN_BODY"))
          console.log(`! [${w.code}] ${w.message} (${w.where})`);
      } finally {
        await conn.close();
      }
    });

  program
    .command("parse")
    .argument("<file>", "văn bản kế hoạch: .txt, .md, .docx hoặc .pdf")
    .option("--json", "in bản nháp dạng JSON")
    .description("đọc một văn bản kế hoạch và in bản nháp; không ghi gì vào cơ sở dữ liệu")
    .action(async (file: string, o: { json?: boolean }) => {
      const { draft } = await readAndParse(file);
      console.log(o.json ? JSON.stringify(draft, null, 2) : summary(draft));
    });
}
