import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { AppError, type ErrorCode } from "../../errors.ts";
import { PROJECT_ROOT } from "../../paths.ts";
import type { FileTask, FileTaskResult } from "./fileWorker.ts";

/**
 * Untrusted files are sniffed, inflated and parsed in worker threads, never on the thread that
 * answers requests: a slow or huge file costs one worker (with its own memory cap and a time limit),
 * not every user's next click. Two threads at most on this 2-core machine; a queue beyond that is
 * refused as busy rather than piled up.
 */
const TASK_TIMEOUT_MS = 20_000;
const WORKER_HEAP_MB = 384;

let pool: Piscina<FileTask, FileTaskResult> | null = null;

/**
 * The worker's code: the compiled one beside the server's bundle (dist/server/fileWorker.js), or the
 * TypeScript source through tsx when the server itself runs from source (tests, development).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  if (import.meta.url.endsWith(".js")) {
    return {
      filename: pathToFileURL(path.join(PROJECT_ROOT, "dist/server/fileWorker.js")).href,
      execArgv: [],
    };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { filename: new URL("./fileWorker.ts", import.meta.url).href, execArgv: ["--import", tsx] };
}

function filePool(): Piscina<FileTask, FileTaskResult> {
  if (pool) return pool;
  pool = new Piscina<FileTask, FileTaskResult>({
    ...workerEntry(),
    // one worker stays loaded once the pool exists: starting one (tsx, readers) takes seconds
    minThreads: 1,
    maxThreads: 2,
    idleTimeout: 60_000,
    maxQueue: 16,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // a worker that dies (out of memory, cannot load) fails its task; it must never end the server
  pool.on("error", () => {});
  return pool;
}

export async function runInFilePool(task: FileTask): Promise<Extract<FileTaskResult, { ok: true }>> {
  let result: FileTaskResult;
  try {
    result = await filePool().run(task, {
      signal: AbortSignal.timeout(TASK_TIMEOUT_MS),
      transferList: [],
    });
  } catch (e) {
    const queueFull = (e as Error)?.message?.includes("queue");
    if (queueFull)
      throw new AppError("BUSY_RETRY", "Máy chủ đang đọc nhiều tệp cùng lúc. Hãy gửi lại sau giây lát.");
    throw new AppError(
      "BAD_INPUT_FILE",
      "Tệp này vượt quá sức đọc cho phép (quá lâu hoặc quá nhiều bộ nhớ); từ chối, không có gì được lưu.",
    );
  }
  if (!result.ok) throw new AppError(result.code as ErrorCode, result.message, result.details);
  return result;
}

/** Stops the worker threads (server shutdown, end of a test file). */
export async function closeFilePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** Starts a worker ahead of the first upload (server start), so no user waits for it. */
export async function warmFilePool(): Promise<void> {
  await filePool().run({ op: "check", name: "warm.txt", bytes: Buffer.from("warm"), policy: WARM_POLICY });
}

const WARM_POLICY = {
  label: "warm",
  maxBytes: 16,
  kinds: ["text"],
  zip: { maxEntries: 1, maxTotalBytes: 1, maxEntryBytes: 1 },
} as const;
