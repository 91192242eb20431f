import fp from "fastify-plugin";
import Fastify from "fastify";
import fastifyStatic from "@fastify/static";
import core from "./plugins/core.js";
import security from "./plugins/security.js";
import i18n from "./plugins/i18n.js";
import auth from "./plugins/auth.js";
import views from "./plugins/views.js";
import errors from "./plugins/errors.js";
import openapi from "./plugins/openapi.js";
import { OneLinePerRequest } from "./plugins/request-log.js";
import { publicDir } from "./paths.js";
import home from "./features/home/index.js";
import accounts from "./features/accounts/index.js";
import audit from "./features/audit/index.js";
import buildings from "./features/buildings/index.js";
import memberships from "./features/memberships/index.js";
import aid from "./features/aid/index.js";
import claims from "./features/claims/index.js";
import governance from "./features/governance/index.js";
import notifications from "./features/notifications/index.js";
async function application(fastify, opts) {
  const jsonParser = fastify.getDefaultJsonParser("error", "error");
  fastify.removeContentTypeParser("application/json");
  fastify.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    if (body === "" || typeof body === "string" && body.trim() === "") {
      done(null, void 0);
      return;
    }
    jsonParser(req, body, done);
  });
  await fastify.register(core, opts);
  await fastify.register(security);
  await fastify.register(i18n);
  await fastify.register(auth);
  await fastify.register(views);
  await fastify.register(errors);
  await fastify.register(openapi);
  await fastify.register(fastifyStatic, {
    root: publicDir,
    prefix: "/static/",
    maxAge: opts.config.env === "production" ? "1d" : 0
  });
  await fastify.register(home);
  await fastify.register(accounts);
  await fastify.register(audit);
  await fastify.register(buildings);
  await fastify.register(notifications);
  await fastify.register(memberships);
  await fastify.register(aid);
  await fastify.register(claims);
  await fastify.register(governance);
}
const app = fp(application, { name: "application" });
function serverOptions(config) {
  return {
    logger: config.logLevel === "silent" ? false : {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      // The path only: a query string may hold a resident ID number (a roster search).
      serializers: {
        req: (req) => ({
          method: req.method,
          url: req.url.split("?")[0],
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort
        })
      }
    },
    // One line per request instead of two (plugins/request-log.ts).
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // A hop count as a function: fastify's own number option trusts nothing at all.
    trustProxy: typeof config.trustProxy === "number" ? (_address, hop) => hop < config.trustProxy : config.trustProxy,
    connectionTimeout: 3e4,
    requestTimeout: 6e4,
    keepAliveTimeout: 1e4,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true }
  };
}
async function buildApp(config, options = {}) {
  const fastify = Fastify(serverOptions(config));
  await fastify.register(app, { config, clock: options.clock, housekeeping: options.housekeeping });
  for (const w of config.warnings) fastify.log.warn(w);
  return fastify;
}
export {
  app,
  buildApp,
  serverOptions
};
//# sourceMappingURL=app.js.map
