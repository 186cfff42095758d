import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const TOKEN = "135790:SINGLE-PROCESS-TOKEN-FOR-THE-EMULATOR";

/** Embedded mode (SQLite) is one process: the real service, started twice on one database. */
describe("one service process per SQLite database", () => {
  const running: RunningService[] = [];
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    for (const s of running.splice(0)) if (s.running()) await s.kill();
    await emulator?.close();
  });

  it("refuses a second start with a clear word, and starts at once after the first one was killed", async () => {
    emulator = await startTelegramEmulator();
    const env = { DATABASE_URL: tempDatabaseUrl(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot };
    const first = await startService(env);
    running.push(first);
    await expect(startService(env)).rejects.toThrow(/DTI Bot đang chạy trên cơ sở dữ liệu file:.+ ở một tiến trình khác/);
    expect(first.running()).toBe(true);
    // Killed without a chance to clean up: the operating system drops the lock with the process.
    await first.kill();
    running.push(await startService(env));
  }, 60_000);
});
