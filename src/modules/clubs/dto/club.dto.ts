/** Requests of the club routes. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { ClubRuleModel, RULE_EXAMPLE } from '../rules/club-rule.model';

const RULE_SCHEMA = {
  type: ClubRuleModel,
  description:
    'Rule of an automatic club: combine (all | any) over 1–10 conditions, each one of the condition kinds (by type). ' +
    'Problems come back as VALIDATION_FAILED with the path of each field (rule.conditions[0].days).',
  example: RULE_EXAMPLE,
} as const;

class ClubFieldsDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: '宝宝俱乐部', description: 'Name in zh-CN.' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: 'Baby Club', description: 'Name in English.' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 1000, nullable: true, example: 'Offers for parents of children up to 3.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(1000)
  @IsSafeText()
  description?: string | null;

  @ApiProperty({ enum: ['open', 'invite', 'automatic'], example: 'automatic' })
  @IsIn(['open', 'invite', 'automatic'])
  joinPolicy: 'open' | 'invite' | 'automatic';

  @ApiPropertyOptional({ enum: ['active', 'archived'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';

  @ApiPropertyOptional({ ...RULE_SCHEMA, nullable: true })
  @IsOptional()
  @IsObject()
  rule?: Record<string, unknown> | null;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description:
      'Automatic clubs: whether the regroup takes out members who joined by the rule and no longer match. ' +
      'Default false: like a retailer’s Baby club, members stay once in (until they leave).',
  })
  @IsOptional()
  @IsBoolean()
  dropUnmatched?: boolean;
}

export class CreateClubDto extends ClubFieldsDto {
  @ApiProperty({ type: 'string', pattern: '^[A-Z0-9_-]{1,32}$', example: 'BABY', description: 'Short code, unique; shown to the POS.' })
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'code must be 1 to 32 capital letters, digits, _ or -' })
  code: string;
}

/** Every field optional; the code cannot change (tills and campaigns know clubs by it). */
export class UpdateClubDto {
  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, example: '宝宝俱乐部' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh?: string;

  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, example: 'Baby Club' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxCodePoints(1000)
  @IsSafeText()
  description?: string | null;

  @ApiPropertyOptional({ enum: ['open', 'invite', 'automatic'] })
  @IsOptional()
  @IsIn(['open', 'invite', 'automatic'])
  joinPolicy?: 'open' | 'invite' | 'automatic';

  @ApiPropertyOptional({ enum: ['active', 'archived'], description: 'archived: hidden from the POS, nobody joins, not regrouped.' })
  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';

  @ApiPropertyOptional({
    ...RULE_SCHEMA,
    nullable: true,
    description: 'null removes the rule (only for a club that stops being automatic).',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsObject()
  rule?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @IsBoolean()
  dropUnmatched?: boolean;
}

export class ExplainRuleDto {
  @ApiProperty(RULE_SCHEMA)
  @IsObject()
  rule: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description: 'Also count the members who match now (one statement over every member; may answer 503 on a very large program).',
  })
  @IsOptional()
  @IsBoolean()
  estimate?: boolean;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    description:
      'The club the rule is for: the estimate is then what that club would hold after a regroup by this rule (members who left it or were taken out by an admin are not put back; members let in by hand stay).',
  })
  @IsOptional()
  @IsUUID()
  clubId?: string;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    description: 'A member: the answer then says, condition by condition, what this member still lacks to match (memberGaps).',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

class PageQueryDto {
  @ApiPropertyOptional({ type: 'string', description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ClubListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'archived'] })
  @IsOptional()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';
}

export class ClubMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'left'], description: 'Default: both.' })
  @IsOptional()
  @IsIn(['active', 'left'])
  status?: 'active' | 'left';
}

export class ClubAnalyticsQueryDto {
  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'Default: 30 days before `to`.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'Default: now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['day', 'month'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'month'])
  granularity?: 'day' | 'month';
}
