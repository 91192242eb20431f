import fp from "fastify-plugin";
import { AppError } from "../lib/errors.js";
import { t } from "../i18n/index.js";
import { noteRefusal } from "./request-log.js";
function translateFields(lang, fields) {
  if (fields === void 0) return void 0;
  const out = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = typeof value === "string" ? t(lang, value) : t(lang, value.key, value.params);
  }
  return out;
}
function toAppError(err) {
  if (err instanceof AppError) return err;
  const e = err;
  const status = e.statusCode ?? 500;
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError(413, "PAYLOAD_TOO_LARGE", "error.payloadTooLarge");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "error.unsupportedMediaType");
    case "FST_CSRF_INVALID_TOKEN":
    case "FST_CSRF_MISSING_SECRET":
      return new AppError(403, "CSRF_INVALID", "error.csrf");
  }
  if (status === 400 && (e instanceof SyntaxError || (e.code ?? "").startsWith("FST_ERR_CTP"))) {
    return new AppError(400, "INVALID_JSON", "error.invalidJson");
  }
  if (status === 413) return new AppError(413, "PAYLOAD_TOO_LARGE", "error.payloadTooLarge");
  if (status === 405) return new AppError(405, "METHOD_NOT_ALLOWED", "error.methodNotAllowed");
  if (status === 404) return new AppError(404, "NOT_FOUND", "error.notFound");
  if (status >= 400 && status < 500) return new AppError(status, "BAD_REQUEST", "error.invalidInput");
  return new AppError(500, "INTERNAL", "error.internal");
}
function sendError(req, reply, err) {
  const message = t(req.lang, err.messageKey, err.params);
  if (req.isApi || !acceptsHtml(req)) {
    const body = { error: { code: err.code, message } };
    const fields = translateFields(req.lang, err.fields);
    if (fields !== void 0) body.error.fields = fields;
    return reply.code(err.statusCode).type("application/json; charset=utf-8").send(body);
  }
  if (err.statusCode === 401 && req.method === "GET") {
    return reply.redirect("/login?next=" + encodeURIComponent(req.url));
  }
  if (err.statusCode === 404) return reply.page("errors/404", { titleKey: "error.404.title" }, 404);
  return reply.page("errors/error", { titleKey: "error.page.title", message, code: err.code }, err.statusCode);
}
function acceptsHtml(req) {
  const accept = req.headers.accept ?? "";
  return accept === "" || accept.includes("text/html") || accept.includes("*/*");
}
var errors_default = fp(async function errors(app) {
  app.setErrorHandler(function(err, req, reply) {
    const appErr = toAppError(err);
    if (appErr.statusCode >= 500) req.log.error({ err }, "request failed");
    else noteRefusal(req, appErr.code);
    return sendError(req, reply, appErr);
  });
  app.setNotFoundHandler(function(req, reply) {
    return sendError(req, reply, new AppError(404, "NOT_FOUND", "error.notFound"));
  });
}, { name: "errors", dependencies: ["views"] });
export {
  errors_default as default,
  sendError,
  toAppError,
  translateFields
};
//# sourceMappingURL=errors.js.map
