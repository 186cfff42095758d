import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, Option } from "commander";
import type { Config } from "../config.js";
import type { Locale } from "../i18n/index.js";
import type { CliContext, ContextOptions } from "./context.js";
import type { InviteOptions } from "./invites.js";
import { describeError } from "./errors.js";

/**
 * Each command's implementation, imported when that command runs: they pull in
 * exceljs, docx, @napi-rs/canvas and Prisma, and the configuration (zod) is
 * read only by a command that runs, so `dti --help` (and
 * `dti <command> --help`) loads only commander and the table below.
 */
const commands = {
  appendixImport: () => import("./appendix-import.js"),
  backup: () => import("./backup.js"),
  calendar: () => import("./calendar.js"),
  demo: () => import("./demo.js"),
  evidence: () => import("./evidence.js"),
  evidenceCopy: () => import("./evidence-copy.js"),
  exportResults: () => import("./export-results.js"),
  figures: () => import("./figures-io.js"),
  groups: () => import("./groups.js"),
  invites: () => import("./invites.js"),
  people: () => import("./people.js"),
  periods: () => import("./periods.js"),
  queue: () => import("./queue.js"),
  rulesetsAccept: () => import("./rulesets-accept.js"),
  rulesetsShow: () => import("./rulesets-show.js"),
  rulesetsValidate: () => import("./rulesets-validate.js"),
  score: () => import("./score.js"),
  units: () => import("./units.js"),
  zalo: () => import("./zalo.js"),
};

type Run<M> = (module: M, ctx: CliContext) => number | Promise<number>;

/**
 * The `dti` admin command. Each action loads its module, gets a context and
 * reports an exit code; `make` may throw (a bad configuration), which
 * `parseAsync` passes on to the caller.
 */
export function buildProgram(make: (locale: Locale) => Promise<CliContext>, setExit: (code: number) => void): Command {
  const program = new Command("dti")
    .description("DTI Bot — công cụ quản trị / admin tool")
    .addOption(new Option("--lang <locale>", "vi | en").choices(["vi", "en"]))
    .showHelpAfterError();
  const act = async <M>(load: () => Promise<M>, run: Run<M>): Promise<void> => {
    const ctx = await make((program.opts().lang as Locale | undefined) ?? "vi");
    try {
      setExit(await run(await load(), ctx));
    } catch (error) {
      // The command line's one catch: a clear sentence for the admin, never a stack trace.
      ctx.err(describeError(ctx, error));
      setExit(1);
    } finally {
      await ctx.close();
    }
  };
  const province = "--province <code>";

  const rulesets = program.command("rulesets").description("Bộ chỉ số: kiểm tra, xem, nhập từ phụ lục");
  rulesets.command("validate [path]").description("Kiểm tra tệp YAML bộ chỉ số; báo mọi lỗi cùng lúc")
    .action((path?: string) => act(commands.rulesetsValidate, (m, ctx) => m.validateCommand(ctx, path)));
  rulesets.command("show <id> [code]").description("Xem cây chỉ số, hoặc một chỉ số và cách tính điểm")
    .action((id: string, code?: string) => act(commands.rulesetsShow, (m, ctx) => m.showCommand(ctx, id, code)));
  rulesets.command("accept <file> [codes...]").description("Chấp nhận các quy tắc đã rà soát sau khi nhập phụ lục (tất cả, hoặc các mã nêu); hết mục cần rà soát thì bộ chỉ số dùng được")
    .action((file: string, codes: string[]) => act(commands.rulesetsAccept, (m, ctx) => m.acceptRulesCommand(ctx, file, codes ?? [])));
  rulesets.command("import <appendix>").description("Đọc bảng phụ lục của quyết định (.xlsx hoặc .csv) như đã ban hành thành bộ chỉ số YAML, kèm bảng đối chiếu")
    .option("-o, --output <file>", "tệp YAML đầu ra").option("--id <id>", "mã bộ chỉ số").option("--title <title>", "tên bộ chỉ số")
    .option("--province <code>", "mã tỉnh").option("--unit-kind <kind>", "department | central_agency | district | commune | province")
    .option("--report <file.xlsx>", "ghi bảng đối chiếu cách chấm (nguyên văn bên cạnh cách hiểu) ra tệp Excel")
    .action((file: string, o: Record<string, string>) => act(commands.appendixImport, (m, ctx) => m.importAppendixCommand(ctx, file, o)));

  program.command("score <ruleset> <figures>").description("Chấm điểm và xếp hạng từ tệp CSV (unit,item,value)")
    .option("--json", "in kết quả dạng JSON")
    .action((id: string, file: string, o: { json?: boolean }) => act(commands.score, (m, ctx) => m.scoreCommand(ctx, id, file, o)));

  const units = program.command("units").description("Danh mục đơn vị");
  units.command("import <file>").description("Nhập danh mục đơn vị từ .xlsx/.csv (mã, tên, loại, đơn vị cấp trên, nhóm, nhãn)")
    .option(province, "mã tỉnh").option("--province-name <name>", "tên tỉnh (tạo mới nếu chưa có)")
    .action((file: string, o: { province?: string; provinceName?: string }) =>
      act(commands.units, (m, ctx) => m.importUnitsCommand(ctx, file, o)));
  units.command("list").description("Liệt kê đơn vị").option(province, "mã tỉnh").option("--json", "dạng JSON")
    .action((o: { province?: string; json?: boolean }) => act(commands.units, (m, ctx) => m.listUnitsCommand(ctx, o)));

  program.command("people").description("Cán bộ và vai trò").command("import <file>")
    .description("Nhập danh sách cán bộ (họ tên, điện thoại, email, mã đơn vị, vai trò)").option(province, "mã tỉnh")
    .action((file: string, o: { province?: string }) => act(commands.people, (m, ctx) => m.importPeopleCommand(ctx, file, o)));

  const groups = program.command("groups").description("Nhóm xếp hạng và bộ chỉ số áp dụng");
  groups.command("set <group> <ruleset>").description("Gán bộ chỉ số cho một nhóm đơn vị").option(province, "mã tỉnh")
    .option("--name <name>", "tên nhóm hiển thị trong kết quả")
    .action((group: string, id: string, o: { province?: string; name?: string }) =>
      act(commands.groups, (m, ctx) => m.setGroupCommand(ctx, group, id, o)));
  groups.command("list").option(province, "mã tỉnh").action((o: { province?: string }) => act(commands.groups, (m, ctx) => m.listGroupsCommand(ctx, o)));

  const period = program.command("period").description("Kỳ đánh giá");
  period.command("open").description("Mở kỳ đánh giá; hạn mặc định lấy từ bộ chỉ số")
    .requiredOption("--ruleset <id>", "mã bộ chỉ số").requiredOption("--year <year>", "năm đánh giá").option(province, "mã tỉnh")
    .option("--deadline <kind=dd/mm/yyyy...>", "submission, leader_approval, review, appeal, publication")
    .action((o: { province?: string; ruleset: string; year: string; deadline?: string[] }) =>
      act(commands.periods, (m, ctx) => m.openPeriodCommand(ctx, o)));
  period.command("list").option(province, "mã tỉnh").option("--json", "dạng JSON")
    .action((o: { province?: string; json?: boolean }) => act(commands.periods, (m, ctx) => m.listPeriodsCommand(ctx, o)));
  period.command("close <id>").description("Đóng kỳ đánh giá").action((id: string) => act(commands.periods, (m, ctx) => m.setPeriodStatusCommand(ctx, id, "closed")));
  period.command("status <id> <status>").description("Đặt trạng thái: open, review, published, closed")
    .action((id: string, status: string) => act(commands.periods, (m, ctx) => m.setPeriodStatusCommand(ctx, id, status)));
  period.command("reopen <id>").description("Mở lại cho một đơn vị sau hạn nộp")
    .requiredOption("--unit <code>", "mã đơn vị").requiredOption("--until <dd/mm/yyyy>", "mở đến hết ngày")
    .requiredOption("--reason <text>", "lý do")
    .action((id: string, o: { unit: string; until: string; reason: string }) =>
      act(commands.periods, (m, ctx) => m.reopenCommand(ctx, id, o)));

  const invites = program.command("invite").description("Mã mời");
  invites.command("list").description("Các mã mời (số lần đã dùng, hạn, trạng thái)").option(province, "mã tỉnh")
    .action((o: { province?: string }) => act(commands.invites, (m, ctx) => m.listInvitesCommand(ctx, o)));
  invites.command("revoke <id>").description("Thu hồi một mã mời").action((id: string) => act(commands.invites, (m, ctx) => m.revokeInviteCommand(ctx, id)));
  invites.command("create").description("Tạo mã mời gắn tài khoản chat với đơn vị và vai trò")
    .requiredOption("--role <role>", "officer | leader | reviewer | admin").option("--unit <code>", "mã đơn vị").option(province, "mã tỉnh")
    .option("--uses <n>", "số lần dùng", "1").option("--days <n>", "hiệu lực (ngày)", "14").option("--note <text>", "ghi chú")
    .action((o: InviteOptions) => act(commands.invites, (m, ctx) => m.createInviteCommand(ctx, o)));

  const exporter = program.command("export").description("Xuất Excel, Word");
  exporter.command("results <period>").description("Phụ lục kết quả xếp hạng (Excel), mỗi nhóm một trang tính").option("-o, --output <file>", "tệp .xlsx")
    .action((id: string, o: { output?: string }) => act(commands.exportResults, (m, ctx) => m.exportResultsCommand(ctx, id, o)));
  exporter.command("decision <period>").description("Dự thảo Quyết định công bố kết quả (Word), kèm phụ lục").option("-o, --output <file>", "tệp .docx")
    .action((id: string, o: { output?: string }) => act(commands.exportResults, (m, ctx) => m.exportDecisionCommand(ctx, id, o)));
  exporter.command("figures <period>").description("Mẫu thu thập số liệu, kèm số liệu hiện có").option("-o, --output <file>", "tệp .xlsx")
    .action((id: string, o: { output?: string }) => act(commands.figures, (m, ctx) => m.exportFiguresCommand(ctx, id, o)));
  program.command("import").description("Nhập Excel").command("figures <period> <file>").description("Nhập số liệu theo mẫu đã xuất")
    .option("--force", "ghi cả sau hạn nộp (ghi nhật ký)")
    .action((id: string, file: string, o: { force?: boolean }) =>
      act(commands.figures, (m, ctx) => m.importFiguresCommand(ctx, id, file, o)));

  const queue = program.command("queue").description("Hàng đợi tin gửi đi (nhắc việc, thông báo, kết quả)");
  queue.command("status").description("Số tin đang chờ, đã gửi, không gửi được, chưa rõ; lý do các lỗi gần nhất").option("--json", "dạng JSON")
    .action((o: { json?: boolean }) => act(commands.queue, (m, ctx) => m.queueStatusCommand(ctx, o)));
  queue.command("retry <ids...>").description("Gửi lại các tin không gửi được hoặc chưa rõ (theo số thứ tự)")
    .action((ids: string[]) => act(commands.queue, (m, ctx) => m.queueRetryCommand(ctx, ids)));

  const calendar = program.command("calendar").description("Lịch làm việc: ngày nghỉ, ngày làm bù do Chính phủ quyết định hằng năm");
  calendar.command("add <day>").description("Thêm ngày nghỉ (hoặc --workday: ngày làm bù), dd/mm/yyyy")
    .option("--to <day>", "đến ngày (một khoảng)").option("--workday", "ngày làm việc bù").option("--note <text>", "ghi chú, ví dụ: Nghỉ Tết Nguyên đán")
    .action((day: string, o: { to?: string; workday?: boolean; note?: string }) =>
      act(commands.calendar, (m, ctx) => m.calendarAddCommand(ctx, day, o)));
  calendar.command("remove <day>").description("Bỏ một ngày đã thêm").action((day: string) => act(commands.calendar, (m, ctx) => m.calendarRemoveCommand(ctx, day)));
  calendar.command("list").description("Ngày nghỉ lễ và ngày do Sở thêm trong năm").option("--year <year>", "năm")
    .action((o: { year?: string }) => act(commands.calendar, (m, ctx) => m.calendarListCommand(ctx, o)));

  program.command("backup <dir>").description("Sao lưu cơ sở dữ liệu SQLite và các tệp minh chứng, kèm bảng mã SHA-256")
    .action((dir: string) => act(commands.backup, (m, ctx) => m.backupCommand(ctx, dir)));
  program.command("restore <dir>").description("Khôi phục từ bản sao lưu (kiểm tra từng tệp trước; dịch vụ phải đang dừng)")
    .action((dir: string) => act(commands.backup, (m, ctx) => m.restoreCommand(ctx, dir)));
  const evidence = program.command("evidence").description("Minh chứng");
  evidence.command("check <period>")
    .description("Đối chiếu từng tệp minh chứng trong kho với mã kiểm tra SHA-256 đã ghi: thiếu tệp, tệp bị thay đổi")
    .option("--json", "dạng JSON")
    .action((id: string, o: { json?: boolean }) => act(commands.evidence, (m, ctx) => m.evidenceCheckCommand(ctx, id, o)));
  evidence.command("copy-to-database")
    .description("Chép tệp minh chứng từ EVIDENCE_DIR vào cơ sở dữ liệu (trước khi đặt EVIDENCE_STORAGE=database), đối chiếu SHA-256; chạy lại được")
    .action(() => act(commands.evidenceCopy, (m, ctx) => m.evidenceCopyToDatabaseCommand(ctx)));

  const zalo = program.command("zalo").description("Zalo Official Account: uỷ quyền cho DTI Bot, tình trạng khoá truy cập");
  zalo.command("authorize").description("Tạo đường dẫn để quản trị viên OA uỷ quyền cho DTI Bot (hiệu lực 10 phút)")
    .action(() => act(commands.zalo, (m, ctx) => m.zaloAuthorizeCommand(ctx)));
  zalo.command("status").description("Khoá truy cập của OA: còn hạn đến khi nào, lỗi gần nhất").option("--json", "dạng JSON")
    .action((o: { json?: boolean }) => act(commands.zalo, (m, ctx) => m.zaloStatusCommand(ctx, o)));

  program.command("demo").description("Dữ liệu minh hoạ").command("seed").description("Tạo dữ liệu minh hoạ: TP. Hồ Chí Minh theo chính quyền hai cấp")
    .action(() => act(commands.demo, (m, ctx) => m.demoSeedCommand(ctx)));
  return program;
}

/**
 * Run the admin command with real stdout/stderr and set the exit code. The
 * configuration is read when a command runs, not for `--help`.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const make = async (locale: Locale): Promise<CliContext> => {
    const [{ loadConfig }, { createContext }] = await Promise.all([import("../config.js"), import("./context.js")]);
    return createContext(contextOptions(loadConfig(), locale));
  };
  let exitCode = 0;
  try {
    await buildProgram(make, (code) => {
      exitCode = code;
    }).parseAsync([...argv]);
  } catch (error) {
    const { ConfigError } = await import("../config.js");
    if (!(error instanceof ConfigError)) throw error;
    // A bad value in .env or the environment: the keys and where they came from, not a stack trace.
    process.stderr.write(`Cấu hình chưa hợp lệ (sửa trong tệp .env hoặc biến môi trường rồi chạy lại):\n${error.problems.map((p) => `  - ${p}`).join("\n")}\n`);
    exitCode = 1;
  }
  process.exitCode = exitCode;
}

function contextOptions(config: Config, locale: Locale): ContextOptions {
  return {
    locale: locale ?? config.DEFAULT_LOCALE,
    rulesetsDir: config.RULESETS_DIR,
    databaseUrl: config.DATABASE_URL,
    botUsername: config.TELEGRAM_BOT_USERNAME,
    ...(config.LOCALES_DIR && { localesDir: config.LOCALES_DIR }),
    inviteSecret: config.INVITE_SECRET,
    tokenKey: config.ZALO_TOKEN_KEY,
    evidenceDir: config.EVIDENCE_DIR,
    evidenceStorage: config.EVIDENCE_STORAGE,
    annex: config,
    zalo: config.ZALO_APP_ID && config.ZALO_APP_SECRET && config.ZALO_OA_ID
      ? { appId: config.ZALO_APP_ID, appSecret: config.ZALO_APP_SECRET, oaId: config.ZALO_OA_ID,
          redirectUrl: config.ZALO_REDIRECT_URL ?? null, oauthRoot: config.ZALO_OAUTH_ROOT ?? null }
      : null,
  };
}

/** Whether this module is the script node was started with (`node dist/cli/main.js …`); bin/dti.js imports runCli instead. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runCli(process.argv);
