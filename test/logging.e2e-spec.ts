import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from '../src/common/errors/all-exceptions.filter';
import { generateCardNo } from '../src/modules/cards/card-number';
import { createMember, createStore, loginAdmin, pos, purchaseBody, TestMember, TestStore, uniq } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('logs and personal data', () => {
  const lines: string[] = [];
  const logTo = { write: (chunk: string) => void lines.push(chunk) };
  const text = () => lines.join('');
  let t: TestApp;
  let store: TestStore;
  let member: TestMember;
  let other: TestMember;
  const name = 'Meridel Quackenbush';
  const email = `${uniq('meridel').toLowerCase()}@example.org`;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logTo });
    store = await createStore(t);
    member = await createMember(t, { name, email });
    other = await createMember(t, { name: 'Other Person' });
  });

  afterAll(async () => {
    await t.close();
  });

  function assertNoPersonalData(): void {
    const logged = text();
    for (const secret of [
      member.phone,
      member.phone.slice(1),
      member.phone.slice(3),
      email,
      name,
      'Quackenbush',
      member.cardNo,
      other.cardNo,
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toContain(encodeURIComponent(member.phone));
    expect(logged).not.toContain(encodeURIComponent(email));
  }

  it('lookups by card and by phone and a purchase log their URLs with the card cut to its last 4 digits and the phone masked', async () => {
    await pos(t, store).lookup({ cardNo: member.cardNo }).expect(200);
    await pos(t, store).lookup({ phone: member.phone }).expect(200);
    await pos(t, store).lookup({ cardNo: generateCardNo() }).expect(404);
    await pos(t, store)
      .purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 2590 }]))
      .expect(201);
    const logged = text();
    expect(logged).toContain(`cardNo=************${member.cardNo.slice(-4)}`);
    expect(logged).toContain(`****${member.phone.slice(-4)}`);
    expect(logged).toContain('"url":"/api/v1/pos/transactions"');
    assertNoPersonalData();
  });

  it('a duplicate phone through the admin API is a 409 and leaves no personal data in the logs', async () => {
    const token = await loginAdmin(t);
    const res = await t.http
      .post('/api/v1/admin/members')
      .set('Authorization', `Bearer ${token}`)
      .send({ name, phone: member.phone, email })
      .expect(409);
    expect(res.body.code).toBe('PHONE_TAKEN');
    assertNoPersonalData();
  });

  it('an unknown error from a failed query is logged with an error id and its cleaned message and stack, never its parameters or SQL values', async () => {
    // A real failed query carrying a phone, a name and an email as parameters and the phone in the duplicate-key message.
    const failed = await t.db
      .query('UPDATE members SET phone = ?, name = ?, email = ? WHERE id = ?', [member.phone, name, email, other.memberId])
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failed).toBeInstanceOf(QueryFailedError);
    expect(JSON.stringify((failed as QueryFailedError).parameters)).toContain(name);
    expect((failed as QueryFailedError).message).toContain(member.phone);

    const body = toErrorBody(failed, new Logger('Errors'));
    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    const errorId = /Error id ([0-9a-f-]{36})/.exec(body.message)?.[1];
    expect(errorId).toBeDefined();

    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.errorId === errorId);
    expect(entry).toMatchObject({ level: 50, msg: 'unhandled error', err: { type: 'QueryFailedError', code: 'ER_DUP_ENTRY' } });
    const err = (entry as { err: { message: string; stack: string } }).err;
    expect(err.message).toContain("for key 'ux_members_phone'");
    expect(err.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(entry)).not.toMatch(/"(parameters|sql|driverError)"/);
    assertNoPersonalData();
  });

  it('personal data passed to any logger at any depth, in messages and raw driver errors, is cleaned', async () => {
    const failed = (await t.db
      .query('SELECT * FROM members WHERE phone = ? AND no_such_column = ?', [member.phone, email])
      .catch((e: unknown) => e)) as QueryFailedError & {
      driverError: Error;
    };
    const logger = new Logger('Anywhere');
    // Names cannot be recognised in free text: they are masked as fields (name, fullName, ...), so code logs them only that way.
    logger.warn(`could not reach the member at ${member.phone} / ${email}, card ${member.cardNo}`);
    logger.error(
      { err: failed.driverError, detail: { deep: { deeper: { member: { name, phone: member.phone, email, cardNo: member.cardNo } } } } },
      'raw driver error',
    );
    logger.log({ members: [{ contact: `${email} ${member.phone}` }], query: failed.query }, 'nested');
    const logged = text();
    expect(logged).toContain('raw driver error');
    expect(logged).toContain('ER_BAD_FIELD_ERROR');
    expect(logged).toContain(`************${member.cardNo.slice(-4)}`);
    assertNoPersonalData();
  });

  it('Nest framework start-up lines (mapped routes, loaded modules) are not logged at info', () => {
    expect(text()).not.toMatch(/Mapped \{|RoutesResolver|RouterExplorer|InstanceLoader|dependencies initialized/);
  });
});
