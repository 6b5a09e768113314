import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { Actor, AuditService } from '../../audit/audit.service';
import { ValueSettingsProposal, valueSettingsProblems } from '../rules/value-settings-rule';
import { currentGradeShares, currentReference, currentWeights } from '../value-settings';
import { valueSettingsInvalid } from '../value.errors';
import { ValueRepository } from '../value.repository';

export interface ValueSettingsView extends ValueSettingsProposal {
  updatedAt: string;
}

/**
 * Replaces the value score's weights, reference figures and grade shares.
 * Validated as a whole (422 VALUE_SETTINGS_INVALID, nothing written), audited
 * with the old and new values. Runs already started keep the settings they
 * started with; the next value run uses the new ones.
 */
@Injectable()
export class UpdateValueSettingsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ValueRepository,
    private readonly audit: AuditService,
  ) {}

  async view(): Promise<ValueSettingsView> {
    const row = await this.repo.settings();
    return {
      weights: currentWeights(row),
      reference: currentReference(row),
      grades: currentGradeShares(row),
      updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
    };
  }

  async update(actor: Actor, proposal: ValueSettingsProposal): Promise<ValueSettingsView> {
    const problems = valueSettingsProblems(proposal);
    if (problems.length > 0) {
      throw valueSettingsInvalid(problems);
    }
    const now = new Date();
    await this.repo.seedSettings(now);
    await inTransaction(this.dataSource, async (m) => {
      const row = await this.repo.lockSettings(m);
      const before = { weights: currentWeights(row), reference: currentReference(row), grades: currentGradeShares(row) };
      await this.repo.saveSettings(m, proposal, now);
      await this.audit.record(
        actor,
        'value.settings',
        { type: 'value_settings', id: '1' },
        { before, after: { weights: proposal.weights, reference: proposal.reference, grades: proposal.grades } },
        m,
      );
    });
    return this.view();
  }
}
