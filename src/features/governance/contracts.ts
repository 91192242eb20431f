// Collective contracts through their life (src/domain/collective-contract.ts): a draft (its text
// stored encrypted like claim documents), adopted when its congress motion passes, signed by
// both chiefs, filed (late filing flagged), effective on approval or 15 days after filing,
// expiring, renewed. Each step one guarded transaction with its audit entry.
import { notFound, ruleRefused, badRequest, AppError, stateChanged } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import type { DbOrTx } from '../../db/index.js'
import { canTake, contractStatusOn, effectiveOn, expiringFrom, filingDueOn, isLateFiling, termEndsOn, type ContractStep } from '../../domain/collective-contract.js'
import { writeAudit } from '../audit/audit-repository.js'
import { readDecrypted, safeFileName, sha256, sniffFileType, storeEncrypted } from '../claims/documents.js'
import * as repo from './contracts-repository.js'
import { requireBuildingManager, requireBuildingReader } from './access.js'
import type { GovernanceDeps } from './deps.js'

export interface DraftInput { title: string, kind: 'general' | 'safety' | 'women', termYears: number, text: string, enterpriseId?: number, roundId?: number }

export function contractUseCases ({ db, clock, pii, uploadDir }: GovernanceDeps) {
  function contractFor (actor: Actor, id: number, manage: boolean): repo.ContractRow {
    const c = repo.findContract(db, id)
    if (c === undefined) throw notFound()
    if (manage) requireBuildingManager(db, actor, c.buildingId)
    else requireBuildingReader(db, actor, c.buildingId)
    return c
  }

  /** The contract's status today and the step it may take (refused with 409 otherwise). */
  function requireStep (c: repo.ContractRow, step: ContractStep): void {
    if (!canTake(step, contractStatusOn(c, clock.today()))) throw stateChanged()
  }

  function storeText (contractId: number, text: string): { textPath: string, textSha256: string } {
    const bytes = Buffer.from(text, 'utf8')
    return { textPath: storeEncrypted(uploadDir, pii, contractId, bytes, 'contracts'), textSha256: sha256(bytes) }
  }

  function checkScope (buildingId: number, input: { enterpriseId?: number, roundId?: number }): void {
    if (input.enterpriseId !== undefined && repo.findEnterprise(db, input.enterpriseId)?.buildingId !== buildingId) throw badRequest({ enterpriseId: 'governance.v.unknownEnterprise' })
    if (input.roundId !== undefined && repo.findRound(db, input.roundId)?.buildingId !== buildingId) throw badRequest({ roundId: 'governance.v.unknownRound' })
  }

  return {
    contractFor,

    draft (actor: Actor, buildingId: number, input: DraftInput): repo.ContractRow {
      requireBuildingManager(db, actor, buildingId)
      checkScope(buildingId, input)
      return db.transaction((tx) => {
        const at = clock.iso()
        const c = repo.insertContract(tx, {
          buildingId, enterpriseId: input.enterpriseId ?? null, roundId: input.roundId ?? null, title: input.title, kind: input.kind,
          termYears: input.termYears, stage: 'draft', createdBy: actor.id, createdAt: at, updatedAt: at
        })
        const stored = storeText(c.id, input.text)
        repo.setContractFile(tx, c.id, stored)
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.draft', entityType: 'collective_contract', entityId: c.id, after: { title: input.title, kind: input.kind, termYears: input.termYears, textSha256: stored.textSha256 } })
        return { ...c, ...stored }
      })
    },

    /** Called inside the transaction that closes a passed motion: its draft is adopted. */
    adoptByMotion (tx: DbOrTx, contractId: number, motionId: number, actorId: number, at: string): void {
      if (!repo.moveContract(tx, contractId, 'draft', { stage: 'adopted', motionId, updatedAt: at })) return
      writeAudit(tx, at, { actorUserId: actorId, action: 'contract.adopt', entityType: 'collective_contract', entityId: contractId, before: { stage: 'draft' }, after: { stage: 'adopted', motionId } })
    },

    /** A draft of the building that a collective-contract motion may adopt; 400 otherwise. */
    assertDraftOf (buildingId: number, contractId: number): void {
      const c = repo.findContract(db, contractId)
      if (c === undefined || c.buildingId !== buildingId || c.stage !== 'draft') throw badRequest({ contractId: 'governance.v.notADraft' })
    },

    drafts (buildingId: number) {
      return repo.contractsOf(db, buildingId).filter((c) => c.stage === 'draft')
    },

    sign (actor: Actor, id: number, input: { signedOn: string, workersChief: string, employersChief: string }): void {
      const c = contractFor(actor, id, true)
      requireStep(c, 'sign')
      if (input.signedOn > clock.today()) throw badRequest({ signedOn: 'v.dateFuture' })
      db.transaction((tx) => {
        const at = clock.iso()
        if (!repo.moveContract(tx, id, 'adopted', { stage: 'signed', ...input, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.sign', entityType: 'collective_contract', entityId: id, before: { stage: 'adopted' }, after: { stage: 'signed', ...input } })
      })
    },

    file (actor: Actor, id: number, filedOn: string): { late: boolean } {
      const c = contractFor(actor, id, true)
      requireStep(c, 'file')
      if (filedOn > clock.today()) throw badRequest({ filedOn: 'v.dateFuture' })
      if (filedOn < c.signedOn!) throw badRequest({ filedOn: 'governance.v.beforeSigning' })
      const late = isLateFiling(c.signedOn!, filedOn)
      db.transaction((tx) => {
        const at = clock.iso()
        if (!repo.moveContract(tx, id, 'signed', { stage: 'filed', filedOn, filedLate: late, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.file', entityType: 'collective_contract', entityId: id, before: { stage: 'signed' }, after: { stage: 'filed', filedOn, late, dueOn: filingDueOn(c.signedOn!) } })
      })
      return { late }
    },

    approve (actor: Actor, id: number, approvedOn: string): void {
      const c = contractFor(actor, id, true)
      requireStep(c, 'approve')
      if (approvedOn > clock.today()) throw badRequest({ approvedOn: 'v.dateFuture' })
      if (approvedOn < c.filedOn!) throw badRequest({ approvedOn: 'governance.v.beforeFiling' })
      if (c.approvedOn !== null) throw stateChanged()
      db.transaction((tx) => {
        const at = clock.iso()
        if (!repo.moveContract(tx, id, 'filed', { approvedOn, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.approve', entityType: 'collective_contract', entityId: id, after: { approvedOn } })
      })
    },

    /** Renewal: a new draft with the same text; this contract is marked renewed. */
    renew (actor: Actor, id: number): repo.ContractRow {
      const c = contractFor(actor, id, true)
      requireStep(c, 'renew')
      const text = c.textPath === null ? '' : readDecrypted(uploadDir, pii, c.textPath).toString('utf8')
      return db.transaction((tx) => {
        const at = clock.iso()
        const next = repo.insertContract(tx, {
          buildingId: c.buildingId, enterpriseId: c.enterpriseId, title: c.title, kind: c.kind, termYears: c.termYears, stage: 'draft', createdBy: actor.id, createdAt: at, updatedAt: at
        })
        repo.setContractFile(tx, next.id, storeText(next.id, text))
        if (!repo.moveContract(tx, id, 'filed', { stage: 'renewed', renewedById: next.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.renew', entityType: 'collective_contract', entityId: id, before: { stage: 'filed' }, after: { stage: 'renewed', renewedById: next.id } })
        return next
      })
    },

    /** The signed scan (PDF, JPEG or PNG, recognised by its bytes), stored encrypted. */
    attachScan (actor: Actor, id: number, originalName: string | undefined, bytes: Buffer): void {
      const c = contractFor(actor, id, true)
      if (c.stage === 'draft' || c.stage === 'adopted') throw ruleRefused('NOT_SIGNED', 'governance.error.notSigned')
      const type = sniffFileType(bytes)
      if (type === null) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.type', {}, { file: 'claims.doc.type' })
      const scanPath = storeEncrypted(uploadDir, pii, id, bytes, 'contracts')
      db.transaction((tx) => {
        const at = clock.iso()
        repo.setContractFile(tx, id, { scanPath, scanName: safeFileName(originalName, type, 'scan'), scanMime: type.mime, updatedAt: at })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'contract.scan', entityType: 'collective_contract', entityId: id, after: { sha256: sha256(bytes), mime: type.mime, size: bytes.length } })
      })
    },

    /** The text or the scan, decrypted, for those who may read the contract. */
    readFile (actor: Actor, id: number, which: 'text' | 'scan'): { fileName: string, mime: string, bytes: Buffer } {
      const c = contractFor(actor, id, false)
      const path = which === 'text' ? c.textPath : c.scanPath
      if (path === null) throw notFound()
      const bytes = readDecrypted(uploadDir, pii, path)
      return which === 'text'
        ? { fileName: `${c.title}.txt`, mime: 'text/plain; charset=utf-8', bytes }
        : { fileName: c.scanName ?? 'scan', mime: c.scanMime ?? 'application/octet-stream', bytes }
    },

    /** The contract page: status today, dates of each step, what may be done next. */
    view (actor: Actor, id: number) {
      const c = contractFor(actor, id, false)
      const today = clock.today()
      const status = contractStatusOn(c, today)
      const from = c.filedOn === null ? null : effectiveOn(c.filedOn, c.approvedOn)
      const endsOn = from === null ? null : termEndsOn(from, c.termYears)
      return {
        contract: c,
        status,
        text: c.textPath === null ? '' : readDecrypted(uploadDir, pii, c.textPath).toString('utf8'),
        filingDueOn: c.signedOn === null ? null : filingDueOn(c.signedOn),
        effectiveOn: from,
        endsOn,
        expiringFrom: endsOn === null ? null : expiringFrom(endsOn),
        can: { sign: canTake('sign', status), file: canTake('file', status), approve: canTake('approve', status) && c.approvedOn === null, renew: canTake('renew', status) }
      }
    },

    ofBuilding (buildingId: number) {
      const today = clock.today()
      return repo.contractsOf(db, buildingId).map((c) => ({ ...c, status: contractStatusOn(c, today) }))
    }
  }
}
