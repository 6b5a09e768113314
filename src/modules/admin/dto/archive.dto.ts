/** Requests and answers of the member archive routes (search, profile, notes, tags, adjustments, merge, cards, users, audit, import). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
} from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { ADMIN_ROLES, AdminRole } from '../../auth/entities/admin-user.entity';
import { E164 } from '../../../common/validation/e164';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;

class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MemberSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'A card number (16 digits), a phone in E.164 (+86…), an email (has @) or the start of a name. Empty: every member.',
    example: '+8613800138000',
  })
  @IsOptional()
  @IsString()
  @MaxCodePoints(254)
  q?: string;

  @ApiPropertyOptional({ ...UUID, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class IdCursorQuery extends PageQuery {
  @ApiPropertyOptional({ type: 'integer', format: 'int64', minimum: 1, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ type: 'string', maxLength: 100, example: '张三丰' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name?: string;

  @ApiPropertyOptional({ type: 'string', pattern: E164.source, example: '+8613900139000' })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;

  @ApiPropertyOptional({ ...NULLABLE, format: 'email', example: 'zhang.sanfeng@example.com', description: 'null clears it.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxCodePoints(254)
  email?: string | null;

  @ApiPropertyOptional({ ...NULLABLE, format: 'date', example: '1990-05-17' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthday must be a date, YYYY-MM-DD' })
  birthday?: string | null;

  @ApiPropertyOptional({ enum: ['female', 'male', 'other', 'undisclosed'], nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(['female', 'male', 'other', 'undisclosed'])
  gender?: string | null;

  @ApiPropertyOptional({ ...NULLABLE, maxLength: 100, example: 'Shanghai' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxCodePoints(100)
  @IsSafeText()
  city?: string | null;

  @ApiPropertyOptional({ ...NULLABLE, maxLength: 300, example: '上海市徐汇区漕溪北路 88 号' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxCodePoints(300)
  @IsSafeText()
  address?: string | null;

  @ApiPropertyOptional({ ...UUID, nullable: true, description: 'The preferred store.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  preferredStoreId?: string | null;
}

export class NoteDto {
  @ApiProperty({ maxLength: 2000, example: 'Called about a missing receipt; asked for a photo.' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(2000)
  @IsSafeText()
  text: string;
}

export class TagsDto {
  @ApiProperty({ type: [String], maxItems: 20, example: ['b2b', 'complaint-2026'] })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,39}$/u, { each: true, message: 'each tag: 1 to 40 letters, digits, space, _ . -' })
  tags: string[];
}

export class AdjustmentDto {
  @ApiProperty({ type: 'integer', description: 'Points to add (positive) or take (negative); not 0.', example: 500 })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  points: number;

  @ApiProperty({ maxLength: 200, example: 'Goodwill: delivery arrived late' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(200)
  @IsSafeText()
  reason: string;

  @ApiPropertyOptional({
    ...DATE_TIME,
    description: "Expiry of the points added; the program's default when absent. Ignored for negative adjustments.",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiProperty({
    maxLength: 64,
    pattern: '^[A-Za-z0-9._:-]{8,64}$',
    description: 'Chosen by the console; the same key posts once.',
    example: 'adj-2026-11-25-0001',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,64}$/, { message: 'idempotencyKey: 8 to 64 letters, digits or . _ : -' })
  idempotencyKey: string;
}

export class AdjustmentResponse {
  @ApiProperty({ example: 'adj-2026-11-25-0001' })
  adjustmentId: string;
  @ApiProperty({ ...UUID })
  memberId: string;
  @ApiProperty({ type: 'integer', example: 500 })
  points: number;
  @ApiProperty({ example: 'Goodwill: delivery arrived late' })
  reason: string;
  @ApiProperty({ ...DATE_TIME, nullable: true })
  expiresAt: string | null;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1234 })
  entryId: number;
  @ApiProperty({ type: 'integer', format: 'int64', example: 1737 })
  balanceAfter: number;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class MergeDto {
  @ApiProperty({ ...UUID, description: 'The duplicate that is folded into the member of the path.' })
  @IsUUID()
  sourceMemberId: string;
}

export class MergeResponse {
  @ApiProperty({ ...UUID })
  sourceMemberId: string;
  @ApiProperty({ ...UUID })
  survivorMemberId: string;
  @ApiProperty({ type: 'integer', description: "The source's balance that moved (negative: a debt moved).", example: 820 })
  pointsMoved: number;
  @ApiProperty({ type: 'integer', example: 2057 })
  survivorBalance: number;
  @ApiProperty({ example: 'VIP' })
  survivorTier: string;
  @ApiProperty({ ...DATE_TIME })
  mergedAt: string;
}

export class MemberSearchTierResponse {
  @ApiProperty({ example: 'VIP' })
  code: string;
  @ApiProperty({ example: 'VIP' })
  name: string;
}

export class MemberSearchCardResponse {
  @ApiProperty({ example: '8000000000000018' })
  cardNo: string;
  @ApiProperty({ example: 'active' })
  status: string;
}

export class MemberSearchItemResponse {
  @ApiProperty({ ...UUID })
  memberId: string;
  @ApiProperty({ enum: ['active', 'temporary', 'merged', 'erasing', 'erased'], example: 'active' })
  status: string;
  @ApiProperty({ ...NULLABLE, example: '张*', description: 'Masked without members.pii.' })
  name: string | null;
  @ApiProperty({ ...NULLABLE, example: '+86138****8000' })
  phone: string | null;
  @ApiProperty({ ...NULLABLE, example: 'z*******@example.com' })
  email: string | null;
  @ApiProperty({ type: () => MemberSearchTierResponse, example: { code: 'VIP', name: 'VIP' } })
  tier: MemberSearchTierResponse;
  @ApiProperty({ type: 'integer', example: 1237 })
  balance: number;
  @ApiProperty({ type: () => MemberSearchCardResponse, nullable: true, example: { cardNo: '8000000000000018', status: 'active' } })
  card: MemberSearchCardResponse | null;
  @ApiProperty({ ...UUID, nullable: true })
  mergedInto: string | null;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class MemberSearchResponse {
  @ApiProperty({ type: () => [MemberSearchItemResponse] })
  items: MemberSearchItemResponse[];
  @ApiProperty({ ...NULLABLE, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor: string | null;
  @ApiProperty({ description: 'False when name, phone and email are masked (no members.pii).' })
  unmasked: boolean;
}

export class MemberChangeResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  id: number;
  @ApiProperty({ example: 'phone' })
  field: string;
  @ApiProperty({ ...NULLABLE, example: '+86138****8000' })
  oldValue: string | null;
  @ApiProperty({ ...NULLABLE, example: '+86139****9000' })
  newValue: string | null;
  @ApiProperty({ example: { type: 'admin', id: '01a212aa-8b99-749f-88e9-001ff70d99ce' } })
  by: { type: string; id: string | null };
  @ApiProperty({ ...DATE_TIME })
  at: string;
}

export class MemberHistoryResponse {
  @ApiProperty({ type: () => [MemberChangeResponse] })
  items: MemberChangeResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}

export class FieldChangeResponse {
  @ApiProperty({ example: 'city' })
  field: string;
  @ApiProperty({ ...NULLABLE, example: 'Shanghai' })
  oldValue: string | null;
  @ApiProperty({ ...NULLABLE, example: 'Suzhou' })
  newValue: string | null;
}

export class ProfileChangedResponse {
  @ApiProperty({ type: () => [FieldChangeResponse] })
  changed: FieldChangeResponse[];
}

export class NoteResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  noteId: number;
  @ApiProperty({ ...UUID })
  authorId: string;
  @ApiProperty({ ...NULLABLE, example: 'support@example.com' })
  authorEmail: string | null;
  @ApiProperty()
  text: string;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class NotesResponse {
  @ApiProperty({ type: () => [NoteResponse] })
  items: NoteResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}

export class TagsResponse {
  @ApiProperty({ type: [String], example: ['b2b', 'complaint-2026'] })
  tags: string[];
}

export class CardChangeResponse {
  @ApiProperty({ example: '8000000000000018' })
  cardNo: string;
  @ApiProperty({ ...UUID })
  memberId: string;
  @ApiProperty({ enum: ['active', 'frozen', 'lost', 'closed'], example: 'frozen' })
  status: string;
  @ApiProperty({ ...NULLABLE, description: 'The replacement card (replace).', example: null })
  replacedBy: string | null;
}

export class CreateUserDto {
  @ApiProperty({ format: 'email', example: 'analyst@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ADMIN_ROLES, example: 'analyst' })
  @IsIn(ADMIN_ROLES)
  role: AdminRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ADMIN_ROLES })
  @IsOptional()
  @IsIn(ADMIN_ROLES)
  role?: AdminRole;

  @ApiPropertyOptional({ description: 'true disables the user (their tokens stop working within 5 s); false enables again.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class UserResponse {
  @ApiProperty({ ...UUID })
  userId: string;
  @ApiProperty({ example: 'analyst@example.com' })
  email: string;
  @ApiProperty({ enum: ADMIN_ROLES })
  role: string;
  @ApiProperty()
  disabled: boolean;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true })
  disabledAt: string | null;
}

export class UserListResponse {
  @ApiProperty({ type: () => [UserResponse] })
  users: UserResponse[];
}

export class AuditQueryDto extends IdCursorQuery {
  @ApiPropertyOptional({ description: 'Actor id: an admin user id, store id or member id.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ ...UUID, description: 'Entries about this member.' })
  @IsOptional()
  @IsUUID()
  member?: string;

  @ApiPropertyOptional({ description: 'An action (points.adjusted), or a prefix ending in a dot (card.).', example: 'card.' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/, { message: 'type: an action such as points.adjusted, or a prefix such as card.' })
  type?: string;

  @ApiPropertyOptional({ ...DATE_TIME })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ ...DATE_TIME, description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  id: number;
  @ApiProperty({ enum: ['admin', 'store', 'member', 'system'] })
  actorType: string;
  @ApiProperty({ ...NULLABLE })
  actorId: string | null;
  @ApiProperty({ ...NULLABLE, example: 'support@example.com' })
  actorEmail: string | null;
  @ApiProperty({ example: 'card.freeze' })
  action: string;
  @ApiProperty({ example: 'member' })
  entityType: string;
  @ApiProperty()
  entityId: string;
  @ApiProperty({ nullable: true, example: { cardNo: '8000000000000018', from: 'active', to: 'frozen' } })
  changes: unknown;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: () => [AuditEntryResponse] })
  items: AuditEntryResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}

export class ImportDto {
  @ApiProperty({
    description: 'The CSV (or send the file itself as text/csv). Header: external_id,name[,phone,email,birthday,opening_points].',
    example: 'external_id,name,phone,email,birthday,opening_points\nOLD-1,李四,+8613800138000,li@example.com,1990-05-17,1200\n',
  })
  @IsString()
  @MinLength(1)
  csv: string;
}

export class ImportStartedResponse {
  @ApiProperty({ ...UUID, description: 'Follow at GET /api/v1/admin/jobs/{jobId}; rows at GET members/import/{jobId}/rows.' })
  jobId: string;
  @ApiProperty({ type: 'integer', example: 100000 })
  rows: number;
  @ApiProperty({ type: 'integer', example: 100 })
  parts: number;
}

export class ImportRowsQuery extends IdCursorQuery {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'exists', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'exists', 'rejected'])
  status?: 'pending' | 'accepted' | 'exists' | 'rejected';
}

export class ImportRowResponse {
  @ApiProperty({ type: 'integer', description: 'Data line (1 is the first line after the header).' })
  row: number;
  @ApiProperty({ ...NULLABLE, example: 'OLD-7' })
  externalId: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'exists', 'rejected'] })
  status: string;
  @ApiProperty({ type: [String], example: ['phone: E.164, e.g. +8613800138000'] })
  errors: string[];
  @ApiProperty({ ...UUID, nullable: true })
  memberId: string | null;
}

export class ImportRowsResponse {
  @ApiProperty({ type: () => [ImportRowResponse] })
  items: ImportRowResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}
