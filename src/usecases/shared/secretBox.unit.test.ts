import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, secretKeyOf } from "./secretBox.ts";

describe("sealed secrets", () => {
  const key = Buffer.alloc(32, 1);

  it("opens what it sealed, and never stores the plain text", () => {
    const sealed = sealSecret("d2pat_mật khẩu-1", key);
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(sealed).not.toContain("d2pat");
    expect(openSecret(sealed, key)).toBe("d2pat_mật khẩu-1");
    // a fresh nonce each time: the same secret never seals to the same text
    expect(sealSecret("d2pat_mật khẩu-1", key)).not.toBe(sealed);
  });

  it("refuses a wrong key, a tampered value and plain text with a clear message", () => {
    const sealed = sealSecret("abc", key);
    const other = Buffer.alloc(32, 2);
    expect(() => openSecret(sealed, other)).toThrow(/nhập lại mật khẩu/);
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(`v1:${raw.toString("base64")}`, key)).toThrow(/nhập lại mật khẩu/);
    expect(() => openSecret("abc", key)).toThrow(/nhập lại mật khẩu/);
    expect(() => openSecret("v1:AAAA", key)).toThrow(/nhập lại mật khẩu/);
  });

  it("takes the key from LOTRINH_SECRET_KEY, else from a key file made once in the data directory", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-key-"));
    try {
      const fromText = secretKeyOf({ secretKey: "một câu bí mật", dataDir });
      expect(fromText).toHaveLength(32);
      expect(secretKeyOf({ secretKey: "một câu bí mật", dataDir })).toEqual(fromText);
      expect(fs.existsSync(path.join(dataDir, "secret.key"))).toBe(false);

      const made = secretKeyOf({ dataDir });
      expect(made).toHaveLength(32);
      expect(secretKeyOf({ dataDir })).toEqual(made);
      expect(made).not.toEqual(fromText);
      expect(fs.statSync(path.join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);

      fs.writeFileSync(path.join(dataDir, "secret.key"), "ngắn");
      expect(() => secretKeyOf({ dataDir })).toThrow(/32 byte/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
