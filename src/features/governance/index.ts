// Democratic management of a building federation (企业民主管理规定 ch. 3, 集体合同规定): the
// joint worker congress, collective bargaining and contracts, affairs disclosure and the charter.
// Pages and the JSON API are two doors onto one service.
import type { FastifyInstance } from 'fastify'
import { createGovernanceService } from './service.js'
import congressApi from './congress-api.js'
import congressPages from './congress-pages.js'
import sessionPages from './session-pages.js'
import contractPages from './contract-pages.js'
import disclosurePages from './disclosure-pages.js'

export default async function governanceFeature (app: FastifyInstance): Promise<void> {
  const service = createGovernanceService({ db: app.db, clock: app.clock, pii: app.pii, uploadDir: app.config.uploadDir })
  // Home: a representative's next sessions; staff's filings, expiring contracts, unanswered proposals.
  app.homeCards.push({ order: 45, partial: 'governance/home-card', load: (req) => (req.actor === null ? null : service.reminders.forHome(req.actor)) })

  await app.register(congressApi, { service })
  await app.register(congressPages, { service })
  await app.register(sessionPages, { service })
  await app.register(contractPages, { service })
  await app.register(disclosurePages, { service })
}
