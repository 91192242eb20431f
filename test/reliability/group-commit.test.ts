// Group commit (inCommitGroup): claims and share orders sent in the same turn of the event loop
// share one COMMIT at synchronous FULL, and none is answered before that commit returned. A unit that
// fails is rolled back alone; an ordinary transaction commits the open group first; a commit
// that fails reaches every request of the group as an error, never as a success.
import t, { type Test } from 'tap'
import Database from 'better-sqlite3'
import { build } from '../helper.js'
import { flushCommitGroup, inCommitGroup, pendingCommit, writersOf, type Db } from '../../src/db/index.js'
import { seedCoveredMembers } from './fixtures.js'
import { order, world as aidWorld } from '../features/aid/fixtures.js'

/** Counts the COMMIT statements the connection runs from here on. */
function countCommits (db: Db): () => number {
  const exec = db.$client.exec.bind(db.$client)
  let n = 0
  db.$client.exec = ((source: string) => { if (/^\s*COMMIT/i.test(source)) n++; return exec(source) }) as typeof exec
  return () => n
}

/** The app on a fresh database with a scratch table `gc`, and a second, read-only connection to it. */
async function scratch (t: Test) {
  const app = await build(t)
  const db = app.db
  db.$client.exec('create table gc (x integer not null)')
  const other = new Database(db.$client.name, { readonly: true })
  t.teardown(() => { other.close() })
  return { db, other, insert: (x: number) => { db.$client.prepare('insert into gc (x) values (?)').run(x) } }
}

t.test('units of one turn share one commit, invisible to other connections until it returned', async (t) => {
  const { db, other, insert } = await scratch(t)
  const seen = (): number => (other.prepare('select count(*) as n from gc').get() as { n: number }).n
  const commits = countCommits(db)

  const units = [1, 2, 3].map((x) => inCommitGroup(db, () => db.transaction(() => { insert(x) })))
  t.equal(new Set(units.map((u) => u.committed)).size, 1, 'one group')
  t.equal(Atomics.load(writersOf(db), 0), 1, 'the open group counts as a writer for the import\'s worker')
  t.equal(seen(), 0, 'nothing is visible to another connection before the commit')
  t.equal(pendingCommit(db), units[0].committed, 'answers wait for it')
  await units[0].committed
  t.equal(seen(), 3, 'all three after it')
  t.equal(commits(), 1, 'one COMMIT for the three')
  t.equal(pendingCommit(db), undefined)
  t.equal(Atomics.load(writersOf(db), 0), 0)
  t.equal(db.$client.pragma('synchronous', { simple: true }), 2, 'and that commit is at FULL')
})

t.test('a unit that throws is rolled back alone', async (t) => {
  const { db, insert } = await scratch(t)
  const a = inCommitGroup(db, () => { insert(1) })
  t.throws(() => inCommitGroup(db, () => {
    insert(2)
    throw new Error('refused')
  }), /refused/)
  const c = inCommitGroup(db, () => { insert(3) })
  t.equal(a.committed, c.committed, 'the group went on')
  await c.committed
  t.same(db.$client.prepare('select x from gc order by x').pluck().all(), [1, 3])
})

t.test('an ordinary transaction commits the open group before its own', async (t) => {
  const { db, other, insert } = await scratch(t)
  let settled = false
  const unit = inCommitGroup(db, () => { insert(1) })
  const settling = unit.committed.then(() => { settled = true })
  db.transaction(() => { insert(2) })
  t.same(other.prepare('select x from gc order by x').pluck().all(), [1, 2], 'both committed, the group first')
  t.equal(pendingCommit(db), undefined, 'no group left open')
  await settling
  t.ok(settled)
  t.throws(() => db.transaction(() => inCommitGroup(db, () => 1)), /inside an ordinary transaction/, 'a group cannot start inside a transaction')
})

t.test('a commit that fails rejects every unit of its group, and the route answers an error', async (t) => {
  const app = await build(t)
  const db = app.db
  // A deferred foreign key is checked at COMMIT: a way to make the group's commit itself fail.
  db.$client.exec('create table gc_parent (id integer primary key); create table gc_child (p integer references gc_parent (id) deferrable initially deferred)')
  const good = inCommitGroup(db, () => { db.$client.prepare('insert into gc_parent (id) values (1)').run() })
  const bad = inCommitGroup(db, () => { db.$client.prepare('insert into gc_child (p) values (99)').run() })
  flushCommitGroup(db)
  await t.rejects(good.committed, /FOREIGN KEY/, 'the sound unit learns its write was not committed')
  await t.rejects(bad.committed, /FOREIGN KEY/)
  t.equal(db.$client.inTransaction, false, 'rolled back, the connection is usable')
  t.equal((db.$client.prepare('select count(*) as n from gc_parent').get() as { n: number }).n, 0, 'nothing of the group stayed')

  // Through the claims route: a claim whose group's commit fails is answered an error, not 201.
  const fx = await seedCoveredMembers(db, app.pii, { today: app.clock.today(), members: 1 })
  db.$client.exec('create trigger gc_fail after insert on aid_claims begin insert into gc_child (p) values (99); end')
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/aid/claims',
    payload: { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: '昆明市第一人民医院', invoiceNo: 'GC-FAIL', totalCostFen: 800_000, insurancePaidFen: 400_000, excludedFen: 0 },
    headers: { authorization: `Bearer ${app.issueToken(fx.members[0].userId, 0, 3600)}`, 'idempotency-key': 'gc-fail' }
  })
  t.equal(res.statusCode, 500, 'the claim is not acknowledged')
  t.match(res.json(), { error: { code: String } })
  t.equal((db.$client.prepare('select count(*) as n from aid_claims').get() as { n: number }).n, 0, 'and not stored')
  t.equal((db.$client.prepare("select count(*) as n from idempotency_keys where key = 'gc-fail'").get() as { n: number }).n, 0, 'so the same key can be sent again')
})

t.test('claims submitted together: each answered 201 only once it is on disk, duplicates and replays as one by one', async (t) => {
  const app = await build(t)
  const fx = await seedCoveredMembers(app.db, app.pii, { today: app.clock.today(), members: 8 })
  const other = new Database(app.db.$client.name, { readonly: true })
  t.teardown(() => { other.close() })
  const stored = other.prepare('select count(*) as n from aid_claims where id = ?').pluck()
  const commits = countCommits(app.db)
  const body = (invoiceNo: string) => ({ admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: '昆明市第一人民医院', invoiceNo, totalCostFen: 800_000, insurancePaidFen: 400_000, excludedFen: 0 })
  const submit = async (member: number, invoiceNo: string, key: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/aid/claims',
      payload: body(invoiceNo),
      headers: { authorization: `Bearer ${app.issueToken(fx.members[member].userId, 0, 3600)}`, 'idempotency-key': key }
    })
    // Read at the moment the answer arrives, from another connection.
    const onDisk = res.statusCode === 201 ? stored.get(res.json().id) : null
    return { status: res.statusCode, body: res.json(), onDisk }
  }
  const answers = await Promise.all([
    ...fx.members.map((_, i) => submit(i, `GC-${i}`, `gc-${i}`)),
    submit(0, 'GC-0', 'gc-0-again'), // the same invoice under another key: a duplicate
    submit(1, 'GC-1', 'gc-1') // the same key and request: the first answer, replayed
  ])
  const created = answers.slice(0, fx.members.length)
  t.ok(created.every((a) => a.status === 201), 'every member\'s claim is accepted')
  t.ok(created.every((a) => a.onDisk === 1), 'and each was committed when its 201 arrived')
  t.equal(answers[fx.members.length].status, 422)
  t.equal(answers[fx.members.length].body.error.code, 'DUPLICATE')
  t.equal(answers[fx.members.length + 1].status, 201)
  t.equal(answers[fx.members.length + 1].body.id, created[1].body.id, 'the replay names the same claim')
  t.equal((other.prepare('select count(*) as n from aid_claims').get() as { n: number }).n, fx.members.length, 'one claim a member, no more')
  t.ok(commits() >= 1 && commits() <= answers.length, `commits: ${commits()} for ${answers.length} requests`)
})

t.test('share orders sent together (enrolment opening): each answered once on disk, a second order of a member refused', async (t) => {
  const app = await build(t)
  const w = await aidWorld(app)
  const other = new Database(app.db.$client.name, { readonly: true })
  t.teardown(() => { other.close() })
  const onDisk = other.prepare('select count(*) as n from aid_purchases where id = ?').pluck()
  const commits = countCommits(app.db)
  const send = async (user: typeof w.member, key: string) => {
    const res = await order(app, user, { shares: 1 }, key)
    return { status: res.statusCode, body: res.json(), stored: res.statusCode === 201 ? onDisk.get(res.json().id) : null }
  }
  const [a, b, again, replay] = await Promise.all([send(w.member, 'gc-o-1'), send(w.otherMember, 'gc-o-2'), send(w.member, 'gc-o-3'), send(w.member, 'gc-o-1')])
  t.equal(a.status, 201)
  t.equal(b.status, 201)
  t.equal(a.stored, 1, 'committed when answered')
  t.equal(b.stored, 1)
  t.equal(again.status, 409, 'the same member\'s second order (another key) sees the first, uncommitted yet')
  t.equal(again.body.error.code, 'ORDER_EXISTS')
  t.equal(replay.status, 201)
  t.equal(replay.body.id, a.body.id, 'the same key answers the first answer')
  t.ok(commits() >= 1 && commits() <= 4, `commits: ${commits()} for 4 requests`)
})
