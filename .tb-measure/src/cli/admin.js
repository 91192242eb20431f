import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig, ConfigError } from "../config.js";
import { openDatabase } from "../db/index.js";
import { createClock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import { t } from "../i18n/index.js";
import { translateFields } from "../plugins/errors.js";
import { createAccountsService } from "../features/accounts/accounts-service.js";
import { findUserByPhone } from "../features/accounts/accounts-repository.js";
import { mobile, parseInput, text } from "../lib/validation.js";
import { password } from "../features/accounts/accounts-schemas.js";
const USAGE = `usage:
  npm run admin -- create-user --role member|staff|admin --phone PHONE --password PASSWORD --name NAME [--building ID ...]
  npm run admin -- deactivate-user --phone PHONE
  npm run admin -- reactivate-user --phone PHONE
  npm run admin -- reset-password --phone PHONE [--password PASSWORD]`;
const createInput = z.object({
  role: z.enum(["member", "staff", "admin"], { error: "v.invalidValue" }),
  phone: mobile(),
  password: password(),
  name: text(50),
  building: z.array(z.coerce.number({ error: "accounts.unknownBuilding" }).int().positive("accounts.unknownBuilding")).default([])
});
const COMMANDS = ["create-user", "deactivate-user", "reactivate-user", "reset-password"];
async function runAdmin(argv, env = process.env, out = (s) => process.stdout.write(s + "\n"), err = (s) => process.stderr.write(s + "\n")) {
  const [command, ...rest] = argv;
  if (command === void 0 || !COMMANDS.includes(command)) {
    err(USAGE);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: {
        role: { type: "string" },
        phone: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        building: { type: "string", multiple: true },
        lang: { type: "string" }
      },
      strict: true
    }).values;
  } catch (e) {
    err(`${e.message}
${USAGE}`);
    return 2;
  }
  const lang = args.lang === "en" ? "en" : "zh";
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
  const db = openDatabase(config.databasePath);
  const service = createAccountsService(db, createClock());
  const userByPhone = (raw) => {
    const phone = parseInput(z.object({ phone: mobile() }), { phone: raw }).phone;
    const user = findUserByPhone(db, phone);
    if (user === void 0) throw new AppError(404, "NOT_FOUND", "cli.noSuchUser", { phone });
    return user;
  };
  try {
    switch (command) {
      case "create-user": {
        const input = parseInput(createInput, { ...args, building: args.building?.flatMap((b) => b.split(",")) });
        if (input.role === "staff" && input.building.length === 0) throw new AppError(400, "INVALID_INPUT", "error.invalidInput", {}, { building: "cli.staffNeedsBuilding" });
        const user = await service.createUser("cli", { ...input, buildingIds: input.building });
        out(`created user ${user.id} (${user.phone}, ${user.name}) with role ${input.role}`);
        return 0;
      }
      case "deactivate-user":
      case "reactivate-user": {
        const user = userByPhone(args.phone);
        service.setActive("cli", user.id, command === "reactivate-user");
        out(`${command === "deactivate-user" ? "deactivated" : "reactivated"} user ${user.id} (${user.phone})`);
        return 0;
      }
      case "reset-password": {
        const user = userByPhone(args.phone);
        const chosen = args.password === void 0 ? void 0 : parseInput(z.object({ password: password() }), { password: args.password }).password;
        const temporary = await service.resetPassword("cli", user.id, chosen);
        out(`password of user ${user.id} (${user.phone}) reset; it must be changed at next sign-in.`);
        if (chosen === void 0) out(`temporary password: ${temporary}`);
        return 0;
      }
      default:
        err(USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      err(`${e.code}: ${t(lang, e.messageKey, e.params)}`);
      for (const [k, v] of Object.entries(translateFields(lang, e.fields) ?? {})) err(`  --${k}: ${v}`);
      return 1;
    }
    throw e;
  } finally {
    db.$client.close();
  }
}
const invokedDirectly = process.argv[1] !== void 0 && /admin\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  runAdmin(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (err) => {
    process.stderr.write(String(err?.stack ?? err) + "\n");
    process.exitCode = 1;
  });
}
export {
  runAdmin
};
//# sourceMappingURL=admin.js.map
