import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";
import type { FilePolicy } from "../../import/readers/guardedFile.ts";
import { assertCleanString, badText } from "../textGuard.ts";

const MB = 1024 * 1024;

/** Ceilings for every multipart request; each route's file policy is tighter. */
export const MULTIPART_LIMITS = {
  fileSize: 20 * MB,
  files: 10,
  fields: 20,
  fieldSize: 64 * 1024,
  fieldNameSize: 100,
  parts: 30,
  headerPairs: 50,
};
/** Room for the multipart framing and a few text fields around the files. */
const FRAMING = 256 * 1024;

function bad(message: string): AppError {
  return new AppError("BAD_INPUT_FILE", message);
}

const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;

/**
 * Refuses a request whose declared length is already over what the route takes (`maxTotalBytes` of
 * files, one file by default), before reading a byte of it.
 */
export function assertDeclaredSize(
  req: FastifyRequest,
  policy: FilePolicy,
  maxTotalBytes = policy.maxBytes,
): void {
  if (!req.isMultipart()) throw bad(`Hãy gửi ${policy.label} dạng tệp (multipart/form-data, trường «file»).`);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxTotalBytes + FRAMING) {
    throw bad(
      `Dữ liệu gửi lên quá lớn; tối đa ${mb(maxTotalBytes)} tệp cho một lần gửi. Không có gì được lưu.`,
    );
  }
}

/** Reads one file part into memory, never more than the policy allows. */
export async function readFilePart(
  part: MultipartFile,
  policy: FilePolicy,
): Promise<{ name: string; bytes: Buffer }> {
  const name = assertCleanString(part.filename ?? "", "Tên tệp");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > policy.maxBytes) {
      throw bad(
        `Tệp «${name}» quá lớn; tối đa ${mb(policy.maxBytes)} cho ${policy.label}. Không có gì được lưu.`,
      );
    }
    chunks.push(chunk);
  }
  if (part.file.truncated)
    throw bad(`Tệp «${name}» quá lớn; tối đa ${mb(policy.maxBytes)} cho ${policy.label}.`);
  return { name, bytes: Buffer.concat(chunks) };
}

/** The single file of an upload route (field «file»). */
export async function receiveSingleFile(
  req: FastifyRequest,
  policy: FilePolicy,
): Promise<{ name: string; bytes: Buffer }> {
  assertDeclaredSize(req, policy);
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: policy.maxBytes + 1, files: 1 } });
  } catch {
    throw bad("Không đọc được tệp gửi lên.");
  }
  if (!part) throw bad("Chưa chọn tệp.");
  return readFilePart(part, policy);
}

/**
 * A multipart text field, held to the same rules as JSON text. The multipart parser has already
 * decoded the bytes, turning invalid UTF-8 into U+FFFD: in a field typed on a form that character
 * only ever comes from broken bytes, so it is refused as such.
 */
export function fieldText(value: unknown, field: string): string {
  const text = String(value ?? "");
  const where = `Trường «${field}»`;
  if (text.includes("\uFFFD")) throw badText(where);
  return assertCleanString(text, where);
}
