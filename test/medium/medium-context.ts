import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { PointsModule } from '../../src/modules/points/points.module';
import { ProgramSettingsService } from '../../src/modules/program/program-settings.service';
import { uniquePhone } from '../support/factories';

/** The points engine and the members on the run's database: no HTTP, no workers. */
export async function startMediumContext(): Promise<{ ctx: INestApplicationContext; db: DataSource; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule],
  }).compile();
  const ctx = moduleRef.createNestApplication({ logger: false });
  await ctx.init();
  return { ctx, db: ctx.get(DataSource), close: () => ctx.close() };
}

export async function newMember(ctx: INestApplicationContext): Promise<{ memberId: string; cardNo: string }> {
  const { member, cardNo } = await ctx.get(MembersService).create(SYSTEM_ACTOR, { name: '测试', phone: uniquePhone() });
  return { memberId: member.id, cardNo };
}

/** Changes program settings for the duration of fn, then restores them. */
export async function withProgram<T>(
  ctx: INestApplicationContext,
  changes: Record<string, number | boolean>,
  fn: () => Promise<T>,
): Promise<T> {
  const db = ctx.get(DataSource);
  const settings = ctx.get(ProgramSettingsService);
  const columns = Object.keys(changes);
  const [before] = await db.query(`SELECT ${columns.join(', ')} FROM program_settings WHERE id = 1`);
  const set = async (values: Record<string, unknown>) => {
    await db.query(
      `UPDATE program_settings SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = 1`,
      columns.map((c) => values[c]),
    );
    settings.invalidate();
  };
  await set(changes);
  try {
    return await fn();
  } finally {
    await set(before as Record<string, unknown>);
  }
}
