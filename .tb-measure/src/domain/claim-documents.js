const DOCUMENT_KINDS = ["invoice", "itemised_bill", "discharge_summary", "insurance_statement", "other"];
const REQUIRABLE_KINDS = ["invoice", "itemised_bill", "discharge_summary", "insurance_statement"];
const DEFAULT_REQUIRED_DOCUMENTS = REQUIRABLE_KINDS;
function documentsMissing(required, uploadedKinds) {
  const have = new Set(uploadedKinds);
  return REQUIRABLE_KINDS.filter((k) => required.includes(k) && !have.has(k));
}
function normaliseRequired(kinds) {
  return REQUIRABLE_KINDS.filter((k) => kinds.includes(k));
}
export {
  DEFAULT_REQUIRED_DOCUMENTS,
  DOCUMENT_KINDS,
  REQUIRABLE_KINDS,
  documentsMissing,
  normaliseRequired
};
//# sourceMappingURL=claim-documents.js.map
