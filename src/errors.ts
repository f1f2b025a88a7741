/**
 * Every error a user can see: a stable code, a Vietnamese message and the HTTP status it maps to.
 * Routes never build error responses themselves; the server maps AppError once (server/errorHandler.ts).
 */
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "NOT_AUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT_VERSION"
  | "DUPLICATE"
  | "INVALID_CREDENTIALS"
  | "ACCOUNT_DISABLED"
  | "TOO_MANY_ATTEMPTS"
  | "CSRF_FAILED"
  | "DB_UNREACHABLE"
  | "DB_BAD_URL"
  | "DATA_DIR_FOREIGN"
  | "BACKUP_INVALID"
  | "DEMO_DISABLED"
  | "BAD_INPUT_FILE"
  | "BUSY_RETRY"
  | "FORM_LOCKED"
  | "TEMPLATE_STALE"
  | "OCCURRENCE_SHARED_OUT"
  | "BODY_CEASED"
  | "NOT_A_SUCCESSOR"
  | "TEXT_INVALID"
  | "PASSWORD_WEAK"
  | "REPORT_WRONG_STATE"
  // @scoreboard
  // @overview
  | "ELEMENT_NOT_APPLICABLE"
  // @writes
  // @readcache
  // @pgworker
  // @suite
  | "IDEMPOTENCY_KEY_REUSED"
  // @checks
  | "DHIS2_UNREACHABLE"
  | "DHIS2_REFUSED"
  // @spare
  | "PUBLIC_BELOW_COMMUNE"
  | "RATE_LIMITED"
  | "INTERNAL";

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT_VERSION: 409,
  DUPLICATE: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  TOO_MANY_ATTEMPTS: 429,
  CSRF_FAILED: 403,
  DB_UNREACHABLE: 503,
  DB_BAD_URL: 500,
  DATA_DIR_FOREIGN: 500,
  BACKUP_INVALID: 400,
  DEMO_DISABLED: 400,
  BAD_INPUT_FILE: 400,
  BUSY_RETRY: 503,
  INTERNAL: 500,
  FORM_LOCKED: 409,
  TEMPLATE_STALE: 409,
  OCCURRENCE_SHARED_OUT: 409,
  BODY_CEASED: 400,
  NOT_A_SUCCESSOR: 400,
  TEXT_INVALID: 400,
  PASSWORD_WEAK: 400,
  REPORT_WRONG_STATE: 409,
  // @scoreboard
  // @overview
  ELEMENT_NOT_APPLICABLE: 400,
  // @writes
  // @readcache
  // @pgworker
  // @suite
  IDEMPOTENCY_KEY_REUSED: 422,
  // @checks
  DHIS2_UNREACHABLE: 502,
  DHIS2_REFUSED: 502,
  // @spare
  PUBLIC_BELOW_COMMUNE: 400,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = statusOf[code];
    this.details = details;
  }
}

export const errors = {
  validation: (message: string, details?: unknown) => new AppError("VALIDATION_FAILED", message, details),
  notAuthenticated: () => new AppError("NOT_AUTHENTICATED", "Bạn cần đăng nhập để thực hiện thao tác này."),
  forbidden: (message = "Bạn không có quyền thực hiện thao tác này.") => new AppError("FORBIDDEN", message),
  notFound: (what: string) => new AppError("NOT_FOUND", `Không tìm thấy ${what}.`),
  conflict: (what: string) =>
    new AppError(
      "CONFLICT_VERSION",
      `${what} vừa được người khác sửa. Hãy tải lại để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.`,
    ),
  duplicate: (message: string) => new AppError("DUPLICATE", message),
  invalidCredentials: () => new AppError("INVALID_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng."),
  accountDisabled: () => new AppError("ACCOUNT_DISABLED", "Tài khoản đã bị khóa. Hãy liên hệ quản trị viên."),
  tooManyAttempts: (minutes: number) =>
    new AppError("TOO_MANY_ATTEMPTS", `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`),
  csrf: () =>
    new AppError(
      "CSRF_FAILED",
      "Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang rồi thử lại.",
    ),
  internal: () => new AppError("INTERNAL", "Đã có lỗi trong hệ thống. Thao tác chưa được thực hiện."),
  formLocked: (status: "submitted" | "approved") =>
    new AppError(
      "FORM_LOCKED",
      status === "approved"
        ? "Biểu đã được duyệt và khóa; chỉ quản trị viên mở lại được."
        : "Biểu đã gửi, đang chờ cấp trên duyệt; không sửa được cho đến khi được trả lại.",
    ),
  sharedOut: () =>
    new AppError(
      "OCCURRENCE_SHARED_OUT",
      "Nhiệm vụ này đã được chia cho từng đơn vị; hãy báo cáo, xác nhận hoặc gia hạn trên phần việc của từng đơn vị.",
    ),
  bodyCeased: (name: string, endedOn: string) =>
    new AppError(
      "BODY_CEASED",
      `${name} đã giải thể (hết hiệu lực từ ${endedOn.split("-").reverse().join("/")}); hãy chọn đơn vị kế thừa.`,
    ),
  notASuccessor: (name: string) =>
    new AppError("NOT_A_SUCCESSOR", `${name} không phải đơn vị kế thừa của đơn vị đã giải thể này.`),
  reportWrongState: (message: string) => new AppError("REPORT_WRONG_STATE", message),
  // @scoreboard
  // @overview
  // @writes
  // @readcache
  // @pgworker
  // @suite
  keyReused: () =>
    new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      "Mã gửi (Idempotency-Key) này đã dùng cho một yêu cầu khác; mỗi lần gửi mới cần một mã mới.",
    ),
  // @checks
  // @spare
  rateLimited: (seconds: number) =>
    new AppError("RATE_LIMITED", `Quá nhiều yêu cầu từ địa chỉ này. Hãy thử lại sau ${seconds} giây.`, {
      retryAfterSeconds: seconds,
    }),
  busy: () =>
    new AppError(
      "BUSY_RETRY",
      "Nhiều người đang cùng ghi số liệu nên thao tác này chưa được thực hiện. Hãy thử lại sau giây lát.",
    ),
};

/** PostgreSQL gone or going away: admin shutdown, crash, cannot connect now, a broken connection. */
const DATABASE_DOWN = new Set([
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

/**
 * Database errors a user can act on: PostgreSQL gave up on a transaction because of another one
 * (deadlock, serialization failure) — rolled back whole, try again; two people created the same row at
 * the same moment (a unique key) — the second is refused as a concurrent change, nothing is half-done;
 * the database server is down or restarting — 503, try again shortly (never a crash, never a 500).
 */
export function fromDatabaseError(e: unknown): AppError | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = err?.code;
  if (code === "40P01" || code === "40001") return errors.busy();
  if (code === "23505") return errors.conflict("Dữ liệu này");
  const message = typeof err?.message === "string" ? err.message : "";
  // through a Unix socket, a stopped server has no socket file: connect fails with ENOENT (a missing
  // file elsewhere, e.g. an attachment, is not the database being down)
  const socketGone = code === "ENOENT" && (e as { syscall?: unknown }).syscall === "connect";
  if (
    socketGone ||
    (typeof code === "string" && DATABASE_DOWN.has(code)) ||
    // pg: a client whose socket broke refuses its next query (the rollback after the failed one)
    // pg-pool: no connection within connectionTimeoutMillis (the server starting again, or swamped)
    /Connection terminated|connection timeout|connection error and is not queryable|timeout exceeded when trying to connect/i.test(
      message,
    )
  )
    return new AppError(
      "DB_UNREACHABLE",
      "Cơ sở dữ liệu tạm thời không trả lời (đang khởi động lại hoặc mất kết nối). Thao tác chưa được thực hiện; hãy thử lại sau giây lát.",
    );
  return null;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
