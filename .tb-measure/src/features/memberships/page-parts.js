import { lazyRequire } from "../../lib/lazy-require.js";
const qrcode = lazyRequire("qrcode");
async function qrSvg(text) {
  const svg = await qrcode().toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return svg.replace(/\sstyle="[^"]*"/g, "").replace("<svg ", '<svg class="qr" role="img" aria-hidden="true" ');
}
function summary(m) {
  return {
    id: m.id,
    status: m.status,
    memberNo: m.memberNo,
    name: m.name,
    idMasked: m.idMasked,
    gender: m.gender,
    birthDate: m.birthDate,
    mobile: m.mobile,
    enterpriseId: m.enterpriseId,
    enterpriseName: m.enterpriseName,
    enterpriseStatus: m.enterpriseStatus,
    buildingId: m.buildingId,
    buildingName: m.buildingName,
    federationName: m.federationName ?? m.buildingName,
    appliedAt: m.appliedAt,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    rejectReason: m.rejectReason,
    source: m.source,
    decidedAt: m.decidedAt
  };
}
export {
  qrSvg,
  summary
};
//# sourceMappingURL=page-parts.js.map
