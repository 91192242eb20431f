import type { FastifyInstance } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import type { AccountsService } from './accounts-service.js'
import { changePasswordInput, registerInput, signInInput } from './accounts-schemas.js'
import { authRateLimit } from './auth-rate-limit.js'

/** Only same-site paths may be a redirect target after sign-in. */
export function safeNext (next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/'
}

type Body = Record<string, string | undefined>

export default async function accountsPages (app: FastifyInstance, { service }: { service: AccountsService }): Promise<void> {
  const csrf = { preHandler: app.verifyCsrf }

  app.get('/register', async (req, reply) => {
    if (req.actor !== null) return reply.redirect('/')
    return reply.page('accounts/register', { titleKey: 'accounts.register.title', values: {}, needsCsrf: true })
  })

  app.post('/register', { preHandler: [app.verifyCsrf], config: { rateLimit: authRateLimit() } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(registerInput, body)
      const user = await service.register(input)
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
      reply.flash('accounts.register.welcome')
      return reply.redirect('/')
    } catch (err) {
      return reply.formError(err, 'accounts/register', { titleKey: 'accounts.register.title', values: body })
    }
  })

  app.get('/login', async (req, reply) => {
    const next = safeNext((req.query as Body).next)
    if (req.actor !== null) return reply.redirect(next)
    return reply.page('accounts/login', { titleKey: 'accounts.login.title', values: {}, next, needsCsrf: true })
  })

  app.post('/login', { preHandler: [app.verifyCsrf], config: { rateLimit: authRateLimit() } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    const next = safeNext(body.next)
    try {
      const input = parseInput(signInInput, body)
      const user = await service.signIn(input)
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
      return reply.redirect(user.mustChangePassword ? '/account/password' : next)
    } catch (err) {
      return reply.formError(err, 'accounts/login', { titleKey: 'accounts.login.title', values: body, next })
    }
  })

  app.post('/logout', csrf, async (_req, reply) => {
    app.clearSessionCookie(reply)
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
      return reply.redirect('/')
    } catch (err) {
      return reply.formError(err, 'accounts/password', { titleKey: 'accounts.password.title', values: body, forced: actor.mustChangePassword })
    }
  })
}
