// The aid fund's pages: the public calculator (试算), a member's share, a liaison's group order
// (share-pages.ts), staff's orders with payment confirmation and the export (order-pages.ts),
// and the admin's plans (plan-pages.ts).
import type { FastifyInstance } from 'fastify'
import type { AidService } from './aid-service.js'
import { sharePages } from './share-pages.js'
import { orderPages } from './order-pages.js'
import { planPages } from './plan-pages.js'

export default async function aidPages (app: FastifyInstance, { service }: { service: AidService }): Promise<void> {
  sharePages(app, { service })
  orderPages(app, { service })
  planPages(app, { service })
}
