import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { errors } from "../../errors.ts";

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 64;

/**
 * scrypt runs in libuv's thread pool (crypto.scrypt, asynchronous), never on the thread that answers
 * requests. On a 2-core machine four pool threads hashing at once would still starve that thread, so
 * at most HASHING_AT_ONCE hashes run together; a flood beyond QUEUE_LIMIT is told to retry.
 */
const HASHING_AT_ONCE = 1;
const QUEUE_LIMIT = 200;
let hashing = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= HASHING_AT_ONCE) {
    if (waiting.length >= QUEUE_LIMIT) throw errors.busy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  hashing++;
  try {
    return await work();
  } finally {
    hashing--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return withHashSlot(() => deriveNow(password, salt, n, r, p));
}

function deriveNow(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** scrypt$N$r$p$salt$hash, base64 parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable random password for generated accounts: 4 groups of 4 from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out += alphabet[(bytes[i] as number) % alphabet.length];
    if (i % 4 === 3 && i < 15) out += "-";
  }
  return out;
}

export { passwordProblem } from "./passwordRules.ts";
