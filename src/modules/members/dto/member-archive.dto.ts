/** Requests and answers of the member archive routes: search, profile, notes, tags and history. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MinLength, ValidateIf } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { E164 } from '../../../common/validation/e164';
import { PageQuery } from '../../../common/api/pagination';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;

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
