import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("gives a local demo with nothing set", () => {
    expect(parseConfig({})).toMatchObject({ NODE_ENV: "development", RULESETS_DIR: "rulesets", DEFAULT_LOCALE: "vi", HTTP_PORT: 8080 });
  });

  it("reads booleans as words: 'false' is false", () => {
    expect(parseConfig({ LOG_PRETTY: "false" }).LOG_PRETTY).toBe(false);
    expect(parseConfig({ LOG_PRETTY: "true" }).LOG_PRETTY).toBe(true);
  });

  it("treats empty values as unset", () => {
    const config = parseConfig({ HTTP_PORT: "", LOCALES_DIR: "" });
    expect(config.HTTP_PORT).toBe(8080);
    expect(config.LOCALES_DIR).toBeUndefined();
  });

  it("lists every bad key in one error", () => {
    try {
      parseConfig({ HTTP_PORT: "eighty", DEFAULT_LOCALE: "fr", LOG_PRETTY: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(":")[0]).sort()).toEqual(["DEFAULT_LOCALE", "HTTP_PORT", "LOG_PRETTY"]);
    }
  });

  it("turns Zalo on only with every key it needs, and keeps its window within Zalo's seven days", () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.split(":")[0]).sort();
      }
    };
    expect(problems({ ZALO_APP_ID: "1234567890123456789" })).toEqual(["ZALO_APP_SECRET", "ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_TOKEN_KEY"]);
    expect(problems({ ZALO_WINDOW_HOURS: "200", ZALO_TOKEN_KEY: "short" })).toEqual(["ZALO_TOKEN_KEY", "ZALO_WINDOW_HOURS"]);
    const config = parseConfig({
      ZALO_APP_ID: "1234567890123456789", ZALO_APP_SECRET: "app-secret", ZALO_OA_ID: "5798234761203948571", ZALO_OA_SECRET_KEY: "oa-secret-key",
      ZALO_TOKEN_KEY: "k".repeat(32),
    });
    expect(config).toMatchObject({ ZALO_OA_ID: "5798234761203948571", ZALO_WINDOW_HOURS: 48, ZALO_TEXT_LIMIT: 2000, ZALO_BUTTONS: "template" });
  });

  it("keeps evidence on disk with SQLite and in the database with PostgreSQL, unless EVIDENCE_STORAGE says otherwise", () => {
    const postgres = "postgresql://dti@db.internal:5432/dti";
    expect(parseConfig({}).EVIDENCE_STORAGE).toBe("disk");
    expect(parseConfig({ DATABASE_URL: postgres }).EVIDENCE_STORAGE).toBe("database");
    expect(parseConfig({ DATABASE_URL: "postgres://dti@db.internal/dti", EVIDENCE_STORAGE: "" }).EVIDENCE_STORAGE).toBe("database");
    expect(parseConfig({ DATABASE_URL: postgres, EVIDENCE_STORAGE: "disk" }).EVIDENCE_STORAGE).toBe("disk");
    expect(parseConfig({ EVIDENCE_STORAGE: "database" }).EVIDENCE_STORAGE).toBe("database");
    expect(() => parseConfig({ EVIDENCE_STORAGE: "s3" })).toThrow("EVIDENCE_STORAGE: disk (a folder of this machine) or database (shared by every instance)");
  });

  describe(".env", () => {
    const folder = (content: string) => {
      const dir = mkdtempSync(join(tmpdir(), "dti-env-"));
      writeFileSync(join(dir, ".env"), content);
      return dir;
    };

    it("is read, with the real environment winning over it", () => {
      const dir = folder("TELEGRAM_BOT_TOKEN=123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ\nHTTP_PORT=9090\n# a comment\nLOG_LEVEL=debug\n");
      const config = loadConfig({ LOG_LEVEL: "warn" }, dir);
      expect(config.TELEGRAM_BOT_TOKEN).toBe("123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      expect(config.HTTP_PORT).toBe(9090);
      expect(config.LOG_LEVEL).toBe("warn");
    });

    it("stops the start on a bad value there, naming the file, with every bad key", () => {
      const dir = folder("HTTP_PORT=eighty\nOFFICE_HOURS=8-5\n");
      let problems: readonly string[] = [];
      try {
        loadConfig({ DEFAULT_LOCALE: "fr" }, dir);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        problems = (error as ConfigError).problems;
      }
      expect(problems.some((p) => p.startsWith("HTTP_PORT (.env): "))).toBe(true);
      expect(problems.some((p) => p.startsWith("OFFICE_HOURS (.env): "))).toBe(true);
      // A bad value from the real environment is not said to come from the file.
      expect(problems.some((p) => p.startsWith("DEFAULT_LOCALE: "))).toBe(true);
    });

    it("may be another file, named by ENV_FILE, which must then exist; no .env is fine", () => {
      const dir = mkdtempSync(join(tmpdir(), "dti-env-"));
      writeFileSync(join(dir, "prod.env"), "HTTP_PORT=7070\n");
      expect(loadConfig({ ENV_FILE: "prod.env" }, dir).HTTP_PORT).toBe(7070);
      expect(loadConfig({}, mkdtempSync(join(tmpdir(), "dti-env-"))).HTTP_PORT).toBe(8080);
      expect(() => loadConfig({ ENV_FILE: "missing.env" }, dir)).toThrow(/ENV_FILE: .*missing\.env does not exist/);
    });
  });
});
