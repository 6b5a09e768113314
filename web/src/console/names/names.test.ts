import { describe, expect, it } from 'vitest';
import { categoryName, categoryOptions, gradeName, matchesCategory, namesInWords, tierName } from './names';

const ladder = [
  { code: 'STANDARD', nameZh: '普通会员', nameEn: 'Standard' },
  { code: 'VIP', nameZh: 'VIP会员', nameEn: 'VIP' },
];
const catalog = [
  { code: 'baby', nameZh: '母婴', nameEn: 'Mother & baby' },
  { code: '红酒', nameZh: '红酒', nameEn: 'Red wine' },
  { code: 'apparel', nameZh: '服装', nameEn: 'Apparel' },
];

describe('names for codes', () => {
  it('names a tier from the ladder in the language, without case; no tier is a word; an unknown code stays', () => {
    expect(tierName(ladder, 'STANDARD', 'zh-CN', '无等级')).toBe('普通会员');
    expect(tierName(ladder, 'standard', 'en', 'No tier')).toBe('Standard');
    expect(tierName(ladder, 'none', 'en', 'No tier')).toBe('No tier');
    expect(tierName(ladder, '', 'zh-CN', '无等级')).toBe('无等级');
    expect(tierName(ladder, 'GOLD', 'en', 'No tier')).toBe('GOLD');
    expect(tierName(undefined, 'VIP', 'en', 'No tier')).toBe('VIP');
  });

  it('names the clubs the server words give by code, a whole code only', () => {
    const clubs = [
      { code: 'TEA', nameZh: '茶友会', nameEn: 'Tea club' },
      { code: 'TEA-2', nameZh: '二号茶会', nameEn: 'Tea two' },
    ];
    expect(namesInWords('俱乐部成员（TEA, TEA-2, TEA2）', clubs, 'zh-CN')).toBe('俱乐部成员（茶友会, 二号茶会, TEA2）');
    expect(namesInWords('active members of club TEA; except: no purchase in 30 days', clubs, 'en')).toBe(
      'active members of club Tea club; except: no purchase in 30 days',
    );
    expect(namesInWords('active members of club TEA', undefined, 'en')).toBe('active members of club TEA');
  });

  it('says grades as words, "none" included', () => {
    const words = { none: '未评级', named: (g: string) => `${g} 级` };
    expect(gradeName('A', words)).toBe('A 级');
    expect(gradeName('none', words)).toBe('未评级');
    expect(gradeName('', words)).toBe('未评级');
  });

  it('names a category from the catalog, else shows its code', () => {
    expect(categoryName(catalog, 'baby', 'zh-CN')).toBe('母婴');
    expect(categoryName(catalog, 'BABY', 'en')).toBe('Mother & baby');
    expect(categoryName(catalog, 'toys', 'en')).toBe('toys');
  });

  it('offers the catalog by name, sorted, keeping chosen codes it lacks; a search finds either name or the code', () => {
    const options = categoryOptions(catalog, ['toys', 'baby'], 'en');
    expect(options.map((o) => o.label)).toEqual(['toys', 'Apparel', 'Mother & baby', 'Red wine']);
    expect(options[0].named).toBe(false);
    const baby = options.find((o) => o.value === 'baby');
    expect(matchesCategory('母婴', baby)).toBe(true);
    expect(matchesCategory('BAB', baby)).toBe(true);
    expect(matchesCategory('mother', baby)).toBe(true);
    expect(matchesCategory('wine', baby)).toBe(false);
    expect(matchesCategory('', baby)).toBe(true);
  });
});
