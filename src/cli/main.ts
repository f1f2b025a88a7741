import { Command, Option } from "commander";
import { ZodError } from "zod";
import { loadConfig } from "../config.ts";
import { isAppError } from "../errors.ts";
import { describeZodError } from "../usecases/shared/zod.ts";
import { registerDbCommands } from "./dbCommands.ts";
import { registerDhis2Command } from "./dhis2Command.ts";
import { registerImportCommands } from "./importCommands.ts";
import { registerRemindCommand } from "./remindCommand.ts";
import { registerReportCommand } from "./reportCommand.ts";
import { registerStartCommand } from "./startCommand.ts";
import { registerUserCommands } from "./userCommands.ts";

const program = new Command();
program
  .name("lotrinh")
  .description("Lộ Trình — theo dõi thực hiện kế hoạch, nhiệm vụ và chỉ tiêu của tỉnh Lai Châu")
  .addOption(new Option("--now <date>", "đặt ngày giờ hiện tại (thử nghiệm, trình diễn)").env("LOTRINH_NOW"))
  .showHelpAfterError();

const config = () => {
  const cfg = loadConfig();
  const now = program.opts().now as string | undefined;
  return now ? { ...cfg, now } : cfg;
};

registerStartCommand(program, config);
registerDbCommands(program, config);
registerUserCommands(program, config);
registerImportCommands(program, config);
registerRemindCommand(program, config);
registerReportCommand(program, config);
registerDhis2Command(program, config);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (isAppError(e)) {
    process.stderr.write(`Lỗi [${e.code}]: ${e.message}\n`);
  } else if (e instanceof ZodError) {
    process.stderr.write(`Lỗi [VALIDATION_FAILED]: ${describeZodError(e)}\n`);
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`Lỗi: ${msg}\n`);
    if (process.env.LOTRINH_DEBUG) console.error(e);
  }
  process.exit(1);
}
