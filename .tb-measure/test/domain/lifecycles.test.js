import t from "tap";
import {
  transition,
  MEMBERSHIP_STATES,
  MEMBERSHIP_TRANSITIONS,
  TRANSFER_STATES,
  TRANSFER_TRANSITIONS,
  ENTERPRISE_STATES,
  ENTERPRISE_TRANSITIONS,
  ORDER_STATES,
  ORDER_TRANSITIONS
} from "../../src/domain/lifecycles.js";
const ALLOWED = {
  membership: [
    "applyAgain: rejected \u2192 applied",
    "applyAgain: left \u2192 applied",
    "approve: applied \u2192 active",
    "reject: applied \u2192 rejected",
    "leave: active \u2192 left",
    "backToApproval: active \u2192 applied"
  ],
  transfer: ["confirm: pending \u2192 confirmed", "reject: pending \u2192 rejected", "cancel: pending \u2192 cancelled"],
  enterprise: [
    "approve: pending \u2192 enrolled",
    "reject: pending \u2192 rejected",
    "resubmit: rejected \u2192 pending",
    "withdraw: enrolled \u2192 withdrawn"
  ],
  order: ["confirmPayment: pending_payment \u2192 paid", "cancelUnpaid: pending_payment \u2192 cancelled"]
};
const LIFECYCLES = [
  ["membership", MEMBERSHIP_STATES, MEMBERSHIP_TRANSITIONS, "applied"],
  ["transfer", TRANSFER_STATES, TRANSFER_TRANSITIONS, "pending"],
  ["enterprise", ENTERPRISE_STATES, ENTERPRISE_TRANSITIONS, "pending"],
  ["order", ORDER_STATES, ORDER_TRANSITIONS, "pending_payment"]
];
for (const [name, states, table, initial] of LIFECYCLES) {
  t.test(`${name}: every action from every state`, async (t2) => {
    const seen = [];
    for (const action of Object.keys(table)) {
      for (const from of states) {
        const to = transition(table, action, from);
        if (to !== null) seen.push(`${action}: ${from} \u2192 ${to}`);
        t2.equal(to === null, !ALLOWED[name].some((a) => a.startsWith(`${action}: ${from} \u2192`)), `${action} from ${from}`);
      }
    }
    t2.same(seen.sort(), [...ALLOWED[name]].sort(), "exactly the transitions written above");
  });
  t.test(`${name}: every state is reachable from ${initial}, and each step names who takes it`, async (t2) => {
    const reached = /* @__PURE__ */ new Set([initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const step of Object.values(table)) {
        if (step.from.some((s) => reached.has(s)) && !reached.has(step.to)) {
          reached.add(step.to);
          grew = true;
        }
      }
    }
    t2.same([...reached].sort(), [...states].sort());
    for (const [action, step] of Object.entries(table)) t2.ok(step.by.length > 0, `${action}: by ${step.by}`);
  });
}
//# sourceMappingURL=lifecycles.test.js.map
