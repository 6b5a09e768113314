import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { CampaignState } from './rules/states';

export function campaignNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.CAMPAIGN_NOT_FOUND, `No campaign with id ${id}.`);
}

export function invalidTransition(id: string, state: CampaignState, action: string): DomainError {
  return new DomainError(ErrorCode.CAMPAIGN_INVALID_TRANSITION, `Campaign ${id} is ${state}; it cannot ${action} from there.`, [
    { field: 'state', message: state },
  ]);
}

export function invalidCampaign(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field} ${message}`, [{ field, message }]);
}

export function approverIsAuthor(id: string): DomainError {
  return new DomainError(
    ErrorCode.CAMPAIGN_APPROVER_IS_AUTHOR,
    `Campaign ${id} was created or launched by you; another user with campaigns.approve must approve or reject it.`,
  );
}

export function budgetNotRaised(id: string, capPoints: number | null, asked: number): DomainError {
  return new DomainError(
    ErrorCode.CAMPAIGN_BUDGET_NOT_RAISED,
    capPoints === null
      ? `Campaign ${id} has no budget cap; there is nothing to raise.`
      : `Campaign ${id} has a budget cap of ${capPoints} points; a new cap must be above it (asked: ${asked}).`,
    [{ field: 'capPoints', message: capPoints === null ? 'no cap' : `must be above ${capPoints}` }],
  );
}
