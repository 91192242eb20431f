import fp from "fastify-plugin";
import { openDatabase, optimizeDatabase } from "../db/index.js";
import { startCheckpointer } from "../db/checkpointer.js";
import { createClock } from "../lib/clock.js";
import { createPii } from "../lib/pii.js";
import { useTestPasswordCost } from "../lib/password.js";
import { createSms } from "../lib/sms/index.js";
var core_default = fp(async function core(app, opts) {
  app.decorate("config", opts.config);
  if (opts.config.env === "test") useTestPasswordCost();
  app.decorate("clock", opts.clock ?? createClock());
  app.decorate("pii", createPii(opts.config.piiKey));
  app.decorate("sms", createSms(opts.config, () => app.clock.now()));
  const db = openDatabase(opts.config.databasePath);
  app.decorate("db", db);
  app.decorate("housekeeping", opts.housekeeping ?? true);
  const optimizer = app.housekeeping ? setInterval(() => {
    try {
      optimizeDatabase(db, false);
    } catch (err) {
      app.log.warn({ err }, "PRAGMA optimize failed");
    }
  }, 60 * 60 * 1e3) : void 0;
  optimizer?.unref();
  const checkpointer = app.housekeeping && opts.config.backgroundCheckpoint && opts.config.databasePath !== ":memory:" ? startCheckpointer(opts.config.databasePath, { onError: (message) => app.log.warn({ message }, "background WAL checkpoint failed") }) : null;
  app.addHook("onClose", async () => {
    clearInterval(optimizer);
    await checkpointer?.stop();
    db.$client.close();
  });
}, { name: "core" });
export {
  core_default as default
};
//# sourceMappingURL=core.js.map
