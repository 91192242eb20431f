import { auditHistory } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
const parse = (s) => {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};
const str = (v) => typeof v === "string" && v.trim() !== "" ? v : void 0;
function detail(db, action, before, after, note) {
  const enterprise = (id) => typeof id === "number" ? repo.findEnterprise(db, id)?.name : void 0;
  switch (action) {
    case "membership.approve": {
      const memberNo = str(after?.memberNo);
      return memberNo === void 0 ? {} : { detailKey: "memberships.history.memberNo", memberNo };
    }
    case "membership.reject": {
      const reason = str(after?.reason);
      return reason === void 0 ? {} : { detailKey: "memberships.history.reason", reason };
    }
    // The note of leaving is what the person or staff typed.
    case "membership.leave":
      return str(note) === void 0 ? {} : { detailKey: "memberships.history.reason", reason: note };
    case "membership.transfer_request": {
      const name = enterprise(after?.to);
      return name === void 0 ? {} : { detailKey: "memberships.history.transferTo", enterprise: name };
    }
    case "membership.transfer_confirm": {
      const name = enterprise(after?.enterpriseId);
      return name === void 0 ? {} : { detailKey: "memberships.history.movedTo", enterprise: name };
    }
    case "membership.transfer_reject": {
      const reason = str(after?.note);
      return reason === void 0 ? {} : { detailKey: "memberships.history.reason", reason };
    }
    case "membership.claim": {
      const was = before?.status;
      const now = after?.status;
      if (was === "active" && now === "applied") return { detailKey: "memberships.history.claimBackToApproval" };
      if (was === "active") return { detailKey: "memberships.history.claimProven" };
      return { detailKey: "memberships.history.claimApplication" };
    }
    default:
      return {};
  }
}
function membershipHistory(db, membershipId) {
  const names = /* @__PURE__ */ new Map();
  const nameOf = (id) => {
    if (id === null) return void 0;
    if (!names.has(id)) names.set(id, repo.userName(db, id));
    return names.get(id);
  };
  return auditHistory(db, "membership", membershipId).reverse().map((h) => ({
    at: h.at,
    actionKey: `audit.action.${h.action}`,
    who: nameOf(h.actorUserId),
    ...detail(db, h.action, parse(h.before), parse(h.after), h.note)
  }));
}
export {
  membershipHistory
};
//# sourceMappingURL=history.js.map
