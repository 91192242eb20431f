// The contract's congress calls: who may act (401/403/404 before 400), the composition rule
// named in the 422, quorum, one vote per present representative, the pass rule over ALL
// representatives, unseating keeps past votes; every staff change in the audit log.
import t from 'tap'
import { sql } from 'drizzle-orm'
import { build, injectAs } from '../../helper.js'
import { governanceWorld, ok, seatedCongress } from './fixtures.js'

t.test('founding: staff of the building or admin; others 403/404 before the body is read', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 2)
  const body = { buildingId: w.buildingId, term: 5, startsOn: '2026-01-01' }
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/congresses', payload: body })).statusCode, 401)
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url: '/api/v1/congresses', payload: {} })).statusCode, 403, 'a member with a bad body: 403, not 400')
  t.equal((await injectAs(app, w.otherStaff, { method: 'POST', url: '/api/v1/congresses', payload: { ...body, term: 'x' } })).statusCode, 404, 'staff elsewhere cannot see the building')
  const bad = await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/congresses', payload: { buildingId: w.buildingId, term: 4, startsOn: '2026-02-30' } })
  t.equal(bad.statusCode, 400)
  t.same(Object.keys(bad.json().error.fields).sort(), ['startsOn', 'term'])
  const res = await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/congresses', payload: body })
  t.equal(res.statusCode, 201)
  const admin = await injectAs(app, w.admin, { method: 'POST', url: '/api/v1/congresses', payload: body })
  t.equal(admin.statusCode, 201)
  const rows = app.db.all<{ term_no: number, ends_on: string }>(sql`select term_no, ends_on from congresses order by id`)
  t.same(rows, [{ term_no: 1, ends_on: '2030-12-31' }, { term_no: 2, ends_on: '2030-12-31' }])
  const audit = app.db.all<{ action: string }>(sql`select action from audit_log where entity_type = 'congress'`)
  t.equal(audit.length, 2)
})

t.test('representatives: eligible members only, once; DELETE keeps their votes', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 3)
  const { id } = await ok(app, w.staff, 'POST', '/api/v1/congresses', { buildingId: w.buildingId, term: 3, startsOn: '2026-01-01' }) as { id: number }
  const url = `/api/v1/congresses/${id}/representatives`
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url, payload: {} })).statusCode, 403, 'a member of the building may see, not act')
  t.equal((await injectAs(app, w.outsider.user, { method: 'POST', url, payload: {} })).statusCode, 404, 'someone from another building')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url, payload: { membershipId: w.members[0].membershipId, category: 'boss' } })).json().error.fields.category !== undefined, true)
  const outsider = await injectAs(app, w.staff, { method: 'POST', url, payload: { membershipId: w.outsider.membershipId, category: 'frontline' } })
  t.equal(outsider.statusCode, 422)
  t.equal(outsider.json().error.code, 'NOT_ELIGIBLE')
  const first = await injectAs(app, w.staff, { method: 'POST', url, payload: { membershipId: w.members[0].membershipId, category: 'frontline' } })
  t.equal(first.statusCode, 201)
  const again = await injectAs(app, w.staff, { method: 'POST', url, payload: { membershipId: w.members[0].membershipId, category: 'staff' } })
  t.equal(again.statusCode, 409)
  const repId = first.json().id as number
  t.equal((await injectAs(app, w.otherStaff, { method: 'DELETE', url: `${url}/${repId}` })).statusCode, 404)
  t.equal((await injectAs(app, w.staff, { method: 'DELETE', url: `${url}/${repId}` })).statusCode, 204)
  t.equal((await injectAs(app, w.staff, { method: 'DELETE', url: `${url}/${repId}` })).statusCode, 409, 'already unseated')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url, payload: { membershipId: w.members[0].membershipId, category: 'staff' } })).statusCode, 201, 'seated again later')
  const actions = app.db.all<{ action: string }>(sql`select action from audit_log where entity_type = 'congress' order by id`).map((r) => r.action)
  t.same(actions, ['congress.found', 'congress.representative.add', 'congress.representative.remove', 'congress.representative.add'])
})

t.test('a session opens only with a valid composition; the 422 names the rule', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 35)
  const { congressId } = await seatedCongress(app, w, 29, 7)
  const url = `/api/v1/congresses/${congressId}/sessions`
  const body = { date: '2026-06-20', title: '第一届第一次会议', agenda: ['审议集体合同草案'] }
  const both = await injectAs(app, w.staff, { method: 'POST', url, payload: body })
  t.equal(both.statusCode, 422)
  t.equal(both.json().error.code, 'COMPOSITION_INVALID')
  t.match(both.json().error.message, /至少需要 30 名代表（现有 29 名）.*最多 5 名，现有 7 名/)
  await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[29].membershipId, category: 'frontline' })
  const ops = await injectAs(app, w.staff, { method: 'POST', url, payload: body, headers: { 'accept-language': 'en' } })
  t.equal(ops.statusCode, 422)
  t.match(ops.json().error.message, /Too many enterprise operators: at most 20% of the representatives, 6 of 30; there are 7/)
  for (let i = 30; i < 34; i++) await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[i].membershipId, category: 'staff' })
  t.equal((await injectAs(app, w.staff, { method: 'POST', url, payload: body })).statusCode, 422, '7 of 34 is above 20%')
  await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[34].membershipId, category: 'staff' })
  const opened = await injectAs(app, w.staff, { method: 'POST', url, payload: body })
  t.equal(opened.statusCode, 201, '7 operators of 35 is exactly 20%')
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url, payload: body })).statusCode, 403)
})

t.test('an all-member assembly: allowed below 100 members, with every member seated', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 12)
  const { id } = await ok(app, w.staff, 'POST', '/api/v1/congresses', { buildingId: w.buildingId, term: 3, startsOn: '2026-01-01', form: 'assembly' }) as { id: number }
  await ok(app, w.staff, 'POST', `/api/v1/congresses/${id}/representatives`, { membershipId: w.members[0].membershipId, category: 'operator' })
  const incomplete = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/congresses/${id}/sessions`, payload: { date: '2026-06-20', title: '全体会员大会' } })
  t.equal(incomplete.statusCode, 422)
  t.match(incomplete.json().error.message, /现有 12 名会员，只登记了 1 名/)
  for (const m of w.members.slice(1)) await ok(app, w.staff, 'POST', `/api/v1/congresses/${id}/representatives`, { membershipId: m.membershipId, category: 'frontline' })
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/congresses/${id}/sessions`, payload: { date: '2026-06-20', title: '全体会员大会' } })).statusCode, 201)
})

t.test('quorum, votes and the result over ALL representatives', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 30)
  const { congressId, reps } = await seatedCongress(app, w)
  const { id: sessionId } = await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/sessions`, { date: '2026-06-20', title: '第一次会议' }) as { id: number }
  const att = `/api/v1/congress-sessions/${sessionId}/attendance`
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url: att, payload: { representativeIds: 'x' } })).statusCode, 403)
  const unknown = await injectAs(app, w.staff, { method: 'POST', url: att, payload: { representativeIds: [reps[0], 999999] } })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.fields.representativeIds, /999999/)
  const a19 = await injectAs(app, w.staff, { method: 'POST', url: att, payload: { representativeIds: reps.slice(0, 19) } })
  t.same(a19.json(), { present: 19, total: 30, quorum: false })
  const motionUrl = `/api/v1/congress-sessions/${sessionId}/motions`
  const noQuorum = await injectAs(app, w.staff, { method: 'POST', url: motionUrl, payload: { title: '集体合同草案', kind: 'collective_contract' } })
  t.equal(noQuorum.statusCode, 422)
  t.equal(noQuorum.json().error.code, 'NO_QUORUM')
  const a20 = await injectAs(app, w.staff, { method: 'POST', url: att, payload: { representativeIds: reps.slice(0, 20) } })
  t.same(a20.json(), { present: 20, total: 30, quorum: true }, 'marking the same again adds only the new one')
  const m = await injectAs(app, w.staff, { method: 'POST', url: motionUrl, payload: { title: '集体合同草案', kind: 'collective_contract' } })
  t.equal(m.statusCode, 201)
  const motionId = m.json().id as number
  const vote = (i: number, v: string) => injectAs(app, w.members[i].user, { method: 'POST', url: `/api/v1/motions/${motionId}/vote`, payload: { vote: v } })

  t.equal((await vote(25, 'yes')).statusCode, 403, 'a representative not present')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/motions/${motionId}/vote`, payload: { vote: 'yes' } })).statusCode, 403, 'staff do not vote')
  t.equal((await injectAs(app, w.outsider.user, { method: 'POST', url: `/api/v1/motions/${motionId}/vote`, payload: { vote: 'yes' } })).statusCode, 403, 'anyone else: 403')
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url: '/api/v1/motions/999999/vote', payload: { vote: 'yes' } })).statusCode, 404)
  t.equal((await vote(0, 'maybe')).statusCode, 400)
  // 15 yes of 20 present: three quarters of those present, but not more than half of all 30.
  for (let i = 0; i < 15; i++) t.equal((await vote(i, 'yes')).statusCode, 200)
  t.equal((await vote(0, 'no')).statusCode, 409, 'a second vote')
  for (let i = 15; i < 18; i++) await vote(i, 'no')
  await vote(18, 'abstain')
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url: `/api/v1/motions/${motionId}/close` })).statusCode, 403)
  const closed = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/motions/${motionId}/close` })
  t.same(closed.json(), { result: 'failed', yes: 15, no: 3, abstain: 1, total: 30 })
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/motions/${motionId}/close` })).statusCode, 409)
  t.equal((await vote(19, 'yes')).statusCode, 409, 'closed')

  // A second motion passes with 16; then a voter is unseated and the votes stay.
  const m2 = (await ok(app, w.staff, 'POST', motionUrl, { title: '决议', kind: 'resolution' })).id as number
  for (let i = 0; i < 16; i++) t.equal((await injectAs(app, w.members[i].user, { method: 'POST', url: `/api/v1/motions/${m2}/vote`, payload: { vote: 'yes' } })).statusCode, 200)
  t.equal((await injectAs(app, w.staff, { method: 'DELETE', url: `/api/v1/congresses/${congressId}/representatives/${reps[0]}` })).statusCode, 204)
  t.equal((await injectAs(app, w.members[0].user, { method: 'POST', url: `/api/v1/motions/${m2}/vote`, payload: { vote: 'no' } })).statusCode, 403, 'unseated: no longer votes')
  const passed = await injectAs(app, w.admin, { method: 'POST', url: `/api/v1/motions/${m2}/close` })
  t.same(passed.json(), { result: 'passed', yes: 16, no: 0, abstain: 0, total: 30 }, 'the unseated representative\'s vote stays')
  const votes = app.db.get<{ n: number }>(sql`select count(*) as n from motion_votes where representative_id = ${reps[0]}`)
  t.equal(votes?.n, 2)
  const actions = app.db.all<{ action: string, n: number }>(sql`select action, count(*) as n from audit_log where action like 'congress.%' group by action order by action`)
  t.match(actions, [
    { action: 'congress.attendance.record', n: 2 }, { action: 'congress.found', n: 1 }, { action: 'congress.motion.close', n: 2 },
    { action: 'congress.motion.put', n: 2 }, { action: 'congress.motion.vote', n: 35 }, { action: 'congress.representative.add', n: 30 },
    { action: 'congress.representative.remove', n: 1 }, { action: 'congress.session.open', n: 1 }
  ])
})
