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
});
