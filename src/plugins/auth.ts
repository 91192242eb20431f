// Who is asking. A token only says who the user is: roles and scopes are read from the
// database on every request, so a new role or a deactivation takes effect at once.
// Pages carry the token in an httpOnly cookie; the JSON API takes only a Bearer header, so a
// cross-site form can never act through the API with someone's cookie. "API or page" is decided
// by the route that matched (the router decodes `/%61pi/...` to an API route; the raw URL would
// not say so), and the two kinds of token are distinct: a page session is not a Bearer token and
// an API token is not a page cookie. A page session is also a row in `sessions`, so signing out
// ends it on the server.
import { randomBytes } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import jwt from '@fastify/jwt'
import type { Actor, Role } from '../lib/access.js'
import { loadActorRow, insertSession, revokeSession, sessionLive } from '../features/accounts/accounts-repository.js'
import { AppError, unauthorized } from '../lib/errors.js'

export const TOKEN_COOKIE = 'token'
/** Page sessions last this long without use; each page renews them after RENEW_AFTER. */
export const PAGE_TOKEN_TTL_S = 2 * 60 * 60
const RENEW_AFTER_S = 10 * 60
/** API tokens. */
export const API_TOKEN_TTL_S = 12 * 60 * 60

/** `k`: 'a' an API token, 'p' a page session (with its session id `sid`). */
interface TokenPayload { sub: string, tv: number, k?: 'a' | 'p', sid?: string, iat?: number }

declare module '@fastify/jwt' {
  interface FastifyJWT { payload: TokenPayload, user: TokenPayload }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    /** Why a presented token was not accepted (expired, tampered, deactivated). */
    authProblem: 'TOKEN_INVALID' | null
    isApi: boolean
    /** The page session this request came with (signed in through a page). */
    sessionId: string | null
  }
  interface FastifyInstance {
    issueToken: (userId: number, tokenVersion: number, ttlSeconds: number) => string
    setSessionCookie: (req: FastifyRequest, reply: FastifyReply, userId: number, tokenVersion: number) => void
    /** Ends the request's page session on the server and clears its cookie (signing out). */
    endSession: (req: FastifyRequest, reply: FastifyReply) => void
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
  app.decorateRequest('sessionId', null)

  app.decorate('issueToken', (userId: number, tokenVersion: number, ttlSeconds: number) =>
    app.jwt.sign({ sub: String(userId), tv: tokenVersion, k: 'a' }, { expiresIn: ttlSeconds }))

  const pageToken = (userId: number, tokenVersion: number, sid: string): string =>
    app.jwt.sign({ sub: String(userId), tv: tokenVersion, k: 'p', sid }, { expiresIn: PAGE_TOKEN_TTL_S })

  /** A new page session (sign-in, sign-up, a changed password). */
  app.decorate('setSessionCookie', (req: FastifyRequest, reply: FastifyReply, userId: number, tokenVersion: number) => {
    const sid = randomBytes(18).toString('base64url')
    insertSession(app.db, { id: sid, userId, createdAt: app.clock.iso() })
    reply.setCookie(TOKEN_COOKIE, pageToken(userId, tokenVersion, sid), cookieOptions(req))
  })
  app.decorate('clearSessionCookie', (reply: FastifyReply) => { reply.clearCookie(TOKEN_COOKIE, { path: '/' }) })
  app.decorate('endSession', (req: FastifyRequest, reply: FastifyReply) => {
    if (req.sessionId !== null) revokeSession(app.db, req.sessionId, app.clock.iso())
    app.clearSessionCookie(reply)
  })

  app.decorate('requireSignedIn', (req: FastifyRequest) => {
    if (req.actor !== null) return req.actor
    if (req.authProblem !== null) throw unauthorized('TOKEN_INVALID', 'error.tokenInvalid')
    throw unauthorized()
  })

  app.addHook('onRequest', async (req, reply) => {
    const route = req.routeOptions.url
    req.isApi = route !== undefined ? route.startsWith('/api/') : req.url.startsWith('/api/')
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
    // An API token only as a Bearer header; a page session only as the cookie, and only while
    // its session row has not been revoked (signed out).
    const kindOk = req.isApi
      ? payload.k === 'a'
      : payload.k === 'p' && typeof payload.sid === 'string' && sessionLive(app.db, payload.sid, Number(payload.sub))
    const user = kindOk ? loadActorRow(app.db, Number(payload.sub)) : undefined
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
    if (!req.isApi) req.sessionId = payload.sid ?? null
    // Pages in use renew their session (the same session id), so an active user is never signed
    // out mid-task.
    if (!req.isApi && payload.iat !== undefined && Date.now() / 1000 - payload.iat > RENEW_AFTER_S) {
      reply.setCookie(TOKEN_COOKIE, pageToken(user.id, user.tokenVersion, payload.sid!), cookieOptions(req))
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
