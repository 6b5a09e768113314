import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

import { ValueSettingsProblem } from './rules/value-settings-rule';

/** Failures of the customer-value module. */

export function memberValueNotComputed(memberId: string): DomainError {
  return new DomainError(
    ErrorCode.VALUE_NOT_COMPUTED,
    `No value has been computed for member ${memberId} yet. It is computed by the daily value run (or POST /api/v1/admin/analytics/value-runs).`,
  );
}

export function noValueRun(): DomainError {
  return new DomainError(
    ErrorCode.VALUE_NOT_COMPUTED,
    'No value run has finished yet. Start one with POST /api/v1/admin/analytics/value-runs and follow it at GET /api/v1/admin/jobs/{jobId}.',
  );
}

export function valueSettingsInvalid(problems: ValueSettingsProblem[]): DomainError {
  return new DomainError(
    ErrorCode.VALUE_SETTINGS_INVALID,
    `The value settings were not saved: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
    problems,
  );
}
