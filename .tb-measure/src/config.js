import { isIP } from "node:net";
import { z } from "zod";
const DEV_JWT_SECRET = "development-only-jwt-secret-change-me-0123456789";
const DEV_PII_KEY = "development-only-pii-key-change-me-0123456789ab";
const secret = z.string().min(32, "must be at least 32 characters");
const optionalNonEmpty = z.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : v, z.string().optional());
const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3e3),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/portal.db"),
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: optionalNonEmpty,
  PII_KEY: optionalNonEmpty,
  PAYMENT_WEBHOOK_SECRET: optionalNonEmpty,
  // Which reverse proxies are trusted for X-Forwarded-For/-Proto: a hop count, or their addresses.
  TRUST_PROXY: z.string().trim().default("0"),
  // Where WAL checkpoints run: a background thread (default), or inside the committing request
  // (SQLite's own way; the default for tests, which open hundreds of short-lived databases).
  WAL_CHECKPOINT: z.enum(["background", "inline"]).optional(),
  // Server processes on the one database (node:cluster): one owns the writes, the others forward them.
  WEB_CONCURRENCY: z.preprocess(
    (v) => typeof v === "string" && v.trim() === "" ? void 0 : v,
    z.coerce.number().int("must be a whole number").min(1, "must be between 1 and 16").max(16, "must be between 1 and 16").default(1)
  ),
  // Who carries SMS: no default in production (a missing provider stops the start); `log` elsewhere.
  SMS_PROVIDER: z.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : v, z.enum(["aliyun", "tencent", "log"]).optional()),
  SMS_OUTBOX: z.string().min(1).default("./data/sms-outbox.jsonl"),
  // The real providers' credentials, signature and approved template ids (src/lib/sms/).
  ALIYUN_SMS_ACCESS_KEY_ID: optionalNonEmpty,
  ALIYUN_SMS_ACCESS_KEY_SECRET: optionalNonEmpty,
  ALIYUN_SMS_SIGN_NAME: optionalNonEmpty,
  ALIYUN_SMS_TEMPLATE_CODE: optionalNonEmpty,
  ALIYUN_SMS_TEMPLATE_NOTICE: optionalNonEmpty,
  ALIYUN_SMS_ENDPOINT: z.string().min(1).default("dysmsapi.aliyuncs.com"),
  TENCENT_SMS_SECRET_ID: optionalNonEmpty,
  TENCENT_SMS_SECRET_KEY: optionalNonEmpty,
  TENCENT_SMS_SDK_APP_ID: optionalNonEmpty,
  TENCENT_SMS_SIGN_NAME: optionalNonEmpty,
  TENCENT_SMS_TEMPLATE_CODE: optionalNonEmpty,
  TENCENT_SMS_TEMPLATE_NOTICE: optionalNonEmpty,
  TENCENT_SMS_REGION: z.string().min(1).default("ap-guangzhou")
});
class ConfigError extends Error {
}
function loadConfig(env = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError("Invalid configuration:\n  " + lines.join("\n  "));
  }
  const e = parsed.data;
  const warnings = [];
  const problems = [];
  const pick = (name, dev) => {
    const value = e[name];
    if (value === void 0) {
      if (e.NODE_ENV === "production") problems.push(`${name} is required when NODE_ENV=production`);
      else warnings.push(`${name} is not set: using a fixed development value (never use this in production)`);
      return dev;
    }
    const ok = secret.safeParse(value);
    if (!ok.success) problems.push(`${name} must be at least 32 characters`);
    return value;
  };
  const jwtSecret = pick("JWT_SECRET", DEV_JWT_SECRET);
  const piiKey = pick("PII_KEY", DEV_PII_KEY);
  let smsProvider = e.SMS_PROVIDER;
  if (smsProvider === void 0) {
    if (e.NODE_ENV === "production") problems.push("SMS_PROVIDER is required when NODE_ENV=production (aliyun, tencent, or log for a pilot without an SMS contract)");
    smsProvider = "log";
  } else if (smsProvider === "log" && e.NODE_ENV === "production") {
    warnings.push(`SMS_PROVIDER=log in production: text messages are written to ${e.SMS_OUTBOX}, not sent`);
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, problems);
  const provider = smsProviderSettings(e, smsProvider, problems, warnings);
  if (problems.length > 0) throw new ConfigError("Invalid configuration:\n  " + problems.join("\n  "));
  if (e.PAYMENT_WEBHOOK_SECRET === void 0) warnings.push("PAYMENT_WEBHOOK_SECRET is not set: the payment webhook answers 404");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    uploadDir: e.UPLOAD_DIR,
    logLevel: e.LOG_LEVEL,
    jwtSecret,
    piiKey,
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    trustProxy,
    smsProvider,
    smsOutbox: e.SMS_OUTBOX,
    ...provider,
    webConcurrency: e.WEB_CONCURRENCY,
    backgroundCheckpoint: (e.WAL_CHECKPOINT ?? (e.NODE_ENV === "test" ? "inline" : "background")) === "background",
    warnings
  };
}
function parseTrustProxy(value, problems) {
  if (value === "" || value === "0" || value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : bad();
  if (value === "true") {
    problems.push("TRUST_PROXY=true would trust every X-Forwarded-For: name the number of proxies in front (e.g. 1) or their addresses");
    return false;
  }
  const list = value.split(",").map((v) => v.trim()).filter((v) => v !== "");
  const valid = (v) => {
    const [ip, bits, more] = v.split("/");
    if (more !== void 0 || isIP(ip) === 0) return false;
    return bits === void 0 || /^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128);
  };
  return list.length > 0 && list.every(valid) ? list : bad();
  function bad() {
    problems.push("TRUST_PROXY must be 0, a hop count from 1 to 10, or a comma-separated list of proxy addresses (IP or CIDR)");
    return false;
  }
}
function smsProviderSettings(e, provider, problems, warnings) {
  const need = (names) => {
    const missing = names.filter((n) => e[n] === void 0);
    for (const n of missing) problems.push(`${String(n)} is required when SMS_PROVIDER=${provider}`);
    return missing.length === 0;
  };
  if (provider === "aliyun") {
    if (!need(["ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET", "ALIYUN_SMS_SIGN_NAME", "ALIYUN_SMS_TEMPLATE_CODE"])) return {};
    if (e.ALIYUN_SMS_TEMPLATE_NOTICE === void 0) warnings.push("ALIYUN_SMS_TEMPLATE_NOTICE is not set: notices are not sent by SMS");
    return {
      smsAliyun: {
        accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID,
        accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET,
        signName: e.ALIYUN_SMS_SIGN_NAME,
        endpoint: e.ALIYUN_SMS_ENDPOINT,
        templates: { verification_code: e.ALIYUN_SMS_TEMPLATE_CODE, notice: e.ALIYUN_SMS_TEMPLATE_NOTICE }
      }
    };
  }
  if (provider === "tencent") {
    if (!need(["TENCENT_SMS_SECRET_ID", "TENCENT_SMS_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID", "TENCENT_SMS_SIGN_NAME", "TENCENT_SMS_TEMPLATE_CODE"])) return {};
    if (e.TENCENT_SMS_TEMPLATE_NOTICE === void 0) warnings.push("TENCENT_SMS_TEMPLATE_NOTICE is not set: notices are not sent by SMS");
    return {
      smsTencent: {
        secretId: e.TENCENT_SMS_SECRET_ID,
        secretKey: e.TENCENT_SMS_SECRET_KEY,
        sdkAppId: e.TENCENT_SMS_SDK_APP_ID,
        signName: e.TENCENT_SMS_SIGN_NAME,
        region: e.TENCENT_SMS_REGION,
        templates: { verification_code: e.TENCENT_SMS_TEMPLATE_CODE, notice: e.TENCENT_SMS_TEMPLATE_NOTICE }
      }
    };
  }
  return {};
}
export {
  ConfigError,
  loadConfig,
  parseTrustProxy
};
//# sourceMappingURL=config.js.map
