/**
 * The paced runs of `npm run bench:load`, as the issue states them: every session sends a request, waits
 * for its answer, waits one second ("think time"), and sends the next — a closed loop per session, so
 * sessions drift apart as people do. Each session holds one keep-alive connection (a browser tab's), and
 * the sessions start at random moments over the first second. autocannon's per-connection rate instead
 * fires every connection opened together on one shared one-second timer: bursts no group of people makes.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface Exchange {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ThinkTimeOptions {
  base: string;
  sessions: number;
  seconds: number;
  thinkMs: number;
  timeoutMs: number;
  /** The next request of session i (called when it is about to be sent). */
  next(session: number): Exchange;
  /** Its answer (a request with none — a refused connection, a reset, a timeout — is counted in the result). */
  answered(session: number, status: number, body: string): void;
}

export interface ThinkTimeResult {
  timeouts: number;
  socketErrors: number;
}

function send(agent: http.Agent, url: URL, x: Exchange, timeoutMs: number) {
  return new Promise<{ status: number; body: string; timedOut: boolean }>((resolve) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, method: x.method, path: x.path, headers: x.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            timedOut: false,
          }),
        );
        res.on("error", () => resolve({ status: 0, body: "", timedOut: false }));
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ status: 0, body: "", timedOut: true });
    });
    req.on("error", () => resolve({ status: 0, body: "", timedOut: false }));
    req.end(x.body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs every session until `seconds` have passed (a request in flight then is awaited, bounded by its timeout). */
export async function thinkTimeRun(o: ThinkTimeOptions): Promise<ThinkTimeResult> {
  const url = new URL(o.base);
  const end = performance.now() + o.seconds * 1000;
  const result: ThinkTimeResult = { timeouts: 0, socketErrors: 0 };
  const session = async (i: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await sleep(Math.random() * 1000);
      while (performance.now() < end) {
        const x = o.next(i);
        const answer = await send(agent, url, x, o.timeoutMs);
        if (answer.timedOut) result.timeouts++;
        else if (answer.status === 0) result.socketErrors++;
        else o.answered(i, answer.status, answer.body);
        const left = end - performance.now();
        if (left <= 0) break;
        await sleep(Math.min(o.thinkMs, left));
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: o.sessions }, (_, i) => session(i)));
  return result;
}
