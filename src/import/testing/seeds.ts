import fs from "node:fs";
import path from "node:path";

/** ../shared/seeds beside the repository: the real plans. Absent on a bare clone; always there in CI. */
export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../../../shared/seeds");

export function seedsAvailable(): boolean {
  if (fs.existsSync(SEEDS_DIR)) return true;
  if (process.env.CI === "true") throw new Error(`CI=true nhưng không thấy các văn bản mẫu tại ${SEEDS_DIR}`);
  console.warn(
    `[bỏ qua] Không thấy ../shared/seeds (${SEEDS_DIR}): các kiểm thử trên văn bản thật bị bỏ qua.`,
  );
  return false;
}

export function readSeed(prefix: string): string {
  const file = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`Không có văn bản mẫu ${prefix}* trong ${SEEDS_DIR}`);
  return fs.readFileSync(path.join(SEEDS_DIR, file), "utf8");
}
