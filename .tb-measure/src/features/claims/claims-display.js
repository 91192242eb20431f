import { formatFen } from "../../domain/money.js";
import { fenInChineseCapitals } from "../../domain/chinese-amount.js";
const BADGE = { submitted: "", needs_documents: "warn", awaiting_second_approval: "warn", approved: "ok", rejected: "bad", paid: "ok" };
function statusBadge(req, status) {
  return { label: req.t(`claims.status.${status}`), cls: BADGE[status] };
}
function ratePercent(bp) {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}
function breakdownLines(req, q) {
  return q.lines.map((l) => ({
    range: l.toFen === null ? `${formatFen(l.fromFen)} ${req.t("claims.bd.upTo")}` : `${formatFen(l.fromFen)} \u2013 ${formatFen(l.toFen)}`,
    portionFen: l.portionFen,
    rate: ratePercent(l.rateBp),
    amountFen: l.amountFen
  }));
}
function sheetFigures(req, c) {
  const final = c.breakdown !== null && c.status !== "submitted";
  const q = final ? c.breakdown : c.estimate;
  const b = final ? c.breakdown : null;
  return {
    final,
    baseFen: q.baseFen,
    grossFen: q.grossFen,
    payableFen: q.payableFen,
    limitedBy: req.t(`claims.limitedBy.${q.limitedBy}`),
    annualRemainingFen: q.annualRemainingFen,
    perAdmissionCapFen: b?.perAdmissionCapFen,
    annualCapFen: b?.annualCapFen,
    paidThisYearFen: b?.paidThisYearFen,
    shares: b?.shares,
    lines: breakdownLines(req, q)
  };
}
function claimDisplay(req, c) {
  return {
    ...c,
    badge: statusBadge(req, c.status),
    reason: c.reasonCode === null ? null : req.t(`claims.reason.${c.reasonCode}`),
    documents: c.documents.map((d) => ({ ...d, kindLabel: req.t(`claims.kind.${d.kind}`), href: `/aid/claims/${c.id}/documents/${d.id}`, sizeKb: Math.max(1, Math.round(d.size / 1024)) })),
    history: c.history.map((h) => ({ ...h, label: req.t(`claims.action.${h.action}`) })),
    figures: sheetFigures(req, c),
    checklist: c.requiredDocuments.map((k) => ({ kind: k, label: req.t(`claims.kind.${k}`), done: !c.documentsMissing.includes(k) })),
    amountInWords: c.payableFen === null ? null : fenInChineseCapitals(c.payableFen),
    firstApproverName: c.history.filter((h) => h.action === "claim.approve.first").pop()?.actorName ?? null,
    approverName: c.history.filter((h) => h.action === "claim.approve").pop()?.actorName ?? null
  };
}
export {
  breakdownLines,
  claimDisplay,
  ratePercent,
  sheetFigures,
  statusBadge
};
//# sourceMappingURL=claims-display.js.map
