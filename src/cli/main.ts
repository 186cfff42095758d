import { Command, Option } from "commander";
import { loadConfig } from "../config.js";
import type { Locale } from "../i18n/index.js";
import { importAppendixCommand } from "./appendix-import.js";
import { createContext, type CliContext } from "./context.js";
import { showCommand } from "./rulesets-show.js";
import { validateCommand } from "./rulesets-validate.js";
import { scoreCommand } from "./score.js";

/** The `dti` admin command. Later issues add their subcommands here. */
export function buildProgram(make: (locale: Locale) => CliContext, setExit: (code: number) => void): Command {
  const program = new Command("dti")
    .description("DTI Bot — công cụ quản trị / admin tool")
    .addOption(new Option("--lang <locale>", "vi | en").choices(["vi", "en"]))
    .showHelpAfterError();
  const ctx = (): CliContext => make((program.opts().lang as Locale | undefined) ?? "vi");

  const rulesets = program.command("rulesets").description("Bộ chỉ số: kiểm tra, xem, nhập từ phụ lục");
  rulesets.command("validate [path]").description("Kiểm tra tệp YAML bộ chỉ số; báo mọi lỗi cùng lúc")
    .action((path?: string) => setExit(validateCommand(ctx(), path)));
  rulesets.command("show <id> [code]").description("Xem cây chỉ số, hoặc một chỉ số và cách tính điểm")
    .action((id: string, code?: string) => setExit(showCommand(ctx(), id, code)));
  rulesets.command("import <appendix>").description("Chuyển bảng phụ lục (.xlsx hoặc .csv) thành bản nháp YAML để rà soát")
    .option("-o, --output <file>", "tệp YAML đầu ra")
    .option("--id <id>", "mã bộ chỉ số")
    .option("--title <title>", "tên bộ chỉ số")
    .option("--province <code>", "mã tỉnh")
    .option("--unit-kind <kind>", "department | central_agency | district | commune | province")
    .action(async (file: string, options: Record<string, string>) => {
      setExit(await importAppendixCommand(ctx(), file, options));
    });

  program.command("score <ruleset> <figures>").description("Chấm điểm và xếp hạng từ tệp CSV (unit,item,value)")
    .option("--json", "in kết quả dạng JSON")
    .action((id: string, file: string, options: { json?: boolean }) => setExit(scoreCommand(ctx(), id, file, options)));
  return program;
}

/** Run the admin command with real stdout/stderr and set the exit code. */
export async function runCli(argv: readonly string[]): Promise<void> {
  const config = loadConfig();
  const make = (locale: Locale): CliContext => createContext({
    locale: locale ?? config.DEFAULT_LOCALE,
    rulesetsDir: config.RULESETS_DIR,
    ...(config.LOCALES_DIR && { localesDir: config.LOCALES_DIR }),
  });
  let exitCode = 0;
  await buildProgram(make, (code) => {
    exitCode = code;
  }).parseAsync([...argv]);
  process.exitCode = exitCode;
}
