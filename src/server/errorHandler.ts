import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { fromDatabaseError, isAppError } from "../errors.ts";
import { describeZodError } from "../usecases/shared/zod.ts";

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** The one place where errors become HTTP responses: { code, message } with a Vietnamese message. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | Error, req, reply) => {
    const error = fromDatabaseError(raw) ?? raw;
    if (isAppError(error)) {
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.details !== undefined) body.details = error.details;
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return path ? `${path}: ${v.message}` : (v.message ?? "");
      });
      return reply.status(400).send({
        code: "VALIDATION_FAILED",
        message: `Dữ liệu gửi lên không hợp lệ — ${fields.join("; ")}`,
        details: error.validation,
      });
    }
    if (error instanceof ZodError) {
      return reply
        .status(400)
        .send({ code: "VALIDATION_FAILED", message: `Dữ liệu không hợp lệ — ${describeZodError(error)}` });
    }
    const fe = error as FastifyError;
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || fe.statusCode === 415) {
      return reply
        .status(415)
        .send({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Kiểu nội dung gửi lên không được hỗ trợ." });
    }
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fe.statusCode === 413) {
      return reply.status(413).send({ code: "PAYLOAD_TOO_LARGE", message: "Dữ liệu gửi lên quá lớn." });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ code: "BAD_REQUEST", message: "Yêu cầu không hợp lệ." });
    }
    req.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send({ code: "INTERNAL", message: "Đã có lỗi trong hệ thống. Thao tác chưa được thực hiện." });
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ code: "NOT_FOUND", message: `Không có địa chỉ ${req.method} ${req.url.split("?")[0]}.` });
  });
}
