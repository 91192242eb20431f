import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError, notFound, unauthorized } from "../../lib/errors.js";
import { parseInput } from "../../lib/validation.js";
import { webhookBody } from "./aid-schemas.js";
import { apiDoc, fromZod, obj, oneOf } from "../../plugins/openapi.js";
const WEBHOOK_PATH = "/api/v1/aid/payments/webhook";
function signWebhook(secret, body) {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}
function signatureValid(secret, body, header) {
  if (typeof header !== "string") return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (m === null) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(m[1], "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
async function paymentWebhook(app, { service }) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, body);
  });
  app.post(WEBHOOK_PATH, {
    schema: apiDoc({
      summary: "Payment provider's notice that an order was paid (signed)",
      description: "The signature is checked against the raw body bytes. The same notice again answers 200 and changes nothing. Answers 404 while PAYMENT_WEBHOOK_SECRET is unset.",
      tag: "aid",
      auth: false,
      body: fromZod(webhookBody),
      signature: true,
      answer: { description: "Paid", schema: obj({ status: oneOf("paid") }) },
      errors: { 404: "No such order, or webhooks are not configured", 409: "STATE_CHANGED or RECEIPT_TAKEN", 422: "AMOUNT_MISMATCH (amountFen is not the order's amount: nothing paid), NO_COVER_LEFT" }
    })
  }, async (req) => {
    const secret = app.config.paymentWebhookSecret;
    if (secret === void 0 || secret === "") throw notFound();
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signatureValid(secret, raw, req.headers["x-signature"])) throw unauthorized("INVALID_SIGNATURE", "aid.err.badSignature");
    let json;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new AppError(400, "INVALID_JSON", "error.invalidJson");
    }
    const input = parseInput(webhookBody, json);
    const { replayed: _replayed, ...answer } = service.webhookPayment(input);
    return answer;
  });
}
export {
  WEBHOOK_PATH,
  paymentWebhook as default,
  signWebhook,
  signatureValid
};
//# sourceMappingURL=payment-webhook.js.map
