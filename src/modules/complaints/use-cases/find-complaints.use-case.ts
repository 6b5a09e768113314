import { Injectable } from '@nestjs/common';
import { complaintDetailView, complaintView, myComplaintView } from '../complaint-views';
import { complaintNotFound } from '../complaints.errors';
import { ComplaintFilter, ComplaintsRepository } from '../complaints.repository';
import { ComplaintDetailResponse, ComplaintListResponse, MyComplaintsResponse } from '../dto/complaint.response';

/** Reads of cases: the store archive (search), a case with its steps, and the member's own cases. */
@Injectable()
export class FindComplaintsUseCase {
  constructor(private readonly repo: ComplaintsRepository) {}

  async search(filter: Omit<ComplaintFilter, 'now' | 'limit'> & { limit?: number }, masked: boolean): Promise<ComplaintListResponse> {
    const now = new Date();
    const limit = filter.limit ?? 50;
    const rows = await this.repo.search({ ...filter, now, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => complaintView(r, masked, now)),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  async one(id: string, masked: boolean): Promise<ComplaintDetailResponse> {
    const c = await this.repo.one(id);
    if (!c) {
      throw complaintNotFound(id);
    }
    const steps = await this.repo.steps(id);
    const adminIds = [
      ...new Set([
        ...steps.filter((s) => s.actorType === 'admin' && s.actorId).map((s) => s.actorId as string),
        ...steps.filter((s) => s.ownerId).map((s) => s.ownerId as string),
        ...(c.ownerId ? [c.ownerId] : []),
      ]),
    ];
    return complaintDetailView(c, steps, await this.repo.adminEmails(adminIds), masked, new Date());
  }

  async mine(memberId: string, limit: number): Promise<MyComplaintsResponse> {
    const now = new Date();
    const cases = await this.repo.ofMember(memberId, limit);
    const items = [];
    for (const c of cases) {
      items.push(myComplaintView(c, await this.repo.steps(c.id), now));
    }
    return { items };
  }
}
