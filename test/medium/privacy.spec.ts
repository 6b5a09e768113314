import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { ArchiveModule } from '../../src/modules/archive/archive.module';
import { MERGE_DECISIONS } from '../../src/modules/archive/merge-decisions';
import { MergeMembersUseCase } from '../../src/modules/archive/use-cases/merge-members.use-case';
import { Actor } from '../../src/modules/audit/audit.service';
import { MemberArchiveService } from '../../src/modules/members/member-archive.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { PointsModule } from '../../src/modules/points/points.module';
import { ERASURE_DECISIONS, ERASURE_STEPS } from '../../src/modules/privacy/erasure-steps';
import { PrivacyModule } from '../../src/modules/privacy/privacy.module';
import { EraseMemberUseCase } from '../../src/modules/privacy/use-cases/erase-member.use-case';
import { ExportMemberUseCase } from '../../src/modules/privacy/use-cases/export-member.use-case';
import { RequestErasureUseCase } from '../../src/modules/privacy/use-cases/request-erasure.use-case';
import { ComplaintsModule } from '../../src/modules/complaints/complaints.module';
import { CommentComplaintUseCase } from '../../src/modules/complaints/use-cases/comment-complaint.use-case';
import { RaiseComplaintUseCase } from '../../src/modules/complaints/use-cases/raise-complaint.use-case';
import { newId } from '../../src/common/ids';
import { uniquePhone } from '../support/factories';

describe('privacy use cases and per-member tables (real database, no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  const actor: Actor = { type: 'admin', id: 'medium-test' };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, ArchiveModule, PrivacyModule, ComplaintsModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  const newMember = async (name = 'Test Person') =>
    (await ctx.get(MembersService).create(actor, { name, phone: uniquePhone(), email: `${Date.now()}.${Math.random()}@example.net` }))
      .member.id;

  it('every table with a member id column has a merge decision and an erasure decision (checked against information_schema)', async () => {
    const rows: Array<{ t: string }> = await db.query(
      `SELECT DISTINCT table_name AS t FROM information_schema.columns
        WHERE table_schema = DATABASE() AND column_name LIKE '%member\\_id' ORDER BY table_name`,
    );
    const tables = rows
      .map((r) => r.t)
      .filter((t) => t !== 'members')
      .sort();
    expect(tables.length).toBeGreaterThan(20);
    expect(Object.keys(MERGE_DECISIONS).sort()).toEqual(tables);
    expect(
      Object.keys(ERASURE_DECISIONS)
        .filter((t) => t !== 'members')
        .sort(),
    ).toEqual(tables);
    for (const step of ERASURE_STEPS.filter((s) => s.table !== 'audit_log')) {
      expect([step.name, step.table in ERASURE_DECISIONS]).toEqual([step.name, true]);
    }
  });

  it('a request is recorded once however often and however concurrently it is made; the member is erasing and cannot be merged', async () => {
    const memberId = await newMember();
    const other = await newMember();
    const requests = await Promise.all([1, 2, 3].map(() => ctx.get(RequestErasureUseCase).request(memberId, actor)));
    expect(new Set(requests.map((r) => r.jobId)).size).toBe(1);
    expect(await db.query('SELECT state FROM member_erasures WHERE member_id = ?', [memberId])).toEqual([{ state: 'requested' }]);
    expect(await db.query('SELECT COUNT(*) AS n FROM job_runs WHERE id = ?', [requests[0].jobId])).toEqual([{ n: '1' }]);
    expect((await db.query('SELECT status FROM members WHERE id = ?', [memberId]))[0].status).toBe('erasing');
    await expect(ctx.get(MergeMembersUseCase).merge(actor, { survivorId: other, sourceId: memberId })).rejects.toMatchObject({
      code: 'MERGE_REFUSED',
    });
    await expect(ctx.get(MergeMembersUseCase).merge(actor, { survivorId: memberId, sourceId: other })).rejects.toMatchObject({
      code: 'MERGE_REFUSED',
    });

    // A run that failed for good is replaced when asked again; a running one is not.
    await db.query("UPDATE job_runs SET state = 'failed' WHERE id = ?", [requests[0].jobId]);
    const retried = await ctx.get(RequestErasureUseCase).request(memberId, actor);
    expect(retried.jobId).not.toBe(requests[0].jobId);
    expect(await db.query('SELECT job_run_id FROM member_erasures WHERE member_id = ?', [memberId])).toEqual([
      { job_run_id: retried.jobId },
    ]);
    expect((await ctx.get(RequestErasureUseCase).request(memberId, actor)).jobId).toBe(retried.jobId);
  });

  it('the worker anonymises once: a second run changes nothing; change history keeps the fields and who, without the values', async () => {
    const memberId = await newMember('Wilhelmina Ostrowska');
    await ctx.get(MemberArchiveService).updateProfile(actor, memberId, { address: '5 Quiet Row', city: 'Gdansk', gender: 'female' });
    await ctx.get(MemberArchiveService).setConsents(actor, memberId, { email: true });
    await ctx.get(RequestErasureUseCase).request(memberId, actor);
    // The request closed the card already (the POS refuses it from the request on); the worker's step finds it closed.
    expect(await db.query('SELECT status FROM cards WHERE member_id = ?', [memberId])).toEqual([{ status: 'closed' }]);

    const first = await ctx.get(EraseMemberUseCase).erase(memberId);
    expect(first).toMatchObject({ profile: 1, cards: 0, consents: 1, changeValues: 3 });
    const snapshot = async () => ({
      member: await db.query('SELECT * FROM members WHERE id = ?', [memberId]),
      changes: await db.query('SELECT field, old_value, new_value FROM member_changes WHERE member_id = ? ORDER BY id', [memberId]),
      audit: await db.query('SELECT id, changes FROM audit_log WHERE entity_id = ? ORDER BY id', [memberId]),
      events: await db.query("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE event_id = CONCAT('member.erased:', ?)", [memberId]),
    });
    const after = await snapshot();
    expect(after.member[0]).toMatchObject({
      status: 'erased',
      name: null,
      phone: null,
      email: null,
      address: null,
      city: null,
      gender: null,
    });
    expect(after.changes).toEqual(
      expect.arrayContaining([
        { field: 'address', old_value: null, new_value: null },
        { field: 'consent.email', old_value: null, new_value: 'true' },
        { field: 'status', old_value: 'erasing', new_value: 'erased' },
      ]),
    );
    expect(JSON.stringify(after.audit)).not.toContain('Wilhelmina');
    expect(JSON.stringify(after.audit)).not.toContain('Quiet Row');

    expect(await ctx.get(EraseMemberUseCase).erase(memberId)).toEqual({ alreadyDone: 1 });
    expect(await snapshot()).toEqual(after);

    const exported = await ctx.get(ExportMemberUseCase).export(memberId);
    expect(exported.profile).toMatchObject({ status: 'erased', name: null });
  });

  it('exports the member’s complaint texts and survey answers, and erasure clears them (scores, states and times kept)', async () => {
    const memberId = await newMember('Jadwiga Kowalczyk');
    const caseId = await ctx.get(RaiseComplaintUseCase).raise(actor, {
      memberId,
      category: 'service',
      description: 'Jadwiga was shouted at by the cashier',
      severity: 'high',
    });
    await ctx.get(CommentComplaintUseCase).comment(actor, caseId, 'reply', 'We are sorry, Jadwiga');
    const surveyId = newId();
    const questionId = newId();
    const invitationId = newId();
    await db.query(
      "INSERT INTO surveys (id, title_zh, title_en, status, created_at, updated_at) VALUES (?, '调查', 'Survey', 'active', NOW(3), NOW(3))",
      [surveyId],
    );
    await db.query(
      "INSERT INTO survey_invitations (id, survey_id, member_id, open_member_id, source, source_ref, tier_code, status, created_at, expires_at) VALUES (?, ?, ?, ?, 'campaign', 'c:1', 'basic', 'open', NOW(3), DATE_ADD(NOW(3), INTERVAL 7 DAY))",
      [invitationId, surveyId, memberId, memberId],
    );
    await db.query(
      'INSERT INTO survey_answers (invitation_id, survey_id, question_id, member_id, score, text, created_at) VALUES (?, ?, ?, ?, NULL, ?, NOW(3)), (?, ?, ?, ?, 4, NULL, NOW(3))',
      [invitationId, surveyId, questionId, memberId, 'Jadwiga loves the bakery', invitationId, surveyId, newId(), memberId],
    );

    const exported = JSON.stringify(await ctx.get(ExportMemberUseCase).export(memberId));
    for (const text of ['Jadwiga was shouted at by the cashier', 'We are sorry, Jadwiga', 'Jadwiga loves the bakery', invitationId]) {
      expect(exported).toContain(text);
    }

    await ctx.get(RequestErasureUseCase).request(memberId, actor);
    const counts = await ctx.get(EraseMemberUseCase).erase(memberId);
    expect(counts).toMatchObject({ complaints: 1, complaintSteps: 1, surveyAnswers: 1, surveyInvitations: 1 });
    expect(await db.query('SELECT description, state, severity FROM complaints WHERE id = ?', [caseId])).toEqual([
      { description: null, state: 'open', severity: 'high' },
    ]);
    expect(await db.query('SELECT kind, text FROM complaint_steps WHERE complaint_id = ? ORDER BY id', [caseId])).toEqual([
      { kind: 'raised', text: null },
      { kind: 'reply', text: null },
    ]);
    expect(await db.query('SELECT score, text FROM survey_answers WHERE invitation_id = ? ORDER BY id', [invitationId])).toEqual([
      { score: null, text: null },
      { score: 4, text: null },
    ]);
    expect(await db.query('SELECT status, open_member_id FROM survey_invitations WHERE id = ?', [invitationId])).toEqual([
      { status: 'expired', open_member_id: null },
    ]);
    expect(JSON.stringify(await ctx.get(ExportMemberUseCase).export(memberId))).not.toContain('Jadwiga');
  });
});
