import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { referenceCandidates } from "../db/seed/catalog.ts";
import { AppError } from "../errors.ts";
import type { PlanDraft } from "../import/draft.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readDocument } from "../import/readers/readDocument.ts";

export async function readAndParse(
  file: string,
  units = referenceCandidates(),
): Promise<{ draft: PlanDraft; text: string }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError("BAD_INPUT_FILE", `Không tìm thấy tệp "${file}".`);
  }
  const src = await readDocument(path.basename(file), fs.readFileSync(file));
  return { draft: parsePlan(src.text, { units }), text: src.text };
}

function summary(d: PlanDraft): string {
  const doc = d.document;
  const lines = [
    `${doc.typeName ?? doc.type ?? "Văn bản"} ${doc.number ?? "(chưa có số)"}${doc.issuedOn ? ` ngày ${doc.issuedOn.split("-").reverse().join("/")}` : ""}`,
    `Cơ quan ban hành: ${doc.issuer ?? "—"}`,
    `Trích yếu: ${doc.title ?? "—"}`,
    ...doc.references.filter((r) => r.relation === "implements").map((r) => `Thực hiện: ${r.number}`),
    `Chỉ tiêu: ${d.targets.length} · Nhiệm vụ: ${d.tasks.length} · Dòng chỉ tiêu trong phụ lục: ${d.indicators.length}`,
    ...d.warnings.map((w) => `! [${w.code}] ${w.message} (${w.where})`),
  ];
  return lines.join("\n");
}

export function registerImportCommands(program: Command): void {
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
