/** Periodic reports on the client: rounds, submissions, generated models and downloads. */
import { useQuery } from "@tanstack/react-query";
import type { GenerateInput } from "../usecases/generateReport.ts";
import { ApiError, csrfHeader, get } from "./api.ts";
import { textNow } from "./texts.ts";

export type { Block, ReportModel, ReportTable } from "../reports/model.ts";
export type { GenerateInput } from "../usecases/generateReport.ts";

export interface Round {
  id: number;
  kind: string;
  title: string;
  year: number;
  due_on: string;
  window_from: string;
  window_to: string;
  document_number: string | null;
  level_name: string;
  asked: number;
  received: number;
}

export interface Submission {
  id: number;
  /** From the server's report policy: may this caller write and submit it. */
  can: { write: boolean };
  unit_id: number;
  unit_name: string;
  status: "pending" | "draft" | "submitted" | "returned" | "accepted";
  content: Record<string, string>;
  number: number | null;
  submitted_at: string | null;
  reason: string | null;
  chase_count: number;
  scan_name: string | null;
  version: number;
  late: boolean;
}

export const roundKeys = {
  all: ["report-rounds"] as const,
  one: (id: number) => ["report-round", id] as const,
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
    queryFn: () =>
      get<{ round: Round; submissions: Submission[]; today: string; can: { manage: boolean } }>(
        `/api/reports/rounds/${id}`,
      ),
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
