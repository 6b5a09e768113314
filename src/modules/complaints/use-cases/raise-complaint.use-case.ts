import { Injectable } from '@nestjs/common';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { Actor } from '../../audit/audit.service';
import { MemberArchiveService } from '../../members/member-archive.service';
import { ComplaintRecorder } from '../complaint-recorder';
import { complaintInvalid } from '../complaints.errors';
import { ComplaintsRepository } from '../complaints.repository';
import { Complaint } from '../entities/complaint.entity';
import { ComplaintCategory, ComplaintSeverity, dueAt } from '../rules/complaint-case';

export interface RaiseComplaintCommand {
  memberId: string;
  storeId?: string | null;
  receiptNo?: string | null;
  category: ComplaintCategory;
  description: string;
  /** Members raise `normal` cases; support decides the severity. */
  severity: ComplaintSeverity;
  /** Console cases: the owner (default the console user who raises it); member cases start without one. */
  ownerId?: string | null;
}

/**
 * Opens a case: the member must be live, the store must exist, and a receipt
 * must be a purchase of that store posted to that member (checked, so the
 * archive's figures and the case page name the right receipt); a receipt
 * without a store names the store of the member's purchase with it. Writes the case
 * and its `raised` step in one transaction; due by severity.
 */
@Injectable()
export class RaiseComplaintUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ComplaintsRepository,
    private readonly recorder: ComplaintRecorder,
    private readonly archive: MemberArchiveService,
  ) {}

  async raise(actor: Actor, cmd: RaiseComplaintCommand): Promise<string> {
    await this.archive.requireLive(cmd.memberId);
    let storeId = cmd.storeId ?? null;
    if (storeId && !(await this.repo.storeExists(storeId))) {
      throw complaintInvalid('storeId', `no store with id ${storeId}`);
    }
    if (cmd.receiptNo && !storeId) {
      // A member knows the receipt, not the store's id: the store is the one of their purchase with that receipt.
      storeId = await this.repo.receiptStoreOf(cmd.memberId, cmd.receiptNo);
      if (!storeId) {
        throw complaintInvalid('receiptNo', `no purchase with receipt ${cmd.receiptNo} was posted to this member`);
      }
    } else if (storeId && cmd.receiptNo && (await this.repo.receiptMember(storeId, cmd.receiptNo)) !== cmd.memberId) {
      throw complaintInvalid('receiptNo', `no purchase with receipt ${cmd.receiptNo} at this store was posted to this member`);
    }
    const ownerId = cmd.ownerId ?? (actor.type === 'admin' ? actor.id : null);
    if (cmd.ownerId && !(await this.repo.adminExists(cmd.ownerId))) {
      throw complaintInvalid('ownerId', `no console user with id ${cmd.ownerId}`);
    }
    const now = new Date();
    const id = newId();
    const complaint: Complaint = {
      id,
      caseNo: caseNumber(id, now),
      memberId: cmd.memberId,
      storeId,
      receiptNo: cmd.receiptNo ?? null,
      category: cmd.category,
      description: cmd.description,
      severity: cmd.severity,
      state: 'open',
      ownerId,
      raisedByType: actor.type === 'member' ? 'member' : 'admin',
      raisedById: actor.id,
      dueAt: dueAt(now, cmd.severity),
      firstAnswerAt: null,
      resolvedAt: null,
      closedAt: null,
      goodwillPoints: 0,
      apologySentAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.retrying(async (m) => {
      await this.repo.insert(m, complaint);
      await this.recorder.record(m, actor, complaint, { kind: 'raised', toState: 'open', ownerId }, {}, now);
    });
    return id;
  }
}

/** C + the day in Shanghai + six characters of the id's random part: C20261207-3FA9C2. */
function caseNumber(id: string, at: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replace(/-/g, '');
  return `C${day}-${id.replace(/-/g, '').slice(-6).toUpperCase()}`;
}
