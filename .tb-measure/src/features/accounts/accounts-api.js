import { parseInput } from "../../lib/validation.js";
import { API_TOKEN_TTL_S } from "../../plugins/auth.js";
import { changePasswordInput, registerInput, signInInput } from "./accounts-schemas.js";
import { findUserById } from "./accounts-repository.js";
import { apiDoc, arr, date, fromZod, int, nullable, obj, oneOf, ref, str } from "../../plugins/openapi.js";
async function accountsApi(app, { service, limits }) {
  app.post("/api/v1/auth/register", {
    preHandler: limits.signUp,
    schema: apiDoc({
      summary: "Sign up (\u6CE8\u518C) and get a token",
      tag: "accounts",
      auth: false,
      body: fromZod(registerInput),
      answer: { status: 201, description: "The account and an API token (12 hours)", schema: obj({ token: str("Bearer token"), user: obj({ id: int(), phone: str(), name: str(), roles: arr(oneOf("member", "staff", "admin")) }) }) },
      errors: { 409: "PHONE_TAKEN: the phone number already has an account", 429: "RATE_LIMITED: too many attempts from this phone and address" }
    })
  }, async (req, reply) => {
    const input = parseInput(registerInput, req.body);
    const user = await service.register(input);
    const token = app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S);
    return reply.code(201).send({ token, user: service.publicUser(user) });
  });
  app.post("/api/v1/auth/token", {
    preHandler: limits.signIn,
    schema: apiDoc({
      summary: "Sign in (\u767B\u5F55): a Bearer token for phone and password",
      tag: "accounts",
      auth: false,
      body: fromZod(signInInput),
      answer: { description: "An API token (12 hours). `mustChangePassword`: other calls answer 403 until POST /api/v1/auth/password", schema: obj({ token: str("Bearer token"), mustChangePassword: { type: "boolean" } }) },
      errors: { 401: "INVALID_CREDENTIALS: wrong phone or password", 429: "RATE_LIMITED, or ACCOUNT_LOCKED after five wrong passwords in a row (15 minutes)" }
    })
  }, async (req) => {
    const input = parseInput(signInInput, req.body);
    const user = await service.signIn(input);
    return { token: app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S), mustChangePassword: user.mustChangePassword };
  });
  app.post("/api/v1/auth/password", {
    schema: apiDoc({
      summary: "Change the password; earlier tokens stop working",
      tag: "accounts",
      body: fromZod(changePasswordInput),
      answer: { description: "A new token", schema: obj({ token: str() }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const input = parseInput(changePasswordInput, req.body);
    const user = await service.changePassword(actor, input);
    return { token: app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S) };
  });
  app.get("/api/v1/me", {
    schema: apiDoc({
      summary: "Who I am: account, membership, enterprises I am the liaison of, current aid share",
      tag: "accounts",
      answer: {
        description: "The signed-in user",
        schema: obj({
          user: obj({ id: int(), phone: str(), name: str(), roles: arr(oneOf("member", "staff", "admin")), staffBuildingIds: arr(int()), mustChangePassword: { type: "boolean" }, phoneVerified: { type: "boolean" } }),
          membership: nullable(obj({ id: int(), status: oneOf("applied", "active", "rejected", "left"), memberNo: nullable(str()), enterpriseId: int(), enterpriseName: str(), buildingId: int(), joinedOn: nullable(date()), idMasked: str() })),
          enterprises: arr(obj({ id: int(), name: str(), buildingId: int(), status: str() })),
          aidShare: nullable(ref("Order"))
        }, ["membership", "aidShare"])
      }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const user = findUserById(app.db, actor.id);
    const body = {
      user: {
        ...service.publicUser(user),
        staffBuildingIds: actor.staffBuildingIds,
        mustChangePassword: actor.mustChangePassword,
        phoneVerified: user.phoneVerifiedAt !== null
      },
      enterprises: []
    };
    for (const part of app.meParts) Object.assign(body, part(actor));
    return body;
  });
}
export {
  accountsApi as default
};
//# sourceMappingURL=accounts-api.js.map
