/**
 * The fake Bot API in a process of its own, as Telegram is: its clock and
 * its event loop are not held up by the bot's work. Prints "READY <apiRoot>";
 * GET /__stats tells what it has received. Limits come from LIMITS (JSON).
 */
import { startFakeTelegram } from "./fake-telegram.js";

const fake = await startFakeTelegram(JSON.parse(process.env["LIMITS"] ?? "{\"globalPerSecond\":30,\"chatPerSecond\":1,\"groupPerMinute\":20}"));
process.stdout.write(`READY ${fake.apiRoot}\n`);
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
