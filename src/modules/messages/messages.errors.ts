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

/** A save that needs messages.system (admins): a system template, or a transactional one. */
export function templateNeedsAdmin(reason: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, `This template can only be saved by an admin: ${reason}.`, [
    { field: 'code', message: 'needs the messages.system permission (admins)' },
  ]);
}

/** A version of a system template that drops what the system relies on (its channel, its transactional flag, a variable). */
export function systemTemplateInvalid(code: string, problems: Array<{ field: string; message: string }>): DomainError {
  return new DomainError(
    ErrorCode.SYSTEM_TEMPLATE_INVALID,
    `${code} is sent by the system and this version would break it: ${problems.map((p) => p.message).join('; ')}.`,
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
