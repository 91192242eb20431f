import type { FastifyInstance, FastifyReply } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import { AppError } from '../../lib/errors.js'
import type { AccountsService } from './accounts-service.js'
import type { AuthLimits } from './auth-rate-limit.js'
import { changePasswordInput, registerInput, signInInput } from './accounts-schemas.js'

/**
 * Only same-site paths may be a redirect target after sign-in: "/x", never "//host" or "/\host",
 * and nothing with spaces, control or non-ASCII characters (browsers drop tabs and newlines,
 * so "/\t/host" would become "//host"; the browser sends paths percent-encoded anyway).
 */
export function safeNext (next: unknown): string {
  return typeof next === 'string' && next.length <= 2000 && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/'
}

type Body = Record<string, string | undefined>

const FORMS = {
  login: { template: 'accounts/login', titleKey: 'accounts.login.title' },
  register: { template: 'accounts/register', titleKey: 'accounts.register.title' }
} as const
type FormName = keyof typeof FORMS
const FORM_BY_PATH: Record<string, FormName> = { '/login': 'login', '/register': 'register' }

/**
 * The sign-in or sign-up form again, with the entered values (never the password) and the
 * error: invalid input beside its field; a refused sign-in (wrong password, locked account,
 * too many attempts) beside the password on the login form, above the form on sign-up.
 */
function showForm (reply: FastifyReply, name: FormName, body: Body, err: unknown): FastifyReply {
  const { template, titleKey } = FORMS[name]
  const data = { titleKey, values: { phone: body.phone, name: body.name }, next: safeNext(body.next) }
  if (err instanceof AppError && (err.statusCode === 401 || err.statusCode === 429)) {
    const message = reply.request.t(err.messageKey, err.params)
    return reply.page(template, {
      ...data, needsCsrf: true, formError: message, errors: name === 'login' ? { password: message } : undefined
    }, err.statusCode)
  }
  return reply.formError(err, template, data)
}

export default async function accountsPages (
  app: FastifyInstance, { service, limits }: { service: AccountsService, limits: AuthLimits }
): Promise<void> {
  const csrf = { preHandler: app.verifyCsrf }

  // The rate limit refuses before the handler runs: show its 429 on the form, like any other
  // refusal. Everything else goes on to the application's error handler.
  app.setErrorHandler(function (err, req, reply) {
    const name = req.method === 'POST' ? FORM_BY_PATH[req.routeOptions.url ?? ''] : undefined
    if (name !== undefined && err instanceof AppError && err.statusCode === 429) return showForm(reply, name, (req.body ?? {}) as Body, err)
    throw err
  })

  app.get('/register', async (req, reply) => {
    if (req.actor !== null) return reply.redirect('/')
    return reply.page('accounts/register', { titleKey: FORMS.register.titleKey, values: {}, needsCsrf: true })
  })

  app.post('/register', { preHandler: [app.verifyCsrf, limits.signUp] }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(registerInput, body)
      const user = await service.register(input)
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
      reply.flash('accounts.register.welcome')
      return await reply.redirect('/')
    } catch (err) {
      return showForm(reply, 'register', body, err)
    }
  })

  app.get('/login', async (req, reply) => {
    const next = safeNext((req.query as Body).next)
    if (req.actor !== null) return reply.redirect(next)
    return reply.page('accounts/login', { titleKey: FORMS.login.titleKey, values: {}, next, needsCsrf: true })
  })

  app.post('/login', { preHandler: [app.verifyCsrf, limits.signIn] }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(signInInput, body)
      const user = await service.signIn(input)
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
      return await reply.redirect(user.mustChangePassword ? '/account/password' : safeNext(body.next))
    } catch (err) {
      return showForm(reply, 'login', body, err)
    }
  })

  app.post('/logout', csrf, async (req, reply) => {
    app.endSession(req, reply)
    return reply.redirect('/')
  })

  app.get('/account/password', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    return reply.page('accounts/password', { titleKey: 'accounts.password.title', values: {}, forced: actor.mustChangePassword })
  })

  app.post('/account/password', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(changePasswordInput, body)
      const user = await service.changePassword(actor, input)
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
      reply.flash('accounts.password.changed')
      return await reply.redirect('/')
    } catch (err) {
      return reply.formError(err, 'accounts/password', { titleKey: 'accounts.password.title', values: {}, forced: actor.mustChangePassword })
    }
  })
}
