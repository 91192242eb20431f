// Who is asking. A token only says who the user is: roles and scopes are read from the
// database on every request, so a new role or a deactivation takes effect at once.
// Pages carry the token in an httpOnly cookie; the JSON API takes only a Bearer header, so a
// cross-site form can never act through the API with someone's cookie.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import jwt from '@fastify/jwt'
import type { Actor, Role } from '../lib/access.js'
import { loadActorRow } from '../features/accounts/accounts-repository.js'
import { AppError, unauthorized } from '../lib/errors.js'

export const TOKEN_COOKIE = 'token'
/** Page sessions last this long without use; each page renews them after RENEW_AFTER. */
export const PAGE_TOKEN_TTL_S = 2 * 60 * 60
const RENEW_AFTER_S = 10 * 60
/** API tokens. */
export const API_TOKEN_TTL_S = 12 * 60 * 60

interface TokenPayload { sub: string, tv: number, iat?: number }

declare module '@fastify/jwt' {
  interface FastifyJWT { payload: TokenPayload, user: TokenPayload }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    /** Why a presented token was not accepted (expired, tampered, deactivated). */
    authProblem: 'TOKEN_INVALID' | null
    isApi: boolean
  }
  interface FastifyInstance {
    issueToken: (userId: number, tokenVersion: number, ttlSeconds: number) => string
    setSessionCookie: (req: FastifyRequest, reply: FastifyReply, userId: number, tokenVersion: number) => void
    clearSessionCookie: (reply: FastifyReply) => void
    /** Throws 401 (TOKEN_INVALID when a bad token was sent) unless signed in. */
    requireSignedIn: (req: FastifyRequest) => Actor
  }
}

export function cookieOptions (req: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https', maxAge: PAGE_TOKEN_TTL_S }
}

export default fp(async function auth (app: FastifyInstance) {
  await app.register(jwt, { secret: app.config.jwtSecret, sign: { algorithm: 'HS256' }, verify: { algorithms: ['HS256'] } })

  app.decorateRequest('actor', null)
  app.decorateRequest('authProblem', null)
  app.decorateRequest('isApi', false)

  app.decorate('issueToken', (userId: number, tokenVersion: number, ttlSeconds: number) =>
    app.jwt.sign({ sub: String(userId), tv: tokenVersion }, { expiresIn: ttlSeconds }))

  app.decorate('setSessionCookie', (req: FastifyRequest, reply: FastifyReply, userId: number, tokenVersion: number) => {
    reply.setCookie(TOKEN_COOKIE, app.issueToken(userId, tokenVersion, PAGE_TOKEN_TTL_S), cookieOptions(req))
  })
  app.decorate('clearSessionCookie', (reply: FastifyReply) => { reply.clearCookie(TOKEN_COOKIE, { path: '/' }) })

  app.decorate('requireSignedIn', (req: FastifyRequest) => {
    if (req.actor !== null) return req.actor
    if (req.authProblem !== null) throw unauthorized('TOKEN_INVALID', 'error.tokenInvalid')
    throw unauthorized()
  })

  app.addHook('onRequest', async (req, reply) => {
    req.isApi = req.url.startsWith('/api/')
    const header = req.headers.authorization
    let token: string | undefined
    if (req.isApi) {
      if (typeof header === 'string' && /^Bearer\s+/i.test(header)) token = header.replace(/^Bearer\s+/i, '').trim()
      else if (header !== undefined) { req.authProblem = 'TOKEN_INVALID'; return }
    } else {
      token = req.cookies[TOKEN_COOKIE]
    }
    if (token === undefined || token === '') return
    let payload: TokenPayload
    try {
      payload = app.jwt.verify<TokenPayload>(token)
    } catch {
      req.authProblem = 'TOKEN_INVALID'
      if (!req.isApi) app.clearSessionCookie(reply)
      return
    }
    const user = loadActorRow(app.db, Number(payload.sub))
    if (user === undefined || !user.active || user.tokenVersion !== payload.tv) {
      req.authProblem = 'TOKEN_INVALID'
      if (!req.isApi) app.clearSessionCookie(reply)
      return
    }
    const grants = user.grants === null ? [] : user.grants.split(',')
    const isAdmin = grants.includes('admin')
    const isStaff = grants.includes('staff')
    const roles: Role[] = ['member']
    if (user.liaison === 1) roles.push('liaison')
    if (isStaff) roles.push('staff')
    if (isAdmin) roles.push('admin')
    req.actor = {
      id: user.id,
      name: user.name,
      phone: user.phone,
      roles,
      isAdmin,
      isStaff,
      staffBuildingIds: user.scopes === null ? [] : user.scopes.split(',').map(Number),
      mustChangePassword: user.mustChangePassword
    }
    // Pages in use renew their session, so an active user is never signed out mid-task.
    if (!req.isApi && payload.iat !== undefined && Date.now() / 1000 - payload.iat > RENEW_AFTER_S) {
      app.setSessionCookie(req, reply, user.id, user.tokenVersion)
    }
  })

  // A password reset by an administrator forces a new password before anything else.
  app.addHook('preHandler', async (req, reply) => {
    const a = req.actor
    if (a === null || !a.mustChangePassword) return
    const path = req.url.split('?')[0]
    const allowed = ['/account/password', '/logout', '/api/v1/auth/password', '/api/v1/me', '/healthz'].includes(path) || path.startsWith('/static/') || path.startsWith('/lang/')
    if (allowed) return
    if (req.isApi) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'accounts.passwordChangeRequired')
    return reply.redirect('/account/password')
  })
}, { name: 'auth', dependencies: ['core', 'security'] })
