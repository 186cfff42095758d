import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

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
});
