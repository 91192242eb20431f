import { AppError } from "../../lib/errors.js";
function refusalCode(err) {
  if (err instanceof AppError && err.statusCode < 500) return err.code;
  throw err;
}
function approveMany(service, actor, ids) {
  const answer = { approved: [], refused: [] };
  for (const id of [...new Set(ids)]) {
    try {
      service.approve(actor, id);
      answer.approved.push(id);
    } catch (err) {
      answer.refused.push({ id, code: refusalCode(err) });
    }
  }
  return answer;
}
function rejectMany(service, actor, ids, reason) {
  const answer = { rejected: [], refused: [] };
  for (const id of [...new Set(ids)]) {
    try {
      service.reject(actor, id, reason);
      answer.rejected.push(id);
    } catch (err) {
      answer.refused.push({ id, code: refusalCode(err) });
    }
  }
  return answer;
}
export {
  approveMany,
  rejectMany
};
//# sourceMappingURL=bulk-decisions.js.map
