import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { QueryState } from '../components/QueryState';
import { CategorySelect } from '../names/CategorySelect';
import { useCategoryName } from '../names/useNames';
import { useProgram, useSaveExcludedCategories } from './queries';

/** The categories that earn no points (program settings), picked by name; admins change them. */
export function ExcludedCategories({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const program = useProgram();
  const save = useSaveExcludedCategories();
  const categoryName = useCategoryName();
  const [codes, setCodes] = useState<string[]>([]);
  useEffect(() => {
    setCodes(program.data?.excludedCategories ?? []);
  }, [program.data]);
  return (
    <Card size="small" title={t('tiers.excludedCategories')} data-testid="excluded-categories">
      <QueryState query={program}>
        {() => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('tiers.excludedCategoriesHint')}</Typography.Text>
            {editable ? (
              <Space wrap>
                <CategorySelect label={t('tiers.excludedCategories')} value={codes} onChange={setCodes} />
                <Button onClick={() => save.mutate(codes)} loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Space>
            ) : (
              <Typography.Text>{codes.length ? codes.map(categoryName).join('、') : '—'}</Typography.Text>
            )}
            {save.error && <Alert type="error" role="alert" title={save.error.message} />}
            {save.isSuccess && <Alert type="success" title={t('tiers.excludedSaved')} />}
          </Space>
        )}
      </QueryState>
    </Card>
  );
}
