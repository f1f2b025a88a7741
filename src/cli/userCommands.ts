import type { Command } from "commander";
import { todayIso } from "../domain/dates.ts";
import { ROLES, type Role, systemActor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

export function registerUserCommands(program: Command, config: ConfigSource): void {
  const user = program.command("user").description("tài khoản người dùng");
  user
    .command("create")
    .description("tạo tài khoản (lần chạy đầu: tạo quản trị viên đầu tiên)")
    .requiredOption("-u, --username <name>", "tên đăng nhập")
    .option("-n, --name <display>", "họ tên hiển thị")
    .option("-r, --role <role>", `vai trò: ${ROLES.join(", ")}`, "admin")
    .option("--unit <name>", "đơn vị (bắt buộc với cán bộ đơn vị), theo tên")
    .option("-p, --password <password>", "mật khẩu (bỏ trống: tạo ngẫu nhiên và in ra)")
    .action(
      async (o: { username: string; name?: string; role: string; unit?: string; password?: string }) => {
        if (!(ROLES as readonly string[]).includes(o.role)) {
          throw errors.validation(`Vai trò "${o.role}" không có; chọn một trong: ${ROLES.join(", ")}.`);
        }
        const { createUser } = await import("../usecases/createUser.ts");
        const { searchOrgUnits } = await import("../usecases/searchOrgUnits.ts");
        const { generatePassword } = await import("../usecases/shared/passwords.ts");
        const cfg = config();
        const conn = await openReady(cfg);
        try {
          let orgUnitId: number | null = null;
          if (o.unit) {
            const today = todayIso(nowOf(cfg)());
            const hits = await searchOrgUnits(conn.db, o.unit, today, 5);
            if (hits.length === 0) throw errors.validation(`Không tìm thấy đơn vị "${o.unit}".`);
            orgUnitId = (hits[0] as (typeof hits)[number]).unit.id;
            console.log(`Đơn vị: ${(hits[0] as (typeof hits)[number]).unit.fullName}`);
          }
          const password = o.password ?? generatePassword();
          const created = await createUser(conn.db, systemActor("Dòng lệnh"), {
            username: o.username,
            displayName: o.name ?? o.username,
            password,
            role: o.role as Role,
            orgUnitId,
          });
          console.log(`Đã tạo tài khoản "${created.username}" (${created.role}).`);
          if (!o.password) console.log(`Mật khẩu: ${password}`);
        } finally {
          await conn.close();
        }
      },
    );
}
