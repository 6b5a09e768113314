import { checkHeader, checkImportRow } from './import-row';

describe('import row validation', () => {
  it('accepts a full row and turns empty optional cells into nulls and 0 points', () => {
    expect(
      checkImportRow({
        external_id: 'OLD-1',
        name: '李四',
        phone: '+8613800138000',
        email: 'Li@Example.com',
        birthday: '1990-05-17',
        opening_points: '1200',
      }),
    ).toEqual({
      ok: true,
      member: {
        externalId: 'OLD-1',
        name: '李四',
        phone: '+8613800138000',
        email: 'li@example.com',
        birthday: '1990-05-17',
        openingPoints: 1200,
      },
    });
    expect(checkImportRow({ external_id: 'OLD-2', name: 'Anna' })).toEqual({
      ok: true,
      member: { externalId: 'OLD-2', name: 'Anna', phone: null, email: null, birthday: null, openingPoints: 0 },
    });
  });

  it('lists every problem of a bad row', () => {
    const r = checkImportRow({
      external_id: '',
      name: '',
      phone: '13800138000',
      email: 'nope',
      birthday: '1990-02-30',
      opening_points: '-5',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.split(':')[0])).toEqual(['external_id', 'name', 'phone', 'email', 'birthday', 'opening_points']);
  });

  it('refuses fractional, huge and future values', () => {
    const future = new Date(Date.now() + 86400_000 * 3).toISOString().slice(0, 10);
    expect(checkImportRow({ external_id: 'A', name: 'B', opening_points: '1.5' }).ok).toBe(false);
    expect(checkImportRow({ external_id: 'A', name: 'B', opening_points: '999999999' }).ok).toBe(false);
    expect(checkImportRow({ external_id: 'A', name: 'B', birthday: future }).ok).toBe(false);
    expect(checkImportRow({ external_id: 'A b', name: 'B' }).ok).toBe(false);
  });

  it('checks the header for missing, unknown and repeated columns', () => {
    expect(checkHeader(['external_id', 'name', 'opening_points'])).toEqual([]);
    expect(checkHeader(['name', 'points', 'name'])).toEqual([
      'column external_id is missing',
      'column points is unknown; the columns are external_id, name, phone, email, birthday, opening_points',
      'a column is named twice',
    ]);
  });

  it('refuses a name that starts like a spreadsheet formula (= + @) and keeps one that starts with -', () => {
    for (const name of ['=HYPERLINK("https://evil.example","x")', " +cmd|' /C calc'!A0", '@SUM(A1:A2)']) {
      const r = checkImportRow({ external_id: 'F-1', name });
      expect(r.ok ? [] : r.errors).toEqual(['name: must not start with =, + or @ (a spreadsheet would run it as a formula)']);
    }
    const dash = checkImportRow({ external_id: 'F-2', name: '-Anna' });
    expect(dash.ok && dash.member.name).toBe('-Anna');
  });
});
