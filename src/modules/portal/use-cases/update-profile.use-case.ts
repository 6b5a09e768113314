import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MemberArchiveService, ProfileChanges } from '../../members/member-archive.service';
import { PortalQueries } from '../portal.queries';
import { GetProfileUseCase } from './get-profile.use-case';

/** What a member may change online. The phone is the sign-in and changes only through the service desk (it needs the new phone verified). */
export type MemberProfileChanges = Omit<ProfileChanges, 'phone'>;

/** PATCH me: through the member archive, so each changed field is kept in the history (actor: the member) and audited. */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly archive: MemberArchiveService,
    private readonly repo: PortalQueries,
    private readonly profile: GetProfileUseCase,
  ) {}

  async update(memberId: string, changes: MemberProfileChanges) {
    if (changes.preferredStoreId) {
      const names = await this.repo.storeNames([changes.preferredStoreId]);
      if (!names.has(changes.preferredStoreId)) {
        throw new DomainError(ErrorCode.STORE_NOT_FOUND, 'No store with this id.', [
          { field: 'preferredStoreId', message: 'unknown store' },
        ]);
      }
    }
    const { changed } = await this.archive.updateProfile({ type: 'member', id: memberId }, memberId, changes);
    return { changed: changed.map((c) => c.field), profile: await this.profile.get(memberId) };
  }
}
