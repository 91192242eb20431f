const BADGE = { enrolled: "ok", pending: "warn", rejected: "bad", withdrawn: "" };
function statusBadge(req, status) {
  return { statusLabel: req.t("buildings.status." + status), statusClass: BADGE[status] };
}
export {
  statusBadge
};
//# sourceMappingURL=status.js.map
