import { requireActor } from "../../lib/access.js";
import { badRequest } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./payout-repository.js";
function maskAccountNo(last4) {
  return `**** **** ${last4}`;
}
const masked = (r) => ({
  bankName: r.bankName,
  accountNo: maskAccountNo(r.accountLast4),
  accountLast4: r.accountLast4,
  accountName: r.accountName,
  updatedAt: r.updatedAt
});
const sameName = (a, b) => {
  const norm = (s) => s.normalize("NFKC").replace(/\s+/g, "").replace(/[.．・]/g, "\xB7");
  return norm(a) === norm(b);
};
function createPayoutAccounts({ db, clock, pii }) {
  return {
    get(actorIn) {
      const row = repo.findPayoutAccount(db, requireActor(actorIn).id);
      return row === void 0 ? null : masked(row);
    },
    /** What the form offers: the member's own name (the only accepted payee) and the account. */
    formDefaults(actorIn) {
      const actor = requireActor(actorIn);
      return { memberName: repo.memberName(db, actor.id) ?? actor.name, account: this.get(actor) };
    },
    save(actorIn, input) {
      const actor = requireActor(actorIn);
      const own = repo.memberName(db, actor.id) ?? actor.name;
      if (!sameName(input.accountName, own)) throw badRequest({ accountName: "payout.v.accountName" });
      const at = clock.iso();
      return db.transaction((tx) => {
        const before = repo.findPayoutAccount(tx, actor.id);
        const row = { userId: actor.id, bankName: input.bankName, accountNo: pii.encrypt(input.accountNo), accountLast4: input.accountNo.slice(-4), accountName: own, updatedAt: at };
        repo.savePayoutAccount(tx, row);
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "payout_account.save",
          entityType: "payout_account",
          entityId: actor.id,
          before: before === void 0 ? void 0 : { bankName: before.bankName, accountNo: maskAccountNo(before.accountLast4) },
          after: { bankName: row.bankName, accountNo: maskAccountNo(row.accountLast4) }
        });
        return masked(row);
      });
    }
  };
}
function accountToFreeze(tx, userId) {
  const r = repo.findPayoutAccount(tx, userId);
  return r === void 0 ? void 0 : { payoutBankName: r.bankName, payoutAccountNo: r.accountNo, payoutAccountLast4: r.accountLast4, payoutAccountName: r.accountName };
}
export {
  accountToFreeze,
  createPayoutAccounts,
  maskAccountNo
};
//# sourceMappingURL=payout-accounts.js.map
