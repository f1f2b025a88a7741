import type { Command } from "commander";
import { systemActor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import type { Dhis2Connection } from "../usecases/dhis2/dhis2Client.ts";
import { type ConfigSource, openReady } from "./shared.ts";

interface Dhis2Options {
  url: string;
  username?: string;
  password?: string;
  token?: string;
  instance?: string;
  period?: string;
  orgUnit?: string;
  children?: boolean;
  batchSize?: string;
  dryRun?: boolean;
  strategy?: string;
}

const split = (v?: string) =>
  v
    ? v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

function connectionOf(o: Dhis2Options): Dhis2Connection {
  if (!o.token && !o.username) throw errors.validation("Cần --username và --password, hoặc --token.");
  if (o.username && o.password === undefined && !o.token) throw errors.validation("Thiếu --password.");
  return { url: o.url, username: o.username, password: o.password, token: o.token };
}

function exchangeOf(o: Dhis2Options, log: (line: string) => void) {
  const batchSize = o.batchSize === undefined ? undefined : Number(o.batchSize);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1))
    throw errors.validation("--batch-size phải là số nguyên dương.");
  const strategy = o.strategy?.toUpperCase();
  if (strategy && !["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE"].includes(strategy))
    throw errors.validation("--strategy phải là CREATE, UPDATE, CREATE_AND_UPDATE hoặc DELETE.");
  return {
    instance: o.instance,
    periods: split(o.period) ?? [],
    orgUnits: split(o.orgUnit),
    children: o.children,
    batchSize,
    dryRun: o.dryRun,
    importStrategy: strategy as "CREATE" | undefined,
    onProgress: (done: number, total: number) => log(`… ${done}/${total}`),
  };
}

function printSummary(s: { status: string; importCount: Record<string, number>; conflicts?: unknown[] }) {
  const c = s.importCount;
  console.log(
    `Kết quả: ${s.status} — ${c.imported} mới, ${c.updated} cập nhật, ${c.deleted} xóa, ${c.ignored} bỏ qua.`,
  );
  for (const conflict of (s.conflicts ?? []).slice(0, 20) as {
    object: string;
    value: string;
    indexes?: number[];
  }[])
    console.log(
      `  ! ${conflict.object}: ${conflict.value}${conflict.indexes ? ` (${conflict.indexes.length} giá trị)` : ""}`,
    );
}

export function registerDhis2Command(program: Command, config: ConfigSource): void {
  const dhis2 = program
    .command("dhis2")
    .description("trao đổi số liệu với một máy chủ DHIS2 (/api/dataValueSets)");
  const common = (c: Command) =>
    c
      .requiredOption("--url <url>", "địa chỉ máy chủ DHIS2, ví dụ https://dhis2.example.org")
      .option("--username <name>", "tên đăng nhập (Basic)")
      .option("--password <password>", "mật khẩu")
      .option("--token <token>", "mã truy cập cá nhân (d2pat_…)")
      .option("--instance <name>", "ánh xạ của hệ thống DHIS2 nào (mặc định: hệ thống duy nhất đã nạp)")
      .option("--period <list>", "các kỳ, cách nhau bởi dấu phẩy: 2025Sep, 2025, 2025Q1…")
      .option("--org-unit <list>", "các đơn vị DHIS2 (UID), cách nhau bởi dấu phẩy")
      .option("--children", "kèm các đơn vị trực thuộc")
      .option("--batch-size <n>", "số giá trị (đẩy) hoặc số đơn vị (lấy) mỗi lần gửi")
      .option("--dry-run", "chạy thử: không lưu gì")
      .option("--strategy <s>", "CREATE, UPDATE, CREATE_AND_UPDATE (mặc định) hoặc DELETE");
  common(
    dhis2
      .command("pull")
      .description("lấy số liệu từ DHIS2 về Lộ Trình (qua cùng kiểm tra, khóa biểu, nhật ký)"),
  ).action(async (o: Dhis2Options) => {
    const conn = connectionOf(o);
    const db = await openReady(config());
    try {
      const { pullFromDhis2 } = await import("../usecases/dhis2/exchangeWithDhis2.ts");
      const r = await pullFromDhis2(db.db, systemActor("Đồng bộ DHIS2"), conn, exchangeOf(o, console.log));
      console.log(`Đã lấy ${r.received} giá trị của ${r.orgUnits} đơn vị từ DHIS2 (${r.instance}).`);
      if (r.summary) printSummary(r.summary);
    } finally {
      await db.close();
    }
  });
  common(dhis2.command("push").description("đẩy số liệu của Lộ Trình lên DHIS2 theo ánh xạ")).action(
    async (o: Dhis2Options) => {
      const conn = connectionOf(o);
      const db = await openReady(config());
      try {
        const { pushToDhis2 } = await import("../usecases/dhis2/exchangeWithDhis2.ts");
        const r = await pushToDhis2(db.db, conn, exchangeOf(o, console.log));
        console.log(`Đã gửi ${r.sent} giá trị lên DHIS2 (${r.instance}).`);
        if (r.leftOut)
          console.log(
            `Không gửi ${r.leftOut.count} giá trị: ${Object.entries(r.leftOut.reasons)
              .map(([why, n]) => `${why} (${n})`)
              .join("; ")}.`,
          );
        printSummary(r.summary);
      } finally {
        await db.close();
      }
    },
  );
  dhis2
    .command("metadata")
    .description("nạp siêu dữ liệu của máy chủ DHIS2 (/api/metadata) và khớp theo mã, tên")
    .requiredOption("--url <url>", "địa chỉ máy chủ DHIS2")
    .requiredOption("--instance <name>", "tên đặt cho hệ thống DHIS2 này")
    .option("--username <name>", "tên đăng nhập (Basic)")
    .option("--password <password>", "mật khẩu")
    .option("--token <token>", "mã truy cập cá nhân (d2pat_…)")
    .action(async (o: Dhis2Options & { instance: string }) => {
      const conn = connectionOf(o);
      const db = await openReady(config());
      try {
        const { dhis2Client } = await import("../usecases/dhis2/dhis2Client.ts");
        const { importDhis2Metadata } = await import("../usecases/dhis2/importDhis2Metadata.ts");
        const metadata = await dhis2Client(conn).metadata();
        const r = await importDhis2Metadata(db.db, systemActor("Đồng bộ DHIS2"), {
          name: o.instance,
          url: o.url,
          metadata,
        });
        console.log(
          `Đã nạp ${r.objects} đối tượng: ${r.matched} khớp, ${r.unmatched.length} chưa khớp, ${r.manual} ánh xạ tay giữ nguyên.`,
        );
        for (const u of r.unmatched.slice(0, 30))
          console.log(`  ? ${u.kind} ${u.uid} «${u.name}»${u.note ? ` — ${u.note}` : ""}`);
      } finally {
        await db.close();
      }
    });
}
