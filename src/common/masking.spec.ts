import { maskEmail, maskName, maskPhone } from './masking';

describe('masking personal data', () => {
  it('masks phones as the POS contract shows', () => {
    expect(maskPhone('+8613800138000')).toBe('+86138****8000');
    expect(maskPhone(null)).toBeNull();
  });

  it('shows only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('Anna Smith')).toBe('A*********');
  });

  it('keeps only the first character of the local part of an email', () => {
    expect(maskEmail('anna.smith@example.com')).toBe('a*********@example.com');
  });
});
