import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api';
import { ERROR_MESSAGES, errorMessage } from './error-messages';

describe('member page error messages', () => {
  it('every error code has a message in both languages, none empty, the Chinese one in Chinese', () => {
    for (const [code, both] of Object.entries(ERROR_MESSAGES)) {
      expect({ code, en: both.en.length > 0, zh: /[\u4e00-\u9fff]/.test(both['zh-CN']) }).toEqual({ code, en: true, zh: true });
    }
  });

  it("says the code's message in the page's language; an unknown code gets the general one, a network failure the offline one", () => {
    expect(errorMessage(new ApiError(401, 'SIGN_IN_CODE_INVALID', 'x'), 'zh-CN')).toBe('验证码错误或已过期。');
    expect(errorMessage(new ApiError(401, 'SIGN_IN_CODE_INVALID', 'x'), 'en')).toBe('That code is wrong or has expired.');
    expect(errorMessage(new ApiError(418, 'HTTP_418', 'teapot'), 'en')).toBe(ERROR_MESSAGES.INTERNAL_ERROR.en);
    expect(errorMessage(new TypeError('Failed to fetch'), 'en')).toMatch(/No connection/);
  });
});
