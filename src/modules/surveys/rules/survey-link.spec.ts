import { signSurveyLink, verifySurveyLink } from './survey-link';

const id = '0193b2c4-1234-7abc-8def-0123456789ab';

describe('survey links', () => {
  it('verifies its own signature and answers the invitation id', () => {
    const token = signSurveyLink(id, 'secret-one');
    expect(token).toMatch(/^0193b2c4-1234-7abc-8def-0123456789ab\.[A-Za-z0-9_-]{22}$/);
    expect(verifySurveyLink(token, 'secret-one')).toBe(id);
  });

  it('refuses another secret, a changed id, a cut signature and garbage', () => {
    const token = signSurveyLink(id, 'secret-one');
    expect(verifySurveyLink(token, 'secret-two')).toBeNull();
    expect(verifySurveyLink(token.replace('0123456789ab', '0123456789ac'), 'secret-one')).toBeNull();
    expect(verifySurveyLink(token.slice(0, -1), 'secret-one')).toBeNull();
    expect(verifySurveyLink('../../etc', 'secret-one')).toBeNull();
  });
});
