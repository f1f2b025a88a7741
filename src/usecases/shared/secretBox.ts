/**
 * Secrets the server must keep to act on someone's behalf later (a DHIS2 password or access token for a
 * scheduled exchange) are stored sealed, never as plain text: AES-256-GCM with a key that lives outside
 * the database, so a database dump or a backup file alone does not give them away.
 *
 * The key: LOTRINH_SECRET_KEY when set (any text; its SHA-256 is the key), else a random key kept in
 * the data directory's `secret.key` (made on first use, readable by the server's user only). A server on
 * PostgreSQL with no lasting data directory should set LOTRINH_SECRET_KEY; changing the key makes the
 * sealed secrets unreadable (each job then reports it and asks for its secret again), never wrong.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { errors } from "../../errors.ts";

const PREFIX = "v1:";

/** The key the configuration names: LOTRINH_SECRET_KEY, or the data directory's key file (made once). */
export function secretKeyOf(cfg: { secretKey?: string; dataDir: string }): Buffer {
  if (cfg.secretKey) return createHash("sha256").update(cfg.secretKey, "utf8").digest();
  const file = path.join(cfg.dataDir, "secret.key");
  try {
    return keyFromFile(fs.readFileSync(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  try {
    // "wx": two processes starting at once never overwrite each other's key
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return keyFromFile(fs.readFileSync(file, "utf8"));
}

function keyFromFile(text: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error("secret.key không hợp lệ: cần 32 byte (base64).");
  return key;
}

/** Seals a secret: "v1:" + base64(12-byte nonce | 16-byte tag | ciphertext). */
export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Opens a sealed secret; a wrong key or a tampered value is a clear error, never a wrong secret. */
export function openSecret(sealed: string, key: Buffer): string {
  if (!sealed.startsWith(PREFIX)) throw unreadable();
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  if (raw.length < 28) throw unreadable();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw unreadable();
  }
}

function unreadable() {
  return errors.validation(
    "Không mở được mật khẩu/mã truy cập đã lưu (khóa bí mật của máy chủ đã đổi?). Hãy nhập lại mật khẩu của lịch.",
  );
}
