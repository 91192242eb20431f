import fp from "fastify-plugin";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { COMPONENT_SCHEMAS, DESCRIPTION, obj, oneOf, ref, TAGS } from "./openapi-schemas.js";
import { answerFromZod, arr, date, fenInt, fromZod, int, items, nullable, obj as obj2, oneOf as oneOf2, ref as ref2, str } from "./openapi-schemas.js";
const DOCS_PREFIX = "/api/docs";
const OPENAPI_JSON_PATH = `${DOCS_PREFIX}/openapi.json`;
const ANSWERS_KEY = "x-answers";
function apiDoc(d) {
  const auth = d.auth ?? true;
  const errors = {};
  if (d.body !== void 0 || d.multipart !== void 0 || d.query !== void 0 || d.params !== void 0 || d.idempotencyKey === true) {
    errors["400"] = "INVALID_INPUT: `fields` maps each bad field to its message" + (d.idempotencyKey === true ? "; IDEMPOTENCY_KEY_REQUIRED without the header" : "");
  }
  if (auth) {
    errors["401"] = "UNAUTHORIZED / TOKEN_INVALID: no token, or an expired or revoked one";
    errors["403"] = "FORBIDDEN: not allowed for this user; PASSWORD_CHANGE_REQUIRED";
  }
  if (d.signature === true) errors["401"] = "INVALID_SIGNATURE: the X-Signature header does not match the raw body";
  if (d.params !== void 0) errors["404"] = "NOT_FOUND";
  for (const [status, meaning] of Object.entries(d.errors ?? {})) errors[status] = meaning;
  const headers = {};
  const required = [];
  if (d.idempotencyKey === true) {
    headers["Idempotency-Key"] = { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$", description: "A key chosen by the caller (printable ASCII). The same key from the same user returns the first answer and creates nothing new." };
    required.push("Idempotency-Key");
  }
  if (d.signature === true) {
    headers["X-Signature"] = { type: "string", pattern: "^sha256=[0-9a-fA-F]{64}$", description: "`sha256=<hex HMAC-SHA256 of the raw body with PAYMENT_WEBHOOK_SECRET>`" };
    required.push("X-Signature");
  }
  const answers = { success: { status: d.answer.status ?? 200, description: d.answer.description, schema: d.answer.schema, contentType: d.answer.contentType }, errors };
  const schema = {
    summary: d.summary,
    tags: [d.tag],
    [ANSWERS_KEY]: answers
  };
  if (d.description !== void 0) schema.description = d.description;
  if (auth) schema.security = [{ bearerAuth: [] }];
  if (d.body !== void 0) schema.body = d.body;
  if (d.multipart !== void 0) {
    schema.body = d.multipart;
    schema.consumes = ["multipart/form-data"];
  }
  if (d.query !== void 0) schema.querystring = d.query;
  if (d.params !== void 0) schema.params = d.params;
  if (required.length > 0) schema.headers = { type: "object", properties: headers, required };
  return schema;
}
function errorResponse(description) {
  return { description, content: { "application/json": { schema: ref("Error") } } };
}
function finishDocument(doc) {
  const paths = doc.paths;
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const answers = op[ANSWERS_KEY];
      if (answers === void 0) continue;
      delete op[ANSWERS_KEY];
      const { success } = answers;
      const ok = { description: success.description };
      if (success.contentType !== void 0) {
        ok.content = { [success.contentType]: { schema: { type: "string", format: "binary" } } };
      } else if (success.schema !== void 0) {
        ok.content = { "application/json": { schema: success.schema } };
      }
      const responses = { [String(success.status)]: ok };
      for (const [status, meaning] of Object.entries(answers.errors)) responses[status] = errorResponse(meaning);
      op.responses = responses;
      const body = op.requestBody;
      const bodySchema = body?.content?.["application/json"]?.schema;
      if (body !== void 0 && bodySchema !== void 0 && (bodySchema.required ?? []).length === 0) body.required = false;
    }
  }
  paths["/healthz"] = {
    get: {
      summary: "Health check: the database answers",
      tags: ["accounts"],
      responses: { 200: { description: "OK", content: { "application/json": { schema: obj({ status: oneOf("ok") }) } } } }
    }
  };
  return doc;
}
var openapi_default = fp(async function openapi(app) {
  app.setValidatorCompiler(() => () => true);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/") && route.schema?.response !== void 0) {
      throw new Error(`${route.method} ${route.url}: document answers with apiDoc({ answer }), not schema.response`);
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u95E8\u6237 JSON API", version: "1", description: DESCRIPTION },
      tags: TAGS,
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        schemas: COMPONENT_SCHEMAS
      }
    },
    // Only the routes that declare apiDoc(...) (they carry a tag): the pages are not part of the API.
    hideUntagged: true,
    transformObject: (documentObject) => finishDocument(documentObject.openapiObject)
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    theme: { title: "\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u95E8\u6237 JSON API" },
    // Swagger UI's page loads only its own files (no inline script or style), so the portal's strict CSP applies unchanged.
    staticCSP: false,
    uiConfig: { deepLinking: true, docExpansion: "list", layout: "BaseLayout" }
  });
  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async (_req, reply) => {
    return reply.type("application/json; charset=utf-8").send(app.swagger());
  });
}, { name: "openapi", dependencies: ["errors"] });
export {
  DOCS_PREFIX,
  OPENAPI_JSON_PATH,
  answerFromZod,
  apiDoc,
  arr,
  date,
  openapi_default as default,
  fenInt,
  fromZod,
  int,
  items,
  nullable,
  obj2 as obj,
  oneOf2 as oneOf,
  ref2 as ref,
  str
};
//# sourceMappingURL=openapi.js.map
