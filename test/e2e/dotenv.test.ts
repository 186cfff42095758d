import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const TOKEN = "246810:DOTENV-TOKEN-FOR-THE-TELEGRAM-EMULATOR";

/** Going live as the README says: the keys go in an env file and the service is started again. */
describe("the service started with its keys in an env file (the real service in a child process)", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    await emulator?.close();
  });

  it("leaves demo mode and polls Telegram with the token written there, not in the environment", async () => {
    emulator = await startTelegramEmulator();
    const file = join(mkdtempSync(join(tmpdir(), "dti-dotenv-")), "dti.env");
    writeFileSync(file, `# written by the operator\nTELEGRAM_BOT_TOKEN=${TOKEN}\nTELEGRAM_API_ROOT="${emulator.apiRoot}"\nDATABASE_URL=${tempDatabaseUrl()}\n`);
    service = await startService({ ENV_FILE: file });
    const ready = (await service.get("/readyz")) as { body: { checks: Record<string, unknown> } };
    expect(Object.keys(ready.body.checks)).toContain("telegram");
    expect(service.logs.some((l) => String(l["msg"]).includes("demo"))).toBe(false);
  });
});
