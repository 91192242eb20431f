function paymentReference(ref) {
  return `HZ${ref.kind === "group" ? "G" : "P"}${String(ref.id).padStart(6, "0")}`;
}
function parsePaymentReference(input) {
  const m = /^HZ([GP])(\d{1,12})$/.exec(input.toUpperCase().replace(/[\s\-_]/g, ""));
  if (m === null) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return { kind: m[1] === "G" ? "group" : "order", id };
}
export {
  parsePaymentReference,
  paymentReference
};
//# sourceMappingURL=payment-reference.js.map
