import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { RateLimiter } from '../../common/http/rate-limiter';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { CardsModule } from '../cards/cards.module';
import { ClubsModule } from '../clubs/clubs.module';
import { MembersModule } from '../members/members.module';
import { MessagesModule } from '../messages/messages.module';
import { PointsModule } from '../points/points.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { TiersModule } from '../tiers/tiers.module';
import { ProgramModule } from '../program/program.module';
import { RewardsModule } from '../rewards/rewards.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { PortalComplaintsController } from './portal-complaints.controller';
import { SurveysModule } from '../surveys/surveys.module';
import { PortalSurveysController } from './portal-surveys.controller';
import { PortalRewardsController } from './portal-rewards.controller';
import { MemberAuthGuard } from './auth/member-auth.guard';
import { MemberTokensService } from './auth/member-tokens.service';
import { SignInCodesService } from './auth/sign-in-codes.service';
import { PortalAuthController } from './portal-auth.controller';
import { PortalMeController } from './portal-me.controller';
import { PortalPrivacyController } from './portal-privacy.controller';
import { PortalQueries } from './portal.queries';
import { SignInTemplateSeeder } from './sign-in-template';
import { GetHistoryUseCase } from './use-cases/get-history.use-case';
import { GetPointsUseCase } from './use-cases/get-points.use-case';
import { GetProfileUseCase } from './use-cases/get-profile.use-case';
import { GetTierProgressUseCase } from './use-cases/get-tier-progress.use-case';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { MyCardsUseCase } from './use-cases/my-cards.use-case';
import { MyClubsUseCase } from './use-cases/my-clubs.use-case';
import { MyConsentsUseCase } from './use-cases/my-consents.use-case';
import { RegisterMemberUseCase } from './use-cases/register-member.use-case';
import { SendSignInCodeUseCase } from './use-cases/send-sign-in-code.use-case';
import { ShowMemberCodeUseCase } from './use-cases/show-member-code.use-case';
import { UpdateProfileUseCase } from './use-cases/update-profile.use-case';

/** The member portal (/api/v1/portal): an interface over the domain modules, with member sign-in of its own. */
@Module({
  imports: [
    ProgramModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    AuditModule,
    CardsModule,
    ClubsModule,
    MembersModule,
    MessagesModule,
    PointsModule,
    PrivacyModule,
    RewardsModule,
    ComplaintsModule,
    SurveysModule,
    TiersModule,
  ],
  controllers: [
    PortalAuthController,
    PortalMeController,
    PortalPrivacyController,
    PortalRewardsController,
    PortalComplaintsController,
    PortalSurveysController,
  ],
  providers: [
    RateLimiter,
    PortalQueries,
    SignInCodesService,
    MemberTokensService,
    MemberAuthGuard,
    SignInTemplateSeeder,
    SendSignInCodeUseCase,
    LogInUseCase,
    RegisterMemberUseCase,
    GetProfileUseCase,
    UpdateProfileUseCase,
    GetPointsUseCase,
    GetHistoryUseCase,
    GetTierProgressUseCase,
    MyClubsUseCase,
    MyCardsUseCase,
    MyConsentsUseCase,
    ShowMemberCodeUseCase,
  ],
})
export class PortalModule {}
