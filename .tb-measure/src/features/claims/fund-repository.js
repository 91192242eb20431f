import { sql } from "drizzle-orm";
import { inBuildings, inList } from "./claims-repository.js";
function incomeByYear(db, buildingIds) {
  const from = buildingIds === null ? sql`aid_purchases p` : sql`enterprises e cross join memberships m on m.enterprise_id = e.id cross join aid_purchases p on p.membership_id = m.id`;
  const scope = buildingIds === null ? sql`1 = 1` : buildingIds.length === 0 ? sql`0 = 1` : sql`e.building_id in (${inList(buildingIds)})`;
  return db.all(sql`
    select p.plan_year as planYear, sum(p.shares) as shares, count(*) as purchases, sum(p.amount_fen) as incomeFen
    from ${from} where p.status = 'paid' and ${scope}
    group by p.plan_year order by p.plan_year`);
}
function claimsByYearStatus(db, buildingIds) {
  return db.all(sql`
    select c.plan_year as planYear, c.status as status, count(*) as n,
      coalesce(sum(coalesce(c.payable_fen, json_extract(c.estimate, '$.payableFen'))), 0) as amountFen
    from aid_claims c where ${inBuildings(buildingIds)}
    group by c.plan_year, c.status order by c.plan_year`);
}
function amountsPerMonth(db, buildingIds, fromMonth) {
  const fromIso = (/* @__PURE__ */ new Date(`${fromMonth}-01T00:00:00+08:00`)).toISOString();
  const scope = inBuildings(buildingIds);
  const approved = db.all(sql`
    select strftime('%Y-%m', c.approved_at, '+8 hours') as month, sum(c.payable_fen) as amountFen
    from aid_claims c where c.status in ('approved', 'paid') and c.approved_at >= ${fromIso} and ${scope}
    group by month`);
  const paid = db.all(sql`
    select strftime('%Y-%m', c.paid_at, '+8 hours') as month, sum(c.payable_fen) as amountFen
    from aid_claims c where c.status = 'paid' and c.paid_at >= ${fromIso} and ${scope}
    group by month`);
  return { approved, paid };
}
function incomeFigures(db) {
  return db.all(sql`
    select plan_year as planYear, shares, purchases, income_fen as incomeFen from fund_income_figures where purchases > 0 order by plan_year`);
}
function claimFigures(db) {
  return db.all(sql`
    select plan_year as planYear, status, n, amount_fen as amountFen from fund_claim_figures where n > 0 order by plan_year`);
}
function paidTwoWays(db, buildingIds) {
  const scope = inBuildings(buildingIds);
  const row = db.get(sql`
    select (select sum(pb.total_fen) from aid_payment_batches pb where pb.status = 'paid'
        and not exists (select 1 from aid_claims c where c.payment_batch_id = pb.id and not (${scope}))) as batchesFen,
      (select sum(c.payable_fen) from aid_claims c join aid_payment_batches pb on pb.id = c.payment_batch_id
        where c.status = 'paid' and pb.status = 'paid' and ${scope}) as claimsFen`);
  return { batchesFen: row?.batchesFen ?? 0, claimsFen: row?.claimsFen ?? 0 };
}
export {
  amountsPerMonth,
  claimFigures,
  claimsByYearStatus,
  incomeByYear,
  incomeFigures,
  paidTwoWays
};
//# sourceMappingURL=fund-repository.js.map
