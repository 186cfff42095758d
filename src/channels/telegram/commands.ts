import type { Api } from "grammy";
import type { I18n } from "../../i18n/index.js";

/** Commands shown in Telegram's menu; names are Vietnamese without diacritics (Telegram allows a-z, 0-9, _). */
const PRIVATE = [
  "start", "diem", "nop", "minhchung", "thieu", "muctieu", "xephang", "hanchot", "duyet", "thamdinh", "khieunai", "huy", "chiso", "hoanlai", "uyquyen",
  "thongbao", "congbo", "donvi", "toi", "huongdan", "ngonngu",
];
/** In unit group chats the bot answers commands only; the read-only ones are listed. */
const GROUP = ["diem", "xephang", "hanchot", "chiso", "huongdan"];

/** Register the command menu per scope and language (Vietnamese is the default list, English for English clients). */
export async function registerCommands(api: Api, i18n: I18n): Promise<void> {
  for (const [scope, names] of [["all_private_chats", PRIVATE], ["all_group_chats", GROUP]] as const) {
    for (const language of ["vi", "en"] as const) {
      const commands = names.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
      await api.setMyCommands(commands, { scope: { type: scope }, ...(language === "en" && { language_code: "en" }) });
    }
  }
}
