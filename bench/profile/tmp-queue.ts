import { openProfileApp } from './app.js'
import { queueUseCases } from '../../src/features/claims/queue.js'
const { app, meta, request, close } = await openProfileApp()
const uc = queueUseCases({ db: app.db, clock: app.clock } as never)
const actors = meta.staff.map((s) => ({ id: s.userId, name: 'x', phone: '1', roles: ['staff'], isAdmin: false, isStaff: true, staffBuildingIds: [s.buildingId], mustChangePassword: false, b: s.buildingId }))
const N = 3000
for (let i = 0; i < 200; i++) uc.queue(actors[i % actors.length] as never, { building: actors[i % actors.length].b, status: 'open', page: 1 })
for (let i = 0; i < 200; i++) await request('queue', i)
for (let round = 0; round < 2; round++) {
  let t = performance.now()
  for (let i = 0; i < N; i++) { const a = actors[(i * 37 + 11) % actors.length]; uc.queue(a as never, { building: a.b, status: 'open', page: 1 }) }
  const svc = (performance.now() - t) / N
  t = performance.now()
  for (let i = 0; i < N; i++) await request('queue', i * 37 + 11)
  const whole = (performance.now() - t) / N
  t = performance.now()
  for (let i = 0; i < N; i++) await request('calc', i * 37 + 11)
  const calc = (performance.now() - t) / N
  process.stdout.write(`service.queue ${(svc * 1000).toFixed(0)} µs; whole page ${(whole * 1000).toFixed(0)} µs; calculator page ${(calc * 1000).toFixed(0)} µs\n`)
}
import * as repo from '../../src/features/claims/queue-repository.js'
for (let round = 0; round < 2; round++) {
  let t = performance.now()
  for (let i = 0; i < N; i++) { const a = actors[(i * 37 + 11) % actors.length]; repo.listClaims(app.db, { buildingIds: [a.b], buildingId: a.b, statuses: ['submitted', 'awaiting_second_approval'], exceptUserId: a.id }, 50, 0) }
  const list = (performance.now() - t) / N
  t = performance.now()
  for (let i = 0; i < N; i++) { const a = actors[(i * 37 + 11) % actors.length]; repo.countByStatus(app.db, { buildingIds: [a.b], buildingId: a.b, statuses: ['submitted', 'awaiting_second_approval'], exceptUserId: a.id }) }
  const counts = (performance.now() - t) / N
  process.stdout.write(`listClaims ${(list * 1000).toFixed(0)} µs; countByStatus ${(counts * 1000).toFixed(0)} µs\n`)
}
import { decisionDates } from '../../src/features/claims/decision-dates.js'
{
  const lists = actors.map((a) => repo.listClaims(app.db, { buildingIds: [a.b], buildingId: a.b, statuses: ['submitted', 'awaiting_second_approval'], exceptUserId: a.id }, 50, 0))
  for (let round = 0; round < 2; round++) {
    let tDates = 0; let tRows = 0; let tB = 0
    for (let i = 0; i < N; i++) {
      const k = (i * 37 + 11) % actors.length
      const listed = lists[k]
      let t = performance.now()
      const earliest = listed.reduce<string | undefined>((a, r) => (a === undefined || r.createdAt < a ? r.createdAt : a), undefined)
      const dates = decisionDates(app.db, earliest)
      tDates += performance.now() - t
      t = performance.now()
      const rows = listed.map((r) => { const expectedBy = dates.expectedBy(r.createdAt, r.planYear); return { ...r, expectedBy, late: expectedBy < '2026-12-08' } })
      tRows += performance.now() - t
      t = performance.now()
      repo.buildingsIn(app.db, [actors[k].b])
      tB += performance.now() - t
      if (rows.length < 0) process.stdout.write('x')
    }
    process.stdout.write(`decisionDates ${(tDates / N * 1000).toFixed(0)} µs; rows+expectedBy ${(tRows / N * 1000).toFixed(0)} µs; buildingsIn ${(tB / N * 1000).toFixed(0)} µs\n`)
  }
}
await close()
