import { fillSecrets, redactSecrets, secretsIn, withholdSecrets } from './secret-values';
import { renderTemplate } from './template';

describe('secret template values', () => {
  const template = '您的会员登录验证码是 {{code}}，5分钟内有效。{{name}}';

  it('the stored text keeps the code as its placeholder; the secret is handed back apart', () => {
    const { stored, secrets } = withholdSecrets({ code: '335985', name: '张三' });
    expect(secrets).toEqual({ code: '335985' });
    const text = renderTemplate(template, stored);
    expect(text).toBe('您的会员登录验证码是 {{code}}，5分钟内有效。张三');
    expect(text).not.toContain('335985');
    expect(secretsIn(text)).toEqual(['code']);
  });

  it('values without secrets render as before and carry no placeholder', () => {
    const { stored, secrets } = withholdSecrets({ name: '张三', points: 12 });
    expect(secrets).toEqual({});
    expect(stored).toEqual({ name: '张三', points: 12 });
    expect(secretsIn(renderTemplate('{{name}} {{points}}', stored))).toEqual([]);
  });

  it('at send time the placeholder is filled from the secret; a missing secret is named and the text left unfilled', () => {
    expect(fillSecrets('code {{code}} / again {{code}}', { code: '335985' })).toEqual({ text: 'code 335985 / again 335985', missing: [] });
    expect(fillSecrets('code {{code}}', null)).toEqual({ text: 'code {{code}}', missing: ['code'] });
    expect(fillSecrets('code {{code}}', {})).toEqual({ text: 'code {{code}}', missing: ['code'] });
    expect(fillSecrets('no secret here', null)).toEqual({ text: 'no secret here', missing: [] });
  });

  it('an error text echoing the sent message gets the secret back to its placeholder', () => {
    expect(redactSecrets('gateway answered 400: bad text "code 335985"', { code: '335985' })).toBe(
      'gateway answered 400: bad text "code {{code}}"',
    );
    expect(redactSecrets('timeout', null)).toBe('timeout');
  });
});
