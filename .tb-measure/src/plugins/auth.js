import { randomBytes } from "node:crypto";
import fp from "fastify-plugin";
import jwt from "@fastify/jwt";
import { loadActorRow, insertSession, revokeSession, sessionLive } from "../features/accounts/accounts-repository.js";
import { AppError, unauthorized } from "../lib/errors.js";
const TOKEN_COOKIE = "token";
const PAGE_TOKEN_TTL_S = 2 * 60 * 60;
const RENEW_AFTER_S = 10 * 60;
const API_TOKEN_TTL_S = 12 * 60 * 60;
function cookieOptions(req) {
  return { path: "/", httpOnly: true, sameSite: "lax", secure: req.protocol === "https", maxAge: PAGE_TOKEN_TTL_S };
}
var auth_default = fp(async function auth(app) {
  await app.register(jwt, { secret: app.config.jwtSecret, sign: { algorithm: "HS256" }, verify: { algorithms: ["HS256"] } });
  app.decorateRequest("actor", null);
  app.decorateRequest("authProblem", null);
  app.decorateRequest("isApi", false);
  app.decorateRequest("sessionId", null);
  app.decorate("issueToken", (userId, tokenVersion, ttlSeconds) => app.jwt.sign({ sub: String(userId), tv: tokenVersion, k: "a" }, { expiresIn: ttlSeconds }));
  const pageToken = (userId, tokenVersion, sid) => app.jwt.sign({ sub: String(userId), tv: tokenVersion, k: "p", sid }, { expiresIn: PAGE_TOKEN_TTL_S });
  app.decorate("setSessionCookie", (req, reply, userId, tokenVersion) => {
    const sid = randomBytes(18).toString("base64url");
    insertSession(app.db, { id: sid, userId, createdAt: app.clock.iso() });
    reply.setCookie(TOKEN_COOKIE, pageToken(userId, tokenVersion, sid), cookieOptions(req));
  });
  app.decorate("clearSessionCookie", (reply) => {
    reply.clearCookie(TOKEN_COOKIE, { path: "/" });
  });
  app.decorate("endSession", (req, reply) => {
    if (req.sessionId !== null) revokeSession(app.db, req.sessionId, app.clock.iso());
    app.clearSessionCookie(reply);
  });
  app.decorate("requireSignedIn", (req) => {
    if (req.actor !== null) return req.actor;
    if (req.authProblem !== null) throw unauthorized("TOKEN_INVALID", "error.tokenInvalid");
    throw unauthorized();
  });
  app.addHook("onRequest", async (req, reply) => {
    const route = req.routeOptions.url;
    req.isApi = route !== void 0 ? route.startsWith("/api/") : req.url.startsWith("/api/");
    const header = req.headers.authorization;
    let token;
    if (req.isApi) {
      if (typeof header === "string" && /^Bearer\s+/i.test(header)) token = header.replace(/^Bearer\s+/i, "").trim();
      else if (header !== void 0) {
        req.authProblem = "TOKEN_INVALID";
        return;
      }
    } else {
      token = req.cookies[TOKEN_COOKIE];
    }
    if (token === void 0 || token === "") return;
    let payload;
    try {
      payload = app.jwt.verify(token);
    } catch {
      req.authProblem = "TOKEN_INVALID";
      if (!req.isApi) app.clearSessionCookie(reply);
      return;
    }
    const kindOk = req.isApi ? payload.k === "a" : payload.k === "p" && typeof payload.sid === "string" && sessionLive(app.db, payload.sid, Number(payload.sub));
    const user = kindOk ? loadActorRow(app.db, Number(payload.sub)) : void 0;
    if (user === void 0 || !user.active || user.tokenVersion !== payload.tv) {
      req.authProblem = "TOKEN_INVALID";
      if (!req.isApi) app.clearSessionCookie(reply);
      return;
    }
    const grants = user.grants === null ? [] : user.grants.split(",");
    const isAdmin = grants.includes("admin");
    const isStaff = grants.includes("staff");
    const roles = ["member"];
    if (user.liaison === 1) roles.push("liaison");
    if (isStaff) roles.push("staff");
    if (isAdmin) roles.push("admin");
    req.actor = {
      id: user.id,
      name: user.name,
      phone: user.phone,
      roles,
      isAdmin,
      isStaff,
      staffBuildingIds: user.scopes === null ? [] : user.scopes.split(",").map(Number),
      mustChangePassword: user.mustChangePassword
    };
    if (!req.isApi) req.sessionId = payload.sid ?? null;
    if (!req.isApi && payload.iat !== void 0 && Date.now() / 1e3 - payload.iat > RENEW_AFTER_S) {
      reply.setCookie(TOKEN_COOKIE, pageToken(user.id, user.tokenVersion, payload.sid), cookieOptions(req));
    }
  });
  app.addHook("preHandler", async (req, reply) => {
    const a = req.actor;
    if (a === null || !a.mustChangePassword) return;
    const path = req.url.split("?")[0];
    const allowed = ["/account/password", "/logout", "/api/v1/auth/password", "/api/v1/me", "/healthz"].includes(path) || path.startsWith("/static/") || path.startsWith("/lang/");
    if (allowed) return;
    if (req.isApi) throw new AppError(403, "PASSWORD_CHANGE_REQUIRED", "accounts.passwordChangeRequired");
    return reply.redirect("/account/password");
  });
}, { name: "auth", dependencies: ["core", "security"] });
export {
  API_TOKEN_TTL_S,
  PAGE_TOKEN_TTL_S,
  TOKEN_COOKIE,
  cookieOptions,
  auth_default as default
};
//# sourceMappingURL=auth.js.map
