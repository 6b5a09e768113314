/** The documents a member agrees to when registering online, at their current versions. Pure. */
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { AGREEMENT_DOCUMENTS, AgreementDocument } from '../../members/entities/member-consent.entity';

/**
 * The versions in force. A new version of a document is a new value here: registrations must then agree to it
 * (a page showing the old version is refused with the version to show), and members keep the version they agreed to.
 */
export const CURRENT_AGREEMENTS: Readonly<Record<AgreementDocument, string>> = { terms: '2026-06', privacy: '2026-06' };

/**
 * The agreements a registration carries, checked against the versions in force: each document agreed to at its
 * current version, else VALIDATION_FAILED naming the document and the version to agree to.
 */
export function agreementsOf(
  given: Partial<Record<AgreementDocument, string>> | undefined,
  current: Readonly<Record<AgreementDocument, string>> = CURRENT_AGREEMENTS,
): Array<{ document: AgreementDocument; version: string }> {
  const wrong = AGREEMENT_DOCUMENTS.filter((d) => given?.[d] !== current[d]);
  if (wrong.length > 0) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `Registering needs agreement to the membership terms and the privacy notice in force: agreements.${wrong
        .map((d) => `${d} = "${current[d]}"`)
        .join(', agreements.')} (GET /api/v1/portal/auth/agreements).`,
      wrong.map((d) => ({ field: `agreements.${d}`, message: given?.[d] ? `version ${current[d]} is in force` : 'must be agreed to' })),
    );
  }
  return AGREEMENT_DOCUMENTS.map((document) => ({ document, version: current[document] }));
}
