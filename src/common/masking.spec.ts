import { maskEmail, maskName, maskPersonalDataInText, maskPhone } from './masking';

describe('masking personal data', () => {
  it('masks phones as the POS contract shows', () => {
    expect(maskPhone('+8613800138000')).toBe('+86138****8000');
    expect(maskPhone(null)).toBeNull();
  });

  it('shows only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('Anna Smith')).toBe('A*********');
  });

  it('masks emails and the phone numbers inside logged URLs', () => {
    expect(maskEmail('anna.smith@example.com')).toBe('a*********@example.com');
    const url = maskPersonalDataInText('/api/v1/pos/members/lookup?phone=%2B8613800138000');
    expect(url).not.toContain('13800138000');
    expect(url).toContain('8000');
  });
});
