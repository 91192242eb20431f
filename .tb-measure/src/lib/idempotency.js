import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery } from "../db/prepared.js";
import { idempotencyKeys } from "../db/schema/index.js";
import { AppError } from "./errors.js";
const KEY_RE = /^[\x21-\x7e]{1,200}$/;
function requireIdempotencyKey(header) {
  if (typeof header !== "string" || header.trim() === "") {
    throw new AppError(400, "IDEMPOTENCY_KEY_REQUIRED", "error.idempotencyKeyRequired", {}, { "Idempotency-Key": "error.idempotencyKeyRequired" });
  }
  const key = header.trim();
  if (!KEY_RE.test(key)) throw new AppError(400, "INVALID_INPUT", "error.invalidInput", {}, { "Idempotency-Key": "v.invalidType" });
  return key;
}
function hashRequest(body) {
  return createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
}
const findKeyQuery = preparedQuery((db) => db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, sql.placeholder("userId")), eq(idempotencyKeys.scope, sql.placeholder("scope")), eq(idempotencyKeys.key, sql.placeholder("key")))).prepare());
const insertKeyQuery = preparedQuery((db) => db.insert(idempotencyKeys).values({
  userId: sql.placeholder("userId"),
  scope: sql.placeholder("scope"),
  key: sql.placeholder("key"),
  requestHash: sql.placeholder("requestHash"),
  statusCode: sql.placeholder("statusCode"),
  response: sql.placeholder("response"),
  createdAt: sql.placeholder("createdAt")
}).prepare());
function withIdempotency(db, userId, scope, key, requestHash, at, fn) {
  return db.transaction((tx) => {
    const found = findKeyQuery(tx).get({ userId, scope, key });
    if (found !== void 0) {
      if (found.requestHash !== requestHash) throw new AppError(422, "IDEMPOTENCY_KEY_REUSED", "error.idempotencyKeyReused");
      return { statusCode: found.statusCode, body: JSON.parse(found.response), replayed: true };
    }
    const answer = fn(tx);
    insertKeyQuery(tx).run({
      userId,
      scope,
      key,
      requestHash,
      statusCode: answer.statusCode,
      response: JSON.stringify(answer.body),
      createdAt: at
    });
    return { ...answer, replayed: false };
  });
}
export {
  hashRequest,
  requireIdempotencyKey,
  withIdempotency
};
//# sourceMappingURL=idempotency.js.map
