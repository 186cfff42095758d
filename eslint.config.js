// One lint tool that also formats: ESLint (typescript-eslint + @stylistic).
// The per-folder `no-restricted-imports` blocks enforce the dependency rule
// of ../shared/docs/STYLE.md (scoring is pure, only store knows Prisma, …).
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Build a restriction block: `patterns` are import specifiers this folder must not use. */
function restrict(files, patterns, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message })) }],
    },
  };
}

const PLATFORM_LIBS = ["grammy", "grammy/*", "@grammyjs/*", "node-cron", "@prisma/*", "**/generated/**"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "data/", "scratch/", "src/generated/", "prisma/generated/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  stylistic.configs.customize({ quotes: "double", semi: true, indent: 2, braceStyle: "1tbs", arrowParens: true }),
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@stylistic/max-len": ["error", { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: true }],
      "@stylistic/operator-linebreak": ["error", "before", { overrides: { "=": "after" } }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      "eqeqeq": ["error", "always"],
    },
  },
  // Test tables read best one case per line.
  { files: ["test/**/*.ts", "bench/**/*.ts"], rules: { "@stylistic/max-len": ["error", { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true }] } },
  // scoring: pure. No I/O, no clock, no npm dependency, nothing else of ours.
  {
    files: ["src/scoring/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { regex: "^(?!\\.{1,2}/)", message: "src/scoring is pure: no npm or node: imports." },
          { group: ["../*", "!./*"], message: "src/scoring imports only itself." },
        ],
      }],
      "no-restricted-syntax": ["error",
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "src/scoring has no clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/scoring has no clock." },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "src/scoring is deterministic." },
        { selector: "MemberExpression[object.name='process']", message: "src/scoring reads no environment." },
      ],
    },
  },
  restrict(["src/rulesets/**/*.ts"], ["**/bot/**", "**/channels/**", "**/store/**", "**/http/**", "**/scheduler/**", "**/delivery/**", ...PLATFORM_LIBS],
    "src/rulesets may import scoring types, zod, yaml and node:fs only."),
  restrict(["src/i18n/**/*.ts"], ["**/bot/**", "**/channels/**", "**/store/**", "**/http/**", "**/scheduler/**", ...PLATFORM_LIBS],
    "src/i18n is usable without grammY or the store."),
  restrict(["src/bot/**/*.ts"], ["**/channels/**", "**/store/**", "**/http/**", "**/scheduler/**", "**/delivery/**", "**/charts/**", "**/config", "**/config.js",
    ...PLATFORM_LIBS, "node:http", "undici", "@napi-rs/*", "chart.js"],
  "src/bot is channel-neutral: no grammY, Prisma, node-cron, HTTP, native drawing or config (charts come through a port)."),
  restrict(["src/charts/**/*.ts"], ["**/bot/**", "**/channels/**", "**/store/**", "**/http/**", "**/scheduler/**", ...PLATFORM_LIBS],
    "src/charts draws pictures from plain data."),
  restrict(["src/store/**/*.ts"], ["**/channels/**", "**/http/**", "**/scheduler/**", "grammy", "grammy/*"],
    "src/store must not import channels, http or scheduler."),
  restrict(["src/channels/**/*.ts"], ["**/store/**", "**/scheduler/**", "@prisma/*", "**/generated/**", "node-cron"],
    "src/channels must not import the store or the scheduler."),
  restrict(["src/scheduler/**/*.ts"], ["**/channels/**", "**/store/**", "grammy", "grammy/*", "@prisma/*", "**/generated/**"],
    "src/scheduler sends through a port, never a channel."),
  restrict(["src/queue/**/*.ts"], ["**/channels/**", "**/store/**", "**/scheduler/**", "**/http/**", "grammy", "grammy/*", "@prisma/*", "**/generated/**"],
    "src/queue runs pg-boss and speaks to the rest through ports."),
  restrict(["src/delivery/**/*.ts"], ["**/channels/**", "**/store/**", "**/scheduler/**", "grammy", "grammy/*", "@prisma/*", "**/generated/**"],
    "src/delivery sends through the Sender port and keeps its queue through the store's port."),
  {
    files: ["src/**/*.ts"],
    ignores: ["src/config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Only src/config.ts reads process.env." }],
    },
  },
);
