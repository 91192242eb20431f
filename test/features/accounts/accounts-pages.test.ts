// The sign-up, sign-in, sign-out and password pages, driven like a browser (cookies + CSRF).
import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, nextPhone, PageSession, PASSWORD } from '../../helper.js'
import { auditLog, sessions, users } from '../../../src/db/schema/index.js'
import { createAccountsService } from '../../../src/features/accounts/accounts-service.js'
import { safeNext } from '../../../src/features/accounts/accounts-pages.js'

/** The text of the error beside a field (the partial form/field renders it with this id). */
function fieldError (html: string, field: string): string | undefined {
  return new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1]
}
function inputValue (html: string, field: string): string | undefined {
  return new RegExp(`name="${field}"[^>]*value="([^"]*)"`).exec(html)?.[1]
}

t.test('register through the page: session cookie is httpOnly and SameSite=Lax, then signed in', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  const form = await s.get('/register')
  t.equal(form.statusCode, 200)
  t.match(form.body, /<html lang="zh-CN">/)
  t.match(form.body, /注册/)
  t.ok(s.csrf, 'the form carries a CSRF token')
  const res = await s.post('/register', { phone: '139 0000 2222', name: '李娜', password: 'secret-pass-1' })
  t.equal(res.statusCode, 302)
  t.equal(res.headers.location, '/')
  const cookie = res.cookies.find((c) => c.name === 'token')
  t.ok(cookie, 'a session cookie is set')
  t.equal(cookie?.httpOnly, true)
  t.equal(cookie?.sameSite, 'Lax')
  t.equal(cookie?.path, '/')
  t.notOk(cookie?.secure, 'not Secure over plain HTTP')
  const home = await s.get('/')
  t.match(home.body, /李娜/)
  t.match(home.body, /注册成功/, 'the welcome flash')
  t.match(home.body, /action="\/logout"/)
  t.equal(app.db.select().from(users).where(eq(users.phone, '13900002222')).all().length, 1)
})

t.test('register: errors beside the fields, values kept, never the password; nothing written', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  await s.get('/register')
  const res = await s.post('/register', { phone: '12345', name: '张伟', password: '12345678' })
  t.equal(res.statusCode, 400)
  t.match(fieldError(res.body, 'phone'), /手机号码/)
  t.match(fieldError(res.body, 'password'), /8 位/)
  t.equal(fieldError(res.body, 'name'), undefined)
  t.equal(inputValue(res.body, 'phone'), '12345', 'the phone typed is kept')
  t.equal(inputValue(res.body, 'name'), '张伟', 'the name typed is kept')
  t.equal(inputValue(res.body, 'password'), '', 'the password is never echoed')
  t.notMatch(res.body, /12345678/)
  t.match(res.body, /aria-invalid="true"/)
  t.equal(app.db.select().from(users).all().length, 0)

  const taken = await createUser(app)
  const dup = await s.post('/register', { phone: taken.phone, name: '王五', password: 'secret-pass-1' })
  t.equal(dup.statusCode, 409)
  t.match(fieldError(dup.body, 'phone'), /已注册/)
  t.equal(app.db.select().from(users).all().length, 1)
})

t.test('sign in through the page; wrong password beside the field; sign out', async (t) => {
  const app = await build(t)
  const u = await createUser(app, { name: '赵敏' })
  const s = new PageSession(app)
  await s.get('/login')
  const wrong = await s.post('/login', { phone: u.phone, password: 'wrong-pass-1' })
  t.equal(wrong.statusCode, 401)
  t.match(fieldError(wrong.body, 'password'), /手机号码或密码不正确/)
  t.equal(inputValue(wrong.body, 'phone'), u.phone)
  t.notMatch(wrong.body, /wrong-pass-1/)
  t.notOk(s.cookies.has('token'))

  const ok = await s.post('/login', { phone: u.phone, password: PASSWORD })
  t.equal(ok.statusCode, 302)
  t.equal(ok.headers.location, '/')
  t.ok(s.cookies.has('token'))
  t.match((await s.get('/')).body, /赵敏/)
  t.equal((await s.get('/login')).statusCode, 302, 'a signed-in user is sent on from the login page')

  const out = await s.post('/logout', {})
  t.equal(out.statusCode, 302)
  t.notOk(s.cookies.has('token'), 'the cookie is cleared')
  const after = await s.get('/')
  t.notMatch(after.body, /赵敏/)
  t.match(after.body, /href="\/login"/)
})

t.test('empty sign-in form: required messages beside both fields', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  await s.get('/login')
  const res = await s.post('/login', { phone: '', password: '' })
  t.equal(res.statusCode, 400)
  t.match(fieldError(res.body, 'phone'), /必填/)
  t.match(fieldError(res.body, 'password'), /必填/)
})

t.test('Chinese by default, English after /lang/en (and back)', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  const zh = await s.get('/login')
  t.match(zh.body, /<html lang="zh-CN">/)
  t.match(zh.body, /手机号码/)
  t.match(zh.body, /href="\/lang\/en\?next(=|&#x3D;)%2Flogin"/, 'the switch links to English and back to this page')
  const sw = await s.get('/lang/en?next=%2Flogin')
  t.equal(sw.statusCode, 302)
  t.equal(sw.headers.location, '/login')
  const langCookie = sw.cookies.find((c) => c.name === 'lang')
  t.equal(langCookie?.value, 'en')
  t.equal(langCookie?.sameSite, 'Lax')
  const en = await s.get('/login')
  t.match(en.body, /<html lang="en">/)
  t.match(en.body, /Mobile number/)
  await s.get('/login')
  const wrong = await s.post('/login', { phone: '123', password: 'x' })
  t.match(fieldError(wrong.body, 'phone'), /mobile number/, 'form errors in English too')
  await s.get('/lang/zh')
  t.match((await s.get('/login')).body, /手机号码/)
  t.equal((await s.get('/lang/xx?next=/login')).headers.location, '/login', 'an unknown language changes nothing')
  t.match((await s.get('/login')).body, /手机号码/)
  const byHeader = await new PageSession(app).get('/login', { 'accept-language': 'en-GB,en;q=0.8' })
  t.match(byHeader.body, /Mobile number/, 'Accept-Language: en without a choice gives English')
})

t.test('CSRF: a form without or with a wrong token is 403 and writes nothing', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  await s.get('/register')
  const none = await s.post('/register', { phone: nextPhone(), name: '甲', password: 'secret-pass-1' }, { csrf: false })
  t.equal(none.statusCode, 403)
  t.match(none.body, /表单已过期/)
  const bad = await s.post('/register', { phone: nextPhone(), name: '乙', password: 'secret-pass-1', _csrf: 'forged-token' })
  t.equal(bad.statusCode, 403)
  t.equal(app.db.select().from(users).all().length, 0)

  // A token from another session is not accepted either (it is bound to this browser's secret).
  const other = new PageSession(app)
  await other.get('/register')
  const crossed = await s.post('/register', { phone: nextPhone(), name: '丙', password: 'secret-pass-1', _csrf: other.csrf! })
  t.equal(crossed.statusCode, 403)
  t.equal(app.db.select().from(users).all().length, 0)

  // Signed in: a password change without a token changes nothing.
  const u = await createUser(app)
  await s.login(u.phone)
  const before = app.db.select().from(users).where(eq(users.id, u.id)).get()!
  const change = await s.post('/account/password', { currentPassword: PASSWORD, newPassword: 'another-pass-2' }, { csrf: false })
  t.equal(change.statusCode, 403)
  t.equal(app.db.select().from(users).where(eq(users.id, u.id)).get()!.passwordHash, before.passwordHash)
  const logout = await s.post('/logout', {}, { csrf: false })
  t.equal(logout.statusCode, 403, 'even sign-out needs the token')
  t.ok(s.cookies.has('token'))
})

t.test('next: a same-site path is followed after sign-in, anything else goes home', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const s = new PageSession(app)
  const guarded = await s.get('/account/password')
  t.equal(guarded.statusCode, 302)
  t.equal(guarded.headers.location, '/login?next=%2Faccount%2Fpassword')
  const form = await s.get('/login?next=%2Faccount%2Fpassword')
  t.match(form.body, /name="next" value="\/account\/password"/)
  const res = await s.post('/login', { phone: u.phone, password: PASSWORD, next: '/account/password' })
  t.equal(res.headers.location, '/account/password')

  for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', '/a b', '/\n/evil']) {
    const s2 = new PageSession(app)
    await s2.get('/login')
    const r = await s2.post('/login', { phone: u.phone, password: PASSWORD, next: evil })
    t.equal(r.headers.location, '/', `refused: ${JSON.stringify(evil)}`)
  }
  t.equal(safeNext('/admin/users?q=1'), '/admin/users?q=1')
  t.equal(safeNext(undefined), '/')
  t.equal(safeNext(['/x']), '/')
  t.equal((await s.get('/lang/en?next=%2F%2Fevil.example')).headers.location, '/', 'the language switch checks it too')
})

t.test('rate limit on the page form: the 11th sign-in a minute is 429, shown on the form', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const s = new PageSession(app)
  await s.get('/login')
  // Attempts count whatever their outcome (here: a forgotten password field, which is no
  // wrong password, so the lockout does not interfere).
  for (let i = 0; i < 10; i++) {
    const r = await s.post('/login', { phone: u.phone, password: '' })
    t.equal(r.statusCode, 400, `attempt ${i + 1} is not rate-limited`)
  }
  const limited = await s.post('/login', { phone: u.phone, password: PASSWORD })
  t.equal(limited.statusCode, 429)
  t.match(limited.headers['content-type'], /text\/html/)
  t.match(limited.body, /<form method="post" action="\/login"/, 'the form is shown again')
  t.match(fieldError(limited.body, 'password'), /尝试次数过多/)
  t.equal(inputValue(limited.body, 'phone'), u.phone)
  t.notOk(s.cookies.has('token'))
  const api = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { phone: u.phone, password: PASSWORD } })
  t.equal(api.statusCode, 429, 'the API counts the same attempts: no extra tries through another door')
  t.equal(api.json().error.code, 'RATE_LIMITED')
})

t.test('rate limit on the sign-up form', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  await s.get('/register')
  const phone = nextPhone()
  for (let i = 0; i < 10; i++) await s.post('/register', { phone, name: '甲', password: 'short' })
  const limited = await s.post('/register', { phone, name: '甲', password: 'secret-pass-1' })
  t.equal(limited.statusCode, 429)
  t.match(limited.body, /action="\/register"/)
  t.match(limited.body, /尝试次数过多/)
  t.equal(app.db.select().from(users).all().length, 0)
})

t.test('lockout on the page: five wrong passwords, then the lock message beside the password', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const s = new PageSession(app)
  await s.get('/login')
  for (let i = 0; i < 5; i++) t.equal((await s.post('/login', { phone: u.phone, password: 'wrong-pass-' + i })).statusCode, 401)
  const locked = await s.post('/login', { phone: u.phone, password: PASSWORD })
  t.equal(locked.statusCode, 429)
  t.match(fieldError(locked.body, 'password'), /账号已锁定，请 15 分钟后再试/)
  app.testClock.advance(14 * 60_000 + 30_000)
  const later = await s.post('/login', { phone: u.phone, password: PASSWORD })
  t.match(fieldError(later.body, 'password'), /请 1 分钟后再试/, 'the minutes left count down')
  await s.get('/lang/en')
  await s.get('/login')
  const en = await s.post('/login', { phone: u.phone, password: PASSWORD })
  t.match(fieldError(en.body, 'password'), /locked\. Try again in 1 min\./)
  app.testClock.advance(60_000)
  t.equal((await s.post('/login', { phone: u.phone, password: PASSWORD })).statusCode, 302, 'signed in once the lock ends')
})

t.test('a deactivated account cannot sign in through the page', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  createAccountsService(app.db, app.clock).setActive('cli', u.id, false)
  const s = new PageSession(app)
  const res = await s.login(u.phone)
  t.equal(res.statusCode, 401)
  t.match(fieldError(res.body, 'password'), /已停用/)
})

t.test('after an admin reset: redirected to the password page until a new one is chosen', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const s = new PageSession(app)
  await s.login(u.phone)
  const temporary = await createAccountsService(app.db, app.clock).resetPassword('cli', u.id)
  t.equal((await s.get('/account/password')).statusCode, 302, 'the old session ended with the reset')

  t.equal((await s.login(u.phone)).statusCode, 401, 'the old password no longer works')
  const res = await s.login(u.phone, temporary)
  t.equal(res.statusCode, 302)
  t.equal(res.headers.location, '/account/password')
  for (const path of ['/', '/admin/users', '/anything']) {
    const r = await s.get(path)
    t.equal(r.statusCode, 302, `${path} redirects`)
    t.equal(r.headers.location, '/account/password')
  }
  const page = await s.get('/account/password')
  t.equal(page.statusCode, 200)
  t.match(page.body, /管理员已重置您的密码/)
  const api = await app.inject({ method: 'GET', url: '/api/v1/aid/plans/current', headers: { authorization: `Bearer ${app.issueToken(u.id, app.db.select().from(users).where(eq(users.id, u.id)).get()!.tokenVersion, 600)}` } })
  t.equal(api.statusCode, 403, 'the API refuses too')
  t.equal(api.json().error.code, 'PASSWORD_CHANGE_REQUIRED')

  const same = await s.post('/account/password', { currentPassword: temporary, newPassword: temporary })
  t.equal(same.statusCode, 400)
  t.match(fieldError(same.body, 'newPassword'), /不能与当前密码相同/)
  t.notMatch(same.body, new RegExp(temporary), 'passwords are not echoed')
  const wrong = await s.post('/account/password', { currentPassword: 'not-it-123', newPassword: 'brand-new-pass-3' })
  t.match(fieldError(wrong.body, 'currentPassword'), /当前密码不正确/)
  const ok = await s.post('/account/password', { currentPassword: temporary, newPassword: 'brand-new-pass-3' })
  t.equal(ok.statusCode, 302)
  t.equal(ok.headers.location, '/')
  const home = await s.get('/')
  t.equal(home.statusCode, 200)
  t.match(home.body, /密码已修改/)
  t.ok(app.db.select().from(auditLog).where(eq(auditLog.action, 'user.change_password')).get())
})

t.test('an expired or tampered session cookie is dropped; the page asks to sign in', async (t) => {
  const app = await build(t)
  const u = await createUser(app)
  const s = new PageSession(app)
  s.cookies.set('token', app.jwt.sign({ sub: String(u.id), tv: 0 }, { expiresIn: -10 }))
  const r = await s.get('/account/password')
  t.equal(r.statusCode, 302)
  t.match(r.headers.location, /^\/login\?next=/)
  t.notOk(s.cookies.has('token'), 'the bad cookie is cleared')
})

t.test('the 404 page', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  const res = await s.get('/no/such/page')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /text\/html/)
  t.match(res.body, /页面不存在/)
  t.match(res.body, /href="\/"/)
  await s.get('/lang/en')
  t.match((await s.get('/no/such/page')).body, /not found|does not exist/i)
  const json = await app.inject({ method: 'GET', url: '/no/such/page', headers: { accept: 'application/json' } })
  t.equal(json.statusCode, 404)
  t.equal(json.json().error.code, 'NOT_FOUND')
})

t.test('page sessions are renewed while in use; the cookie is Secure behind TLS', async (t) => {
  const app = await build(t, { config: { trustProxy: 1 } })
  const u = await createUser(app)
  const now = Math.floor(Date.now() / 1000)
  const s = new PageSession(app)
  // A page session: a row in sessions and a token of kind 'p' naming it.
  app.db.insert(sessions).values({ id: 'test-session', userId: u.id, createdAt: app.clock.iso() }).run()
  s.cookies.set('token', app.jwt.sign({ sub: String(u.id), tv: 0, k: 'p', sid: 'test-session', iat: now - 60 }))
  const fresh = await s.get('/')
  t.equal(fresh.cookies.find((c) => c.name === 'token'), undefined, 'a recent session is left alone')
  s.cookies.set('token', app.jwt.sign({ sub: String(u.id), tv: 0, k: 'p', sid: 'test-session', iat: now - 30 * 60 }))
  const renewed = await s.get('/')
  const cookie = renewed.cookies.find((c) => c.name === 'token')
  t.ok(cookie, 'an older one is renewed')
  t.equal(cookie?.maxAge, 2 * 60 * 60)
  t.equal((app.jwt.decode(cookie!.value) as { iat: number }).iat >= now, true)
  t.equal((app.jwt.decode(cookie!.value) as { sid: string }).sid, 'test-session', 'the same session, renewed')

  const tls = new PageSession(app)
  await tls.get('/login', { 'x-forwarded-proto': 'https' })
  const res = await app.inject({
    method: 'POST', url: '/login', headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/x-www-form-urlencoded', cookie: [...tls.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    payload: new URLSearchParams({ _csrf: tls.csrf!, phone: u.phone, password: PASSWORD }).toString()
  })
  t.equal(res.statusCode, 302)
  t.equal(res.cookies.find((c) => c.name === 'token')?.secure, true)
})
