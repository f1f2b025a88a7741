/** Periodic reports on the client: rounds, submissions, generated models and downloads. */
import { useQuery } from "@tanstack/react-query";
import type { RoundDetail, RoundSubmission, Rounds, SubmissionChased } from "../shared/api/reports.ts";
import type { Answer } from "../shared/api/wire.ts";
import type { GenerateInput } from "../usecases/generateReport.ts";
import { ApiError, csrfHeader, get } from "./api.ts";
import { textNow } from "./texts.ts";

export type { Block, ReportModel, ReportTable } from "../reports/model.ts";
export type { GenerateInput } from "../usecases/generateReport.ts";

export type Round = Answer<typeof Rounds>["rounds"][number];
/** A body's row in a round; `can` from the server's report policy: may this caller write and submit it. */
export type Submission = Answer<typeof RoundSubmission>;
export type RoundView = Answer<typeof RoundDetail>;
/** A chase of a body's report: whom it reached, as a task's chase answers. */
export type ReportChased = Answer<typeof SubmissionChased>;

export const roundKeys = {
  all: ["reports", "rounds"] as const,
  one: (id: number) => ["reports", "rounds", id] as const,
  /** The generated draft of a submission (its preview). */
  draft: (submissionId: number) => ["reports", "draft", submissionId] as const,
};

export function useRounds() {
  return useQuery({
    queryKey: roundKeys.all,
    queryFn: () => get<{ rounds: Round[] }>("/api/reports/rounds"),
  });
}

export function useRound(id: number | null) {
  return useQuery({
    queryKey: roundKeys.one(id ?? 0),
    enabled: id !== null,
    queryFn: () => get<RoundView>(`/api/reports/rounds/${id}`),
  });
}

/** Downloads a generated DOCX or XLSX (a POST, so through fetch and a temporary link). */
export async function downloadReport(report: GenerateInput, format: "docx" | "xlsx"): Promise<void> {
  const res = await fetch("/api/reports/generate", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", ...csrfHeader() },
    body: JSON.stringify({ format, report }),
  });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(
      res.status,
      data?.code ?? "HTTP_ERROR",
      data?.message ?? `${textNow("api.httpError")} ${res.status}`,
    );
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `bao-cao.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
