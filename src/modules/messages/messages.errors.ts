import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/** Failures of the messages module. */

export function templateNotFound(code: string): DomainError {
  return new DomainError(ErrorCode.TEMPLATE_NOT_FOUND, `No message template with code ${code}.`);
}

export function templateInvalid(problems: Array<{ field: string; message: string }>): DomainError {
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `The template is invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    problems,
  );
}

export function channelMismatch(templateCode: string, templateChannel: string, channel: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `Template ${templateCode} is for the ${templateChannel} channel, not ${channel}.`, [
    { field: 'channel', message: `must be ${templateChannel}` },
  ]);
}

export function webhookNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.WEBHOOK_NOT_FOUND, `No webhook subscription with id ${id}.`);
}

export function deliveryNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, `No webhook delivery with id ${id}.`);
}

export function webhookTargetRefused(message: string): DomainError {
  return new DomainError(ErrorCode.WEBHOOK_TARGET_REFUSED, message, [{ field: 'url', message: 'must be a public internet address' }]);
}
