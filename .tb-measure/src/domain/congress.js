const REPRESENTATIVE_CATEGORIES = ["frontline", "staff", "operator"];
const CONGRESS_FORMS = ["representatives", "assembly"];
const MOTION_KINDS = ["collective_contract", "resolution", "report"];
const VOTES = ["yes", "no", "abstain"];
const MIN_REPRESENTATIVES = 30;
const ASSEMBLY_BELOW_MEMBERS = 100;
const OPERATOR_MAX_PERCENT = 20;
const representativeTotal = (c) => c.frontline + c.staff + c.operator;
function compositionProblems(c) {
  const total = representativeTotal(c.counts);
  const problems = [];
  if (c.form === "representatives") {
    if (total < MIN_REPRESENTATIVES) problems.push({ rule: "TOO_FEW_REPRESENTATIVES", params: { min: MIN_REPRESENTATIVES, count: total } });
    if (c.counts.operator * 100 > OPERATOR_MAX_PERCENT * total) {
      problems.push({ rule: "TOO_MANY_OPERATORS", params: { maxOperators: Math.floor(total * OPERATOR_MAX_PERCENT / 100), operators: c.counts.operator, total } });
    }
  } else if (c.buildingMembers >= ASSEMBLY_BELOW_MEMBERS) {
    problems.push({ rule: "ASSEMBLY_TOO_LARGE", params: { members: c.buildingMembers, limit: ASSEMBLY_BELOW_MEMBERS } });
  } else if (total === 0) {
    problems.push({ rule: "NO_REPRESENTATIVES", params: {} });
  } else if (total < c.buildingMembers) {
    problems.push({ rule: "ASSEMBLY_INCOMPLETE", params: { seated: total, members: c.buildingMembers } });
  }
  return problems;
}
function hasQuorum(present, total) {
  return total > 0 && present * 3 >= total * 2;
}
function quorumNeeded(total) {
  return Math.ceil(total * 2 / 3);
}
function motionPasses(t, totalRepresentatives) {
  return totalRepresentatives > 0 && t.yes * 2 > totalRepresentatives;
}
function yesNeeded(totalRepresentatives) {
  return Math.floor(totalRepresentatives / 2) + 1;
}
export {
  ASSEMBLY_BELOW_MEMBERS,
  CONGRESS_FORMS,
  MIN_REPRESENTATIVES,
  MOTION_KINDS,
  OPERATOR_MAX_PERCENT,
  REPRESENTATIVE_CATEGORIES,
  VOTES,
  compositionProblems,
  hasQuorum,
  motionPasses,
  quorumNeeded,
  representativeTotal,
  yesNeeded
};
//# sourceMappingURL=congress.js.map
