import { computedAtOf, stampAnswer } from "./dataTime.ts";
import { textNow } from "./texts.ts";
/** Thin client for the JSON API: sends the CSRF token on every change and turns errors into ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's details, when the server gives them (e.g. the problems of a refused form). */
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const arrivedAt = Date.now();
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.code ?? "HTTP_ERROR",
      data?.message ?? `${textNow("api.httpError")} ${res.status}`,
      data?.details ?? null,
    );
  }
  // when the figures were computed (a cached answer says how old it is): the page's "Số liệu lúc"
  if (method === "GET") stampAnswer(data, computedAtOf(arrivedAt, res.headers.get("age")));
  return data as T;
}

export const get = <T>(url: string) => api<T>("GET", url);

export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

/** Sends one file as multipart/form-data (field «file»). */
export async function upload<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  const res = await fetch(url, {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: csrfToken ? { "x-csrf-token": csrfToken } : {},
  });
  const data = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.code ?? "HTTP_ERROR",
      data?.message ?? `${textNow("api.httpError")} ${res.status}`,
    );
  return data as T;
}
