import { z } from "zod";
import { idParam, parseInput } from "../../lib/validation.js";
import { apiDoc, fenInt, fromZod, int, obj, oneOf, str } from "../../plugins/openapi.js";
import { batchPaidInput, failedItemInput, payoutAccountInput, returnInput } from "./claims-schemas.js";
import { bankFileCsv, bankFileXlsx, sendBankFile } from "./bank-file.js";
import { notFound } from "../../lib/errors.js";
const itemParams = z.object({ id: z.coerce.number().int().positive(), claimId: z.coerce.number().int().positive() });
const MASKED_ACCOUNT = obj({ bankName: str(), accountNo: str("**** **** 1234: only the last four digits"), accountLast4: str(), accountName: str(), updatedAt: str() });
async function payoutsApi(app, { returns, accounts, batches }) {
  app.post("/api/v1/aid/claims/:id/return", {
    schema: apiDoc({
      summary: "Return a claim to the member for documents (reviewers)",
      description: "From `submitted` or `awaiting_second_approval`; the note says what is missing. A claim returned from the second approval needs both approvals again.",
      tag: "claims",
      params: fromZod(idParam),
      body: fromZod(returnInput),
      answer: { description: "Returned", schema: obj({ status: oneOf("needs_documents") }) },
      errors: { 409: "STATE_CHANGED" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    returns.checkMayReturn(actor, id);
    return returns.returnForDocuments(actor, id, parseInput(returnInput, req.body).note);
  });
  app.post("/api/v1/aid/claims/:id/resubmit", {
    schema: apiDoc({
      summary: "Send a claim returned for documents back for review (the claimant)",
      tag: "claims",
      params: fromZod(idParam),
      answer: { description: "Back in the queue", schema: obj({ status: oneOf("submitted") }) },
      errors: { 409: "STATE_CHANGED: the claim is not waiting for documents" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return returns.resubmit(actor, id);
  });
  app.get("/api/v1/me/payout-account", {
    schema: apiDoc({ summary: "My payout account, masked", tag: "me", answer: { description: "The account", schema: MASKED_ACCOUNT }, errors: { 404: "NOT_FOUND: none on file" } })
  }, async (req) => {
    const account = accounts.get(app.requireSignedIn(req));
    if (account === null) throw notFound();
    return account;
  });
  app.put("/api/v1/me/payout-account", {
    schema: apiDoc({
      summary: "Set my payout account (\u6536\u6B3E\u8D26\u6237) for claims",
      description: "`accountName` must be the member's own name; `accountNo` 12\u201319 digits (spaces and hyphens ignored). Stored encrypted; answered masked.",
      tag: "me",
      body: fromZod(payoutAccountInput),
      answer: { description: "The account, masked", schema: MASKED_ACCOUNT }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    return accounts.save(actor, parseInput(payoutAccountInput, req.body));
  });
  for (const kind of ["csv", "xlsx"]) {
    const paths = kind === "csv" ? ["/api/v1/aid/payment-batches/:id/bank-file.csv", "/api/v1/aid/payment-batches/:id/export.csv"] : ["/api/v1/aid/payment-batches/:id/bank-file.xlsx"];
    for (const path of paths) {
      app.get(path, {
        schema: apiDoc({
          summary: `The batch's bank file (\u6279\u91CF\u4EE3\u53D1, ${kind.toUpperCase()}): a read, the batch does not change`,
          description: "Columns: \u5E8F\u53F7, \u6536\u6B3E\u8D26\u53F7 (full), \u6536\u6B3E\u6237\u540D, \u91D1\u989D\uFF08\u5143\uFF09, \u6536\u6B3E\u94F6\u884C, \u7528\u9014, \u5907\u6CE8\uFF08\u62A5\u9500\u5355\u53F7\uFF09; every cell text.",
          tag: "payment-batches",
          params: fromZod(idParam),
          answer: { description: "The file", contentType: kind === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
        })
      }, async (req, reply) => {
        const { id } = parseInput(idParam, req.params);
        const file = batches.bankFile(app.requireSignedIn(req), id);
        return sendBankFile(reply, file, kind, kind === "csv" ? bankFileCsv(file) : await bankFileXlsx(file));
      });
    }
  }
  app.post("/api/v1/aid/payment-batches/:id/exported", {
    schema: apiDoc({
      summary: "Mark a batch exported: its bank file was handed to the bank",
      tag: "payment-batches",
      params: fromZod(idParam),
      answer: { description: "Exported", schema: obj({ id: int(), status: oneOf("exported") }) },
      errors: { 409: "STATE_CHANGED" }
    })
  }, async (req) => {
    const { id } = parseInput(idParam, req.params);
    return batches.markExported(app.requireSignedIn(req), id);
  });
  app.post("/api/v1/aid/payment-batches/:id/paid", {
    schema: apiDoc({
      summary: "Mark a batch paid with the bank reference (a reviewer other than its maker): its claims become paid",
      tag: "payment-batches",
      params: fromZod(idParam),
      body: fromZod(batchPaidInput),
      answer: { description: "The batch, paid", schema: obj({ id: int(), status: oneOf("paid"), claimCount: int(), totalFen: fenInt(), bankReference: str() }) },
      errors: { 403: "SECOND_PERSON_REQUIRED: the batch's maker cannot mark it paid", 409: "STATE_CHANGED" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    batches.check(actor, id);
    const { bankReference } = parseInput(batchPaidInput, req.body);
    return batches.markPaid(actor, id, bankReference);
  });
  app.post("/api/v1/aid/payment-batches/:id/items/:claimId/failed", {
    schema: apiDoc({
      summary: "A transfer the bank returned: the claim is approved again and leaves the batch",
      tag: "payment-batches",
      params: fromZod(itemParams),
      body: fromZod(failedItemInput),
      answer: { description: "The claim and the batch's new totals", schema: obj({ id: int(), claimId: int(), status: oneOf("approved"), batch: obj({ status: str(), totalFen: fenInt(), claimCount: int() }) }) },
      errors: { 409: "STATE_CHANGED: not in this batch any more" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id, claimId } = parseInput(itemParams, req.params);
    batches.check(actor, id);
    return batches.itemFailed(actor, id, claimId, parseInput(failedItemInput, req.body).reason);
  });
}
export {
  payoutsApi as default
};
//# sourceMappingURL=payouts-api.js.map
