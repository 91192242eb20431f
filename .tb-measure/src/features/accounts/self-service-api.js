import { parseInput } from "../../lib/validation.js";
import { apiDoc, fromZod, obj, oneOf } from "../../plugins/openapi.js";
import { passwordResetConfirmInput, passwordResetInput, phoneCodeInput } from "./accounts-schemas.js";
async function selfServiceApi(app, { self, limits }) {
  app.post("/api/v1/auth/password-reset", {
    preHandler: limits.reset,
    schema: apiDoc({
      summary: "Forgot password: text a reset code to the phone",
      description: "Always 202, whether or not the phone has an account (an SMS code is sent only when it has one). One code per phone per 60 s; a code lasts 10 minutes and allows 5 tries.",
      tag: "accounts",
      auth: false,
      body: fromZod(passwordResetInput),
      answer: { status: 202, description: "Accepted", schema: obj({ status: oneOf("accepted") }) },
      errors: { 429: "RATE_LIMITED: too many attempts from this phone and address" }
    })
  }, async (req, reply) => {
    const { phone } = parseInput(passwordResetInput, req.body);
    await self.requestPasswordReset(phone);
    return reply.code(202).send({ status: "accepted" });
  });
  app.post("/api/v1/auth/password-reset/confirm", {
    preHandler: limits.reset,
    schema: apiDoc({
      summary: "Set a new password with the SMS code",
      description: "Lifts a lockout and ends every earlier session and token. A wrong, used or expired code answers 400 with `fields.code`.",
      tag: "accounts",
      auth: false,
      body: fromZod(passwordResetConfirmInput),
      answer: { description: "The password is changed: sign in with it", schema: obj({ status: oneOf("password_reset") }) },
      errors: { 429: "RATE_LIMITED: too many attempts from this phone and address" }
    })
  }, async (req) => {
    const input = parseInput(passwordResetConfirmInput, req.body);
    await self.confirmPasswordReset(input);
    return { status: "password_reset" };
  });
  app.post("/api/v1/me/phone-verification", {
    schema: apiDoc({
      summary: "Text a code to my phone to verify it",
      tag: "accounts",
      answer: { status: 202, description: "Code sent", schema: obj({ status: oneOf("sent") }) },
      errors: { 429: "RATE_LIMITED: a code was sent less than 60 s ago" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    await self.requestPhoneVerification(actor);
    return reply.code(202).send({ status: "sent" });
  });
  app.post("/api/v1/me/phone-verification/confirm", {
    schema: apiDoc({
      summary: "Confirm my phone with the SMS code",
      description: "A wrong, used or expired code answers 400 with `fields.code`.",
      tag: "accounts",
      body: fromZod(phoneCodeInput),
      answer: { description: "The phone is verified", schema: obj({ phoneVerified: { type: "boolean" } }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { code } = parseInput(phoneCodeInput, req.body);
    return self.confirmPhoneVerification(actor, code);
  });
}
export {
  selfServiceApi as default
};
//# sourceMappingURL=self-service-api.js.map
