import { maskEmail, maskName, maskPersonal, maskPersonalValue, maskPhone } from './masking';

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

  it('masks each personal field the one way every view shows it, and leaves other fields alone', () => {
    expect(maskPersonalValue('name', '张三')).toBe('张*');
    expect(maskPersonalValue('phone', '+8613800138000')).toBe('+86138****8000');
    expect(maskPersonalValue('email', 'anna.smith@example.com')).toBe('a*********@example.com');
    expect(maskPersonalValue('birthday', '1990-05-01')).toBe('***');
    expect(maskPersonalValue('address', '上海市黄浦区南京东路1号')).toBe('***');
    expect(maskPersonalValue('city', 'Shanghai')).toBe('Shanghai');
    expect(maskPersonalValue('name', null)).toBeNull();
  });

  it('an audit document about a member keeps no name, phone, email, birthday or address in clear, at any depth', () => {
    const doc = {
      name: 'Anna Smith',
      phone: '+8613800138000',
      email: 'anna.smith@example.com',
      cardNo: '8123456789012345',
      consents: { email: true, sms: false },
      birthday: { old: null, new: '1990-05-01' },
      address: { old: '1 Main St', new: '2 High St' },
      merged: [{ name: '李四', points: 120 }],
    };
    expect(maskPersonal(doc)).toEqual({
      name: 'A*********',
      phone: '+86138****8000',
      email: 'a*********@example.com',
      cardNo: '8123456789012345',
      consents: { email: true, sms: false },
      birthday: { old: null, new: '***' },
      address: { old: '***', new: '***' },
      merged: [{ name: '李*', points: 120 }],
    });
    expect(JSON.stringify(maskPersonal(doc))).not.toMatch(/Anna|Smith|13800138000|anna\.smith|1990|Main St|李四/);
  });

  it('masking a masked document changes nothing', () => {
    const once = maskPersonal({ name: '张三', phone: '+8613800138000', email: 'a@b.cn', note: { name: { old: 'Bob', new: 'Robert' } } });
    expect(maskPersonal(once)).toEqual(once);
  });
});
