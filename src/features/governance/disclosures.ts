// Affairs disclosure (厂务公开): the federation (staff of the building) and each enrolled
// enterprise (its liaison, or the building's staff) publish; members read their own
// enterprise's and their building's on their phones; staff see who published nothing this quarter.
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.js'
import { canActForBuilding, type Actor } from '../../lib/access.js'
import { quarterStart, type DisclosureCategory } from '../../domain/disclosure.js'
import { writeAudit } from '../audit/audit-repository.js'
import { readDecrypted, safeFileName, sha256, sniffFileType, storeEncrypted } from '../claims/documents.js'
import * as repo from './contracts-repository.js'
import { activeMembershipsOf } from './access.js'
import type { GovernanceDeps } from './deps.js'

export interface DisclosureInput {
  enterpriseId?: number
  category: DisclosureCategory
  title: string
  body: string
  periodFrom: string
  periodTo: string
}

export function disclosureUseCases ({ db, clock, pii, uploadDir }: GovernanceDeps) {
  /** Whose disclosures a reader of the building sees: all (staff), or the federation's and their enterprise's. */
  function scopeOf (actor: Actor, buildingId: number): number[] | null {
    if (canActForBuilding(actor, buildingId)) return null
    const mine = activeMembershipsOf(db, actor.id).filter((m) => m.buildingId === buildingId).map((m) => m.enterpriseId)
    const ids = [...new Set([...mine, ...repo.liaisonEnterprises(db, actor.id, buildingId)])]
    if (ids.length === 0) throw notFound()
    return ids
  }

  /** Staff of the building publish for the federation or any enterprise; a liaison for their own. */
  function mayPublish (actor: Actor, buildingId: number, enterpriseId: number | undefined): boolean {
    if (canActForBuilding(actor, buildingId)) return true
    if (enterpriseId === undefined) return false
    return repo.findEnterprise(db, enterpriseId)?.liaisonUserId === actor.id
  }

  return {
    scopeOf,
    mayPublish,

    publish (actor: Actor, buildingId: number, input: DisclosureInput, file?: { fileName: string, bytes: Buffer }) {
      scopeOf(actor, buildingId)
      if (!mayPublish(actor, buildingId, input.enterpriseId)) throw forbidden()
      if (input.enterpriseId !== undefined) {
        const e = repo.findEnterprise(db, input.enterpriseId)
        if (e === undefined || e.buildingId !== buildingId || e.status !== 'enrolled') throw badRequest({ enterpriseId: 'governance.v.unknownEnterprise' })
      }
      if (input.periodTo < input.periodFrom) throw badRequest({ periodTo: 'governance.v.periodOrder' })
      const type = file === undefined || file.bytes.length === 0 ? null : sniffFileType(file.bytes)
      if (file !== undefined && file.bytes.length > 0 && type === null) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.type', {}, { file: 'claims.doc.type' })
      return db.transaction((tx) => {
        const at = clock.iso()
        const d = repo.insertDisclosure(tx, {
          buildingId, enterpriseId: input.enterpriseId ?? null, category: input.category, title: input.title, body: input.body,
          periodFrom: input.periodFrom, periodTo: input.periodTo, publishedOn: clock.today(), createdBy: actor.id, createdAt: at
        })
        let attachment: { attachmentPath: string, attachmentName: string, attachmentMime: string } | undefined
        if (file !== undefined && type !== null) {
          attachment = { attachmentPath: storeEncrypted(uploadDir, pii, d.id, file.bytes, 'disclosures'), attachmentName: safeFileName(file.fileName, type, 'attachment'), attachmentMime: type.mime }
          repo.setDisclosureAttachment(tx, d.id, attachment)
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: 'disclosure.publish', entityType: 'disclosure', entityId: d.id, after: { buildingId, ...input, body: undefined, attachment: file === undefined ? undefined : sha256(file.bytes) } })
        return { ...d, ...attachment }
      })
    },

    list (actor: Actor, buildingId: number) {
      return repo.disclosuresFor(db, buildingId, scopeOf(actor, buildingId))
    },

    view (actor: Actor, id: number) {
      const d = repo.findDisclosure(db, id)
      if (d === undefined) throw notFound()
      const scope = scopeOf(actor, d.buildingId)
      if (scope !== null && d.enterpriseId !== null && !scope.includes(d.enterpriseId)) throw notFound()
      return { ...d, enterpriseName: d.enterpriseId === null ? null : repo.findEnterprise(db, d.enterpriseId)?.name ?? null }
    },

    readAttachment (actor: Actor, id: number) {
      const d = this.view(actor, id)
      if (d.attachmentPath === null) throw notFound()
      return { fileName: d.attachmentName ?? 'attachment', mime: d.attachmentMime ?? 'application/octet-stream', bytes: readDecrypted(uploadDir, pii, d.attachmentPath) }
    },

    /** Staff: enrolled enterprises with nothing published since the quarter began. */
    silentThisQuarter (actor: Actor, buildingId: number) {
      if (!canActForBuilding(actor, buildingId)) return null
      const from = quarterStart(clock.today())
      return { from, enterprises: repo.silentEnterprises(db, buildingId, from) }
    },

    /** Enterprises this actor may publish for in the building. */
    publishable (actor: Actor, buildingId: number) {
      const all = repo.enrolledEnterprises(db, buildingId)
      if (canActForBuilding(actor, buildingId)) return { federation: true, enterprises: all }
      return { federation: false, enterprises: all.filter((e) => repo.findEnterprise(db, e.id)?.liaisonUserId === actor.id) }
    }
  }
}
