import fp from "fastify-plugin";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "helmet";
import csrf from "@fastify/csrf-protection";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import { AppError } from "../lib/errors.js";
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
var security_default = fp(async function security(app) {
  await app.register(cookie, { secret: app.config.jwtSecret });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"]
      }
    },
    // Set below, only on answers to requests that arrived over HTTPS (never over plain HTTP).
    strictTransportSecurity: false
  });
  app.addHook("onRequest", (req, reply, done) => {
    if (req.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    securityHeaders(req.raw, reply.raw, (err) => {
      done(err);
    });
  });
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: "_csrf",
    // Secure whenever the request came over HTTPS, like every other cookie.
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", signed: true, secure: "auto" },
    // Multipart forms are read in the handler, after this check, so they carry the token in the query.
    getToken: (req) => req.body?._csrf ?? req.query?._csrf ?? req.headers["x-csrf-token"]
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 20, fieldSize: 64 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, "RATE_LIMITED", "error.rateLimited")
  });
  app.decorate("verifyCsrf", async function(req, reply) {
    await new Promise((resolve, reject) => {
      app.csrfProtection(req, reply, (err) => {
        if (err !== void 0 && err !== null) reject(new AppError(403, "CSRF_INVALID", "error.csrf"));
        else resolve();
      });
    });
  });
}, { name: "security", dependencies: ["core"] });
export {
  MAX_UPLOAD_BYTES,
  security_default as default
};
//# sourceMappingURL=security.js.map
