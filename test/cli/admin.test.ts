// The admin command line: works on a database that does not exist yet (it applies the
// migrations itself), so a first admin can be made before the first start.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { runAdmin } from '../../src/cli/admin.js'
import { openDatabase, type Db } from '../../src/db/index.js'
import { auditLog, buildings, roleGrants, staffScopes, users } from '../../src/db/schema/index.js'
import { verifyPassword } from '../../src/lib/password.js'
import { projectRoot } from '../../src/paths.js'

function tempDb (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'data', 'portal.db')
}

/** Runs one command; collects what it prints. */
async function admin (path: string, ...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runAdmin(argv, { NODE_ENV: 'test', DATABASE_PATH: path }, (s) => out.push(s), (s) => err.push(s))
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Reads the database the command line wrote, closing it after the test. */
function open (t: Test, path: string): Db {
  const db = openDatabase(path)
  t.teardown(() => db.$client.close())
  return db
}

function addBuilding (path: string): number {
  const db = openDatabase(path)
  const id = db.insert(buildings).values({ name: '五华科创大厦', district: '五华区', address: '昆明', enterprisesTotal: 96, createdAt: 'x', updatedAt: 'x' }).returning({ id: buildings.id }).get().id
  db.$client.close()
  return id
}

t.test('create-user --role admin on a database that does not exist yet', async (t) => {
  const path = tempDb(t)
  t.notOk(existsSync(path))
  const r = await admin(path, 'create-user', '--role', 'admin', '--phone', '+86 138-0000-0000', '--password', 'S3cure-pass', '--name', '管理员')
  t.equal(r.code, 0)
  t.match(r.out, /created user 1 \(13800000000, 管理员\) with role admin/)
  t.equal(r.err, '')
  const db = open(t, path)
  const u = db.select().from(users).where(eq(users.phone, '13800000000')).get()!
  t.equal(u.name, '管理员')
  t.ok(await verifyPassword('S3cure-pass', u.passwordHash))
  t.same(db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, u.id)).all(), [{ role: 'admin' }])
  const entry = db.select().from(auditLog).where(eq(auditLog.action, 'user.create')).get()!
  t.equal(entry.actorUserId, null)
  t.equal(entry.note, 'command line')
})

t.test('create-user: staff with buildings, member', async (t) => {
  const path = tempDb(t)
  const noBuilding = await admin(path, 'create-user', '--role', 'staff', '--phone', '13800000001', '--password', 'S3cure-pass', '--name', '工作人员')
  t.equal(noBuilding.code, 1)
  t.match(noBuilding.err, /--building: 工作人员账号需要用 --building/)
  const b = addBuilding(path)
  const unknown = await admin(path, 'create-user', '--role', 'staff', '--building', '999', '--phone', '13800000001', '--password', 'S3cure-pass', '--name', '工作人员')
  t.equal(unknown.code, 1)
  t.match(unknown.err, /--building: 请选择一个存在的楼宇/)
  const notNumber = await admin(path, 'create-user', '--role', 'staff', '--building', 'one', '--phone', '13800000001', '--password', 'S3cure-pass', '--name', '工作人员')
  t.equal(notNumber.code, 1)
  const staff = await admin(path, 'create-user', '--role', 'staff', '--building', String(b), '--phone', '13800000001', '--password', 'S3cure-pass', '--name', '工作人员')
  t.equal(staff.code, 0, staff.err)
  const member = await admin(path, 'create-user', '--role', 'member', '--phone', '13800000002', '--password', 'S3cure-pass', '--name', '职工')
  t.equal(member.code, 0)
  const db = open(t, path)
  const s = db.select().from(users).where(eq(users.phone, '13800000001')).get()!
  t.same(db.select({ b: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, s.id)).all(), [{ b }])
  t.same(db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, s.id)).all(), [{ role: 'staff' }])
  const m = db.select().from(users).where(eq(users.phone, '13800000002')).get()!
  t.same(db.select().from(roleGrants).where(eq(roleGrants.userId, m.id)).all(), [], 'a member has no granted role')
  t.equal(db.select().from(users).all().length, 2, 'the refused attempts wrote nothing')
})

t.test('create-user: duplicate phone, bad phone, weak password, missing name or role: messages and exit 1', async (t) => {
  const path = tempDb(t)
  t.equal((await admin(path, 'create-user', '--role', 'member', '--phone', '13800000003', '--password', 'S3cure-pass', '--name', '甲')).code, 0)
  const dup = await admin(path, 'create-user', '--role', 'member', '--phone', '138 0000 0003', '--password', 'S3cure-pass', '--name', '乙')
  t.equal(dup.code, 1)
  t.match(dup.err, /PHONE_TAKEN/)
  t.match(dup.err, /该手机号码已注册/)
  const badPhone = await admin(path, 'create-user', '--role', 'member', '--phone', '12345', '--password', 'S3cure-pass', '--name', '丙')
  t.equal(badPhone.code, 1)
  t.match(badPhone.err, /--phone: 请填写有效的中国大陆手机号码/)
  const digits = await admin(path, 'create-user', '--role', 'member', '--phone', '13800000004', '--password', '12345678901', '--name', '丁')
  t.equal(digits.code, 1)
  t.match(digits.err, /--password: 密码至少 8 位，且不能全是数字/)
  const short = await admin(path, 'create-user', '--role', 'member', '--phone', '13800000004', '--password', 'abc', '--name', '丁', '--lang', 'en')
  t.equal(short.code, 1)
  t.match(short.err, /--password: The password needs at least 8 characters/, 'English with --lang en')
  const missing = await admin(path, 'create-user', '--phone', '13800000004', '--password', 'S3cure-pass')
  t.equal(missing.code, 1)
  t.match(missing.err, /--role: /)
  t.match(missing.err, /--name: 此项为必填项/)
  const badRole = await admin(path, 'create-user', '--role', 'root', '--phone', '13800000004', '--password', 'S3cure-pass', '--name', '戊')
  t.equal(badRole.code, 1)
  t.match(badRole.err, /--role: 不是有效的选项/)
  const db = open(t, path)
  t.equal(db.select().from(users).all().length, 1)
})

t.test('usage errors exit 2', async (t) => {
  const path = tempDb(t)
  const none = await admin(path)
  t.equal(none.code, 2)
  t.match(none.err, /usage:/)
  const unknown = await admin(path, 'drop-everything')
  t.equal(unknown.code, 2)
  const badOption = await admin(path, 'create-user', '--rol', 'admin')
  t.equal(badOption.code, 2)
  t.match(badOption.err, /usage:/)
  t.notOk(existsSync(path), 'a usage error does not even create the database')
})

t.test('deactivate-user, reactivate-user, reset-password', async (t) => {
  const path = tempDb(t)
  await admin(path, 'create-user', '--role', 'member', '--phone', '13800000005', '--password', 'S3cure-pass', '--name', '己')
  const off = await admin(path, 'deactivate-user', '--phone', '13800000005')
  t.equal(off.code, 0)
  t.match(off.out, /deactivated user \d+ \(13800000005\)/)
  let db = openDatabase(path)
  const before = db.select().from(users).where(eq(users.phone, '13800000005')).get()!
  db.$client.close()
  t.equal(before.active, false)
  t.equal(before.tokenVersion, 1, 'tokens issued before stop working')
  t.equal((await admin(path, 'reactivate-user', '--phone', '13800000005')).code, 0)

  const reset = await admin(path, 'reset-password', '--phone', '13800000005')
  t.equal(reset.code, 0)
  const temporary = /temporary password: (\S+)/.exec(reset.out)?.[1]
  t.ok(temporary)
  db = openDatabase(path)
  let u = db.select().from(users).where(eq(users.phone, '13800000005')).get()!
  db.$client.close()
  t.equal(u.active, true)
  t.equal(u.mustChangePassword, true)
  t.ok(await verifyPassword(temporary!, u.passwordHash))

  const chosen = await admin(path, 'reset-password', '--phone', '13800000005', '--password', 'Chosen-pass-7')
  t.equal(chosen.code, 0)
  t.notMatch(chosen.out, /temporary password/, 'a chosen password is not printed')
  t.notMatch(chosen.out, /Chosen-pass-7/)
  const weak = await admin(path, 'reset-password', '--phone', '13800000005', '--password', '1234')
  t.equal(weak.code, 1)
  t.match(weak.err, /--password: 密码至少 8 位/)
  db = open(t, path)
  u = db.select().from(users).where(eq(users.phone, '13800000005')).get()!
  t.ok(await verifyPassword('Chosen-pass-7', u.passwordHash), 'the weak one was refused, the chosen one kept')
  t.same(db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(u.id))).all().map((r) => r.a),
    ['user.create', 'user.deactivate', 'user.reactivate', 'user.reset_password', 'user.reset_password'])

  const nobody = await admin(path, 'deactivate-user', '--phone', '13900000000')
  t.equal(nobody.code, 1)
  t.match(nobody.err, /没有手机号码为 13900000000 的用户/)
  const badPhone = await admin(path, 'reset-password', '--phone', 'abc')
  t.equal(badPhone.code, 1)
  t.match(badPhone.err, /--phone: /)
})

t.test('a configuration error is reported, exit 1', async (t) => {
  const err: string[] = []
  const code = await runAdmin(['deactivate-user', '--phone', '13800000000'], { NODE_ENV: 'production', DATABASE_PATH: tempDb(t) }, () => {}, (s) => err.push(s))
  t.equal(code, 1)
  t.match(err.join('\n'), /JWT_SECRET is required/)
})

function npmAdmin (path: string, args: string[]): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
      cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', DATABASE_PATH: path }, stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('npm run admin timed out')) }, 60_000)
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }) })
  })
}

t.test('npm run admin -- create-user … as DOMAIN.md shows, then a duplicate', async (t) => {
  const path = tempDb(t)
  const r = await npmAdmin(path, ['create-user', '--role', 'admin', '--phone', '13800000000', '--password', 'S3cure-pass', '--name', '管理员'])
  t.equal(r.code, 0, r.stderr)
  t.match(r.stdout, /created user 1 \(13800000000, 管理员\) with role admin/)
  const dup = await npmAdmin(path, ['create-user', '--role', 'admin', '--phone', '13800000000', '--password', 'S3cure-pass', '--name', '管理员'])
  t.not(dup.code, 0)
  t.match(dup.stderr, /PHONE_TAKEN/)
  const db = open(t, path)
  t.equal(db.select().from(users).all().length, 1)
})
