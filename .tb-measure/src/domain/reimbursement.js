const MAX_RATE_BP = 2e3;
function tiersProblem(tiers) {
  if (tiers.length === 0) return "empty";
  for (const t of tiers) {
    if (!Number.isSafeInteger(t.fromFen) || !Number.isSafeInteger(t.rateBp)) return "notInteger";
    if (t.rateBp < 0 || t.rateBp > MAX_RATE_BP) return "rateRange";
  }
  if (tiers[0].fromFen !== 0) return "notFromZero";
  for (let i = 1; i < tiers.length; i++) if (tiers[i].fromFen <= tiers[i - 1].fromFen) return "notAscending";
  return null;
}
function tierLines(baseFen, tiers) {
  return tiers.map((t, i) => {
    const next = i + 1 < tiers.length ? tiers[i + 1].fromFen : null;
    const upper = next === null ? baseFen : Math.min(baseFen, next);
    const portionFen = Math.max(0, upper - t.fromFen);
    const exact = BigInt(portionFen) * BigInt(t.rateBp);
    return { fromFen: t.fromFen, toFen: next, portionFen, rateBp: t.rateBp, amountFen: Number(exact / 10000n), exact };
  });
}
function computeReimbursement(input, terms) {
  const problem = tiersProblem(terms.tiers);
  if (problem !== null) throw new Error(`invalid tiers: ${problem}`);
  const baseFen = input.totalCostFen - input.insurancePaidFen - input.excludedFen;
  if (baseFen < 0) throw new RangeError("insurance paid plus excluded exceed the total cost");
  const detailed = tierLines(baseFen, terms.tiers);
  const sum = detailed.reduce((acc, l) => acc + l.exact, 0n);
  const grossFen = Number(sum / 10000n);
  const annualRemainingFen = Math.max(0, terms.annualCapPerShareFen * input.shares - input.paidThisYearFen);
  const capped = Math.min(grossFen, terms.perAdmissionCapFen);
  const payableFen = Math.min(capped, annualRemainingFen);
  const limitedBy = annualRemainingFen < capped ? "annual_cap" : terms.perAdmissionCapFen < grossFen ? "admission_cap" : "none";
  return {
    baseFen,
    grossFen,
    payableFen,
    limitedBy,
    annualRemainingFen,
    lines: detailed.map(({ exact: _exact, ...line }) => line)
  };
}
function quoteShape(r) {
  return {
    baseFen: r.baseFen,
    grossFen: r.grossFen,
    payableFen: r.payableFen,
    limitedBy: r.limitedBy,
    annualRemainingFen: r.annualRemainingFen,
    lines: r.lines.map((l) => ({ fromFen: l.fromFen, toFen: l.toFen, portionFen: l.portionFen, rateBp: l.rateBp, amountFen: l.amountFen }))
  };
}
export {
  MAX_RATE_BP,
  computeReimbursement,
  quoteShape,
  tierLines,
  tiersProblem
};
//# sourceMappingURL=reimbursement.js.map
