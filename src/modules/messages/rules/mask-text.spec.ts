import { maskMessageText } from './mask-text';

describe('masked message text', () => {
  it('masks the member name and long digit runs, keeps short numbers and dates readable', () => {
    expect(maskMessageText('张三丰，您有 1200 积分，卡号 8123456789012345，2026-06-01 到期', '张三丰', false)).toBe(
      '张**，您有 **00 积分，卡号 **************45，**26-06-01 到期',
    );
    expect(maskMessageText('Hi Anna, 15 points', 'Anna', false)).toBe('Hi A***, 15 points');
  });

  it('hides a transactional message whole', () => {
    expect(maskMessageText('Your sign-in code is 123456', 'Anna', true)).toBe('[hidden]');
  });
});
