import type { FastifyInstance } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import { API_TOKEN_TTL_S } from '../../plugins/auth.js'
import type { AccountsService } from './accounts-service.js'
import { changePasswordInput, registerInput, signInInput } from './accounts-schemas.js'
import type { AuthLimits } from './auth-rate-limit.js'
import { findUserById } from './accounts-repository.js'

export default async function accountsApi (app: FastifyInstance, { service, limits }: { service: AccountsService, limits: AuthLimits }): Promise<void> {
  app.post('/api/v1/auth/register', { preHandler: limits.signUp }, async (req, reply) => {
    const input = parseInput(registerInput, req.body)
    const user = await service.register(input)
    const token = app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S)
    return reply.code(201).send({ token, user: service.publicUser(user) })
  })

  app.post('/api/v1/auth/token', { preHandler: limits.signIn }, async (req) => {
    const input = parseInput(signInInput, req.body)
    const user = await service.signIn(input)
    return { token: app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S), mustChangePassword: user.mustChangePassword }
  })

  app.post('/api/v1/auth/password', async (req) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(changePasswordInput, req.body)
    const user = await service.changePassword(actor, input)
    return { token: app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S) }
  })

  app.get('/api/v1/me', async (req) => {
    const actor = app.requireSignedIn(req)
    const user = findUserById(app.db, actor.id)!
    const body: Record<string, unknown> = {
      user: { ...service.publicUser(user), staffBuildingIds: actor.staffBuildingIds, mustChangePassword: actor.mustChangePassword },
      enterprises: []
    }
    for (const part of app.meParts) Object.assign(body, part(actor))
    return body
  })
}
