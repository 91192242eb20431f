import { idParam, parseInput } from "../../lib/validation.js";
import { apiDoc, arr, date, fenInt, fromZod, int, nullable, obj, oneOf, str } from "../../plugins/openapi.js";
import { paymentBody } from "./aid-schemas.js";
function publicGroupOrder(v) {
  return {
    id: v.group.id,
    planYear: v.group.planYear,
    enterpriseId: v.group.enterpriseId,
    enterpriseName: v.group.enterpriseName,
    buildingId: v.group.buildingId,
    createdAt: v.group.createdAt,
    totalFen: v.totalFen,
    unpaidFen: v.unpaidFen,
    paymentReference: v.reference,
    payTo: v.account === void 0 ? null : { accountName: v.account.accountName, bankName: v.account.bankName, accountNo: v.account.accountNo },
    orders: v.orders.map((o) => ({
      id: o.id,
      membershipId: o.membershipId,
      memberName: o.memberName,
      memberNo: o.memberNo,
      shares: o.shares,
      amountFen: o.amountFen,
      status: o.status,
      orderedOn: o.orderedOn,
      receiptNo: o.receiptNo,
      paidOn: o.paidOn,
      coverFrom: o.coverFrom,
      coverTo: o.coverTo
    }))
  };
}
async function groupOrdersApi(app, { groups }) {
  const orderDoc = obj({
    id: int(),
    membershipId: int(),
    memberName: str(),
    memberNo: nullable(str()),
    shares: int(),
    amountFen: fenInt(),
    status: oneOf("pending_payment", "paid", "cancelled"),
    orderedOn: date(),
    receiptNo: nullable(str()),
    paidOn: nullable(date()),
    coverFrom: nullable(date()),
    coverTo: nullable(date())
  });
  app.get("/api/v1/aid/group-orders/:id", {
    schema: apiDoc({
      summary: "A group order with its orders (its liaison, staff of its building, admin)",
      description: "`paymentReference` is what the company writes in its transfer's remark; `payTo` is the building federation's account (null until staff enter it).",
      tag: "aid",
      params: fromZod(idParam),
      answer: {
        description: "The group order",
        schema: obj({
          id: int(),
          planYear: int(),
          enterpriseId: int(),
          enterpriseName: str(),
          buildingId: int(),
          createdAt: str(),
          totalFen: fenInt(),
          unpaidFen: fenInt(),
          paymentReference: str(),
          payTo: nullable(obj({ accountName: str(), bankName: str(), accountNo: str() })),
          orders: arr(orderDoc)
        })
      }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return publicGroupOrder(groups.view(actor, id));
  });
  app.post("/api/v1/aid/group-orders/:id/confirm-payment", {
    schema: apiDoc({
      summary: "Confirm one company transfer for a whole group order (staff of its building, admin; not its liaison)",
      description: "Every unpaid order in it is paid with the one receipt, in one transaction: if any is refused, none is paid.",
      tag: "aid",
      params: fromZod(idParam),
      body: fromZod(paymentBody),
      answer: { description: "Every unpaid order paid", schema: obj({ status: oneOf("paid"), groupOrderId: int(), receiptNo: str(), paidOn: date(), totalFen: fenInt(), paid: arr(obj({ id: int(), coverFrom: date(), coverTo: date() })) }) },
      errors: { 409: "STATE_CHANGED (nothing left unpaid) or RECEIPT_TAKEN (receipt used outside this group order)", 422: "NO_COVER_LEFT" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    groups.checkMayConfirm(actor, id);
    const input = parseInput(paymentBody, req.body);
    return groups.confirmPayment(actor, id, input);
  });
}
export {
  groupOrdersApi as default,
  publicGroupOrder
};
//# sourceMappingURL=group-orders-api.js.map
