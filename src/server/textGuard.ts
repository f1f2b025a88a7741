import { AppError } from "../errors.ts";

/**
 * Text that reaches the database must be well-formed: no NUL (PostgreSQL refuses it in text columns,
 * which used to surface as a 500) and no invalid UTF-8 (which decoders silently turn into U+FFFD).
 * Every entry point — JSON bodies, query strings, route parameters, multipart fields and file names —
 * goes through these checks and gets one stable 400 instead.
 */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** JSON deeper than this is refused before JSON.parse: no form of ours nests beyond a handful. */
export const MAX_JSON_DEPTH = 32;

export function badText(where: string): AppError {
  return new AppError(
    "TEXT_INVALID",
    `${where} chứa ký tự không hợp lệ (ký tự NUL hoặc mã UTF-8 hỏng). Hãy gõ lại hoặc dán lại nội dung rồi gửi.`,
  );
}

/** NUL or an unpaired surrogate (what "\ud800" in JSON produces): not storable as text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isBadString(s: string): boolean {
  return s.includes("\u0000") || LONE_SURROGATE.test(s);
}

export function assertCleanString(s: string, where: string): string {
  if (isBadString(s)) throw badText(where);
  return s;
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them with U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array, where: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw badText(where);
  }
}

/** Walks a parsed JSON value and refuses any bad string, key or value. */
export function assertCleanJson(value: unknown, where: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (isBadString(v)) throw badText(where);
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        if (isBadString(k)) throw badText(where);
        stack.push(item);
      }
    }
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted in one pass over the bytes (strings
 * skipped), stopping as soon as `limit` is passed: a 20 MB "[[[[…" costs microseconds, not a parse.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return false;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Checks a raw request URL (path and query): percent escapes are decoded to bytes, and the bytes must
 * be UTF-8 without NUL. Node hands raw non-ASCII bytes over as latin1 characters, so those count too.
 */
export function assertCleanUrl(rawUrl: string): void {
  const bytes = new Uint8Array(rawUrl.length);
  let n = 0;
  for (let i = 0; i < rawUrl.length; i++) {
    const c = rawUrl.charCodeAt(i);
    if (c === 0x25 && i + 2 < rawUrl.length) {
      const hi = hexValue(rawUrl.charCodeAt(i + 1));
      const lo = hexValue(rawUrl.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    if (c > 0xff) throw badText("Địa chỉ yêu cầu");
    bytes[n++] = c;
  }
  const decoded = bytes.subarray(0, n);
  if (decoded.includes(0)) throw badText("Địa chỉ yêu cầu");
  decodeUtf8Strict(decoded, "Địa chỉ yêu cầu");
}
