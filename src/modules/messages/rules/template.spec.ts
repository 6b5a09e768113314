import { parseTemplate, renderTemplate, validateTemplateText, variablesOf } from './template';

describe('message templates', () => {
  it('renders every known variable, spaces inside the braces allowed', () => {
    expect(
      renderTemplate('{{name}}，您有 {{ points }} 积分将于 {{expiryDate}} 到期（{{tier}}，{{club}}）', {
        name: '张三',
        points: 1200,
        expiryDate: '2026-12-31',
        tier: 'Gold',
        club: 'Baby Club',
      }),
    ).toBe('张三，您有 1200 积分将于 2026-12-31 到期（Gold，Baby Club）');
  });

  it('a variable without a value renders empty; text with no placeholders and single braces stays as is', () => {
    expect(renderTemplate('Hi {{name}}!', {})).toBe('Hi !');
    expect(renderTemplate('{json: 1} and } {', {})).toBe('{json: 1} and } {');
  });

  it('does not re-read placeholders inside substituted values', () => {
    expect(renderTemplate('{{name}}', { name: '{{points}}', points: 5 })).toBe('{{points}}');
  });

  it('lists the variables used, once each', () => {
    expect(variablesOf('{{name}} {{points}} {{name}}')).toEqual(['name', 'points']);
  });

  it('refuses an unknown variable and names it', () => {
    const problems = validateTemplateText('Hello {{nmae}}, {{points}} points', false);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('{{nmae}}');
  });

  it('allows {{code}} only in transactional templates', () => {
    expect(validateTemplateText('Your code is {{code}}', true)).toEqual([]);
    expect(validateTemplateText('Your code is {{code}}', false)[0].message).toContain('only allowed in transactional');
  });

  it.each([
    ['Hi {{name', '"{{" at position 3 is never closed'],
    ['Hi name}}', '"}}" at position 7 has no opening'],
    ['Hi {{}}', 'malformed placeholder "{{}}"'],
    ['Hi {{first name}}', 'malformed placeholder "{{first name}}"'],
    ['Hi {{ {{name}} }}', 'malformed placeholder'],
  ])('refuses the malformed placeholder in %j', (text, message) => {
    const problems = validateTemplateText(text, false);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(message);
    expect(() => parseTemplate(text)).toThrow();
  });
});
